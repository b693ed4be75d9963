import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import { db } from './client';

export type SampleExportRow = {
  areaCode: string;
  stratumKey: string;
  stratumPopulation: number;
  stratumSelected: number;
  caseReference: string;
  practitionerReference: string;
  latestFiling: string;
  status: string;
  reserveRank: number | null;
  assignedTo: string | null;
};

/** Every sampled case with what explains it: its stratum's size and share. */
export async function sampleExportRows(
  auditId: string,
  windowFrom: string,
  windowTo: string,
): Promise<SampleExportRow[]> {
  const rows = await db().$queryRaw<
    {
      code: string;
      stratum_key: string;
      population: bigint;
      selected: bigint;
      reference: string;
      practitioner_ref: string;
      latest: Date | null;
      status: string;
      reserve_rank: number | null;
      assigned_to: string | null;
    }[]
  >`
    WITH strata AS (
      SELECT service_area_id, stratum_key, count(*) AS population, count(*) FILTER (WHERE status = 'SELECTED') AS selected
      FROM sampled_case WHERE audit_id = ${auditId} GROUP BY service_area_id, stratum_key
    )
    SELECT a.code, s.stratum_key, st.population, st.selected, c.reference, p.reference AS practitioner_ref,
           (SELECT max(d.filed_on) FROM filed_document d WHERE d.case_file_id = c.id AND d.filed_on BETWEEN ${windowFrom}::date AND ${windowTo}::date) AS latest,
           s.status::text AS status, s.reserve_rank, u.name AS assigned_to
    FROM sampled_case s
    JOIN strata st ON st.service_area_id = s.service_area_id AND st.stratum_key = s.stratum_key
    JOIN service_area a ON a.id = s.service_area_id
    JOIN case_file c ON c.id = s.case_file_id
    JOIN practitioner p ON p.id = s.practitioner_id
    LEFT JOIN app_user u ON u.id = s.assigned_to_id
    WHERE s.audit_id = ${auditId}
    ORDER BY a.sort_order, s.stratum_key, s.status, s.reserve_rank NULLS FIRST, c.reference`;
  return rows.map((row) => ({
    areaCode: row.code,
    stratumKey: row.stratum_key,
    stratumPopulation: Number(row.population),
    stratumSelected: Number(row.selected),
    caseReference: row.reference,
    practitionerReference: row.practitioner_ref,
    latestFiling: row.latest ? isoDay(row.latest) : '',
    status: row.status,
    reserveRank: row.reserve_rank,
    assignedTo: row.assigned_to,
  }));
}
