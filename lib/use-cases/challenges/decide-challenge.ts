import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { Decision } from '@/lib/domain/challenges';
import type { Email } from '@/lib/notify/email';
import { settleChallenge } from './settle-challenge';

/** The audit lead (a Senior Service Manager who did not grade the case) upholds the grade or re-grades. */
export async function decideChallenge(
  actor: Actor,
  input: {
    challengeId: string;
    version: number;
    decision: Decision;
    newGrade: string | null;
    reasons: string;
  },
  now: Date,
): Promise<{ emails: Email[] }> {
  return settleChallenge(actor, { ...input, outcome: input.decision }, 'audit-lead', now);
}
