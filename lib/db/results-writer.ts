// Writes the graded cases of a past audit in a few set-based statements. It
// takes its client instead of importing the app's, so the demo seed (which
// runs outside Next) writes its audits exactly as an import does.
import type { PrismaClient } from '@/generated/prisma/client';
import type { GradingAnswers } from '@/lib/domain/grading';
import { applyGrades, type ImportedQa } from './grade-writer';

type Writer = Pick<PrismaClient, '$executeRaw' | '$queryRaw'>;

export type PastResult = {
  caseRef: string;
  serviceAreaId: string;
  teamId: string | null;
  practitionerId: string;
  employment: 'EMPLOYED' | 'AGENCY';
  lawType: 'PUBLIC_LAW' | 'PRIVATE_LAW_WAFH' | 'PRIVATE_LAW_WTFH';
  isEit: boolean;
  overallGrade: string;
  childrenSeen: string;
  answers: GradingAnswers;
  /** Who graded it and when, as it was then (a past local audit); without them, the importer, now. */
  auditorId?: string | null;
  submittedAt?: Date | null;
  /** The indicators as recorded; without them, the four the answers hold. */
  qa?: ImportedQa;
};

export type NewPractitioner = {
  reference: string;
  serviceAreaId: string;
  teamId: string | null;
  employment: 'EMPLOYED' | 'AGENCY';
  performanceBand: string | null;
};

/** Practitioners need a team; one named this per area holds those imported without one. */
export const NO_TEAM_RECORDED = 'No team recorded';

/** Creates the practitioners an import names but Threshold does not know; returns reference → id. */
export async function createImportedPractitioners(
  tx: Writer,
  practitioners: NewPractitioner[],
): Promise<Map<string, string>> {
  if (practitioners.length === 0) return new Map();
  const areasWithoutTeam = [
    ...new Set(practitioners.filter((p) => p.teamId === null).map((p) => p.serviceAreaId)),
  ];
  if (areasWithoutTeam.length > 0)
    await tx.$executeRaw`
      INSERT INTO team (id, service_area_id, name)
      SELECT gen_random_uuid()::text, area_id, ${NO_TEAM_RECORDED} FROM unnest(${areasWithoutTeam}::text[]) AS t(area_id)
      ON CONFLICT (service_area_id, name) DO NOTHING`;
  const created = await tx.$queryRaw<{ reference: string; id: string }[]>`
    WITH incoming AS (
      SELECT * FROM unnest(
        ${practitioners.map((p) => p.reference)}::text[],
        ${practitioners.map((p) => p.serviceAreaId)}::text[],
        ${practitioners.map((p) => p.teamId)}::text[],
        ${practitioners.map((p) => p.employment)}::text[],
        ${practitioners.map((p) => p.performanceBand)}::text[]
      ) AS t(reference, service_area_id, team_id, employment, performance_band)
    )
    INSERT INTO practitioner (id, reference, name, team_id, employment, performance_band)
    SELECT gen_random_uuid()::text, i.reference, 'Practitioner ' || i.reference,
           coalesce(i.team_id, (SELECT id FROM team WHERE service_area_id = i.service_area_id AND name = ${NO_TEAM_RECORDED})),
           i.employment::employment, i.performance_band
    FROM incoming i
    RETURNING reference, id`;
  return new Map(created.map((row) => [row.reference.toLowerCase(), row.id]));
}

/**
 * One case file (reused when the reference exists), one sampled case and one
 * submitted case audit per result, with a history entry each: an imported
 * grade is a grade like any other. The case audit keeps the row's own law
 * type, team and employment, as the case was then.
 */
export async function writePastResults(
  tx: Writer,
  input: { auditId: string; thresholdVersionId: string; actorId: string; reason: string; now: Date },
  results: PastResult[],
): Promise<{ cases: number; caseFilesCreated: number }> {
  if (results.length === 0) return { cases: 0, caseFilesCreated: 0 };
  const [files] = await tx.$queryRaw<{ created: bigint }[]>`
    WITH incoming AS (
      SELECT * FROM unnest(
        ${results.map((r) => r.caseRef)}::text[],
        ${results.map((r) => r.serviceAreaId)}::text[],
        ${results.map((r) => r.teamId)}::text[],
        ${results.map((r) => r.practitionerId)}::text[],
        ${results.map((r) => r.lawType)}::text[],
        ${results.map((r) => r.isEit)}::boolean[]
      ) AS t(reference, service_area_id, team_id, practitioner_id, law_type, is_eit)
    ), added AS (
      INSERT INTO case_file (id, reference, service_area_id, team_id, practitioner_id, law_type, is_eit, subject_children)
      SELECT gen_random_uuid()::text, reference, service_area_id, team_id, practitioner_id, law_type::law_type, is_eit, 1
      FROM incoming
      ON CONFLICT (reference) DO NOTHING
      RETURNING 1
    )
    SELECT count(*) AS created FROM added`;
  const sampled = await tx.$queryRaw<{ id: string; reference: string }[]>`
    INSERT INTO sampled_case (id, audit_id, case_file_id, practitioner_id, service_area_id, stratum_key, status)
    SELECT gen_random_uuid()::text, ${input.auditId}, cf.id, t.practitioner_id, t.service_area_id, 'imported', 'SELECTED'
    FROM unnest(
      ${results.map((r) => r.caseRef)}::text[],
      ${results.map((r) => r.serviceAreaId)}::text[],
      ${results.map((r) => r.practitionerId)}::text[]
    ) AS t(reference, service_area_id, practitioner_id)
    JOIN case_file cf ON cf.reference = t.reference
    RETURNING id, (SELECT reference FROM case_file WHERE id = case_file_id) AS reference`;
  const sampledCaseIdByReference = new Map(sampled.map((row) => [row.reference, row.id]));
  await applyGrades(
    tx,
    { actorId: input.actorId, now: input.now },
    results.map((result) => ({
      kind: 'import' as const,
      sampledCaseId: sampledCaseIdByReference.get(result.caseRef) ?? '',
      auditId: input.auditId,
      serviceAreaId: result.serviceAreaId,
      thresholdVersionId: input.thresholdVersionId,
      practitionerId: result.practitionerId,
      teamId: result.teamId,
      lawType: result.lawType,
      isEit: result.isEit,
      employment: result.employment,
      answers: result.answers,
      overallGrade: result.overallGrade,
      childrenSeen: result.childrenSeen,
      ...(result.auditorId ? { auditorId: result.auditorId } : {}),
      ...(result.submittedAt ? { submittedAt: result.submittedAt } : {}),
      ...(result.qa ? { qa: result.qa } : {}),
      history: { event: 'IMPORTED', reason: input.reason },
    })),
  );
  return { cases: results.length, caseFilesCreated: Number(files?.created ?? 0) };
}
