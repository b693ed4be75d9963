import 'server-only';
import { db } from './client';
import { lookUpInBatches } from './batches';
import { recordAuditEvent } from './audit-events';
import { contentOf } from './case-audits';
import { createImportedPractitioners, writePastResults, type PastResult } from './results-writer';
import type { AuditKind } from '@/lib/domain/audits';
import { emptyAnswers } from '@/lib/domain/grading';
import { usesLocalForm } from '@/lib/domain/local-indicators';
import type { ResultsCommit } from '@/lib/domain/import-outcomes';
import type { ResultRow, ResultsLookup, UnknownPractitioner } from '@/lib/domain/results-import';
import type { RubricContent } from '@/lib/domain/rubric';

export type ResultsAudit = {
  id: string | null; // null: the audit does not exist yet and is created on commit
  name: string;
  thresholdVersionId: string;
  content: RubricContent;
  /** The existing audit's kind; null when the import creates the audit (of the kind its rows say). */
  kind: AuditKind | null;
};

/** The national Good / Met / Not Met document's latest published version, if one is published. */
async function nationalThreeLevelVersion(): Promise<{ id: string; content: RubricContent } | null> {
  const versions = await db().thresholdVersion.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: { publishedAt: 'desc' },
    select: { id: true },
  });
  for (const version of versions) {
    const content = await contentOf(version.id);
    const keys = content.scale.levels.map((level) => level.label.toLowerCase()).join('|');
    if (keys === 'good|met|not met') return { id: version.id, content };
  }
  return null;
}

/** Where results would go, or why they cannot: the audit has its own sample, or no three-level document is published. */
export type ResultsAuditLookup =
  { kind: 'found'; audit: ResultsAudit } | { kind: 'sampled' } | { kind: 'no-three-level-document' };

/**
 * The audit results go into: an existing audit without a drawn sample (its
 * cases came from elsewhere), or a new one on the national three-level document.
 */
export async function findResultsAudit(name: string): Promise<ResultsAuditLookup> {
  const audit = await db().audit.findUnique({
    where: { name },
    select: {
      id: true,
      name: true,
      kind: true,
      thresholdVersionId: true,
      sample: { select: { auditId: true } },
    },
  });
  if (!audit) {
    const version = await nationalThreeLevelVersion();
    if (!version) return { kind: 'no-three-level-document' };
    return {
      kind: 'found',
      audit: { id: null, name, thresholdVersionId: version.id, content: version.content, kind: null },
    };
  }
  if (audit.sample) return { kind: 'sampled' };
  return {
    kind: 'found',
    audit: {
      id: audit.id,
      name: audit.name,
      thresholdVersionId: audit.thresholdVersionId,
      content: await contentOf(audit.thresholdVersionId),
      kind: audit.kind,
    },
  };
}

const distinctLowerCase = (values: string[]) => [...new Set(values.map((value) => value.toLowerCase()))];

export async function resultsLookup(
  audit: ResultsAudit,
  practitionerRefs: string[],
  caseRefs: string[],
  auditorEmails: string[] = [],
  today?: string,
): Promise<ResultsLookup> {
  const auditId = audit.id;
  const [areas, teams, practitioners, existing, auditors] = await Promise.all([
    db().serviceArea.findMany({ select: { id: true, code: true } }),
    db().team.findMany({ select: { id: true, serviceAreaId: true, name: true } }),
    lookUpInBatches(
      distinctLowerCase(practitionerRefs),
      (batch) => db().$queryRaw<
        { id: string; reference: string; service_area_id: string; employment: 'EMPLOYED' | 'AGENCY' }[]
      >`
        SELECT p.id, p.reference, t.service_area_id, p.employment::text AS employment
        FROM practitioner p JOIN team t ON t.id = p.team_id
        WHERE lower(p.reference) = ANY(${batch})`,
    ),
    auditId === null
      ? []
      : lookUpInBatches(
          distinctLowerCase(caseRefs),
          (batch) => db().$queryRaw<{ reference: string }[]>`
            SELECT cf.reference FROM sampled_case sc JOIN case_file cf ON cf.id = sc.case_file_id
            WHERE sc.audit_id = ${auditId} AND lower(cf.reference) = ANY(${batch})`,
        ),
    lookUpInBatches(
      distinctLowerCase(auditorEmails.filter((email) => email !== '')),
      (batch) => db().$queryRaw<{ id: string; email: string }[]>`
        SELECT id, email FROM app_user WHERE is_active AND lower(email) = ANY(${batch})`,
    ),
  ]);
  return {
    levels: audit.content.scale.levels.map((level) => ({ key: level.key, label: level.label })),
    sectionKeys: audit.content.sections.map((section) => section.key),
    serviceAreaIdByCode: new Map(areas.map((area) => [area.code.toLowerCase(), area.id])),
    teamIdByAreaAndName: new Map(
      teams.map((team) => [`${team.serviceAreaId}\u0000${team.name.toLowerCase()}`, team.id]),
    ),
    practitionerByReference: new Map(
      practitioners.map((p) => [
        p.reference.toLowerCase(),
        { id: p.id, serviceAreaId: p.service_area_id, employment: p.employment },
      ]),
    ),
    caseRefsAlreadyInAudit: new Set(existing.map((row) => row.reference.toLowerCase())),
    auditKind: audit.kind,
    userIdByEmail: new Map(auditors.map((user) => [user.email.toLowerCase(), user.id])),
    ...(today ? { today } : {}),
  };
}

/** "National Audit April 2013" → April 2013, so trends order correctly without asking. */
export function windowFromName(name: string, today: Date): { from: Date; to: Date } {
  const match =
    /(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})/i.exec(
      name,
    );
  if (!match) return { from: today, to: today };
  const month = new Date(`${match[1]} 1, ${match[2]} UTC`).getUTCMonth();
  const year = Number(match[2]);
  return { from: new Date(Date.UTC(year, month, 1)), to: new Date(Date.UTC(year, month + 1, 0)) };
}

/** A created audit's window: the days its cases were audited on when the file says, else from its name. */
function createdWindow(name: string, rows: ResultRow[], now: Date): { from: Date; to: Date } {
  const days = rows
    .map((row) => row.auditedOn)
    .filter((day): day is string => day !== null)
    .sort();
  const [first, last] = [days[0], days[days.length - 1]];
  if (!first || !last) return windowFromName(name, now);
  return { from: new Date(`${first}T00:00:00Z`), to: new Date(`${last}T00:00:00Z`) };
}

export async function commitResults(
  actorId: string,
  audit: ResultsAudit,
  kind: AuditKind,
  rows: ResultRow[],
  unknownPractitioners: UnknownPractitioner[],
  source: string,
  now: Date,
): Promise<ResultsCommit> {
  return db().$transaction(
    async (tx) => {
      let auditId = audit.id;
      const auditCreated = auditId === null;
      if (auditId === null) {
        const window = createdWindow(audit.name, rows, now);
        const areaIds = [...new Set(rows.map((row) => row.serviceAreaId))];
        const created = await tx.audit.create({
          data: {
            name: audit.name,
            kind,
            purpose: `Results imported from ${source}.`,
            windowFrom: window.from,
            windowTo: window.to,
            thresholdVersionId: audit.thresholdVersionId,
            lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'],
            status: 'PUBLISHED',
            serviceAreas: { create: areaIds.map((serviceAreaId) => ({ serviceAreaId })) },
          },
          select: { id: true },
        });
        auditId = created.id;
        // A local audit is an audit with a programme (its quota and moderation share at their defaults).
        if (usesLocalForm(kind)) await tx.localAuditProgramme.create({ data: { auditId } });
        await recordAuditEvent(tx, {
          actorId,
          action: 'audit.created',
          entityType: 'audit',
          entityId: auditId,
          detail: { name: audit.name, kind, from: 'results import', source },
        });
      }
      const createdPractitioners = await createImportedPractitioners(tx, unknownPractitioners);
      const results: PastResult[] = rows.map((row) => {
        const answers = emptyAnswers(audit.content);
        for (const [sectionKey, grade] of Object.entries(row.sectionGrades))
          if (answers.sections[sectionKey]) answers.sections[sectionKey].grade = grade;
        answers.overallGrade = row.overallGrade;
        answers.childrenSeen = row.childrenSeen;
        answers.qa = {
          collaborative: row.qa.collaborative,
          familyFeedback: row.qa.familyFeedback,
          managementOversight: row.qa.managementOversight,
          supervision: row.qa.supervision,
        };
        if (usesLocalForm(kind))
          answers.localQa = {
            practitionerReflection: '',
            familyFeedbackSaid: '',
            managementOversightExpected: row.qa.managementOversightExpected,
            supervisionImpact: row.qa.supervisionImpact,
          };
        answers.overallRationale = `Imported from ${source}.`;
        const practitionerId =
          row.practitionerId ?? createdPractitioners.get(row.practitionerRef.toLowerCase()) ?? null;
        if (!practitionerId) throw new Error(`practitioner ${row.practitionerRef} was not created`);
        return {
          caseRef: row.caseRef,
          serviceAreaId: row.serviceAreaId,
          teamId: row.teamId,
          practitionerId,
          employment: row.employment,
          lawType: row.lawType,
          isEit: row.isEit,
          overallGrade: row.overallGrade,
          childrenSeen: row.childrenSeen,
          answers,
          auditorId: row.auditorId,
          submittedAt: row.auditedOn ? new Date(`${row.auditedOn}T12:00:00Z`) : null,
          qa: row.qa,
        };
      });
      const written = await writePastResults(
        tx,
        {
          auditId,
          thresholdVersionId: audit.thresholdVersionId,
          actorId,
          reason: `Imported from ${source}`,
          now,
        },
        results,
      );
      await recordAuditEvent(tx, {
        actorId,
        action: 'results.imported',
        entityType: 'audit',
        entityId: auditId,
        detail: { source, cases: written.cases, practitionersCreated: createdPractitioners.size },
      });
      return {
        auditId,
        auditCreated,
        cases: written.cases,
        practitionersCreated: createdPractitioners.size,
        caseFilesCreated: written.caseFilesCreated,
      };
    },
    { timeout: 120_000 },
  );
}

/** Who an import from the command line is recorded as: `--as`, else the first Senior Service Manager; null if nobody fits. */
export async function commandLineImporter(email: string | undefined): Promise<string | null> {
  const user = await db().user.findFirst({
    where: email
      ? { email: email.toLowerCase(), isActive: true }
      : { role: { in: ['SENIOR_SERVICE_MANAGER', 'ADMIN'] }, isActive: true },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
    select: { id: true },
  });
  return user?.id ?? null;
}
