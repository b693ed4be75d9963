import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import { NO_TEAM_RECORDED } from './results-writer';
import type {
  AuditUnderWayCounts,
  GradeKeys,
  GroupCount,
  OpenChallenge,
  PractitionerCounts,
  QaCounts,
  SectionCount,
} from '@/lib/domain/dashboard-assembly';
import { QA_DASHBOARD_INDICATORS, type QaDashboardIndicator } from '@/lib/domain/dashboard';
import type {
  DashboardFilters,
  DashboardGrouping,
  DashboardScope,
  PublishedAudit,
} from '@/lib/domain/dashboard-views';

// The dashboards' counting queries: the database counts (mostly from the
// published audits' summaries), lib/domain/dashboard-assembly.ts turns the
// counts into figures. The scope arrives already authorised.

function scopeFilter(scope: DashboardScope) {
  if (scope.level === 'national') return Prisma.empty;
  if (scope.level === 'area') return Prisma.sql`AND s.service_area_id = ${scope.serviceAreaId}`;
  return Prisma.sql`AND s.service_area_id = ${scope.serviceAreaId} AND s.team_id = ${scope.teamId}`;
}

function lawFilter(filters: DashboardFilters) {
  return filters.lawType ? Prisma.sql`AND s.law_type = ${filters.lawType}::law_type` : Prisma.empty;
}

const auditIds = (audits: PublishedAudit[]) => audits.map((audit) => audit.auditId);

/** Graded cases per audit, group and overall grade. */
export async function groupCounts(
  audits: PublishedAudit[],
  scope: DashboardScope,
  filters: DashboardFilters,
  by: DashboardGrouping,
): Promise<GroupCount[]> {
  if (audits.length === 0) return [];
  const group =
    by === 'all'
      ? Prisma.sql`'all'`
      : by === 'area'
        ? Prisma.sql`s.service_area_id`
        : // Imported results without a team sit in a placeholder team: one "no team" group with the unrecorded.
          Prisma.sql`CASE WHEN s.team_id IS NULL OR s.team_id IN (SELECT id FROM team WHERE name = ${NO_TEAM_RECORDED})
                          THEN 'none' ELSE s.team_id END`;
  const rows = await db().$queryRaw<
    { audit_id: string; group_key: string; overall_grade: string; cases: bigint }[]
  >`
    SELECT s.audit_id, ${group} AS group_key, s.overall_grade, sum(s.cases) AS cases
    FROM audit_summary s
    WHERE s.audit_id = ANY(${auditIds(audits)}) ${scopeFilter(scope)} ${lawFilter(filters)}
    GROUP BY 1, 2, 3`;
  return rows.map((row) => ({
    auditId: row.audit_id,
    groupKey: row.group_key,
    grade: row.overall_grade,
    cases: Number(row.cases),
  }));
}

const QA_COLUMNS: Record<QaDashboardIndicator, string> = {
  collaborative: 'collaborative',
  familyFeedback: 'family_feedback',
  managementOversight: 'management_oversight',
  supervision: 'supervision',
  childrenSeen: 'children_seen',
};

/** Per audit, how many answered each QA indicator and how many said yes. */
export async function qaCounts(
  audits: PublishedAudit[],
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<QaCounts[]> {
  if (audits.length === 0) return [];
  const rows = await db().$queryRaw<Record<string, bigint | string>[]>`
    SELECT s.audit_id,
           sum(s.collaborative_yes) AS collaborative_yes, sum(s.collaborative_answered) AS collaborative_total,
           sum(s.family_feedback_yes) AS family_feedback_yes, sum(s.family_feedback_answered) AS family_feedback_total,
           sum(s.management_oversight_yes) AS management_oversight_yes,
           sum(s.management_oversight_answered) AS management_oversight_total,
           sum(s.supervision_yes) AS supervision_yes, sum(s.supervision_answered) AS supervision_total,
           sum(s.children_seen) AS children_seen_yes, sum(s.children_counted) AS children_seen_total
    FROM audit_summary s
    WHERE s.audit_id = ANY(${auditIds(audits)}) ${scopeFilter(scope)} ${lawFilter(filters)}
    GROUP BY s.audit_id`;
  const pick = (row: Record<string, bigint | string>, suffix: 'yes' | 'total') =>
    Object.fromEntries(
      QA_DASHBOARD_INDICATORS.map((key) => [key, Number(row[`${QA_COLUMNS[key]}_${suffix}`] ?? 0)]),
    ) as Record<QaDashboardIndicator, number>;
  return rows.map((row) => ({
    auditId: String(row.audit_id),
    yes: pick(row, 'yes'),
    answered: pick(row, 'total'),
  }));
}

/** One audit's graded and good-or-above cases per section, by area or by team. */
export async function sectionCounts(
  audit: PublishedAudit,
  scope: DashboardScope,
  filters: DashboardFilters,
  by: 'area' | 'team',
): Promise<SectionCount[]> {
  const group = by === 'area' ? Prisma.sql`s.service_area_id` : Prisma.sql`coalesce(s.team_id, 'none')`;
  const rows = await db().$queryRaw<
    { group_key: string; section_key: string; graded: bigint; good: bigint }[]
  >`
    SELECT ${group} AS group_key, s.section_key, sum(s.graded) AS graded, sum(s.good_or_above) AS good
    FROM audit_section_summary s
    WHERE s.audit_id = ${audit.auditId} ${scopeFilter(scope)} ${lawFilter(filters)}
    GROUP BY 1, 2`;
  return rows.map((row) => ({
    groupKey: row.group_key,
    sectionKey: row.section_key,
    graded: Number(row.graded),
    good: Number(row.good),
  }));
}

/** Audits of the kind not yet published, newest first: sampled, graded and challenged cases in the area (or everywhere). */
export async function auditsUnderWayCounts(
  filters: DashboardFilters,
  serviceAreaId: string | null,
): Promise<AuditUnderWayCounts[]> {
  const areaSql = (column: Prisma.Sql) =>
    serviceAreaId ? Prisma.sql`AND ${column} = ${serviceAreaId}` : Prisma.empty;
  const rows = await db().$queryRaw<
    { id: string; name: string; status: string; sampled: bigint; graded: bigint; challenged: bigint }[]
  >`
    SELECT a.id, a.name, a.status::text AS status,
      (SELECT count(*) FROM sampled_case sc WHERE sc.audit_id = a.id AND sc.status = 'SELECTED' ${areaSql(Prisma.sql`sc.service_area_id`)}) AS sampled,
      (SELECT count(*) FROM case_audit ca WHERE ca.audit_id = a.id AND ca.status = 'SUBMITTED' ${areaSql(Prisma.sql`ca.service_area_id`)}) AS graded,
      (SELECT count(*) FROM challenge c WHERE c.audit_id = a.id ${areaSql(Prisma.sql`c.service_area_id`)}) AS challenged
    FROM audit a
    WHERE a.kind = ${filters.kind}::audit_kind AND a.status IN ('SAMPLING', 'GRADING', 'REVIEW')
    ORDER BY a.window_to DESC, a.name`;
  return rows.map((row) => ({
    auditId: row.id,
    name: row.name,
    status: row.status,
    sampled: Number(row.sampled),
    graded: Number(row.graded),
    challenged: Number(row.challenged),
  }));
}

/** The challenges of these audits still waiting on someone, in the area (or everywhere). */
export async function openChallengesIn(
  auditIdsUnderWay: string[],
  serviceAreaId: string | null,
): Promise<OpenChallenge[]> {
  const open = await db().challenge.findMany({
    where: {
      auditId: { in: auditIdsUnderWay },
      status: { in: ['AWAITING_REPLY', 'AWAITING_DECISION', 'REFERRED'] },
      ...(serviceAreaId ? { serviceAreaId } : {}),
    },
    select: {
      auditId: true,
      status: true,
      raisedAt: true,
      repliedAt: true,
      referredAt: true,
      raisedById: true,
      caseAudit: { select: { auditorId: true } },
    },
  });
  return open.map(({ caseAudit, ...challenge }) => ({ ...challenge, auditorId: caseAudit.auditorId }));
}

/**
 * Each practitioner's graded and good-or-above cases in the audits, in an
 * area (or one team of it). Cases the reader is benchmarking blind are left out.
 */
export async function practitionerCounts(input: {
  audits: PublishedAudit[];
  keys: Map<string, GradeKeys>;
  scope: Extract<DashboardScope, { level: 'area' | 'team' }>;
  filters: DashboardFilters;
  blindTo: string;
}): Promise<PractitionerCounts[]> {
  const { scope, filters } = input;
  const goodPairs = [...input.keys].flatMap(([auditId, entry]) =>
    [...entry.good].map((grade) => `${auditId}|${grade}`),
  );
  const team = scope.level === 'team' ? Prisma.sql`AND ca.team_id = ${scope.teamId}` : Prisma.empty;
  const law = filters.lawType ? Prisma.sql`AND ca.law_type = ${filters.lawType}::law_type` : Prisma.empty;
  const rows = await db().$queryRaw<
    {
      practitioner_id: string;
      reference: string;
      name: string;
      team: string;
      graded: bigint;
      good: bigint;
      latest_grade: string | null;
      latest_audit: string | null;
    }[]
  >`
    WITH cases AS (
      SELECT ca.practitioner_id, ca.audit_id, ca.overall_grade, a.window_to, a.name AS audit_name,
             (ca.audit_id || '|' || ca.overall_grade) = ANY(${goodPairs}) AS is_good
      FROM case_audit ca JOIN audit a ON a.id = ca.audit_id
      WHERE ca.audit_id = ANY(${auditIds(input.audits)}) AND ca.status = 'SUBMITTED'
        AND ca.service_area_id = ${scope.serviceAreaId} ${team} ${law}
        AND NOT EXISTS (SELECT 1 FROM benchmark b WHERE b.case_audit_id = ca.id AND b.benchmarker_id = ${input.blindTo}
                        AND b.status IN ('ASSIGNED', 'IN_PROGRESS'))
    )
    SELECT p.id AS practitioner_id, p.reference, p.name, t.name AS team,
           count(*) AS graded, count(*) FILTER (WHERE c.is_good) AS good,
           (array_agg(c.overall_grade ORDER BY c.window_to DESC))[1] AS latest_grade,
           (array_agg(c.audit_name ORDER BY c.window_to DESC))[1] AS latest_audit
    FROM cases c JOIN practitioner p ON p.id = c.practitioner_id JOIN team t ON t.id = p.team_id
    GROUP BY p.id, p.reference, p.name, t.name
    ORDER BY t.name, p.reference`;
  return rows.map((row) => ({
    practitionerId: row.practitioner_id,
    reference: row.reference,
    name: row.name,
    team: row.team,
    graded: Number(row.graded),
    good: Number(row.good),
    latestGradeKey: row.latest_grade,
    latestAudit: row.latest_audit,
  }));
}
