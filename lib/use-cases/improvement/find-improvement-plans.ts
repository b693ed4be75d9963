import 'server-only';
import { findImprovementPlans as findPlans, type ImprovementPlanSummary } from '@/lib/db/improvement-plans';
import type { Actor } from '@/lib/domain/actor';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';

/**
 * The area improvement plans the actor may read: every area's for a national
 * reader, their own area's for a Head of Service or Assistant Director.
 */
export async function findImprovementPlans(actor: Actor, now: Date): Promise<ImprovementPlanSummary[]> {
  // National roles hold no area; an area role reads national sources but only its own area's plans.
  if (actor.serviceAreaId === null && can(actor, 'recommendation.view', NATIONAL))
    return findPlans({ allAreas: true }, isoDay(now));
  if (actor.serviceAreaId && can(actor, 'recommendation.view', inArea(actor.serviceAreaId)))
    return findPlans({ serviceAreaId: actor.serviceAreaId }, isoDay(now));
  throw new NotFoundOrForbiddenError('recommendation.view');
}
