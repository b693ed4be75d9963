import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import { db } from './client';
import type { AuditStatus, LawType } from '@/lib/domain/audits';
import type { FiledWork } from '@/lib/domain/sampling';
import { replacementReasonLabel } from '@/lib/domain/sample-rules';

// Read models of an audit's sample: its context, the population it is drawn
// from, and what the sample page shows. The writes are use cases
// (lib/use-cases/sampling).

export type SamplingContext = {
  auditId: string;
  auditName: string;
  status: AuditStatus;
  windowFrom: string;
  windowTo: string;
  lawTypes: LawType[];
  serviceAreaIds: string[];
  sample: {
    seed: string;
    sharePercent: number;
    drawnAt: Date;
    lockedAt: Date | null;
    version: number;
  } | null;
};

export async function getSamplingContext(auditId: string): Promise<SamplingContext | null> {
  const audit = await db().audit.findUnique({
    where: { id: auditId },
    select: {
      id: true,
      name: true,
      status: true,
      windowFrom: true,
      windowTo: true,
      lawTypes: true,
      serviceAreas: { select: { serviceAreaId: true } },
      sample: { select: { seed: true, sharePercent: true, drawnAt: true, lockedAt: true, version: true } },
    },
  });
  if (!audit) return null;
  return {
    auditId: audit.id,
    auditName: audit.name,
    status: audit.status,
    windowFrom: isoDay(audit.windowFrom),
    windowTo: isoDay(audit.windowTo),
    lawTypes: audit.lawTypes,
    serviceAreaIds: audit.serviceAreas.map((area) => area.serviceAreaId),
    sample: audit.sample,
  };
}

/** Filed work inside the window and scope; the domain picks each practitioner's latest. */
export async function findFiledWork(context: SamplingContext): Promise<FiledWork[]> {
  const rows = await db().$queryRaw<
    {
      case_file_id: string;
      reference: string;
      practitioner_id: string;
      service_area_id: string;
      law_type: LawType;
      performance_band: string | null;
      filed_on: Date;
    }[]
  >`
    SELECT c.id AS case_file_id, c.reference, c.practitioner_id, c.service_area_id, c.law_type::text AS law_type,
           p.performance_band, max(d.filed_on) AS filed_on
    FROM filed_document d
    JOIN case_file c ON c.id = d.case_file_id
    JOIN practitioner p ON p.id = c.practitioner_id
    WHERE d.filed_on BETWEEN ${context.windowFrom}::date AND ${context.windowTo}::date
      AND c.service_area_id = ANY(${context.serviceAreaIds}::text[])
      AND c.law_type::text = ANY(${context.lawTypes}::text[])
      AND p.is_active
    GROUP BY c.id, p.performance_band`;
  return rows.map((row) => ({
    caseFileId: row.case_file_id,
    caseReference: row.reference,
    practitionerId: row.practitioner_id,
    serviceAreaId: row.service_area_id,
    lawType: row.law_type,
    performanceBand: row.performance_band,
    filedOn: isoDay(row.filed_on),
  }));
}

export type StratumRow = {
  serviceAreaId: string;
  areaCode: string;
  stratumKey: string;
  population: number;
  selected: number;
  replaced: number;
};

/** Per area and stratum: population and sample counts, counted in the database. */
export async function sampleBreakdown(auditId: string): Promise<StratumRow[]> {
  const rows = await db().$queryRaw<
    {
      service_area_id: string;
      code: string;
      stratum_key: string;
      population: bigint;
      selected: bigint;
      replaced: bigint;
    }[]
  >`
    SELECT s.service_area_id, a.code, s.stratum_key,
           count(*) AS population,
           count(*) FILTER (WHERE s.status = 'SELECTED') AS selected,
           count(*) FILTER (WHERE s.status = 'REPLACED') AS replaced
    FROM sampled_case s JOIN service_area a ON a.id = s.service_area_id
    WHERE s.audit_id = ${auditId}
    GROUP BY s.service_area_id, a.code, a.sort_order, s.stratum_key
    ORDER BY a.sort_order, s.stratum_key`;
  return rows.map((row) => ({
    serviceAreaId: row.service_area_id,
    areaCode: row.code,
    stratumKey: row.stratum_key,
    population: Number(row.population),
    selected: Number(row.selected),
    replaced: Number(row.replaced),
  }));
}

export type SampledCaseView = {
  id: string;
  version: number;
  caseReference: string;
  practitionerReference: string;
  practitionerName: string;
  areaCode: string;
  stratumKey: string;
  status: 'SELECTED' | 'RESERVE' | 'REPLACED';
  reserveRank: number | null;
  assignedTo: { id: string; name: string } | null;
};

export async function findSampledCases(
  auditId: string,
  statuses: ('SELECTED' | 'RESERVE' | 'REPLACED')[],
): Promise<SampledCaseView[]> {
  const rows = await db().sampledCase.findMany({
    where: { auditId, status: { in: statuses } },
    select: {
      id: true,
      version: true,
      stratumKey: true,
      status: true,
      reserveRank: true,
      caseFile: {
        select: {
          reference: true,
          serviceArea: { select: { code: true, sortOrder: true } },
          practitioner: { select: { reference: true, name: true } },
        },
      },
      assignedTo: { select: { id: true, name: true } },
    },
    orderBy: [
      { caseFile: { serviceArea: { sortOrder: 'asc' } } },
      { stratumKey: 'asc' },
      { status: 'asc' },
      { reserveRank: 'asc' },
      { caseFile: { reference: 'asc' } },
    ],
  });
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    caseReference: row.caseFile.reference,
    practitionerReference: row.caseFile.practitioner.reference,
    practitionerName: row.caseFile.practitioner.name,
    areaCode: row.caseFile.serviceArea.code,
    stratumKey: row.stratumKey,
    status: row.status,
    reserveRank: row.reserveRank,
    assignedTo: row.assignedTo,
  }));
}

export type ReplacementView = {
  replacedAt: Date;
  replacedBy: string;
  reason: string;
  note: string;
  replacedCase: string;
  replacementCase: string;
};

export async function findReplacements(auditId: string): Promise<ReplacementView[]> {
  const rows = await db().$queryRaw<
    {
      replaced_at: Date;
      replaced_by: string;
      reason: string;
      note: string;
      replaced_case: string;
      replacement_case: string;
    }[]
  >`
    SELECT r.replaced_at, u.name AS replaced_by, r.reason, r.note, c1.reference AS replaced_case, c2.reference AS replacement_case
    FROM sample_replacement r
    JOIN app_user u ON u.id = r.replaced_by_id
    JOIN sampled_case s1 ON s1.id = r.replaced_case_id JOIN case_file c1 ON c1.id = s1.case_file_id
    JOIN sampled_case s2 ON s2.id = r.replacement_case_id JOIN case_file c2 ON c2.id = s2.case_file_id
    WHERE r.audit_id = ${auditId}
    ORDER BY r.replaced_at`;
  return rows.map((row) => ({
    replacedAt: row.replaced_at,
    replacedBy: row.replaced_by,
    reason: replacementReasonLabel(row.reason),
    note: row.note,
    replacedCase: row.replaced_case,
    replacementCase: row.replacement_case,
  }));
}
