import 'server-only';
import { getSource as loadSource, type SourceDetail } from '@/lib/db/improvement-register';
import { findSourceRecommendations, type RecommendationSummary } from '@/lib/db/improvement-recommendations';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { sourceScope } from '@/lib/domain/improvement';
import { can } from '@/lib/domain/permissions';
import { authorise } from '../authorise';

/** A source and its recommendations; another area's source is "not found". */
export async function getSource(
  actor: Actor,
  sourceId: string,
): Promise<{ source: SourceDetail; recommendations: RecommendationSummary[]; mayManage: boolean }> {
  const source = await loadSource(sourceId);
  if (!source) throw new NotFoundOrForbiddenError('recommendation.view');
  authorise(actor, 'recommendation.view', sourceScope(source.serviceAreaId));
  return {
    source,
    recommendations: await findSourceRecommendations(sourceId),
    mayManage: can(actor, 'recommendation.manage', sourceScope(source.serviceAreaId)),
  };
}
