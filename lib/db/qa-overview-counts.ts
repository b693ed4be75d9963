import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import {
  emptyQaOverviewCountRow,
  type QaOverviewCountRow,
  type QaOverviewCounts,
  type QaOverviewPeriod,
} from '@/lib/domain/qa-overview';

// The QA overview's counts for a period, nationally or for one area: a few
// grouping-sets queries (whole period, each calendar quarter, each area), so
// the page costs the same whatever the number of audits. "In the period" is a
// case audit submitted, a moderation submitted or an observation made on a
// day from `from` to `to` (UTC days, as the rest of Threshold counts them);
// manager-months are the months the period touches. lib/domain/qa-overview.ts
// says what each figure is a share of.

type By = 'all' | 'quarter' | 'area';
type Grouped = { by: By; service_area_id: string | null; quarter: string | null };

const KINDS = Prisma.sql`('LOCAL_QUALITY_IMPACT', 'NATIONAL_PRACTICE_QUALITY', 'PERFORMANCE_BOARD')`;

const byColumn = (area: Prisma.Sql) => Prisma.sql`
  CASE WHEN GROUPING(${area}) = 0 THEN 'area' WHEN GROUPING(period_quarter) = 0 THEN 'quarter' ELSE 'all' END`;

// Grouped by the quarter's first instant; written yyyy-mm once per group, not once per row.
const QUARTER = Prisma.sql`to_char(period_quarter, 'YYYY-MM') AS quarter`;

/** From the start of `from` to the end of `to`, as instants. */
const between = (column: Prisma.Sql, period: QaOverviewPeriod) => Prisma.sql`
  ${column} >= (${period.from}::date)::timestamp AT TIME ZONE 'UTC'
  AND ${column} < (${period.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`;

const quarterOf = (column: Prisma.Sql) => Prisma.sql`date_trunc('quarter', ${column}, 'UTC')`;

type AuditRow = Grouped & {
  local: bigint;
  national: bigint;
  board: bigint;
  collaborative: bigint;
  family_feedback: bigint;
  oversight_expected: bigint;
  oversight_recorded: bigint;
  supervision_answered: bigint;
  supervision_recorded: bigint;
  supervision_impact: bigint;
};

function auditCounts(period: QaOverviewPeriod, area: Prisma.Sql) {
  return db().$queryRaw<AuditRow[]>`
    SELECT ${byColumn(Prisma.sql`ca.service_area_id`)} AS by, ca.service_area_id, ${QUARTER},
           count(*) FILTER (WHERE a.kind = 'LOCAL_QUALITY_IMPACT') AS local,
           count(*) FILTER (WHERE a.kind = 'NATIONAL_PRACTICE_QUALITY') AS national,
           count(*) FILTER (WHERE a.kind = 'PERFORMANCE_BOARD') AS board,
           count(*) FILTER (WHERE a.kind = 'LOCAL_QUALITY_IMPACT' AND ca.qa_collaborative) AS collaborative,
           count(*) FILTER (WHERE ca.qa_family_feedback) AS family_feedback,
           count(*) FILTER (WHERE ca.qa_management_oversight_expected) AS oversight_expected,
           count(*) FILTER (WHERE ca.qa_management_oversight_expected AND ca.qa_management_oversight)
             AS oversight_recorded,
           count(*) FILTER (WHERE ca.qa_supervision IS NOT NULL) AS supervision_answered,
           count(*) FILTER (WHERE ca.qa_supervision) AS supervision_recorded,
           count(*) FILTER (WHERE ca.qa_supervision AND ca.qa_supervision_impact) AS supervision_impact
    FROM case_audit ca
    JOIN audit a ON a.id = ca.audit_id
    CROSS JOIN LATERAL (SELECT ${quarterOf(Prisma.sql`ca.submitted_at`)} AS period_quarter) q
    WHERE ca.status = 'SUBMITTED' AND a.kind IN ${KINDS}
      AND ${between(Prisma.sql`ca.submitted_at`, period)} ${area}
    GROUP BY GROUPING SETS ((), (period_quarter), (ca.service_area_id))`;
}

/**
 * Practice observations made in the period, by the same three groupings (the
 * overview needs fewer than observation-counts.ts's countObservations gives,
 * and five years of them count several times faster this way).
 */
function observationCounts(period: QaOverviewPeriod, area: Prisma.Sql) {
  return db().$queryRaw<(Grouped & { count: bigint })[]>`
    SELECT ${byColumn(Prisma.sql`o.service_area_id`)} AS by, o.service_area_id, ${QUARTER}, count(*) AS count
    FROM practice_observation o
    CROSS JOIN LATERAL (SELECT date_trunc('quarter', o.observed_on::timestamp) AS period_quarter) q
    WHERE o.observed_on BETWEEN ${period.from}::date AND ${period.to}::date ${area}
    GROUP BY GROUPING SETS ((), (period_quarter), (o.service_area_id))`;
}

function moderationCounts(period: QaOverviewPeriod, area: Prisma.Sql) {
  return db().$queryRaw<(Grouped & { count: bigint })[]>`
    SELECT ${byColumn(Prisma.sql`m.service_area_id`)} AS by, m.service_area_id, ${QUARTER}, count(*) AS count
    FROM local_moderation m
    CROSS JOIN LATERAL (SELECT ${quarterOf(Prisma.sql`m.submitted_at`)} AS period_quarter) q
    WHERE ${between(Prisma.sql`m.submitted_at`, period)} ${area}
    GROUP BY GROUPING SETS ((), (period_quarter), (m.service_area_id))`;
}

/**
 * A manager-month is a Service Manager's month of a local quality-and-impact
 * programme in which they had cases assigned; it is on target when the audits
 * submitted for that month reach the programme's quota.
 */
function onTargetCounts(period: QaOverviewPeriod, area: Prisma.Sql) {
  return db().$queryRaw<(Grouped & { months: bigint; on_target: bigint })[]>`
    WITH done AS (
      -- A month's audits are submitted in that month or later, never before it.
      SELECT ca.sampled_case_id
      FROM case_audit ca JOIN audit a ON a.id = ca.audit_id AND a.kind = 'LOCAL_QUALITY_IMPACT'
      WHERE ca.status = 'SUBMITTED'
        AND ca.submitted_at >= date_trunc('month', ${period.from}::date::timestamp) AT TIME ZONE 'UTC'
    ), manager_month AS (
      SELECT sc.audit_id, min(sc.service_area_id) AS service_area_id, sc.month, count(d.sampled_case_id) AS done
      FROM sampled_case sc
      JOIN audit a ON a.id = sc.audit_id AND a.kind = 'LOCAL_QUALITY_IMPACT'
      LEFT JOIN done d ON d.sampled_case_id = sc.id
      WHERE sc.status = 'SELECTED' AND sc.assigned_to_id IS NOT NULL
        AND sc.month >= date_trunc('month', ${period.from}::date::timestamp)::date AND sc.month <= ${period.to}::date ${area}
      GROUP BY sc.audit_id, sc.assigned_to_id, sc.month
    )
    SELECT ${byColumn(Prisma.sql`service_area_id`)} AS by, service_area_id, ${QUARTER},
           count(*) AS months, count(*) FILTER (WHERE done >= p.quota_per_manager_per_month) AS on_target
    FROM manager_month JOIN local_audit_programme p ON p.audit_id = manager_month.audit_id
    CROSS JOIN LATERAL (SELECT date_trunc('quarter', month::timestamp) AS period_quarter) q
    GROUP BY GROUPING SETS ((), (period_quarter), (service_area_id))`;
}

export async function countQaOverview(
  period: QaOverviewPeriod,
  serviceAreaId: string | null,
): Promise<QaOverviewCounts> {
  if (serviceAreaId === undefined) throw new Error('QA overview scope missing');
  const areaOf = (column: string) =>
    serviceAreaId === null ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} = ${serviceAreaId}`;
  const [audits, moderations, onTarget, observations] = await Promise.all([
    auditCounts(period, areaOf('ca.service_area_id')),
    moderationCounts(period, areaOf('m.service_area_id')),
    onTargetCounts(period, areaOf('sc.service_area_id')),
    observationCounts(period, areaOf('o.service_area_id')),
  ]);
  const counts: QaOverviewCounts = { total: emptyQaOverviewCountRow(), byQuarter: {}, byArea: {} };
  const rowFor = (row: Grouped): QaOverviewCountRow => {
    if (row.by === 'all') return counts.total;
    const [map, key] =
      row.by === 'quarter'
        ? [counts.byQuarter, row.quarter ?? '']
        : [counts.byArea, row.service_area_id ?? ''];
    return (map[key] ??= emptyQaOverviewCountRow());
  };
  for (const row of audits) {
    const target = rowFor(row);
    target.audits = {
      LOCAL_QUALITY_IMPACT: Number(row.local),
      NATIONAL_PRACTICE_QUALITY: Number(row.national),
      PERFORMANCE_BOARD: Number(row.board),
    };
    target.collaborative = Number(row.collaborative);
    target.familyFeedback = Number(row.family_feedback);
    target.oversightExpected = Number(row.oversight_expected);
    target.oversightRecorded = Number(row.oversight_recorded);
    target.supervisionAnswered = Number(row.supervision_answered);
    target.supervisionRecorded = Number(row.supervision_recorded);
    target.supervisionImpact = Number(row.supervision_impact);
  }
  for (const row of moderations) rowFor(row).moderations = Number(row.count);
  for (const row of onTarget) {
    const target = rowFor(row);
    target.managerMonths = Number(row.months);
    target.managerMonthsOnTarget = Number(row.on_target);
  }
  for (const row of observations) rowFor(row).observations = Number(row.count);
  return counts;
}

/** The day the latest audit the overview counts was submitted (UTC), or null when there is none. */
export async function latestQaSubmission(serviceAreaId: string | null): Promise<string | null> {
  const area = serviceAreaId === null ? Prisma.empty : Prisma.sql`AND ca.service_area_id = ${serviceAreaId}`;
  const [row] = await db().$queryRaw<{ day: string | null }[]>`
    SELECT to_char(max(ca.submitted_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
    FROM case_audit ca JOIN audit a ON a.id = ca.audit_id
    WHERE ca.status = 'SUBMITTED' AND a.kind IN ${KINDS} ${area}`;
  return row?.day ?? null;
}
