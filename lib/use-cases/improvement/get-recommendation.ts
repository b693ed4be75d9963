import 'server-only';
import {
  getRecommendation as loadRecommendation,
  type RecommendationDetail,
} from '@/lib/db/improvement-recommendations';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { sourceScope } from '@/lib/domain/improvement';
import { can } from '@/lib/domain/permissions';
import { authorise } from '../authorise';

/** A recommendation with its actions and their history, newest first; another area's is "not found". */
export async function getRecommendation(
  actor: Actor,
  recommendationId: string,
): Promise<{ recommendation: RecommendationDetail; mayManage: boolean; mayUpdateActions: boolean }> {
  const recommendation = await loadRecommendation(recommendationId);
  if (!recommendation) throw new NotFoundOrForbiddenError('recommendation.view');
  const scope = sourceScope(recommendation.sourceServiceAreaId);
  authorise(actor, 'recommendation.view', scope);
  return {
    recommendation,
    mayManage: can(actor, 'recommendation.manage', scope),
    mayUpdateActions: can(actor, 'improvementAction.update', scope),
  };
}
