import 'server-only';
import { findOverdueItems, type DueImprovementItem } from '@/lib/db/improvement-due';
import type { Actor } from '@/lib/domain/actor';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { reminderDay } from '@/lib/domain/reminders';

/**
 * The overdue list on a home: the National Service Director (and others who
 * read every area) see all of it; a Head of Service or Assistant Director sees
 * their area's plan and whatever they own. Others see nothing.
 */
export async function findOverdueImprovementWork(actor: Actor, now: Date): Promise<DueImprovementItem[]> {
  const today = reminderDay(now);
  if (actor.role === 'NATIONAL_SERVICE_DIRECTOR' && can(actor, 'recommendation.view', NATIONAL)) {
    return findOverdueItems(today, null);
  }
  if (
    (actor.role === 'HEAD_OF_SERVICE' || actor.role === 'ASSISTANT_DIRECTOR') &&
    actor.serviceAreaId !== null &&
    can(actor, 'recommendation.view', NATIONAL)
  ) {
    return findOverdueItems(today, { serviceAreaId: actor.serviceAreaId, ownerId: actor.userId });
  }
  return [];
}
