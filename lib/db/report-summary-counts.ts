import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import { contentOf } from './case-audits';
import { addCount, areaFilter } from './report-counts';
import { isoDay } from '@/lib/domain/dates';
import type { AuditKind, AuditStatus, LawType } from '@/lib/domain/audits';
import { QA_INDICATORS, type QaIndicator } from '@/lib/domain/grading';
import type {
  AuditGradeCounts,
  GradeCounts,
  QaCount,
  SectionCount,
  TrendCount,
} from '@/lib/domain/report-counts';
import type { ReportScope } from '@/lib/domain/report-view';

// The report's figures of PUBLISHED audits, read from audit_summary and
// audit_section_summary (built from case_audit by ensureSummaries, which the
// caller runs first). A published audit's grades no longer change, so a long
// trend costs a few thousand summary rows instead of every case ever graded.

const summaryArea = (scope: ReportScope) => areaFilter(scope, Prisma.raw('s.service_area_id'));

/** Fig. 1, 2 and 3 of a published audit (Fig. 5, employment, is not summarised). */
export async function summarisedGrades(
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
    SELECT CASE WHEN GROUPING(s.law_type) = 0 THEN 'law'
                WHEN GROUPING(s.service_area_id) = 0 THEN 'area' ELSE 'overall' END AS by,
           s.law_type::text AS law_type, s.service_area_id, s.overall_grade, sum(s.cases) AS count
    FROM audit_summary s
    WHERE s.audit_id = ${auditId} ${summaryArea(scope)}
    GROUP BY GROUPING SETS ((s.overall_grade), (s.law_type, s.overall_grade), (s.service_area_id, s.overall_grade))`;
  const counts: Omit<AuditGradeCounts, 'byEmployment'> = { overall: {}, byLawType: {}, byServiceArea: {} };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.by === 'overall') counts.overall[row.overall_grade] = count;
    else if (row.by === 'law') addCount(counts.byLawType, row.law_type!, row.overall_grade, count);
    else addCount(counts.byServiceArea, row.service_area_id!, row.overall_grade, count);
  }
  return counts;
}

export async function summarisedSections(auditId: string, scope: ReportScope): Promise<SectionCount[]> {
  const rows = await db().$queryRaw<
    {
      by: 'overall' | 'area' | 'team';
      section_key: string;
      group_id: string | null;
      graded: bigint;
      good: bigint;
    }[]
  >`
    SELECT CASE WHEN GROUPING(s.service_area_id) = 0 THEN 'area'
                WHEN GROUPING(s.team_id) = 0 THEN 'team' ELSE 'overall' END AS by,
           s.section_key, coalesce(s.service_area_id, s.team_id) AS group_id,
           sum(s.graded) AS graded, sum(s.good_or_above) AS good
    FROM audit_section_summary s
    WHERE s.audit_id = ${auditId} ${summaryArea(scope)}
    GROUP BY GROUPING SETS ((s.section_key), (s.section_key, s.service_area_id), (s.section_key, s.team_id))`;
  return rows.map((row) => ({
    sectionKey: row.section_key,
    by: row.by,
    groupId: row.group_id,
    graded: Number(row.graded),
    goodOrAbove: Number(row.good),
  }));
}

const QA_COLUMNS: Record<QaIndicator, string> = {
  collaborative: 'collaborative',
  familyFeedback: 'family_feedback',
  managementOversight: 'management_oversight',
  supervision: 'supervision',
};

export async function summarisedQa(auditId: string, scope: ReportScope): Promise<QaCount[]> {
  const [row] = await db().$queryRaw<Record<string, bigint | null>[]>`
    SELECT ${Prisma.join(
      QA_INDICATORS.map(
        (key) =>
          Prisma.sql`sum(${Prisma.raw(`s.${QA_COLUMNS[key]}_yes`)}) AS ${Prisma.raw(`"${key}_yes"`)},
                     sum(${Prisma.raw(`s.${QA_COLUMNS[key]}_answered`)}) AS ${Prisma.raw(`"${key}_answered"`)}`,
      ),
    )}
    FROM audit_summary s
    WHERE s.audit_id = ${auditId} ${summaryArea(scope)}`;
  return QA_INDICATORS.map((key) => ({
    key,
    yes: Number(row?.[`${key}_yes`] ?? 0),
    answered: Number(row?.[`${key}_answered`] ?? 0),
  }));
}

export type TrendAudit = {
  id: string;
  name: string;
  windowTo: Date;
  status: AuditStatus;
  thresholdVersionId: string;
};

/** The audits of the trend: this one and every published audit of its kind that ended by its end, oldest first. */
export async function findTrendAudits(audit: {
  id: string;
  kind: AuditKind;
  windowTo: Date;
}): Promise<TrendAudit[]> {
  return db().audit.findMany({
    where: {
      kind: audit.kind,
      OR: [{ id: audit.id }, { status: 'PUBLISHED', windowTo: { lte: audit.windowTo } }],
    },
    orderBy: [{ windowTo: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, windowTo: true, status: true, thresholdVersionId: true },
  });
}

/**
 * The trend: each earlier audit's cases per grade from its summary, and the
 * audit under report's from `current` (counted however its report counts it).
 * An audit with no graded cases in scope has no point.
 */
export async function countTrend(
  audits: TrendAudit[],
  scope: ReportScope,
  current: { id: string; counts: GradeCounts },
): Promise<TrendCount[]> {
  const summarised = audits.filter((audit) => audit.id !== current.id).map((audit) => audit.id);
  const rows =
    summarised.length === 0
      ? []
      : await db().$queryRaw<{ audit_id: string; overall_grade: string; count: bigint }[]>`
          SELECT s.audit_id, s.overall_grade, sum(s.cases) AS count
          FROM audit_summary s
          WHERE s.audit_id = ANY(${summarised}) ${summaryArea(scope)}
          GROUP BY s.audit_id, s.overall_grade`;
  const byAudit: Record<string, GradeCounts> = { [current.id]: current.counts };
  for (const row of rows) addCount(byAudit, row.audit_id, row.overall_grade, Number(row.count));
  const trend: TrendCount[] = [];
  for (const audit of audits) {
    const counts = byAudit[audit.id];
    if (!counts || Object.keys(counts).length === 0) continue;
    // Published versions' content is cached per process: no query per audit.
    const { scale } = await contentOf(audit.thresholdVersionId);
    trend.push({ auditId: audit.id, name: audit.name, windowTo: isoDay(audit.windowTo), scale, counts });
  }
  return trend;
}
