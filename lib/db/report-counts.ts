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

/** One pass over the audit's cases for Fig. 1, 2 and 3 (a published audit's come from its summary). */
export async function countGrades(
  auditId: string,
  scope: ReportScope,
): Promise<Omit<AuditGradeCounts, 'byEmployment'>> {
  const rows = await db().$queryRaw<
    {
      by: 'overall' | 'law' | 'area';
      law_type: LawType | null;
      service_area_id: string | null;
      overall_grade: string;
      count: bigint;
    }[]
  >`
    SELECT CASE
             WHEN GROUPING(ca.law_type) = 0 THEN 'law'
             WHEN GROUPING(ca.service_area_id) = 0 THEN 'area'
             ELSE 'overall'
           END AS by,
           ca.law_type::text AS law_type, ca.service_area_id, ca.overall_grade, count(*) AS count
    FROM case_audit ca
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    GROUP BY GROUPING SETS ((ca.overall_grade), (ca.law_type, ca.overall_grade), (ca.service_area_id, ca.overall_grade))`;
  const counts: Omit<AuditGradeCounts, 'byEmployment'> = { overall: {}, byLawType: {}, byServiceArea: {} };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.by === 'overall') counts.overall[row.overall_grade] = count;
    else if (row.by === 'law') addCount(counts.byLawType, row.law_type!, row.overall_grade, count);
    else addCount(counts.byServiceArea, row.service_area_id!, row.overall_grade, count);
  }
  return counts;
}

/**
 * What no summary holds, in one pass over the audit's cases: Fig. 5
 * (employment), Fig. 4 (children seen) and the cross-tabulation of two sections.
 */
export async function countCaseDetails(
  auditId: string,
  scope: ReportScope,
  crossTab: { rowSection: string; columnSection: string } | null,
): Promise<{
  byEmployment: Record<string, GradeCounts>;
  childrenSeen: ChildrenSeenCount[];
  crossTab: CrossTabCounts | null;
}> {
  // The section grades are grouped by position: the same expression with new parameters would not match.
  const sectionGrades = crossTab
    ? Prisma.sql`ca.answers->'sections'->${crossTab.rowSection}->>'grade' AS row,
                 ca.answers->'sections'->${crossTab.columnSection}->>'grade' AS column`
    : Prisma.sql`NULL::text AS row, NULL::text AS column`;
  const rows = await db().$queryRaw<
    {
      by: 'employment' | 'seen' | 'cross';
      employment: Employment | null;
      overall_grade: string | null;
      service_area_id: string | null;
      is_eit: boolean | null;
      children_seen: string | null;
      row: string | null;
      column: string | null;
      count: bigint;
    }[]
  >`
    SELECT CASE WHEN GROUPING(ca.employment) = 0 THEN 'employment'
                WHEN GROUPING(ca.is_eit) = 0 THEN 'seen' ELSE 'cross' END AS by,
           ca.employment::text AS employment, ca.overall_grade, ca.service_area_id, ca.is_eit, ca.children_seen,
           ${sectionGrades}, count(*) AS count
    FROM case_audit ca
    WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    GROUP BY GROUPING SETS ((ca.employment, ca.overall_grade), (ca.service_area_id, ca.is_eit, ca.children_seen)
                            ${crossTab ? Prisma.sql`, (7, 8)` : Prisma.empty})`;
  const byEmployment: Record<string, GradeCounts> = {};
  const childrenSeen: ChildrenSeenCount[] = [];
  const cells: CrossTabCounts['cells'] = [];
  for (const row of rows) {
    const count = Number(row.count);
    if (row.by === 'employment') addCount(byEmployment, row.employment!, row.overall_grade!, count);
    else if (row.by === 'seen')
      childrenSeen.push({
        serviceAreaId: row.service_area_id!,
        isEit: row.is_eit!,
        childrenSeen: row.children_seen,
        cases: count,
      });
    else cells.push({ row: row.row, column: row.column, count });
  }
  return { byEmployment, childrenSeen, crossTab: crossTab ? { ...crossTab, cells } : null };
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

/** The strengths' and learning points' themes, most noted first, with the longest distinct notes as examples. */
export async function countThemes(
  auditId: string,
  scope: ReportScope,
): Promise<{ strengths: ThemeCount[]; learningPoints: ThemeCount[] }> {
  const rows = await db().$queryRaw<
    { field: 'strengths' | 'learningPoints'; theme_key: string; count: bigint; examples: string[] }[]
  >`
    WITH notes AS (
      SELECT f.field, note->>'themeKey' AS theme_key, btrim(note->>'text') AS text, ca.submitted_at
      FROM case_audit ca
      CROSS JOIN LATERAL (VALUES ('strengths'), ('learningPoints')) f(field)
      CROSS JOIN LATERAL jsonb_array_elements(coalesce(ca.answers->f.field, '[]'::jsonb)) note
      WHERE ca.audit_id = ${auditId} AND ${GRADED} ${areaFilter(scope)}
    ), ranked AS (
      SELECT field, theme_key, text,
             row_number() OVER (PARTITION BY field, theme_key ORDER BY length(text) DESC, text) AS rank
      FROM (SELECT DISTINCT field, theme_key, text FROM notes WHERE text <> '') distinct_notes
    )
    SELECT n.field, n.theme_key, count(*) AS count,
           coalesce((SELECT array_agg(r.text ORDER BY r.rank) FROM ranked r
                     WHERE r.field = n.field AND r.theme_key = n.theme_key
                       AND r.rank <= ${EXAMPLES_PER_THEME}), '{}') AS examples
    FROM notes n
    GROUP BY n.field, n.theme_key
    ORDER BY n.field, count(*) DESC, n.theme_key`;
  const themes = (field: 'strengths' | 'learningPoints') =>
    rows
      .filter((row) => row.field === field)
      .map((row) => ({ themeKey: row.theme_key, count: Number(row.count), examples: row.examples }));
  return { strengths: themes('strengths'), learningPoints: themes('learningPoints') };
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
