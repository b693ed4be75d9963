import 'server-only';
import { findChallengesAwaiting, type WaitingChallenge } from '@/lib/db/home';
import type { Actor } from '@/lib/domain/actor';
import { can, NATIONAL } from '@/lib/domain/permissions';

/**
 * Challenges waiting for this person: the audit lead's decisions, or the
 * National Service Director's referrals. A case under blind benchmarking by
 * this person is left out: a challenge names a lowest grade.
 */
export async function findChallengesWaitingFor(actor: Actor): Promise<WaitingChallenge[]> {
  const asLead = can(actor, 'challenge.decide', NATIONAL);
  const asAdjudicator = can(actor, 'challenge.adjudicate', NATIONAL);
  if (!asLead && !asAdjudicator) return [];
  return findChallengesAwaiting(
    asAdjudicator ? { adjudication: true } : { adjudication: false, leadId: actor.userId },
    actor.userId,
  );
}
