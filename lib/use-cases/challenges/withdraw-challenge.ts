import 'server-only';
import { db } from '@/lib/db/client';
import { advanceChallenge, auditLeadsOf, recordChallengeHistory } from '@/lib/db/challenges';
import { notify } from '@/lib/db/notifications';
import type { Actor } from '@/lib/domain/actor';
import { challengeWithdrawnMessage } from '@/lib/domain/challenge-messages';
import { assertCanWithdraw } from '@/lib/domain/challenges';
import type { Email } from '@/lib/notify/email';
import { openChallengeStep } from './open-challenge-step';

/** The person who raised the challenge takes it back, before it is decided or referred. */
export async function withdrawChallenge(
  actor: Actor,
  input: { challengeId: string; version: number },
  now: Date,
): Promise<{ emails: Email[] }> {
  return db().$transaction(async (tx) => {
    const challenge = await openChallengeStep(tx, actor, 'challenge.withdraw', input.challengeId);
    assertCanWithdraw(challenge, actor);
    await advanceChallenge(tx, challenge.id, input.version, { status: 'WITHDRAWN', withdrawnAt: now });
    await recordChallengeHistory(
      tx,
      now,
      challenge.caseAuditId,
      actor.userId,
      'challenge-withdrawn',
      'Withdrawn by the challenger',
    );
    const emails = await notify(
      tx,
      [challenge.auditorId, ...(await auditLeadsOf(tx, challenge.auditId))],
      challengeWithdrawnMessage(challenge.id, challenge.reference),
    );
    return { emails };
  });
}
