import 'server-only';
import { cache } from 'react';
import { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import { ensureSummaries } from './audit-summaries';
import { NO_TEAM_RECORDED } from './results-writer';
import { auditsWithheldWhileBenchmarking } from './blind';
import { contentOf } from './case-audits';
import type { Actor } from '@/lib/domain/actor';
import type { AuditKind, LawType } from '@/lib/domain/audits';
import { isOverdue } from '@/lib/domain/challenges';
import {
  groupShare,
  parseDashboardRules,
  qaPriority,
  QA_DASHBOARD_INDICATORS,
  QA_DASHBOARD_LABELS,
  ragFor,
  trendSeries,
  type DashboardRules,
  type GroupShare,
  type QaDashboardIndicator,
  type RagResult,
  type TrendAudit,
  type TrendCounts,
  type TrendSeries,
} from '@/lib/domain/dashboard';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { lowestLevel } from '@/lib/domain/rubric';

export type DashboardFilters = {
  kind: AuditKind;
  /** yyyy-mm, inclusive; on the audit's window end. */
  from: string | null;
  to: string | null;
  lawType: LawType | null;
};

/** Where a dashboard looks: the nation, one area, or one team of an area. */
export type DashboardScope =
  | { level: 'national' }
  | { level: 'area'; serviceAreaId: string }
  | { level: 'team'; serviceAreaId: string; teamId: string };

/**
 * Every dashboard function starts here: the national view needs a national
 * role; an area or team needs the area (a Head of Service only their own).
 */
export function authoriseDashboard(actor: Actor, scope: DashboardScope): void {
  const allowed =
    scope.level === 'national'
      ? can(actor, 'dashboard.national', NATIONAL)
      : can(actor, 'dashboard.area', inArea(scope.serviceAreaId));
  if (!allowed) throw new NotFoundOrForbiddenError();
}

export const getDashboardRules = cache(async (): Promise<DashboardRules> => {
  const row = await db().dashboardRule.findUnique({ where: { id: 'national' }, select: { content: true } });
  return parseDashboardRules(row?.content ?? null);
});

type PublishedAudit = TrendAudit & {
  thresholdVersionId: string;
  goodOrAboveTarget: number | null;
  lowestTarget: number | null;
};

const monthStart = (month: string) => new Date(`${month}-01T00:00:00Z`);
const monthEnd = (month: string) => {
  const start = monthStart(month);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
};

/** The published audits of the kind whose window ends in the period, oldest first. */
export const publishedAudits = cache(async (filters: DashboardFilters): Promise<PublishedAudit[]> => {
  const audits = await db().audit.findMany({
    where: {
      kind: filters.kind,
      status: 'PUBLISHED',
      windowTo: {
        ...(filters.from ? { gte: monthStart(filters.from) } : {}),
        ...(filters.to ? { lte: monthEnd(filters.to) } : {}),
      },
    },
    orderBy: [{ windowTo: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      windowTo: true,
      thresholdVersionId: true,
      goodOrAboveTarget: true,
      lowestTarget: true,
    },
  });
  await ensureSummaries(audits);
  return audits.map((audit) => ({
    auditId: audit.id,
    name: audit.name,
    windowTo: audit.windowTo.toISOString().slice(0, 10),
    thresholdVersionId: audit.thresholdVersionId,
    goodOrAboveTarget: audit.goodOrAboveTarget,
    lowestTarget: audit.lowestTarget,
  }));
});

function scopeFilter(scope: DashboardScope) {
  if (scope.level === 'national') return Prisma.empty;
  if (scope.level === 'area') return Prisma.sql`AND s.service_area_id = ${scope.serviceAreaId}`;
  return Prisma.sql`AND s.service_area_id = ${scope.serviceAreaId} AND s.team_id = ${scope.teamId}`;
}

function lawFilter(filters: DashboardFilters) {
  return filters.lawType ? Prisma.sql`AND s.law_type = ${filters.lawType}::law_type` : Prisma.empty;
}

/** Good-or-above and lowest-grade keys per audit: scales differ between threshold versions. */
async function gradeKeys(audits: PublishedAudit[]) {
  const keys = new Map<string, { good: Set<string>; lowest: string | null }>();
  for (const audit of audits) {
    const { scale } = await contentOf(audit.thresholdVersionId);
    keys.set(audit.auditId, {
      good: new Set(scale.levels.filter((level) => level.isGoodOrAbove).map((level) => level.key)),
      lowest: scale.lowestLevelKey,
    });
  }
  return keys;
}

type GroupCounts = { auditId: string; groupKey: string; grade: string; cases: number };

async function groupCounts(
  audits: PublishedAudit[],
  scope: DashboardScope,
  filters: DashboardFilters,
  by: 'all' | 'area' | 'team',
): Promise<GroupCounts[]> {
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
    WHERE s.audit_id = ANY(${audits.map((audit) => audit.auditId)}) ${scopeFilter(scope)} ${lawFilter(filters)}
    GROUP BY 1, 2, 3`;
  return rows.map((row) => ({
    auditId: row.audit_id,
    groupKey: row.group_key,
    grade: row.overall_grade,
    cases: Number(row.cases),
  }));
}

type Totals = { total: number; good: number; lowest: number };

async function totalsByGroup(
  audits: PublishedAudit[],
  scope: DashboardScope,
  filters: DashboardFilters,
  by: 'all' | 'area' | 'team',
): Promise<Map<string, Map<string, Totals>>> {
  const [counts, keys] = await Promise.all([groupCounts(audits, scope, filters, by), gradeKeys(audits)]);
  // auditId → group → totals
  const totals = new Map<string, Map<string, Totals>>();
  for (const row of counts) {
    const audit = keys.get(row.auditId);
    if (!audit) continue;
    const groups = totals.get(row.auditId) ?? new Map<string, Totals>();
    const entry = groups.get(row.groupKey) ?? { total: 0, good: 0, lowest: 0 };
    entry.total += row.cases;
    if (audit.good.has(row.grade)) entry.good += row.cases;
    if (audit.lowest === row.grade) entry.lowest += row.cases;
    groups.set(row.groupKey, entry);
    totals.set(row.auditId, groups);
  }
  return totals;
}

export type Labelled = { key: string; label: string };

/** The group of cases graded with no team recorded: a row of its own, never a link to a team. */
export const NO_TEAM_KEY = 'none';

const areaLabels = cache(async (): Promise<Labelled[]> => {
  const areas = await db().serviceArea.findMany({
    orderBy: { sortOrder: 'asc' },
    select: { id: true, code: true },
  });
  return areas.map((area) => ({ key: area.id, label: area.code }));
});

async function teamLabels(serviceAreaId: string): Promise<Labelled[]> {
  const teams = await db().team.findMany({
    where: { serviceAreaId, name: { not: NO_TEAM_RECORDED } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
  return teams.map((team) => ({ key: team.id, label: team.name }));
}

async function groupsFor(scope: DashboardScope, by: 'all' | 'area' | 'team'): Promise<Labelled[]> {
  if (by === 'all')
    return [{ key: 'all', label: scope.level === 'national' ? 'National' : await scopeLabel(scope) }];
  if (by === 'area') return areaLabels();
  if (scope.level === 'national') return [];
  return [...(await teamLabels(scope.serviceAreaId)), { key: NO_TEAM_KEY, label: NO_TEAM_RECORDED }];
}

export async function scopeLabel(scope: DashboardScope): Promise<string> {
  if (scope.level === 'national') return 'National';
  const area = await db().serviceArea.findUnique({
    where: { id: scope.serviceAreaId },
    select: { code: true },
  });
  if (scope.level === 'area') return area?.code ?? 'Unknown area';
  const team = await db().team.findUnique({ where: { id: scope.teamId }, select: { name: true } });
  return `${area?.code ?? 'Unknown area'}: ${team?.name ?? 'unknown team'}`;
}

export type RagRow = {
  key: string;
  label: string;
  good: GroupShare;
  lowest: GroupShare;
  goodRag: RagResult;
  lowestRag: RagResult;
};

export type LatestStanding = {
  audit: PublishedAudit | null;
  goodLabel: string;
  lowestLabel: string;
  overall: RagRow | null;
  rows: RagRow[];
};

/** The latest published audit: each group (area, or team) against the audit's targets. */
export async function latestStanding(
  actor: Actor,
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<LatestStanding> {
  authoriseDashboard(actor, scope);
  const by = scope.level === 'national' ? 'area' : 'team';
  const [audits, rules] = await Promise.all([publishedAudits(filters), getDashboardRules()]);
  const audit = audits.at(-1) ?? null;
  if (!audit) return { audit: null, goodLabel: 'Good', lowestLabel: 'lowest grade', overall: null, rows: [] };
  const { scale } = await contentOf(audit.thresholdVersionId);
  const labels = {
    good: scale.levels
      .filter((level) => level.isGoodOrAbove)
      .map((level) => level.label)
      .join(' or '),
    lowest: lowestLevel(scale)?.label ?? 'lowest grade',
  };
  const [groups, overallTotals, groupTotals] = await Promise.all([
    groupsFor(scope, by),
    totalsByGroup([audit], scope, filters, 'all'),
    totalsByGroup([audit], scope, filters, by),
  ]);
  const row = (key: string, label: string, totals: Totals | undefined): RagRow => {
    const good = groupShare(totals?.good ?? 0, totals?.total ?? 0, rules);
    const lowest = groupShare(totals?.lowest ?? 0, totals?.total ?? 0, rules);
    return {
      key,
      label,
      good,
      lowest,
      goodRag: ragFor('goodOrAbove', good.percent, audit.goodOrAboveTarget, rules, labels),
      lowestRag: ragFor('lowest', lowest.percent, audit.lowestTarget, rules, labels),
    };
  };
  const inAudit = groupTotals.get(audit.auditId) ?? new Map<string, Totals>();
  return {
    audit,
    goodLabel: labels.good,
    lowestLabel: labels.lowest,
    overall: row('all', await scopeLabel(scope), overallTotals.get(audit.auditId)?.get('all')),
    rows: groups
      .filter((group) => inAudit.has(group.key))
      .map((group) => row(group.key, group.label, inAudit.get(group.key))),
  };
}

export type Trend = {
  audits: TrendAudit[];
  good: TrendSeries[];
  lowest: TrendSeries[];
  targets: { good: number | null; lowest: number | null };
};

/** % Good or above and % lowest grade across audits, for the scope and for each of its groups. */
export async function trend(actor: Actor, scope: DashboardScope, filters: DashboardFilters): Promise<Trend> {
  authoriseDashboard(actor, scope);
  const by = scope.level === 'national' ? 'area' : 'team';
  const [audits, rules] = await Promise.all([publishedAudits(filters), getDashboardRules()]);
  const [overallTotals, groupTotals, groups] = await Promise.all([
    totalsByGroup(audits, scope, filters, 'all'),
    scope.level === 'team'
      ? Promise.resolve(new Map<string, Map<string, Totals>>())
      : totalsByGroup(audits, scope, filters, by),
    scope.level === 'team' ? Promise.resolve([]) : groupsFor(scope, by),
  ]);
  const overallGroup = { key: 'all', label: await scopeLabel(scope) };
  const counts = (totals: Map<string, Map<string, Totals>>, pick: (entry: Totals) => number): TrendCounts[] =>
    [...totals].flatMap(([auditId, groupsInAudit]) =>
      [...groupsInAudit].map(([groupKey, entry]) => ({
        auditId,
        groupKey,
        count: pick(entry),
        total: entry.total,
      })),
    );
  const series = (pick: (entry: Totals) => number) => [
    ...trendSeries(audits, [overallGroup], counts(overallTotals, pick), rules).series,
    ...trendSeries(audits, groups, counts(groupTotals, pick), rules).series.filter(
      // The "no team recorded" row appears only when some audit has such cases: a row of gaps says nothing.
      (line) => line.key !== NO_TEAM_KEY || line.points.some((point) => point !== null),
    ),
  ];
  const latest = audits.at(-1);
  return {
    audits: trendSeries(audits, [], [], rules).audits,
    good: series((entry) => entry.good),
    lowest: series((entry) => entry.lowest),
    targets: { good: latest?.goodOrAboveTarget ?? null, lowest: latest?.lowestTarget ?? null },
  };
}

export type QaTrend = {
  audits: TrendAudit[];
  indicators: {
    key: QaDashboardIndicator;
    label: string;
    target: number;
    points: (GroupShare | null)[];
    priority: boolean;
  }[];
};

/** Seed 003's quality-assurance indicators (and children seen) across audits, flagged below target. */
export async function qaTrend(
  actor: Actor,
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<QaTrend> {
  authoriseDashboard(actor, scope);
  const [audits, rules] = await Promise.all([publishedAudits(filters), getDashboardRules()]);
  const rows =
    audits.length === 0
      ? []
      : await db().$queryRaw<Record<string, bigint | string>[]>`
          SELECT s.audit_id,
                 sum(s.collaborative_yes) AS collaborative_yes, sum(s.collaborative_answered) AS collaborative_total,
                 sum(s.family_feedback_yes) AS family_feedback_yes, sum(s.family_feedback_answered) AS family_feedback_total,
                 sum(s.management_oversight_yes) AS management_oversight_yes,
                 sum(s.management_oversight_answered) AS management_oversight_total,
                 sum(s.supervision_yes) AS supervision_yes, sum(s.supervision_answered) AS supervision_total,
                 sum(s.children_seen) AS children_seen_yes, sum(s.children_counted) AS children_seen_total
          FROM audit_summary s
          WHERE s.audit_id = ANY(${audits.map((audit) => audit.auditId)}) ${scopeFilter(scope)} ${lawFilter(filters)}
          GROUP BY s.audit_id`;
  const column: Record<QaDashboardIndicator, string> = {
    collaborative: 'collaborative',
    familyFeedback: 'family_feedback',
    managementOversight: 'management_oversight',
    supervision: 'supervision',
    childrenSeen: 'children_seen',
  };
  const indicators = QA_DASHBOARD_INDICATORS.map((key) => {
    const counts: TrendCounts[] = rows.map((row) => ({
      auditId: String(row.audit_id),
      groupKey: key,
      count: Number(row[`${column[key]}_yes`] ?? 0),
      total: Number(row[`${column[key]}_total`] ?? 0),
    }));
    const points = trendSeries(audits, [{ key, label: QA_DASHBOARD_LABELS[key] }], counts, rules).series[0]!
      .points;
    const latest = points.at(-1) ?? null;
    return {
      key,
      label: QA_DASHBOARD_LABELS[key],
      target: rules.qaTargets[key],
      points,
      priority: latest !== null && qaPriority(key, latest, rules),
    };
  });
  return { audits: trendSeries(audits, [], [], rules).audits, indicators };
}

export type HeatMap = {
  audit: TrendAudit | null;
  sections: Labelled[];
  rows: { key: string; label: string; cells: GroupShare[] }[];
};

/** The latest audit: % Good or above per section, for each area (or each team of an area). */
export async function sectionHeatMap(
  actor: Actor,
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<HeatMap> {
  authoriseDashboard(actor, scope);
  const by = scope.level === 'national' ? 'area' : 'team';
  const [audits, rules] = await Promise.all([publishedAudits(filters), getDashboardRules()]);
  const audit = audits.at(-1);
  if (!audit) return { audit: null, sections: [], rows: [] };
  const content = await contentOf(audit.thresholdVersionId);
  const group = by === 'area' ? Prisma.sql`s.service_area_id` : Prisma.sql`coalesce(s.team_id, 'none')`;
  const [cells, groups] = await Promise.all([
    db().$queryRaw<{ group_key: string; section_key: string; graded: bigint; good: bigint }[]>`
      SELECT ${group} AS group_key, s.section_key, sum(s.graded) AS graded, sum(s.good_or_above) AS good
      FROM audit_section_summary s
      WHERE s.audit_id = ${audit.auditId} ${scopeFilter(scope)} ${lawFilter(filters)}
      GROUP BY 1, 2`,
    groupsFor(scope, by),
  ]);
  const sections = content.sections.map((section) => ({ key: section.key, label: section.title }));
  const byGroup = new Map<string, Map<string, { graded: number; good: number }>>();
  for (const cell of cells) {
    const entry = byGroup.get(cell.group_key) ?? new Map<string, { graded: number; good: number }>();
    entry.set(cell.section_key, { graded: Number(cell.graded), good: Number(cell.good) });
    byGroup.set(cell.group_key, entry);
  }
  return {
    audit,
    sections,
    rows: groups
      .filter((candidate) => byGroup.has(candidate.key))
      .map((candidate) => ({
        key: candidate.key,
        label: candidate.label,
        cells: sections.map((section) => {
          const entry = byGroup.get(candidate.key)?.get(section.key);
          return groupShare(entry?.good ?? 0, entry?.graded ?? 0, rules);
        }),
      })),
  };
}

export type AuditProgress = {
  auditId: string;
  name: string;
  status: string;
  sampled: number;
  graded: number;
  /** Null while the reader benchmarks blind in the audit: a challenge is of a lowest-grade case. */
  challenged: number | null;
  benchmarked: number;
  overdue: number | null;
};

/** Audits of the kind not yet published: how far each has got, in the scope. */
export async function auditsUnderWay(
  actor: Actor,
  scope: DashboardScope,
  filters: DashboardFilters,
  now: Date,
): Promise<AuditProgress[]> {
  authoriseDashboard(actor, scope);
  const area = scope.level === 'national' ? null : scope.serviceAreaId;
  const areaSql = (column: Prisma.Sql) => (area ? Prisma.sql`AND ${column} = ${area}` : Prisma.empty);
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
  if (rows.length === 0) return [];
  const withheld = new Set(await auditsWithheldWhileBenchmarking(actor));
  const open = await db().challenge.findMany({
    where: {
      auditId: { in: rows.map((row) => row.id) },
      status: { in: ['AWAITING_REPLY', 'AWAITING_DECISION', 'REFERRED'] },
      ...(area ? { serviceAreaId: area } : {}),
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
  return rows.map((row) => ({
    auditId: row.id,
    name: row.name,
    status: row.status,
    sampled: Number(row.sampled),
    graded: Number(row.graded),
    challenged: withheld.has(row.id) ? null : Number(row.challenged),
    // Benchmarking is not recorded in Threshold yet.
    benchmarked: 0,
    overdue: withheld.has(row.id)
      ? null
      : open.filter(
          (challenge) =>
            challenge.auditId === row.id &&
            isOverdue({ ...challenge, auditorId: challenge.caseAudit.auditorId }, now),
        ).length,
  }));
}

export type PractitionerRow = {
  practitionerId: string;
  reference: string;
  name: string;
  team: string;
  graded: GroupShare;
  latestGrade: string | null;
  latestAudit: string | null;
};

/**
 * An area's (or team's) practitioners across the period: only for those
 * entitled to see individuals. Directors are refused here, whatever they ask.
 */
export async function practitionerRows(
  actor: Actor,
  scope: Extract<DashboardScope, { level: 'area' | 'team' }>,
  filters: DashboardFilters,
): Promise<PractitionerRow[]> {
  authoriseDashboard(actor, scope);
  if (!can(actor, 'dashboard.practitioners', inArea(scope.serviceAreaId)))
    throw new NotFoundOrForbiddenError();
  const [audits, rules] = await Promise.all([publishedAudits(filters), getDashboardRules()]);
  if (audits.length === 0) return [];
  const keys = await gradeKeys(audits);
  const goodPairs = [...keys].flatMap(([auditId, entry]) =>
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
      WHERE ca.audit_id = ANY(${audits.map((audit) => audit.auditId)}) AND ca.status = 'SUBMITTED'
        AND ca.service_area_id = ${scope.serviceAreaId} ${team} ${law}
        AND NOT EXISTS (SELECT 1 FROM benchmark b WHERE b.case_audit_id = ca.id AND b.benchmarker_id = ${actor.userId}
                        AND b.status IN ('ASSIGNED', 'IN_PROGRESS'))
    )
    SELECT p.id AS practitioner_id, p.reference, p.name, t.name AS team,
           count(*) AS graded, count(*) FILTER (WHERE c.is_good) AS good,
           (array_agg(c.overall_grade ORDER BY c.window_to DESC))[1] AS latest_grade,
           (array_agg(c.audit_name ORDER BY c.window_to DESC))[1] AS latest_audit
    FROM cases c JOIN practitioner p ON p.id = c.practitioner_id JOIN team t ON t.id = p.team_id
    GROUP BY p.id, p.reference, p.name, t.name
    ORDER BY t.name, p.reference`;
  const levelLabels = new Map<string, string>();
  for (const audit of audits)
    for (const level of (await contentOf(audit.thresholdVersionId)).scale.levels)
      levelLabels.set(level.key, level.label);
  return rows.map((row) => ({
    practitionerId: row.practitioner_id,
    reference: row.reference,
    name: row.name,
    team: row.team,
    graded: groupShare(Number(row.good), Number(row.graded), rules),
    latestGrade: row.latest_grade ? (levelLabels.get(row.latest_grade) ?? row.latest_grade) : null,
    latestAudit: row.latest_audit,
  }));
}

export async function teamInArea(serviceAreaId: string, teamId: string): Promise<boolean> {
  if (teamId === 'none') return true;
  return (await db().team.count({ where: { id: teamId, serviceAreaId } })) === 1;
}
