import 'server-only';
import { db } from '@/lib/db/client';
import { advanceChallenge, nationalServiceDirectors, recordChallengeHistory } from '@/lib/db/challenges';
import { notify } from '@/lib/db/notifications';
import type { Actor } from '@/lib/domain/actor';
import { challengeReferredMessage } from '@/lib/domain/challenge-messages';
import { assertCanRefer } from '@/lib/domain/challenges';
import type { Email } from '@/lib/notify/email';
import { openChallengeStep } from './open-challenge-step';

/** The audit lead hands the challenge to the National Service Director, whose adjudication is final. */
export async function referChallenge(
  actor: Actor,
  input: { challengeId: string; version: number },
  now: Date,
): Promise<{ emails: Email[] }> {
  return db().$transaction(async (tx) => {
    const challenge = await openChallengeStep(tx, actor, 'challenge.decide', input.challengeId);
    assertCanRefer(challenge, actor);
    await advanceChallenge(tx, challenge.id, input.version, {
      status: 'REFERRED',
      referredAt: now,
      referredById: actor.userId,
    });
    await recordChallengeHistory(
      tx,
      now,
      challenge.caseAuditId,
      actor.userId,
      'challenge-referred',
      'Referred to the National Service Director for adjudication',
    );
    const emails = await notify(
      tx,
      [...(await nationalServiceDirectors(tx)), challenge.raisedById, challenge.auditorId],
      challengeReferredMessage(challenge.id, challenge.reference),
    );
    return { emails };
  });
}
