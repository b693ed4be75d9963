import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import { notBlindTo } from './blind';
import { db, type Tx } from './client';
import { applyGrades } from './grade-writer';
import type { AuditKind, AuditStatus, LawType } from '@/lib/domain/audits';
import { DRAFT_HANDED_OVER_REASON } from '@/lib/domain/case-audit-rules';
import { emptyAnswers, normaliseAnswers, type GradingAnswers } from '@/lib/domain/grading';
import type { RubricContent } from '@/lib/domain/rubric';
import { GradingAnswersSchema } from '@/lib/schemas/grading';
import { parseRubricContent } from '@/lib/schemas/rubric';

// Read models of one case's grading, and the hand-over of drafts that runs
// inside a reassignment. Saving, submitting and who may open what are use
// cases (lib/use-cases/case-audits).

export type GradingCase = {
  sampledCaseId: string;
  auditId: string;
  auditName: string;
  auditStatus: AuditStatus;
  /** Local quality-and-impact and performance-board audits are graded on the local form. */
  auditKind: AuditKind;
  serviceAreaId: string;
  areaCode: string;
  /** The Service Manager of the case's team: a local audit's case is theirs to grade. */
  teamServiceManagerId: string | null;
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

/** A sampled case with its rubric and its grading so far; who may open it is the use case's question. */
export async function loadGradingCase(
  sampledCaseId: string,
): Promise<(GradingCase & { status: 'SELECTED' | 'RESERVE' | 'REPLACED' }) | null> {
  const row = await db().sampledCase.findUnique({
    where: { id: sampledCaseId },
    select: {
      id: true,
      status: true,
      assignedToId: true,
      serviceAreaId: true,
      audit: {
        select: {
          id: true,
          name: true,
          status: true,
          kind: true,
          thresholdVersion: { select: { content: true } },
        },
      },
      caseFile: {
        select: {
          reference: true,
          lawType: true,
          isEit: true,
          serviceArea: { select: { code: true } },
          team: { select: { name: true, serviceManagerId: true } },
          practitioner: { select: { name: true, team: { select: { serviceManagerId: true } } } },
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
  if (!row) return null;
  const content = parseRubricContent(row.audit.thresholdVersion.content);
  return {
    sampledCaseId: row.id,
    status: row.status,
    auditId: row.audit.id,
    auditName: row.audit.name,
    auditStatus: row.audit.status,
    auditKind: row.audit.kind,
    serviceAreaId: row.serviceAreaId,
    teamServiceManagerId:
      (row.caseFile.team
        ? row.caseFile.team.serviceManagerId
        : row.caseFile.practitioner.team.serviceManagerId) ?? null,
    areaCode: row.caseFile.serviceArea.code,
    assignedToId: row.assignedToId,
    caseReference: row.caseFile.reference,
    lawType: row.caseFile.lawType,
    isEit: row.caseFile.isEit,
    practitionerName: row.caseFile.practitioner.name,
    teamName: row.caseFile.team?.name ?? null,
    documents: row.caseFile.documents.map((document) => ({
      documentType: document.documentType,
      filedOn: isoDay(document.filedOn),
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

/**
 * A case's submitted grades, as its feedback sheet; never to someone still
 * grading it blind as its benchmarker. Who else may read it is the use case's question.
 */
export async function loadFeedbackSheet(
  sampledCaseId: string,
  readerId: string,
): Promise<(FeedbackSheet & { auditorId: string; serviceAreaId: string }) | null> {
  const row = await db().caseAudit.findFirst({
    where: { AND: [{ sampledCaseId }, notBlindTo(readerId)] },
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
    auditorId: row.auditorId,
    serviceAreaId: row.serviceAreaId,
  };
}

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
