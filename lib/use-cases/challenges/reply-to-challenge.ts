import 'server-only';
import { db } from '@/lib/db/client';
import { advanceChallenge, auditLeadsOf, recordChallengeHistory } from '@/lib/db/challenges';
import { notify } from '@/lib/db/notifications';
import type { Actor } from '@/lib/domain/actor';
import { challengeRepliedMessage } from '@/lib/domain/challenge-messages';
import { assertCanReply } from '@/lib/domain/challenges';
import type { Email } from '@/lib/notify/email';
import { openChallengeStep } from './open-challenge-step';

/** The auditor who graded the case answers the challenge; the audit lead decides next. */
export async function replyToChallenge(
  actor: Actor,
  input: { challengeId: string; version: number; reply: string },
  now: Date,
): Promise<{ emails: Email[] }> {
  return db().$transaction(async (tx) => {
    const challenge = await openChallengeStep(tx, actor, 'challenge.reply', input.challengeId);
    assertCanReply(challenge, actor);
    await advanceChallenge(tx, challenge.id, input.version, {
      status: 'AWAITING_DECISION',
      reply: input.reply,
      repliedAt: now,
      repliedById: actor.userId,
    });
    await recordChallengeHistory(
      tx,
      now,
      challenge.caseAuditId,
      actor.userId,
      'challenge-replied',
      input.reply,
    );
    const emails = await notify(
      tx,
      [challenge.raisedById, ...(await auditLeadsOf(tx, challenge.auditId))],
      challengeRepliedMessage(challenge.id, challenge.reference),
    );
    return { emails };
  });
}
