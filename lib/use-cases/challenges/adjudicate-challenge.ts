import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { Adjudication } from '@/lib/domain/challenges';
import type { Email } from '@/lib/notify/email';
import { settleChallenge } from './settle-challenge';

/** The National Service Director settles a referred challenge; the adjudication is final. */
export async function adjudicateChallenge(
  actor: Actor,
  input: {
    challengeId: string;
    version: number;
    adjudication: Adjudication;
    newGrade: string | null;
    reasons: string;
  },
  now: Date,
): Promise<{ emails: Email[] }> {
  return settleChallenge(actor, { ...input, outcome: input.adjudication }, 'national-service-director', now);
}
