import 'server-only';
import { loadGradingCase } from '@/lib/db/case-audits';
import { db } from '@/lib/db/client';
import { applyGrades } from '@/lib/db/grade-writer';
import { areaLeaders, notify } from '@/lib/db/notifications';
import type { Actor } from '@/lib/domain/actor';
import { assertGradable, isEitWorkToFirstHearing } from '@/lib/domain/case-audit-rules';
import { NotFoundOrForbiddenError, RuleError, StaleVersionError } from '@/lib/domain/errors';
import {
  completenessProblems,
  diffAnswers,
  emptyAnswers,
  normaliseAnswers,
  type GradingAnswers,
  type Problem,
} from '@/lib/domain/grading';
import { mayGradeCase } from '@/lib/domain/grading-access';
import { answersForForm, usesLocalForm } from '@/lib/domain/local-indicators';
import { isLowestLevel } from '@/lib/domain/rubric';
import type { Email } from '@/lib/notify/email';
import { GradingAnswersSchema } from '@/lib/schemas/grading';

export type SubmitResult =
  | { submitted: true; version: number; sentForAreaReview: boolean }
  | { submitted: false; problems: Problem[] };

/**
 * Submits the grades once. The submission id makes retries and double
 * clicks land exactly once: a repeat returns the first outcome.
 */
export async function submitCaseAudit(
  actor: Actor,
  input: { sampledCaseId: string; baseVersion: number; submissionId: string; answers: GradingAnswers },
  now: Date,
): Promise<{ result: SubmitResult; emails: Email[] }> {
  const grading = await loadGradingCase(input.sampledCaseId);
  if (!grading || !mayGradeCase(actor, grading)) throw new NotFoundOrForbiddenError('caseAudit.grade');
  const isLocalForm = usesLocalForm(grading.auditKind);
  const answers = answersForForm(normaliseAnswers(grading.content, input.answers), isLocalForm);
  return db().$transaction(async (tx) => {
    // Serialise submits of one case: create the row if needed, then lock it.
    if (!grading.caseAudit) {
      await tx.$executeRaw`
        INSERT INTO case_audit (id, sampled_case_id, audit_id, service_area_id, auditor_id, threshold_version_id, answers, version, updated_at)
        SELECT gen_random_uuid()::text, ${grading.sampledCaseId}, ${grading.auditId}, ${grading.serviceAreaId}, ${actor.userId}, a.threshold_version_id, ${JSON.stringify(answers)}::jsonb, 0, ${now}
        FROM audit a WHERE a.id = ${grading.auditId}
        ON CONFLICT (sampled_case_id) DO NOTHING`;
    }
    const [locked] = await tx.$queryRaw<
      { id: string; version: number; status: string; answers: unknown; auditor_id: string }[]
    >`
      SELECT id, version, status::text AS status, answers, auditor_id FROM case_audit WHERE sampled_case_id = ${grading.sampledCaseId} FOR UPDATE`;
    if (!locked) throw new NotFoundOrForbiddenError();
    // A reassignment that landed while this request was on its way hands the
    // case (and its draft) to someone else: their lock was released, read again.
    const [assignment] = await tx.$queryRaw<{ assigned_to_id: string | null; status: string }[]>`
      SELECT assigned_to_id, status::text AS status FROM sampled_case WHERE id = ${grading.sampledCaseId}`;
    if (assignment?.status !== 'SELECTED' || assignment.assigned_to_id !== actor.userId)
      throw new NotFoundOrForbiddenError();
    const previous = await tx.caseAuditHistory.findUnique({
      where: { submissionId: input.submissionId },
      select: { caseAuditId: true, version: true, overallGrade: true },
    });
    if (previous) {
      if (previous.caseAuditId !== locked.id) throw new NotFoundOrForbiddenError();
      return {
        result: {
          submitted: true,
          version: previous.version,
          sentForAreaReview: isLowestLevel(grading.content.scale, previous.overallGrade ?? ''),
        },
        emails: [],
      };
    }
    assertGradable(grading.auditStatus, grading.caseAudit && locked.status);
    if (locked.status === 'SUBMITTED') throw new RuleError('This case has already been submitted.');
    if (locked.version !== input.baseVersion && !(input.baseVersion === 0 && locked.version === 0))
      throw new StaleVersionError('case audit');
    const problems = completenessProblems(grading.content, answers, {
      isEitWorkToFirstHearing: isEitWorkToFirstHearing(grading),
      isLocalForm,
    });
    if (problems.length > 0) return { result: { submitted: false, problems }, emails: [] };

    const version = locked.version + 1;
    const before = normaliseAnswers(
      grading.content,
      locked.version === 0 ? emptyAnswers(grading.content) : GradingAnswersSchema.parse(locked.answers),
    );
    const changes = diffAnswers(before, answers, grading.content);
    // Whoever submits is the auditor of record: they get the feedback sheet and answer challenges.
    if (locked.auditor_id !== actor.userId)
      changes.push({ field: 'auditorId', from: locked.auditor_id, to: actor.userId });
    await applyGrades(tx, { actorId: actor.userId, now }, [
      {
        kind: 'change',
        caseAuditId: locked.id,
        expectedVersion: locked.version,
        answers,
        overallGrade: answers.overallGrade,
        childrenSeen: answers.childrenSeen,
        auditorId: actor.userId,
        submit: true,
        history: {
          event: 'submitted',
          reason: answers.overallRationale,
          changes,
          submissionId: input.submissionId,
        },
      },
    ]);
    const lowest = isLowestLevel(grading.content.scale, answers.overallGrade ?? '');
    let emails: Email[] = [];
    if (lowest) {
      await tx.areaReview.upsert({
        where: { caseAuditId: locked.id },
        create: { caseAuditId: locked.id, serviceAreaId: grading.serviceAreaId, createdAt: now },
        update: {},
      });
      const label =
        grading.content.scale.levels.find((level) => level.key === answers.overallGrade)?.label ?? 'lowest';
      emails = await notify(tx, await areaLeaders(tx, grading.serviceAreaId), {
        title: `${label} case for review: ${grading.caseReference}`,
        body: `Case ${grading.caseReference} in ${grading.auditName} was graded ${label}. Review it and record what you did.`,
        link: '/reviews',
      });
    }
    return { result: { submitted: true, version, sentForAreaReview: lowest }, emails };
  });
}
