import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import { contentOf } from './case-audits';
import type { PairCount } from '@/lib/domain/local-calibration';

// Counts of grade pairs for the local calibration page, grouped in SQL: one
// row per area, team, manager, threshold version and pair of grades, never
// one per case. The domain turns them into agreement and bias.

/** Which areas (one, or every area) and which months ([from, to), yyyy-mm-dd; null: unbounded). */
export type CalibrationScope = { serviceAreaId: string | null; from: string | null; to: string | null };

type Row = {
  service_area_id: string;
  area_code: string;
  team_id: string | null;
  team_name: string | null;
  manager_id: string;
  manager_name: string;
  version_id: string;
  first: string;
  second: string;
  pairs: number;
};

// The month a local audit counts towards; an imported one, the month it was submitted.
const MONTH = Prisma.sql`coalesce(sc.month, (ca.submitted_at AT TIME ZONE 'UTC')::date)`;

function scoped(scope: CalibrationScope, areaColumn: Prisma.Sql): Prisma.Sql {
  if (scope.serviceAreaId === undefined) throw new Error('area scope missing');
  return Prisma.sql`
    ${scope.serviceAreaId === null ? Prisma.sql`TRUE` : Prisma.sql`${areaColumn} = ${scope.serviceAreaId}`}
    AND ${scope.from === null ? Prisma.sql`TRUE` : Prisma.sql`${MONTH} >= ${scope.from}::date`}
    AND ${scope.to === null ? Prisma.sql`TRUE` : Prisma.sql`${MONTH} < ${scope.to}::date`}`;
}

async function withLevels(rows: Row[]): Promise<{ pairs: PairCount[]; labels: Record<string, string> }> {
  const versions = [...new Set(rows.map((row) => row.version_id))];
  const contents = new Map(await Promise.all(versions.map(async (id) => [id, await contentOf(id)] as const)));
  const labels: Record<string, string> = {};
  for (const content of contents.values())
    for (const level of content.scale.levels) labels[level.key] ??= level.label;
  const pairs = rows.map((row) => ({
    serviceAreaId: row.service_area_id,
    areaCode: row.area_code,
    teamId: row.team_id,
    teamName: row.team_name,
    managerId: row.manager_id,
    managerName: row.manager_name,
    levels: contents.get(row.version_id)?.scale.levels.map((level) => level.key) ?? [],
    first: row.first,
    second: row.second,
    count: row.pairs,
  }));
  return { pairs, labels };
}

/** Submitted moderations: the manager's grade against the Head of Practice's blind one. */
export async function countModerationPairs(scope: CalibrationScope) {
  const rows = await db().$queryRaw<Row[]>`
    SELECT lm.service_area_id, sa.code AS area_code, lm.team_id, t.name AS team_name,
           lm.manager_id, u.name AS manager_name, ca.threshold_version_id AS version_id,
           lm.first_overall_grade AS first, lm.overall_grade AS second, count(*)::int AS pairs
    FROM local_moderation lm
    JOIN case_audit ca ON ca.id = lm.case_audit_id
    JOIN sampled_case sc ON sc.id = ca.sampled_case_id
    JOIN service_area sa ON sa.id = lm.service_area_id
    JOIN app_user u ON u.id = lm.manager_id
    LEFT JOIN team t ON t.id = lm.team_id
    WHERE lm.status IN ('SUBMITTED', 'MODERATED') AND lm.overall_grade IS NOT NULL
      AND ${scoped(scope, Prisma.sql`lm.service_area_id`)}
    GROUP BY lm.service_area_id, sa.code, lm.team_id, t.name, lm.manager_id, u.name, ca.threshold_version_id,
             lm.first_overall_grade, lm.overall_grade`;
  return withLevels(rows);
}

/**
 * Case files graded both in a local audit (by its manager) and in a national
 * audit: the local grade against the national one (the latest, if graded
 * nationally more than once). Cases the reader still grades blind (a
 * moderation or benchmark of theirs not submitted) and national audits whose
 * figures are withheld from them are left out.
 */
export async function countLocalNationalPairs(
  scope: CalibrationScope,
  readerId: string,
  withheldAuditIds: string[],
) {
  const rows = await db().$queryRaw<Row[]>`
    WITH local AS (
      SELECT ca.service_area_id, ca.team_id, ca.auditor_id, ca.overall_grade, ca.threshold_version_id,
             sc.case_file_id
      FROM case_audit ca
      JOIN audit a ON a.id = ca.audit_id AND a.kind IN ('LOCAL_QUALITY_IMPACT', 'PERFORMANCE_BOARD')
      JOIN sampled_case sc ON sc.id = ca.sampled_case_id
      WHERE ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
        AND ${scoped(scope, Prisma.sql`ca.service_area_id`)}
        AND NOT EXISTS (SELECT 1 FROM local_moderation lm WHERE lm.case_audit_id = ca.id
                        AND lm.moderator_id = ${readerId} AND lm.status IN ('ASSIGNED', 'IN_PROGRESS'))
    ), national AS (
      SELECT DISTINCT ON (sc.case_file_id) sc.case_file_id, ca.overall_grade, ca.threshold_version_id
      FROM case_audit ca
      JOIN audit a ON a.id = ca.audit_id AND a.kind = 'NATIONAL_PRACTICE_QUALITY'
      JOIN sampled_case sc ON sc.id = ca.sampled_case_id
      WHERE ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
        AND sc.case_file_id IN (SELECT case_file_id FROM local)
        AND NOT (a.id = ANY(${withheldAuditIds}::text[]))
        AND NOT EXISTS (SELECT 1 FROM benchmark b WHERE b.case_audit_id = ca.id
                        AND b.benchmarker_id = ${readerId} AND b.status IN ('ASSIGNED', 'IN_PROGRESS'))
      ORDER BY sc.case_file_id, ca.submitted_at DESC NULLS LAST, ca.id
    )
    SELECT l.service_area_id, sa.code AS area_code, l.team_id, t.name AS team_name,
           l.auditor_id AS manager_id, u.name AS manager_name,
           -- Compared on one scale only when both versions share it (the domain checks the levels).
           CASE WHEN l.threshold_version_id = n.threshold_version_id THEN l.threshold_version_id
                ELSE l.threshold_version_id || '|' || n.threshold_version_id END AS version_id,
           l.overall_grade AS first, n.overall_grade AS second, count(*)::int AS pairs
    FROM local l
    JOIN national n ON n.case_file_id = l.case_file_id
    JOIN service_area sa ON sa.id = l.service_area_id
    JOIN app_user u ON u.id = l.auditor_id
    LEFT JOIN team t ON t.id = l.team_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
  return withLevels(await sameScaleOnly(rows));
}

/** A pair of versions stands for the local one when both use the same levels; otherwise it is off every scale. */
async function sameScaleOnly(rows: Row[]): Promise<Row[]> {
  return Promise.all(
    rows.map(async (row) => {
      if (!row.version_id.includes('|')) return row;
      const [local, national] = row.version_id.split('|') as [string, string];
      const [a, b] = await Promise.all([contentOf(local), contentOf(national)]);
      const same =
        a.scale.levels.map((level) => level.key).join('|') ===
        b.scale.levels.map((level) => level.key).join('|');
      // An impossible grade drops the pair from every scale: the domain counts it as left out.
      return same
        ? { ...row, version_id: local }
        : { ...row, version_id: local, second: `${row.second} (other scale)` };
    }),
  );
}
