import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { inArea, NATIONAL } from '@/lib/domain/permissions';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import type { MeasureForm } from '@/lib/domain/measure-views';
import { authorise } from '../authorise';
import { findBaselineOptions, findPlaceOptions, getMeasureRecommendation } from '@/lib/db/measures';
import { getMeasure } from '@/lib/db/measure-series';

/** The measure form for someone who may manage the recommendation: a new measure, or one of its own to edit. */
export async function getMeasureForm(
  actor: Actor,
  recommendationId: string,
  measureId: string | null,
): Promise<MeasureForm> {
  const recommendation = await getMeasureRecommendation(recommendationId);
  if (!recommendation) throw new NotFoundOrForbiddenError('recommendation.manage');
  const areaId = recommendation.source.serviceAreaId;
  authorise(actor, 'recommendation.manage', areaId ? inArea(areaId) : NATIONAL);
  const measure = measureId ? await getMeasure(measureId) : null;
  if (measureId && measure?.recommendationId !== recommendationId)
    throw new NotFoundOrForbiddenError('recommendation.manage');
  const [baselines, places] = await Promise.all([findBaselineOptions(), findPlaceOptions(areaId)]);
  return {
    recommendation: {
      id: recommendation.id,
      number: recommendation.number,
      text: recommendation.text,
      sourceTitle: recommendation.source.title,
      areaScoped: areaId !== null,
    },
    baselines: baselines.map(({ id, name, sections }) => ({ id, name, sections })),
    ...places,
    measure,
  };
}
