// The rules behind the area and national dashboards: when a figure is green,
// amber or red, when a group is too small to show a percentage, how trends
// line up across audits (a missing area is a gap, not a zero), which QA
// indicators are priorities, and who may drill down how far. Pure: the
// database counts, the rules arrive as data, this module only applies them.
import { can, inArea, NATIONAL } from './permissions';
import type { Role } from './roles';
import { QA_INDICATOR_LABELS } from './grading';
import { formatPercent, roundedPercent } from './report';

/** Seed 003's QA indicators plus children seen. */
export const QA_DASHBOARD_INDICATORS = [
  'collaborative',
  'familyFeedback',
  'managementOversight',
  'supervision',
  'childrenSeen',
] as const;
export type QaDashboardIndicator = (typeof QA_DASHBOARD_INDICATORS)[number];

export const QA_DASHBOARD_LABELS: Record<QaDashboardIndicator, string> = {
  ...QA_INDICATOR_LABELS,
  childrenSeen: 'Children seen (excluding EIT work)',
};

/** Targets the QA overview (seed 003) adds to the dashboards' own. */
export const QA_OVERVIEW_EXTRA_TARGETS = ['supervisionImpact', 'localAuditsOnTarget'] as const;
export const QA_TARGET_KEYS = [...QA_DASHBOARD_INDICATORS, ...QA_OVERVIEW_EXTRA_TARGETS] as const;
export type QaTargetKey = (typeof QA_TARGET_KEYS)[number];

/** Stored as data (a jsonb row); validated by parseDashboardRules. */
export type DashboardRules = {
  rag: { goodOrAbove: { amberWithinPoints: number }; lowest: { amberWithinPoints: number } };
  /** Percentages. */
  qaTargets: Record<QaTargetKey, number>;
  /** Below this many graded cases a group shows its count but no percentage. */
  minGroupSize: number;
};

export const DEFAULT_DASHBOARD_RULES: DashboardRules = {
  rag: { goodOrAbove: { amberWithinPoints: 5 }, lowest: { amberWithinPoints: 3 } },
  qaTargets: {
    collaborative: 80,
    familyFeedback: 60,
    managementOversight: 90,
    supervision: 90,
    childrenSeen: 90,
    supervisionImpact: 60,
    localAuditsOnTarget: 95,
  },
  minGroupSize: 5,
};

export type Rag = 'green' | 'amber' | 'red' | 'none';
export type RagResult = { status: Rag; rule: string; reason: string };

/** Up to one decimal place, without trailing zeros: 2.5, 60, never 2.4999999. */
function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function pointsText(points: number): string {
  return `${formatNumber(points)} point${points === 1 ? '' : 's'}`;
}

function rangeText(from: number, to: number): string {
  return from === to ? `${from}%` : `${from}% to ${to}%`;
}

/**
 * The whole rule in plain words. Printed percentages are whole numbers, so the
 * bands are stated in whole numbers even when a target or margin is not one
 * (a 62.5% target is met by 63%, not by 62%).
 */
function ruleText(metric: 'goodOrAbove' | 'lowest', target: number, margin: number, label: string): string {
  const parts: string[] = [];
  if (metric === 'goodOrAbove') {
    const greenFrom = Math.ceil(target);
    const amberFrom = Math.max(0, Math.ceil(target - margin));
    parts.push(`Green: ${greenFrom}% or more ${label}.`);
    if (amberFrom <= greenFrom - 1) parts.push(`Amber: ${rangeText(amberFrom, greenFrom - 1)}.`);
    if (amberFrom > 0) parts.push(`Red: below ${amberFrom}%.`);
  } else {
    const greenTo = Math.floor(target);
    const amberTo = Math.min(100, Math.floor(target + margin));
    parts.push(`Green: ${greenTo}% or less ${label}.`);
    if (greenTo + 1 <= amberTo) parts.push(`Amber: ${rangeText(greenTo + 1, amberTo)}.`);
    if (amberTo < 100) parts.push(`Red: above ${amberTo}%.`);
  }
  return parts.join(' ');
}

/**
 * goodOrAbove: green at or above target; amber when below but within
 * amberWithinPoints; red further below. lowest (e.g. % Not Met): green at or
 * below target; amber when above but within amberWithinPoints; red further
 * above. 'none' when there is no target, or the percentage is suppressed or
 * null. `rule` states the whole rule for a hover and for text; `reason` says
 * why this figure got its colour. Percentages are whole numbers as printed.
 */
export function ragFor(
  metric: 'goodOrAbove' | 'lowest',
  percent: number | null,
  target: number | null,
  rules: DashboardRules,
  labels: { good: string; lowest: string },
): RagResult {
  if (target === null)
    return {
      status: 'none',
      rule: 'No target is set, so no colour is shown.',
      // Named per metric: both figures' reasons are printed side by side.
      reason: `There is no target for % ${metric === 'goodOrAbove' ? labels.good : labels.lowest}.`,
    };
  const margin = rules.rag[metric].amberWithinPoints;
  const rule = ruleText(metric, target, margin, metric === 'goodOrAbove' ? labels.good : labels.lowest);
  if (percent === null)
    return { status: 'none', rule, reason: 'No percentage is shown, so there is no colour.' };
  const targetText = `${formatNumber(target)}%`;
  // How far the figure is on the wrong side of its target; 0 or less means met.
  const shortfall = metric === 'goodOrAbove' ? target - percent : percent - target;
  if (shortfall <= 0)
    return {
      status: 'green',
      rule,
      reason: `${percent}% is at or ${metric === 'goodOrAbove' ? 'above' : 'below'} the ${targetText} target.`,
    };
  const side = metric === 'goodOrAbove' ? 'below' : 'above';
  const missed = `${percent}% is ${pointsText(shortfall)} ${side} the ${targetText} target`;
  if (shortfall <= margin)
    return {
      status: 'amber',
      rule,
      reason: `${missed}, within the ${formatNumber(margin)}-point amber margin.`,
    };
  return {
    status: 'red',
    rule,
    reason:
      margin > 0 ? `${missed}, more than the ${formatNumber(margin)}-point amber margin.` : `${missed}.`,
  };
}

export type GroupShare = {
  count: number;
  total: number;
  percent: number | null;
  suppressed: boolean;
  display: string;
};

/**
 * A group's share with small-group suppression: with fewer graded cases than
 * minGroupSize one case moves the percentage too far to read anything into it,
 * so the count stays and the percentage goes. No cases at all is not
 * suppression; there is simply nothing to show.
 */
export function groupShare(
  count: number,
  total: number,
  rules: Pick<DashboardRules, 'minGroupSize'>,
): GroupShare {
  if (!Number.isInteger(count) || !Number.isInteger(total) || count < 0 || count > total)
    throw new Error(`A share needs whole counts with 0 ≤ count ≤ total, not ${count} of ${total}`);
  if (total === 0) return { count, total, percent: null, suppressed: false, display: 'No graded cases' };
  if (total < rules.minGroupSize)
    return {
      count,
      total,
      percent: null,
      suppressed: true,
      display: `${total} case${total === 1 ? '' : 's'} (too few to show a percentage)`,
    };
  return {
    count,
    total,
    percent: roundedPercent(count, total),
    suppressed: false,
    display: formatPercent(count, total),
  };
}

/**
 * Which groups of one table hide their figures: those groupShare suppresses
 * and, when that leaves exactly one hidden beside others, the smallest other
 * group too. Otherwise the one hidden group's counts would be the table's total
 * minus the shown groups' (secondary suppression). Indexes into `totals`.
 */
export function suppressedGroups(
  totals: readonly number[],
  rules: Pick<DashboardRules, 'minGroupSize'>,
): Set<number> {
  const hidden = new Set<number>();
  totals.forEach((total, index) => {
    if (groupShare(0, total, rules).suppressed) hidden.add(index);
  });
  if (hidden.size !== 1) return hidden;
  let smallest: number | null = null;
  totals.forEach((total, index) => {
    if (hidden.has(index) || total === 0) return;
    if (smallest === null || total < totals[smallest]!) smallest = index;
  });
  if (smallest !== null) hidden.add(smallest);
  return hidden;
}

export type TrendAudit = { auditId: string; name: string; windowTo: string };
export type TrendCounts = { auditId: string; groupKey: string; count: number; total: number };
/** Points align with the audits; null means the group is absent from that audit (a gap, not zero). */
export type TrendSeries = { key: string; label: string; points: (GroupShare | null)[] };

/**
 * One series per group, in the order given, aligned to the audits sorted by
 * windowTo then name. A group with no graded cases in an audit gets a null
 * point, so a chart draws a gap instead of a fall to zero; suppression
 * applies per point. Counts for unknown audits or groups are ignored; two
 * rows for the same audit and group are refused rather than guessed at.
 */
export function trendSeries(
  audits: TrendAudit[],
  groups: { key: string; label: string }[],
  counts: TrendCounts[],
  rules: Pick<DashboardRules, 'minGroupSize'>,
): { audits: TrendAudit[]; series: TrendSeries[] } {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...audits].sort(
    (a, b) => compare(a.windowTo, b.windowTo) || compare(a.name, b.name) || compare(a.auditId, b.auditId),
  );
  const auditIds = new Set(sorted.map((audit) => audit.auditId));
  const groupKeys = new Set(groups.map((group) => group.key));
  const byAuditAndGroup = new Map<string, TrendCounts>();
  const keyOf = (auditId: string, groupKey: string) => JSON.stringify([auditId, groupKey]);
  for (const row of counts) {
    if (!auditIds.has(row.auditId) || !groupKeys.has(row.groupKey)) continue;
    const key = keyOf(row.auditId, row.groupKey);
    if (byAuditAndGroup.has(key))
      throw new Error(`Audit "${row.auditId}" has two counts for group "${row.groupKey}"`);
    byAuditAndGroup.set(key, row);
  }
  const series = groups.map((group) => ({
    key: group.key,
    label: group.label,
    points: sorted.map((audit) => {
      const row = byAuditAndGroup.get(keyOf(audit.auditId, group.key));
      return row && row.total > 0 ? groupShare(row.count, row.total, rules) : null;
    }),
  }));
  return { audits: sorted, series };
}

/** A QA indicator is a priority when its shown (non-suppressed) percentage is below its target. */
export function qaPriority(
  indicator: QaDashboardIndicator,
  share: GroupShare,
  rules: DashboardRules,
): boolean {
  return !share.suppressed && share.percent !== null && share.percent < rules.qaTargets[indicator];
}

/**
 * How far down a dashboard's figures someone may go. Area roles see their own
 * area down to practitioners and nothing of another area; the service-wide
 * managers see every area down to practitioners; the Director sees teams, not
 * named practitioners; everyone else has no drill-down.
 */
export function drillDownLevel(
  actor: { role: string; serviceAreaId: string | null },
  serviceAreaId: string,
): 'practitioner' | 'team' | 'none' {
  // The permission table is the one source of who sees what.
  const who = { role: actor.role as Role, serviceAreaId: actor.serviceAreaId };
  if (can(who, 'dashboard.practitioners', inArea(serviceAreaId))) return 'practitioner';
  if (can(who, 'dashboard.area', inArea(serviceAreaId))) return 'team';
  return 'none';
}

/**
 * Whether a report shows this person the percentage of a small group (fewer
 * graded cases than minGroupSize, as groupShare decides). Those entitled to see
 * individual practitioners in the scope already see who was graded what, so
 * hiding a small team's percentage would protect nobody from them; everyone
 * else (the Director) gets the dashboards' small-group rule in the report too.
 */
export function seesSmallGroupPercentages(
  actor: { role: string; serviceAreaId: string | null },
  serviceAreaId: string | null,
): boolean {
  const who = { role: actor.role as Role, serviceAreaId: actor.serviceAreaId };
  return can(who, 'dashboard.practitioners', serviceAreaId === null ? NATIONAL : inArea(serviceAreaId));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
  if (!isRecord(value)) throw new Error(`Dashboard rules: ${path} must be an object`);
  // Unknown keys are refused so a misspelt setting is reported, not ignored.
  for (const key of Object.keys(value))
    if (!keys.includes(key))
      throw new Error(`Dashboard rules: ${path === 'rules' ? key : `${path}.${key}`} is not a setting`);
  return value;
}

function percentAt(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100)
    throw new Error(`Dashboard rules: ${path} must be a number from 0 to 100`);
  return value;
}

/**
 * Validates untrusted jsonb into DashboardRules, or throws an Error naming the
 * bad field. Written by hand because lib/domain does not import zod.
 */
export function parseDashboardRules(value: unknown): DashboardRules {
  const root = objectAt(value, 'rules', ['rag', 'qaTargets', 'minGroupSize']);
  const rag = objectAt(root.rag, 'rag', ['goodOrAbove', 'lowest']);
  const margin = (metric: 'goodOrAbove' | 'lowest') =>
    percentAt(
      objectAt(rag[metric], `rag.${metric}`, ['amberWithinPoints']).amberWithinPoints,
      `rag.${metric}.amberWithinPoints`,
    );
  const goodOrAbove = margin('goodOrAbove');
  const lowest = margin('lowest');
  const targets = objectAt(root.qaTargets, 'qaTargets', QA_TARGET_KEYS);
  const qaTargets = Object.fromEntries(
    QA_TARGET_KEYS.map((indicator) => [indicator, percentAt(targets[indicator], `qaTargets.${indicator}`)]),
  ) as Record<QaTargetKey, number>;
  const minGroupSize = root.minGroupSize;
  if (
    typeof minGroupSize !== 'number' ||
    !Number.isInteger(minGroupSize) ||
    minGroupSize < 1 ||
    minGroupSize > 50
  )
    throw new Error('Dashboard rules: minGroupSize must be a whole number from 1 to 50');
  return {
    rag: { goodOrAbove: { amberWithinPoints: goodOrAbove }, lowest: { amberWithinPoints: lowest } },
    qaTargets,
    minGroupSize,
  };
}
