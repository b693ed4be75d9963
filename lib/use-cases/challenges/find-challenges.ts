import 'server-only';
import { findChallengeRecords } from '@/lib/db/challenge-list';
import type { Actor } from '@/lib/domain/actor';
import { challengeListScope, isOverdue, nextStep, type ChallengeView } from '@/lib/domain/challenges';

/**
 * The challenges this person may see (challengeListScope: own area, own graded
 * cases, or every area), never a case they benchmark blind; `only` narrows to
 * one (its own page), under the same scope.
 */
export async function findChallenges(actor: Actor, now: Date, only?: string): Promise<ChallengeView[]> {
  const scope = challengeListScope(actor);
  if (!scope) return [];
  const records = await findChallengeRecords(scope, actor.userId, only);
  return records.map(({ repliedAt, referredAt, ...record }) => {
    const step = {
      status: record.status,
      raisedAt: record.raisedAt,
      repliedAt,
      referredAt,
      raisedById: record.raisedById,
      auditorId: record.auditorId,
    };
    return { ...record, nextStep: nextStep(step), overdue: isOverdue(step, now) };
  });
}
