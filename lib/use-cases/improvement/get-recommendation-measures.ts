import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { assembleMeasure } from '@/lib/domain/measures';
import type { RecommendationMeasures } from '@/lib/domain/measure-views';
import { authorise } from '../authorise';
import { findLinkedAudits, getMeasureRecommendation } from '@/lib/db/measures';
import { findMeasuresOf, loadMeasureSeries } from '@/lib/db/measure-series';

/**
 * A recommendation's measures with their figures, and the audits linked to it,
 * for whoever may read the recommendation (its area's leaders, or the national roles).
 */
export async function getRecommendationMeasures(
  actor: Actor,
  recommendationId: string,
): Promise<RecommendationMeasures> {
  const recommendation = await getMeasureRecommendation(recommendationId);
  if (!recommendation) throw new NotFoundOrForbiddenError('recommendation.view');
  const areaId = recommendation.source.serviceAreaId;
  const scope = areaId ? inArea(areaId) : NATIONAL;
  authorise(actor, 'recommendation.view', scope);
  const definitions = await findMeasuresOf([recommendationId]);
  const [series, links] = await Promise.all([
    loadMeasureSeries(definitions),
    findLinkedAudits([recommendationId]),
  ]);
  const measures = definitions.map((definition, index) => {
    const data = series[index];
    return {
      ...assembleMeasure(definition, data?.names ?? emptyNames(), data?.counts ?? []),
      version: definition.version,
    };
  });
  const labels = new Map(definitions.map((definition) => [definition.id, definition.label]));
  const isOpen = recommendation.status === 'OPEN';
  return {
    recommendationId,
    recommendation: {
      number: recommendation.number,
      text: recommendation.text,
      sourceTitle: recommendation.source.title,
    },
    isOpen,
    measures,
    linkedAudits: links.map((link) => ({
      ...link,
      measureLabel: link.measureId ? (labels.get(link.measureId) ?? null) : null,
    })),
    canManage: can(actor, 'recommendation.manage', scope),
    canCommission: isOpen && can(actor, 'thematicAudit.commission', NATIONAL),
  };
}

function emptyNames() {
  return { areas: {}, teams: {}, sectionTitle: null, shareLabel: 'Good or above' };
}
