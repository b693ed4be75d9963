import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import type { LawType } from '@/lib/domain/audits';
import { QA_INDICATORS } from '@/lib/domain/grading';
import type {
  AuditGradeCounts,
  ChildrenSeenCount,
  CrossTabCounts,
  GradeCounts,
  QaCount,
  SectionCount,
  ThemeCount,
} from '@/lib/domain/report-counts';
import type { ReportScope } from '@/lib/domain/report-view';
import type { Employment } from '@/lib/domain/roles';

// The report's counting queries over one audit's case_audit rows, counted as
// they stand: the audit under report while it is not published (published
// audits' figures that the summaries hold come from report-summary-counts.ts).

/** Graded = submitted with a final grade; the report counts nothing else. */
export const GRADED = Prisma.sql`ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL`;

export function areaFilter(scope: ReportScope, column = Prisma.raw('ca.service_area_id')) {
  return scope.serviceAreaId ? Prisma.sql`AND ${column} = ${scope.serviceAreaId}` : Prisma.empty;
}

export function addCount(map: Record<string, GradeCounts>, key: string, grade: string, count: number) {
  const counts = (map[key] ??= {});
  counts[grade] = (counts[grade] ?? 0) + count;
}

/** One pass over the audit's cases for Fig. 1, 2, 3 and 5. */
export async function countGrades(auditId: string, scope: ReportScope): Promise<AuditGradeCounts> {
  const rows = await db().$queryRaw<
    {
      by: 'overall' | 'law' | 'area' | 'employment';
      law_type: LawType | null;
      service_area_id: string | null;
      employment: Employment | null;
      overall_grade: string;
      count: bigint;
    }[]
  >`
    SELECT CASE
             WHEN GROUPING(ca.law_type) = 0 THEN 'law'
             WHEN GROUPING(ca.service_area_id) = 0 THEN 'area'
             WHEN GROUPING(ca.employment) = 0 THEN 'employment'
             ELSE 'overall'
           END AS by,
           ca.law_type::text AS law_type, ca.service_area_id, ca.employment::text AS employment,
           ca.overall_grade, count(*) AS count
    FROM case_audit ca
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    GROUP BY GROUPING SETS ((ca.overall_grade), (ca.law_type, ca.overall_grade),
                            (ca.service_area_id, ca.overall_grade), (ca.employment, ca.overall_grade))`;
  const counts: AuditGradeCounts = { overall: {}, byLawType: {}, byServiceArea: {}, byEmployment: {} };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.by === 'overall') counts.overall[row.overall_grade] = count;
    else if (row.by === 'law') addCount(counts.byLawType, row.law_type!, row.overall_grade, count);
    else if (row.by === 'area')
      addCount(counts.byServiceArea, row.service_area_id!, row.overall_grade, count);
    else addCount(counts.byEmployment, row.employment!, row.overall_grade, count);
  }
  return counts;
}

/** Fig. 5 alone: the one grade table the published audits' summaries do not hold. */
export async function countGradesByEmployment(
  auditId: string,
  scope: ReportScope,
): Promise<Record<string, GradeCounts>> {
  const rows = await db().$queryRaw<{ employment: Employment; overall_grade: string; count: bigint }[]>`
    SELECT ca.employment::text AS employment, ca.overall_grade, count(*) AS count
    FROM case_audit ca
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    GROUP BY ca.employment, ca.overall_grade`;
  const byEmployment: Record<string, GradeCounts> = {};
  for (const row of rows) addCount(byEmployment, row.employment, row.overall_grade, Number(row.count));
  return byEmployment;
}

export async function countChildrenSeen(auditId: string, scope: ReportScope): Promise<ChildrenSeenCount[]> {
  const rows = await db().$queryRaw<
    { service_area_id: string; is_eit: boolean; children_seen: string | null; count: bigint }[]
  >`
    SELECT ca.service_area_id, ca.is_eit, ca.children_seen, count(*) AS count
    FROM case_audit ca
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    GROUP BY ca.service_area_id, ca.is_eit, ca.children_seen`;
  return rows.map((row) => ({
    serviceAreaId: row.service_area_id,
    isEit: row.is_eit,
    childrenSeen: row.children_seen,
    cases: Number(row.count),
  }));
}

export async function countSections(
  auditId: string,
  scope: ReportScope,
  goodKeys: string[],
): Promise<SectionCount[]> {
  const rows = await db().$queryRaw<
    {
      by: 'overall' | 'area' | 'team';
      section_key: string;
      group_id: string | null;
      graded: bigint;
      good: bigint;
    }[]
  >`
    SELECT CASE WHEN GROUPING(ca.service_area_id) = 0 THEN 'area'
                WHEN GROUPING(ca.team_id) = 0 THEN 'team' ELSE 'overall' END AS by,
           s.key AS section_key, coalesce(ca.service_area_id, ca.team_id) AS group_id,
           count(*) AS graded,
           count(*) FILTER (WHERE s.value->>'grade' = ANY(${goodKeys})) AS good
    FROM case_audit ca
    CROSS JOIN LATERAL jsonb_each(ca.answers->'sections') s
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
      AND coalesce(s.value->>'grade', '') <> ''
    GROUP BY GROUPING SETS ((s.key), (s.key, ca.service_area_id), (s.key, ca.team_id))`;
  return rows.map((row) => ({
    sectionKey: row.section_key,
    by: row.by,
    groupId: row.group_id,
    graded: Number(row.graded),
    goodOrAbove: Number(row.good),
  }));
}

export async function countCrossTab(
  auditId: string,
  scope: ReportScope,
  sections: { rowSection: string; columnSection: string },
): Promise<CrossTabCounts> {
  const { rowSection, columnSection } = sections;
  const rows = await db().$queryRaw<{ row: string | null; column: string | null; count: bigint }[]>`
    SELECT ca.answers->'sections'->${rowSection}->>'grade' AS row,
           ca.answers->'sections'->${columnSection}->>'grade' AS column,
           count(*) AS count
    FROM case_audit ca
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    GROUP BY 1, 2`;
  return {
    rowSection,
    columnSection,
    cells: rows.map((row) => ({ row: row.row, column: row.column, count: Number(row.count) })),
  };
}

export async function countQa(auditId: string, scope: ReportScope): Promise<QaCount[]> {
  const [row] = await db().$queryRaw<Record<string, bigint>[]>`
    SELECT
      ${Prisma.join(
        QA_INDICATORS.map(
          (key) => Prisma.sql`
            count(*) FILTER (WHERE ca.answers->'qa'->>${key} = 'true') AS ${Prisma.raw(`"${key}_yes"`)},
            count(*) FILTER (WHERE ca.answers->'qa'->>${key} IN ('true', 'false')) AS ${Prisma.raw(`"${key}_answered"`)}`,
        ),
      )}
    FROM case_audit ca
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}`;
  return QA_INDICATORS.map((key) => ({
    key,
    yes: Number(row?.[`${key}_yes`] ?? 0),
    answered: Number(row?.[`${key}_answered`] ?? 0),
  }));
}

const EXAMPLES_PER_THEME = 3;

export async function countThemes(
  auditId: string,
  scope: ReportScope,
  field: 'strengths' | 'learningPoints',
): Promise<ThemeCount[]> {
  const rows = await db().$queryRaw<{ theme_key: string; count: bigint; examples: string[] }[]>`
    WITH notes AS (
      SELECT note->>'themeKey' AS theme_key, btrim(note->>'text') AS text, ca.submitted_at
      FROM case_audit ca
      CROSS JOIN LATERAL jsonb_array_elements(coalesce(ca.answers->${field}, '[]'::jsonb)) note
      WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    ), ranked AS (
      SELECT theme_key, text, row_number() OVER (PARTITION BY theme_key ORDER BY length(text) DESC, text) AS rank
      FROM (SELECT DISTINCT theme_key, text FROM notes WHERE text <> '') distinct_notes
    )
    SELECT n.theme_key, count(*) AS count,
           coalesce((SELECT array_agg(r.text ORDER BY r.rank) FROM ranked r
                     WHERE r.theme_key = n.theme_key AND r.rank <= ${EXAMPLES_PER_THEME}), '{}') AS examples
    FROM notes n
    GROUP BY n.theme_key
    ORDER BY count(*) DESC, n.theme_key`;
  return rows.map((row) => ({ themeKey: row.theme_key, count: Number(row.count), examples: row.examples }));
}

/** Benchmarkers of the audit (in scope) with their submitted cases, most first. */
export async function countBenchmarking(
  auditId: string,
  scope: ReportScope,
): Promise<{ name: string; cases: number; moderated: number }[]> {
  const rows = await db().$queryRaw<{ name: string; cases: bigint; moderated: bigint }[]>`
    SELECT u.name, count(*) AS cases, count(*) FILTER (WHERE b.status = 'MODERATED') AS moderated
    FROM benchmark b JOIN app_user u ON u.id = b.benchmarker_id
    WHERE b.audit_id = ${auditId} AND b.status IN ('SUBMITTED', 'MODERATED')
      ${areaFilter(scope, Prisma.raw('b.service_area_id'))}
    GROUP BY u.name
    ORDER BY count(*) DESC, u.name`;
  return rows.map((row) => ({ name: row.name, cases: Number(row.cases), moderated: Number(row.moderated) }));
}
