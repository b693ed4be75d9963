// The one writer of a case's grades and of its history. Submission, a
// challenge's re-grade, moderation, a hand-over and a results import all come
// through here, so every change to a graded case leaves exactly one history
// row, stamped with the `now` its caller was given, in the caller's
// transaction. Plain SQL on a minimal client: the demo seed (outside Next)
// writes its past audits through it too.
import type { PrismaClient } from '@/generated/prisma/client';
import type { GradingAnswers } from '@/lib/domain/grading';
import { qaColumns } from '@/lib/domain/local-indicators';
import { StaleVersionError } from '../domain/errors';

type Writer = Pick<PrismaClient, '$executeRaw' | '$queryRaw'>;

export type GradeChange = { field: string; from: string | null; to: string | null };

type HistoryEntry = {
  event: string;
  reason: string;
  changes: GradeChange[];
  /** A submission's idempotency key: a retried submit finds it and records nothing twice. */
  submissionId?: string;
};

/** A change to an existing case audit; the version moves on and history records the new version. */
export type CaseAuditChange = {
  kind: 'change';
  caseAuditId: string;
  /** The version the caller read (under lock): another version means someone else got there first. */
  expectedVersion?: number;
  answers?: GradingAnswers;
  overallGrade?: string | null;
  childrenSeen?: string | null;
  auditorId?: string;
  /** Marks the case submitted, at `now`. */
  submit?: boolean;
  /** A hand-over moves the draft, not the grades: the version stays so an open form still saves. */
  keepVersion?: boolean;
  history: HistoryEntry;
};

/** An event on the case that changes none of its grades (a challenge raised, a blind second grade). */
export type CaseAuditNote = {
  kind: 'note';
  caseAuditId: string;
  /** The grade the entry records, when it is not the case's own (a benchmarker's blind grade). */
  overallGrade?: string | null;
  history: HistoryEntry;
};

/** A past result: the case audit is created already graded (as it was then), at version 1. */
export type ImportedGrade = {
  kind: 'import';
  sampledCaseId: string;
  auditId: string;
  serviceAreaId: string;
  thresholdVersionId: string;
  practitionerId: string;
  teamId: string | null;
  lawType: string;
  isEit: boolean;
  employment: string;
  answers: GradingAnswers;
  overallGrade: string;
  childrenSeen: string;
  /** Who graded it and when, as it was then; without them, the importer at `now`. */
  auditorId?: string;
  submittedAt?: Date;
  /** Seed 003's indicators as recorded; without them, the four the answers hold (answers.qa). */
  qa?: ImportedQa;
  history: Omit<HistoryEntry, 'changes' | 'submissionId'>;
};

export type ImportedQa = {
  collaborative: boolean | null;
  familyFeedback: boolean | null;
  managementOversightExpected: boolean | null;
  managementOversight: boolean | null;
  supervision: boolean | null;
  supervisionImpact: boolean | null;
};

export type GradeWrite = CaseAuditChange | CaseAuditNote | ImportedGrade;

export type WrittenGrade = { caseAuditId: string; version: number };

const json = (value: unknown) => JSON.stringify(value);

/** One QA column's values for a batch of changes: null where a change sets no answers (kept as it was). */
const qaOf = (changes: CaseAuditChange[], column: keyof ReturnType<typeof qaColumns>) =>
  changes.map((c) => (c.answers ? qaColumns(c.answers)[column] : null));

export async function applyGrades(
  tx: Writer,
  input: { actorId: string; now: Date },
  writes: GradeWrite[],
): Promise<WrittenGrade[]> {
  const changes = writes.filter((write): write is CaseAuditChange => write.kind === 'change');
  const notes = writes.filter((write): write is CaseAuditNote => write.kind === 'note');
  const imports = writes.filter((write): write is ImportedGrade => write.kind === 'import');
  if (new Set(changes.map((change) => change.caseAuditId)).size !== changes.length)
    throw new Error('applyGrades: one change per case audit per call');
  return [
    ...(await writeChanges(tx, input, changes)),
    ...(await writeNotes(tx, input, notes)),
    ...(await writeImports(tx, input, imports)),
  ];
}

async function writeChanges(
  tx: Writer,
  { actorId, now }: { actorId: string; now: Date },
  changes: CaseAuditChange[],
): Promise<WrittenGrade[]> {
  if (changes.length === 0) return [];
  const written = await tx.$queryRaw<{ case_audit_id: string; version: number }[]>`
    WITH incoming AS (
      SELECT * FROM unnest(
        ${changes.map((c) => c.caseAuditId)}::text[],
        ${changes.map((c) => c.expectedVersion ?? null)}::int[],
        ${changes.map((c) => (c.answers ? json(c.answers) : null))}::jsonb[],
        ${changes.map((c) => c.overallGrade !== undefined)}::boolean[],
        ${changes.map((c) => c.overallGrade ?? null)}::text[],
        ${changes.map((c) => c.childrenSeen !== undefined)}::boolean[],
        ${changes.map((c) => c.childrenSeen ?? null)}::text[],
        ${changes.map((c) => c.auditorId ?? null)}::text[],
        ${changes.map((c) => c.submit === true)}::boolean[],
        ${changes.map((c) => c.keepVersion !== true)}::boolean[],
        ${changes.map((c) => c.history.event)}::text[],
        ${changes.map((c) => c.history.reason)}::text[],
        ${changes.map((c) => json(c.history.changes))}::jsonb[],
        ${changes.map((c) => c.history.submissionId ?? null)}::text[],
        ${qaOf(changes, 'collaborative')}::boolean[],
        ${qaOf(changes, 'familyFeedback')}::boolean[],
        ${qaOf(changes, 'managementOversightExpected')}::boolean[],
        ${qaOf(changes, 'managementOversight')}::boolean[],
        ${qaOf(changes, 'supervision')}::boolean[],
        ${qaOf(changes, 'supervisionImpact')}::boolean[]
      ) AS t(id, expected_version, answers, sets_overall, overall_grade, sets_children, children_seen, auditor_id,
             submits, moves_version, event, reason, changes, submission_id,
             qa_collaborative, qa_family_feedback, qa_management_oversight_expected, qa_management_oversight,
             qa_supervision, qa_supervision_impact)
    ), updated AS (
      UPDATE case_audit ca SET
        answers = coalesce(i.answers, ca.answers),
        -- The indicators follow the answers they come from (seed 003's QA overview counts these columns).
        qa_collaborative = CASE WHEN i.answers IS NULL THEN ca.qa_collaborative ELSE i.qa_collaborative END,
        qa_family_feedback = CASE WHEN i.answers IS NULL THEN ca.qa_family_feedback ELSE i.qa_family_feedback END,
        qa_management_oversight_expected = CASE WHEN i.answers IS NULL THEN ca.qa_management_oversight_expected
                                                ELSE i.qa_management_oversight_expected END,
        qa_management_oversight = CASE WHEN i.answers IS NULL THEN ca.qa_management_oversight
                                       ELSE i.qa_management_oversight END,
        qa_supervision = CASE WHEN i.answers IS NULL THEN ca.qa_supervision ELSE i.qa_supervision END,
        qa_supervision_impact = CASE WHEN i.answers IS NULL THEN ca.qa_supervision_impact ELSE i.qa_supervision_impact END,
        overall_grade = CASE WHEN i.sets_overall THEN i.overall_grade ELSE ca.overall_grade END,
        children_seen = CASE WHEN i.sets_children THEN i.children_seen ELSE ca.children_seen END,
        auditor_id = coalesce(i.auditor_id, ca.auditor_id),
        status = CASE WHEN i.submits THEN 'SUBMITTED'::case_audit_status ELSE ca.status END,
        submitted_at = CASE WHEN i.submits THEN ${now} ELSE ca.submitted_at END,
        version = ca.version + CASE WHEN i.moves_version THEN 1 ELSE 0 END,
        updated_at = CASE WHEN i.moves_version THEN ${now} ELSE ca.updated_at END
      FROM incoming i
      WHERE ca.id = i.id AND (i.expected_version IS NULL OR ca.version = i.expected_version)
      RETURNING ca.id, ca.version, ca.overall_grade
    )
    INSERT INTO case_audit_history (case_audit_id, occurred_at, actor_id, event, version, overall_grade, changes, reason, submission_id)
    SELECT u.id, ${now}, ${actorId}, i.event, u.version, u.overall_grade, i.changes, i.reason, i.submission_id
    FROM updated u JOIN incoming i ON i.id = u.id
    RETURNING case_audit_id, version`;
  if (written.length !== changes.length) throw new StaleVersionError('case audit');
  return written.map((row) => ({ caseAuditId: row.case_audit_id, version: row.version }));
}

async function writeNotes(
  tx: Writer,
  { actorId, now }: { actorId: string; now: Date },
  notes: CaseAuditNote[],
): Promise<WrittenGrade[]> {
  if (notes.length === 0) return [];
  const written = await tx.$queryRaw<{ case_audit_id: string; version: number }[]>`
    INSERT INTO case_audit_history (case_audit_id, occurred_at, actor_id, event, version, overall_grade, changes, reason, submission_id)
    SELECT ca.id, ${now}, ${actorId}, i.event, ca.version,
           CASE WHEN i.sets_overall THEN i.overall_grade ELSE ca.overall_grade END, i.changes, i.reason, i.submission_id
    FROM unnest(
      ${notes.map((n) => n.caseAuditId)}::text[],
      ${notes.map((n) => n.overallGrade !== undefined)}::boolean[],
      ${notes.map((n) => n.overallGrade ?? null)}::text[],
      ${notes.map((n) => n.history.event)}::text[],
      ${notes.map((n) => n.history.reason)}::text[],
      ${notes.map((n) => json(n.history.changes))}::jsonb[],
      ${notes.map((n) => n.history.submissionId ?? null)}::text[]
    ) WITH ORDINALITY AS i(id, sets_overall, overall_grade, event, reason, changes, submission_id, position)
    JOIN case_audit ca ON ca.id = i.id
    ORDER BY i.position
    RETURNING case_audit_id, version`;
  if (written.length !== notes.length) throw new Error('applyGrades: a noted case audit does not exist');
  return written.map((row) => ({ caseAuditId: row.case_audit_id, version: row.version }));
}

async function writeImports(
  tx: Writer,
  { actorId, now }: { actorId: string; now: Date },
  imports: ImportedGrade[],
): Promise<WrittenGrade[]> {
  if (imports.length === 0) return [];
  const written = await tx.$queryRaw<{ case_audit_id: string; version: number }[]>`
    WITH incoming AS (
      SELECT * FROM unnest(
        ${imports.map((r) => r.sampledCaseId)}::text[],
        ${imports.map((r) => r.auditId)}::text[],
        ${imports.map((r) => r.serviceAreaId)}::text[],
        ${imports.map((r) => r.thresholdVersionId)}::text[],
        ${imports.map((r) => r.practitionerId)}::text[],
        ${imports.map((r) => r.teamId)}::text[],
        ${imports.map((r) => r.lawType)}::text[],
        ${imports.map((r) => r.isEit)}::boolean[],
        ${imports.map((r) => r.employment)}::text[],
        ${imports.map((r) => json(r.answers))}::jsonb[],
        ${imports.map((r) => r.overallGrade)}::text[],
        ${imports.map((r) => r.childrenSeen)}::text[],
        ${imports.map((r) => r.history.event)}::text[],
        ${imports.map((r) => r.history.reason)}::text[],
        ${imports.map((r) => r.auditorId ?? actorId)}::text[],
        ${imports.map((r) => r.submittedAt ?? now)}::timestamptz[],
        ${imports.map((r) => r.qa !== undefined)}::boolean[],
        ${imports.map((r) => r.qa?.collaborative ?? null)}::boolean[],
        ${imports.map((r) => r.qa?.familyFeedback ?? null)}::boolean[],
        ${imports.map((r) => r.qa?.managementOversightExpected ?? null)}::boolean[],
        ${imports.map((r) => r.qa?.managementOversight ?? null)}::boolean[],
        ${imports.map((r) => r.qa?.supervision ?? null)}::boolean[],
        ${imports.map((r) => r.qa?.supervisionImpact ?? null)}::boolean[]
      ) AS t(sampled_case_id, audit_id, service_area_id, threshold_version_id, practitioner_id, team_id, law_type,
             is_eit, employment, answers, overall_grade, children_seen, event, reason, auditor_id, submitted_at,
             has_qa, qa_collaborative, qa_family_feedback, qa_management_oversight_expected, qa_management_oversight,
             qa_supervision, qa_supervision_impact)
    ), audited AS (
      INSERT INTO case_audit (id, sampled_case_id, audit_id, service_area_id, auditor_id, threshold_version_id, status,
                              answers, overall_grade, children_seen, submitted_at, version, updated_at,
                              practitioner_id, team_id, law_type, is_eit, employment,
                              qa_collaborative, qa_family_feedback, qa_management_oversight_expected,
                              qa_management_oversight, qa_supervision, qa_supervision_impact)
      SELECT gen_random_uuid()::text, i.sampled_case_id, i.audit_id, i.service_area_id, i.auditor_id, i.threshold_version_id,
             'SUBMITTED', i.answers, i.overall_grade, i.children_seen, i.submitted_at, 1, i.submitted_at,
             i.practitioner_id, coalesce(i.team_id, p.team_id), i.law_type::law_type, i.is_eit, i.employment::employment,
             CASE WHEN i.has_qa THEN i.qa_collaborative ELSE (i.answers->'qa'->>'collaborative')::boolean END,
             CASE WHEN i.has_qa THEN i.qa_family_feedback ELSE (i.answers->'qa'->>'familyFeedback')::boolean END,
             i.qa_management_oversight_expected,
             CASE WHEN i.has_qa THEN i.qa_management_oversight ELSE (i.answers->'qa'->>'managementOversight')::boolean END,
             CASE WHEN i.has_qa THEN i.qa_supervision ELSE (i.answers->'qa'->>'supervision')::boolean END,
             i.qa_supervision_impact
      FROM incoming i JOIN practitioner p ON p.id = i.practitioner_id
      RETURNING id, sampled_case_id, overall_grade, version
    )
    INSERT INTO case_audit_history (case_audit_id, occurred_at, actor_id, event, version, overall_grade, changes, reason)
    SELECT a.id, ${now}, ${actorId}, i.event, a.version, a.overall_grade, '[]'::jsonb, i.reason
    FROM audited a JOIN incoming i ON i.sampled_case_id = a.sampled_case_id
    RETURNING case_audit_id, version`;
  if (written.length !== imports.length) throw new Error('applyGrades: an imported case has no practitioner');
  return written.map((row) => ({ caseAuditId: row.case_audit_id, version: row.version }));
}
