import 'server-only';
import { db } from '@/lib/db/client';
import { getCaseToChallenge, findOpenChallenge, lockCaseAudit } from '@/lib/db/challengeable-cases';
import { auditLeadsOf, createChallenge, recordChallengeHistory } from '@/lib/db/challenges';
import { notify } from '@/lib/db/notifications';
import type { Actor } from '@/lib/domain/actor';
import { challengeRaisedMessage } from '@/lib/domain/challenge-messages';
import {
  assertCanRaise,
  assertDisputedSections,
  assertGradeOnScale,
  isSameChallenge,
} from '@/lib/domain/challenges';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';
import { isLowestLevel } from '@/lib/domain/rubric';
import type { Email } from '@/lib/notify/email';

/** A Head of Service or Assistant Director challenges the lowest grade given to a case of their own area. */
export async function raiseChallenge(
  actor: Actor,
  input: { sampledCaseId: string; disputedSections: string[]; proposedGrade: string; reasons: string },
  now: Date,
): Promise<{ emails: Email[]; challengeId: string }> {
  return db().$transaction(async (tx) => {
    const caseAudit = await getCaseToChallenge(input.sampledCaseId, tx);
    // Another area's case reads exactly like a missing one.
    if (!caseAudit || !can(actor, 'challenge.raise', inArea(caseAudit.serviceAreaId)))
      throw new NotFoundOrForbiddenError('challenge.raise');
    await lockCaseAudit(tx, caseAudit.caseAuditId);
    const open = await findOpenChallenge(tx, caseAudit.caseAuditId);
    if (open && isSameChallenge(open, actor.userId, input)) return { emails: [], challengeId: open.id };
    const currentGrade = caseAudit.overallGrade ?? '';
    assertCanRaise({
      actor,
      caseAudit: {
        serviceAreaId: caseAudit.serviceAreaId,
        auditorId: caseAudit.auditorId,
        overallGrade: caseAudit.status === 'SUBMITTED' ? caseAudit.overallGrade : null,
        submittedAt: caseAudit.submittedAt,
        isLowestGrade: isLowestLevel(caseAudit.content.scale, currentGrade),
      },
      auditStatus: caseAudit.auditStatus,
      windowWorkingDays: caseAudit.challengeWindowDays,
      openChallengeExists: open !== null,
      now,
    });
    assertGradeOnScale(caseAudit.content, input.proposedGrade, currentGrade, 'proposedGrade');
    assertDisputedSections(caseAudit.content, input.disputedSections);
    const challengeId = await createChallenge(tx, {
      caseAuditId: caseAudit.caseAuditId,
      auditId: caseAudit.auditId,
      serviceAreaId: caseAudit.serviceAreaId,
      raisedById: actor.userId,
      raisedAt: now,
      disputedSections: input.disputedSections,
      proposedGrade: input.proposedGrade,
      reasons: input.reasons,
      originalGrade: currentGrade,
    });
    await recordChallengeHistory(tx, now, caseAudit.caseAuditId, actor.userId, 'challenged', input.reasons, [
      { field: 'proposedGrade', from: currentGrade, to: input.proposedGrade },
    ]);
    const emails = await notify(
      tx,
      [caseAudit.auditorId, ...(await auditLeadsOf(tx, caseAudit.auditId))],
      challengeRaisedMessage(challengeId, caseAudit.caseReference, actor.name),
    );
    return { emails, challengeId };
  });
}
