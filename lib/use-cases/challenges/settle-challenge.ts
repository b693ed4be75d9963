import 'server-only';
import { db } from '@/lib/db/client';
import {
  advanceChallenge,
  auditLeadsOf,
  recordChallengeHistory,
  regradeChallengedCase,
} from '@/lib/db/challenges';
import { notify } from '@/lib/db/notifications';
import type { Actor } from '@/lib/domain/actor';
import { challengeSettledMessage, type Settler } from '@/lib/domain/challenge-messages';
import {
  assertCanAdjudicate,
  assertCanDecide,
  assertGradeOnScale,
  type Adjudication,
  type Decision,
} from '@/lib/domain/challenges';
import type { Email } from '@/lib/notify/email';
import { openChallengeStep } from './open-challenge-step';

/**
 * The audit lead's decision and the National Service Director's adjudication
 * settle a challenge the same way: record it, re-grade when asked, tell people.
 */
export async function settleChallenge(
  actor: Actor,
  input: {
    challengeId: string;
    version: number;
    outcome: Decision | Adjudication;
    newGrade: string | null;
    reasons: string;
  },
  by: Settler,
  now: Date,
): Promise<{ emails: Email[] }> {
  const action = by === 'audit-lead' ? 'challenge.decide' : 'challenge.adjudicate';
  return db().$transaction(async (tx) => {
    const challenge = await openChallengeStep(tx, actor, action, input.challengeId);
    const grades = { currentGrade: challenge.currentGrade, newGrade: input.newGrade };
    if (by === 'audit-lead') assertCanDecide(challenge, actor, input.outcome, grades, input.reasons);
    else assertCanAdjudicate(challenge, actor, input.outcome as Adjudication, grades, input.reasons);
    const regrading = input.outcome === 'REGRADED';
    if (regrading) assertGradeOnScale(challenge.content, input.newGrade, challenge.currentGrade, 'newGrade');
    await advanceChallenge(
      tx,
      challenge.id,
      input.version,
      by === 'audit-lead'
        ? {
            status: 'DECIDED',
            decision: input.outcome,
            decisionGrade: regrading ? input.newGrade : null,
            decisionReasons: input.reasons,
            decidedAt: now,
            decidedById: actor.userId,
          }
        : {
            status: 'DECIDED',
            adjudication: input.outcome,
            adjudicationGrade: regrading ? input.newGrade : null,
            adjudicationReasons: input.reasons,
            adjudicatedAt: now,
            adjudicatedById: actor.userId,
          },
    );
    const event = by === 'audit-lead' ? 'challenge-decided' : 'challenge-adjudicated';
    await recordChallengeHistory(
      tx,
      now,
      challenge.caseAuditId,
      actor.userId,
      `${event}:${input.outcome.toLowerCase()}`,
      input.reasons,
    );
    if (regrading && input.newGrade)
      await regradeChallengedCase(
        tx,
        now,
        challenge.caseAuditId,
        actor.userId,
        challenge.currentGrade,
        input.newGrade,
        input.reasons,
      );
    const recipients = [
      challenge.raisedById,
      challenge.auditorId,
      ...(by === 'audit-lead' ? [] : await auditLeadsOf(tx, challenge.auditId)),
    ];
    const emails = await notify(
      tx,
      recipients,
      challengeSettledMessage(challenge.id, challenge.reference, by, regrading),
    );
    return { emails };
  });
}
