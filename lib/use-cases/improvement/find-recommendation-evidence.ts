import 'server-only';
import { assembleMeasure } from '@/lib/domain/measures';
import type { RecommendationEvidence } from '@/lib/domain/measure-views';
import { findAllRecommendations, findLinkedAudits } from '@/lib/db/measures';
import { findMeasuresOf, loadMeasureSeries } from '@/lib/db/measure-series';

/**
 * For the `recommendations` command, which runs with no one signed in: every
 * recommendation with its measures' figures and linked audits, so the figures
 * can be checked outside the browser.
 */
export async function findRecommendationEvidence(): Promise<RecommendationEvidence[]> {
  const recommendations = await findAllRecommendations();
  const ids = recommendations.map((recommendation) => recommendation.id);
  const [definitions, links] = await Promise.all([findMeasuresOf(ids), findLinkedAudits(ids)]);
  const series = await loadMeasureSeries(definitions);
  const labels = new Map(definitions.map((definition) => [definition.id, definition.label]));
  const views = definitions.map((definition, index) => {
    const data = series[index];
    return assembleMeasure(
      definition,
      data?.names ?? { areas: {}, teams: {}, sectionTitle: null, shareLabel: 'Good or above' },
      data?.counts ?? [],
    );
  });
  return recommendations.map(({ id, ...recommendation }) => ({
    ...recommendation,
    measures: views.filter((view) => view.recommendationId === id),
    linkedAudits: links
      .filter((link) => link.recommendationId === id)
      .map(({ recommendationId: _recommendation, ...link }) => ({
        ...link,
        measureLabel: link.measureId ? (labels.get(link.measureId) ?? null) : null,
      })),
  }));
}
