// The dashboards built from counts: the database counts graded cases per
// audit, group and grade (lib/db/dashboard-counts.ts); these functions turn
// those counts into the RAG rows, trend series, QA trend, heat map and
// progress rows the widgets and CSV downloads print. Pure: no database here.
import { isOverdue } from './challenges';
import {
  groupShare,
  qaPriority,
  QA_DASHBOARD_INDICATORS,
  QA_DASHBOARD_LABELS,
  ragFor,
  trendSeries,
  type DashboardRules,
  type QaDashboardIndicator,
  type TrendCounts,
} from './dashboard';
import {
  NO_TEAM_KEY,
  type AuditProgress,
  type HeatMap,
  type Labelled,
  type LatestStanding,
  type PractitionerRow,
  type PublishedAudit,
  type QaTrend,
  type RagRow,
  type Trend,
} from './dashboard-views';
import { lowestLevel, type GradeScale } from './rubric';

/** Graded cases of one audit, in one group, at one overall grade. */
export type GroupCount = { auditId: string; groupKey: string; grade: string; cases: number };
/** Which grade keys count as good or above, and which is the lowest: scales differ between threshold versions. */
export type GradeKeys = { good: Set<string>; lowest: string | null };
export type Totals = { total: number; good: number; lowest: number };
/** auditId → group → totals */
export type TotalsByGroup = Map<string, Map<string, Totals>>;

export function gradeKeysOf(scale: GradeScale): GradeKeys {
  return {
    good: new Set(scale.levels.filter((level) => level.isGoodOrAbove).map((level) => level.key)),
    lowest: scale.lowestLevelKey,
  };
}

/** The words a scale gives its good-or-above levels and its lowest level. */
export function standingLabels(scale: GradeScale): { good: string; lowest: string } {
  return {
    good: scale.levels
      .filter((level) => level.isGoodOrAbove)
      .map((level) => level.label)
      .join(' or '),
    lowest: lowestLevel(scale)?.label ?? 'lowest grade',
  };
}

/** Adds up each group's graded, good-or-above and lowest-grade cases per audit; audits without keys are left out. */
export function totalsByGroup(counts: GroupCount[], keys: Map<string, GradeKeys>): TotalsByGroup {
  const totals: TotalsByGroup = new Map();
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

/** The latest published audit: the scope's own line and each group (area, or team) against the audit's targets. */
export function latestStandingFrom(input: {
  audit: PublishedAudit;
  labels: { good: string; lowest: string };
  scopeLabel: string;
  groups: Labelled[];
  overallTotals: TotalsByGroup;
  groupTotals: TotalsByGroup;
  rules: DashboardRules;
}): LatestStanding {
  const { audit, labels, rules } = input;
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
  const inAudit = input.groupTotals.get(audit.auditId) ?? new Map<string, Totals>();
  return {
    audit,
    goodLabel: labels.good,
    lowestLabel: labels.lowest,
    overall: row('all', input.scopeLabel, input.overallTotals.get(audit.auditId)?.get('all')),
    rows: input.groups
      .filter((group) => inAudit.has(group.key))
      .map((group) => row(group.key, group.label, inAudit.get(group.key))),
  };
}

/** % Good or above and % lowest grade across audits: the scope's own line first, then each of its groups. */
export function trendFrom(input: {
  audits: PublishedAudit[];
  scopeLabel: string;
  groups: Labelled[];
  overallTotals: TotalsByGroup;
  groupTotals: TotalsByGroup;
  rules: DashboardRules;
}): Trend {
  const { audits, groups, rules } = input;
  const overallGroup = { key: 'all', label: input.scopeLabel };
  const counts = (totals: TotalsByGroup, pick: (entry: Totals) => number): TrendCounts[] =>
    [...totals].flatMap(([auditId, groupsInAudit]) =>
      [...groupsInAudit].map(([groupKey, entry]) => ({
        auditId,
        groupKey,
        count: pick(entry),
        total: entry.total,
      })),
    );
  const series = (pick: (entry: Totals) => number) => [
    ...trendSeries(audits, [overallGroup], counts(input.overallTotals, pick), rules).series,
    ...trendSeries(audits, groups, counts(input.groupTotals, pick), rules).series.filter(
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

/** One audit's answers to each QA indicator: how many said yes of how many answered. */
export type QaCounts = {
  auditId: string;
  yes: Record<QaDashboardIndicator, number>;
  answered: Record<QaDashboardIndicator, number>;
};

/** Seed 003's quality-assurance indicators (and children seen) across audits, flagged below target. */
export function qaTrendFrom(audits: PublishedAudit[], rows: QaCounts[], rules: DashboardRules): QaTrend {
  const indicators = QA_DASHBOARD_INDICATORS.map((key) => {
    const counts: TrendCounts[] = rows.map((row) => ({
      auditId: row.auditId,
      groupKey: key,
      count: row.yes[key],
      total: row.answered[key],
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

/** One group's graded and good-or-above cases in one section. */
export type SectionCount = { groupKey: string; sectionKey: string; graded: number; good: number };

/** The latest audit: % Good or above per section, for each group with graded cases. */
export function heatMapFrom(input: {
  audit: PublishedAudit;
  sections: Labelled[];
  groups: Labelled[];
  cells: SectionCount[];
  rules: DashboardRules;
}): HeatMap {
  const { sections, rules } = input;
  const byGroup = new Map<string, Map<string, { graded: number; good: number }>>();
  for (const cell of input.cells) {
    const entry = byGroup.get(cell.groupKey) ?? new Map<string, { graded: number; good: number }>();
    entry.set(cell.sectionKey, { graded: cell.graded, good: cell.good });
    byGroup.set(cell.groupKey, entry);
  }
  return {
    audit: input.audit,
    sections,
    rows: input.groups
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

export type AuditUnderWayCounts = {
  auditId: string;
  name: string;
  status: string;
  sampled: number;
  graded: number;
  challenged: number;
};

/** An open challenge of an audit under way: enough to tell whether its next step is overdue. */
export type OpenChallenge = { auditId: string } & Parameters<typeof isOverdue>[0];

/**
 * How far each audit under way has got. An audit in which the reader
 * benchmarks blind shows no challenge figures: a challenge is of a
 * lowest-grade case.
 */
export function auditProgressFrom(
  rows: AuditUnderWayCounts[],
  withheld: ReadonlySet<string>,
  open: OpenChallenge[],
  now: Date,
): AuditProgress[] {
  return rows.map((row) => ({
    auditId: row.auditId,
    name: row.name,
    status: row.status,
    sampled: row.sampled,
    graded: row.graded,
    challenged: withheld.has(row.auditId) ? null : row.challenged,
    // Benchmarking is not recorded in Threshold yet.
    benchmarked: 0,
    overdue: withheld.has(row.auditId)
      ? null
      : open.filter((challenge) => challenge.auditId === row.auditId && isOverdue(challenge, now)).length,
  }));
}

export type PractitionerCounts = {
  practitionerId: string;
  reference: string;
  name: string;
  team: string;
  graded: number;
  good: number;
  latestGradeKey: string | null;
  latestAudit: string | null;
};

/** Each practitioner's share of good-or-above cases, their latest grade in the scale's words. */
export function practitionerRowsFrom(
  rows: PractitionerCounts[],
  levelLabels: ReadonlyMap<string, string>,
  rules: DashboardRules,
): PractitionerRow[] {
  return rows.map((row) => ({
    practitionerId: row.practitionerId,
    reference: row.reference,
    name: row.name,
    team: row.team,
    graded: groupShare(row.good, row.graded, rules),
    latestGrade: row.latestGradeKey ? (levelLabels.get(row.latestGradeKey) ?? row.latestGradeKey) : null,
    latestAudit: row.latestAudit,
  }));
}
