import 'server-only';
import { type Prisma } from '@/generated/prisma/client';
import { notBlindTo } from './blind';
import { db, type Tx } from './client';
import { applyGrades } from './grade-writer';
import { areaLeaders, notify } from './notifications';
import type { Actor } from '@/lib/domain/actor';
import type { AuditStatus, LawType } from '@/lib/domain/audits';
import { NotFoundOrForbiddenError, RuleError, StaleVersionError } from '@/lib/domain/errors';
import {
  completenessProblems,
  diffAnswers,
  emptyAnswers,
  normaliseAnswers,
  type GradingAnswers,
  type Problem,
} from '@/lib/domain/grading';
import { isLowestLevel, type RubricContent } from '@/lib/domain/rubric';
import { GradingAnswersSchema } from '@/lib/schemas/grading';
import { parseRubricContent } from '@/lib/schemas/rubric';
import type { Email } from '@/lib/notify/email';

const day = (value: Date) => value.toISOString().slice(0, 10);
const asJson = (answers: GradingAnswers) => answers as unknown as Prisma.InputJsonValue;

export type GradingCase = {
  sampledCaseId: string;
  auditId: string;
  auditName: string;
  auditStatus: AuditStatus;
  serviceAreaId: string;
  areaCode: string;
  assignedToId: string | null;
  caseReference: string;
  lawType: LawType;
  isEit: boolean;
  practitionerName: string;
  teamName: string | null;
  documents: { documentType: string; filedOn: string }[];
  content: RubricContent;
  caseAudit: {
    id: string;
    status: 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED';
    version: number;
    answers: GradingAnswers;
    updatedAt: Date;
    overallGrade: string | null;
    submittedAt: Date | null;
  } | null;
};

/** The case as its auditor sees it. Only the assigned auditor gets it. */
export async function getGradingCase(
  sampledCaseId: string,
  actor: Pick<Actor, 'userId'>,
): Promise<GradingCase | null> {
  const row = await db().sampledCase.findUnique({
    where: { id: sampledCaseId },
    select: {
      id: true,
      status: true,
      assignedToId: true,
      serviceAreaId: true,
      audit: {
        select: { id: true, name: true, status: true, thresholdVersion: { select: { content: true } } },
      },
      caseFile: {
        select: {
          reference: true,
          lawType: true,
          isEit: true,
          serviceArea: { select: { code: true } },
          team: { select: { name: true } },
          practitioner: { select: { name: true } },
          documents: {
            select: { documentType: true, filedOn: true },
            orderBy: { filedOn: 'desc' },
            take: 20,
          },
        },
      },
      caseAudit: {
        select: {
          id: true,
          status: true,
          version: true,
          answers: true,
          updatedAt: true,
          overallGrade: true,
          submittedAt: true,
        },
      },
    },
  });
  if (!row || row.status !== 'SELECTED' || row.assignedToId !== actor.userId) return null;
  const content = parseRubricContent(row.audit.thresholdVersion.content);
  return {
    sampledCaseId: row.id,
    auditId: row.audit.id,
    auditName: row.audit.name,
    auditStatus: row.audit.status,
    serviceAreaId: row.serviceAreaId,
    areaCode: row.caseFile.serviceArea.code,
    assignedToId: row.assignedToId,
    caseReference: row.caseFile.reference,
    lawType: row.caseFile.lawType,
    isEit: row.caseFile.isEit,
    practitionerName: row.caseFile.practitioner.name,
    teamName: row.caseFile.team?.name ?? null,
    documents: row.caseFile.documents.map((document) => ({
      documentType: document.documentType,
      filedOn: day(document.filedOn),
    })),
    content,
    caseAudit: row.caseAudit
      ? {
          ...row.caseAudit,
          // A concern raised before the first save used to leave `{}`: that is the empty form.
          answers: isEmptyObject(row.caseAudit.answers)
            ? emptyAnswers(content)
            : normaliseAnswers(content, GradingAnswersSchema.parse(row.caseAudit.answers)),
        }
      : null,
  };
}

const isEmptyObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;

export const isEitWorkToFirstHearing = (grading: Pick<GradingCase, 'lawType' | 'isEit'>) =>
  grading.lawType === 'PRIVATE_LAW_WTFH' && grading.isEit;

function assertGradable(grading: GradingCase): void {
  if (grading.auditStatus !== 'GRADING' && grading.auditStatus !== 'REVIEW')
    throw new RuleError('This audit is not open for grading.');
  if (grading.caseAudit?.status === 'SUBMITTED')
    throw new RuleError(
      'This case has been submitted. Ask the audit lead to return it if it needs to change.',
    );
}

export type DraftSaveResult =
  | { saved: true; version: number; savedAt: Date }
  | {
      saved: false;
      conflict: { currentVersion: number; yourVersion: number; savedAt: Date; answers: GradingAnswers };
    };

/**
 * Saves the working answers if nobody saved since `baseVersion` (0: never
 * saved). A stale save is refused and answered with the newer version.
 */
// Published threshold versions never change (a trigger refuses it), so their
// parsed content can be kept per process: autosave runs every few seconds.
const publishedContent = new Map<string, RubricContent>();

export async function contentOf(thresholdVersionId: string): Promise<RubricContent> {
  const cached = publishedContent.get(thresholdVersionId);
  if (cached) return cached;
  const version = await db().thresholdVersion.findUniqueOrThrow({
    where: { id: thresholdVersionId },
    select: { content: true, status: true },
  });
  const content = parseRubricContent(version.content);
  if (version.status === 'PUBLISHED') publishedContent.set(thresholdVersionId, content);
  return content;
}

export async function saveDraft(
  actor: Actor,
  sampledCaseId: string,
  baseVersion: number,
  answers: GradingAnswers,
  now: Date,
): Promise<DraftSaveResult> {
  // The lightest read that proves the case is this auditor's and open.
  const target = await db().sampledCase.findUnique({
    where: { id: sampledCaseId },
    select: {
      status: true,
      assignedToId: true,
      serviceAreaId: true,
      audit: { select: { id: true, status: true, thresholdVersionId: true } },
      caseAudit: { select: { id: true, status: true } },
    },
  });
  if (!target || target.status !== 'SELECTED' || target.assignedToId !== actor.userId)
    throw new NotFoundOrForbiddenError();
  if (target.audit.status !== 'GRADING' && target.audit.status !== 'REVIEW')
    throw new RuleError('This audit is not open for grading.');
  if (target.caseAudit?.status === 'SUBMITTED')
    throw new RuleError(
      'This case has been submitted. Ask the audit lead to return it if it needs to change.',
    );
  const content = await contentOf(target.audit.thresholdVersionId);
  const normalised = normaliseAnswers(content, answers);
  if (!target.caseAudit) {
    if (baseVersion !== 0) throw new NotFoundOrForbiddenError();
    const created = await db().$executeRaw`
      INSERT INTO case_audit (id, sampled_case_id, audit_id, service_area_id, auditor_id, threshold_version_id, answers, version, updated_at)
      VALUES (gen_random_uuid()::text, ${sampledCaseId}, ${target.audit.id}, ${target.serviceAreaId}, ${actor.userId}, ${target.audit.thresholdVersionId}, ${JSON.stringify(normalised)}::jsonb, 1, ${now})
      ON CONFLICT (sampled_case_id) DO NOTHING`;
    if (created === 1) return { saved: true, version: 1, savedAt: now };
    // Another tab created it first: answer with its version as a conflict.
  } else {
    const { count } = await db().caseAudit.updateMany({
      where: { id: target.caseAudit.id, version: baseVersion, status: { in: ['IN_PROGRESS', 'RETURNED'] } },
      data: { answers: asJson(normalised), version: { increment: 1 }, updatedAt: now },
    });
    if (count === 1) return { saved: true, version: baseVersion + 1, savedAt: now };
  }
  const current = await db().caseAudit.findUnique({
    where: { sampledCaseId },
    select: { version: true, answers: true, updatedAt: true, status: true },
  });
  if (!current) throw new NotFoundOrForbiddenError();
  if (current.status === 'SUBMITTED')
    throw new RuleError(
      'This case has been submitted. Ask the audit lead to return it if it needs to change.',
    );
  return {
    saved: false,
    conflict: {
      currentVersion: current.version,
      yourVersion: baseVersion,
      savedAt: current.updatedAt,
      answers: normaliseAnswers(content, GradingAnswersSchema.parse(current.answers)),
    },
  };
}

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
  const grading = await getGradingCase(input.sampledCaseId, actor);
  if (!grading) throw new NotFoundOrForbiddenError();
  const answers = normaliseAnswers(grading.content, input.answers);
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
    assertGradable({
      ...grading,
      caseAudit: grading.caseAudit && { ...grading.caseAudit, status: locked.status as 'IN_PROGRESS' },
    });
    if (locked.status === 'SUBMITTED') throw new RuleError('This case has already been submitted.');
    if (locked.version !== input.baseVersion && !(input.baseVersion === 0 && locked.version === 0))
      throw new StaleVersionError('case audit');
    const problems = completenessProblems(grading.content, answers, {
      isEitWorkToFirstHearing: isEitWorkToFirstHearing(grading),
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

export type FeedbackSheet = {
  caseReference: string;
  auditName: string;
  areaCode: string;
  practitionerName: string;
  teamName: string | null;
  submittedAt: Date;
  content: RubricContent;
  answers: GradingAnswers;
  /** After a challenge this may differ from the grade the auditor submitted. */
  finalGrade: string | null;
};

/** The submitted grades for the practitioner and their manager: the auditor, the audit lead, the area's leaders. */
export async function getFeedbackSheet(
  sampledCaseId: string,
  actor: Actor,
  mayReadArea: (serviceAreaId: string) => boolean,
): Promise<FeedbackSheet | null> {
  const row = await db().caseAudit.findFirst({
    where: { AND: [{ sampledCaseId }, notBlindTo(actor.userId)] },
    select: {
      status: true,
      answers: true,
      overallGrade: true,
      submittedAt: true,
      auditorId: true,
      serviceAreaId: true,
      sampledCase: {
        select: {
          audit: { select: { name: true, thresholdVersion: { select: { content: true } } } },
          caseFile: {
            select: {
              reference: true,
              serviceArea: { select: { code: true } },
              practitioner: { select: { name: true } },
              team: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!row || row.status !== 'SUBMITTED' || !row.submittedAt) return null;
  if (row.auditorId !== actor.userId && !mayReadArea(row.serviceAreaId)) return null;
  const content = parseRubricContent(row.sampledCase.audit.thresholdVersion.content);
  return {
    caseReference: row.sampledCase.caseFile.reference,
    auditName: row.sampledCase.audit.name,
    areaCode: row.sampledCase.caseFile.serviceArea.code,
    practitionerName: row.sampledCase.caseFile.practitioner.name,
    teamName: row.sampledCase.caseFile.team?.name ?? null,
    submittedAt: row.submittedAt,
    content,
    answers: normaliseAnswers(content, GradingAnswersSchema.parse(row.answers)),
    finalGrade: row.overallGrade,
  };
}

export const DRAFT_HANDED_OVER_REASON =
  'The case was reassigned: its draft went with it, and the new auditor is now its auditor.';

/**
 * A draft follows its case: when cases go to `toAuditorId`, each one's draft
 * (begun, not submitted, in an audit not yet published) becomes theirs, so the
 * new auditor is the auditor of record from then on. Each handover is a row in
 * the case's history: who handed it over, from whom, to whom. The answers do
 * not change, so neither does the version that guards them. Runs inside the
 * caller's transaction; returns how many drafts changed hands.
 */
export async function handOverDrafts(
  tx: Tx,
  input: { actorId: string; sampledCaseIds: string[]; toAuditorId: string; now: Date },
): Promise<number> {
  if (input.sampledCaseIds.length === 0) return 0;
  const drafts = await tx.$queryRaw<
    { id: string; auditor_id: string; version: number; overall_grade: string | null }[]
  >`
    SELECT ca.id, ca.auditor_id, ca.version, ca.overall_grade
    FROM case_audit ca JOIN audit a ON a.id = ca.audit_id
    WHERE ca.sampled_case_id = ANY(${input.sampledCaseIds}::text[])
      AND ca.status <> 'SUBMITTED' AND a.status <> 'PUBLISHED' AND ca.auditor_id <> ${input.toAuditorId}
    ORDER BY ca.id
    FOR UPDATE OF ca`;
  await applyGrades(
    tx,
    { actorId: input.actorId, now: input.now },
    drafts.map((draft) => ({
      kind: 'change' as const,
      caseAuditId: draft.id,
      auditorId: input.toAuditorId,
      keepVersion: true,
      history: {
        event: 'handed-over',
        reason: DRAFT_HANDED_OVER_REASON,
        changes: [{ field: 'auditorId', from: draft.auditor_id, to: input.toAuditorId }],
      },
    })),
  );
  return drafts.length;
}
