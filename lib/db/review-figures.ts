import 'server-only';
import type { MeasureFigures } from '@/lib/domain/progress-reviews';
import { db } from './client';

/**
 * Each recommendation's measures with their figures as of a date (published
 * audits whose cases end on or before it). Until the measure series are
 * merged, the measures come without their series.
 */
export async function findMeasureFigures(
  recommendationIds: string[],
  asOf: string,
): Promise<Map<string, MeasureFigures[]>> {
  void asOf;
  const byRecommendation = new Map<string, MeasureFigures[]>();
  if (recommendationIds.length === 0) return byRecommendation;
  const measures = await db().measure.findMany({
    where: { recommendationId: { in: recommendationIds } },
    select: { recommendationId: true, label: true, targetPercent: true, targetDirection: true },
    orderBy: { createdAt: 'asc' },
  });
  for (const measure of measures) {
    const list = byRecommendation.get(measure.recommendationId) ?? [];
    list.push({
      label: measure.label,
      series: [],
      change: null,
      target:
        measure.targetPercent === null
          ? null
          : { percent: measure.targetPercent, direction: measure.targetDirection },
      targetMet: null,
    });
    byRecommendation.set(measure.recommendationId, list);
  }
  return byRecommendation;
}
