import 'server-only';
import { assembleMeasure } from '@/lib/domain/measures';
import { figuresOf, type MeasureFigures } from '@/lib/domain/progress-reviews';
import { findMeasuresOf, loadMeasureSeries } from './measure-series';

/**
 * Each recommendation's measures with their figures as of a date: the
 * published audits whose cases end on or before it, with the change from the
 * baseline and the target as lib/domain/measures reads them.
 */
export async function findMeasureFigures(
  recommendationIds: string[],
  asOf: string,
): Promise<Map<string, MeasureFigures[]>> {
  const byRecommendation = new Map<string, MeasureFigures[]>();
  const definitions = await findMeasuresOf(recommendationIds);
  if (definitions.length === 0) return byRecommendation;
  const series = new Map((await loadMeasureSeries(definitions)).map((data) => [data.measureId, data]));
  for (const definition of definitions) {
    const data = series.get(definition.id);
    const counts = (data?.counts ?? []).filter((count) => count.windowTo <= asOf);
    const names = data?.names ?? { areas: {}, teams: {}, sectionTitle: null, shareLabel: 'Good or above' };
    const list = byRecommendation.get(definition.recommendationId) ?? [];
    list.push(figuresOf(assembleMeasure(definition, names, counts)));
    byRecommendation.set(definition.recommendationId, list);
  }
  return byRecommendation;
}
