// A recommendation's measures (issue 16 §3): a share of graded cases, filtered,
// followed over the published audits. The database counts each audit's cases
// (lib/db/measure-series.ts); this module turns the counts into what a service
// manager reads: the series, the change from the baseline with Newcombe's
// interval, whether the target is met, whether the change is more than chance,
// and one sentence that says all of it.
import { AUDIT_KIND_LABELS, LAW_TYPE_LABELS, type AuditKind, type LawType } from './audits';
import { excludesZero, newcombeInterval } from './newcombe';
import { againstTarget, changeInPoints, formatPercent, roundedPercent } from './report';
import { goodOrAboveKeys, lowestLevel, type GradeScale, type RubricContent } from './rubric';

export const MEASURE_SHARES = ['GOOD_OR_ABOVE', 'LOWEST'] as const;
export type MeasureShare = (typeof MEASURE_SHARES)[number];
export const MEASURE_SHARE_LABELS: Record<MeasureShare, string> = {
  GOOD_OR_ABOVE: 'Good or above',
  LOWEST: 'Lowest grade',
};

export const TARGET_DIRECTIONS = ['AT_LEAST', 'AT_MOST'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];
export const TARGET_DIRECTION_SYMBOLS: Record<TargetDirection, string> = { AT_LEAST: '≥', AT_MOST: '≤' };
export const TARGET_DIRECTION_LABELS: Record<TargetDirection, string> = {
  AT_LEAST: 'At least',
  AT_MOST: 'At most',
};

export const EMPLOYMENTS = ['EMPLOYED', 'AGENCY'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];
export const EMPLOYMENT_LABELS: Record<Employment, string> = {
  EMPLOYED: 'employed staff',
  AGENCY: 'agency staff',
};

/** Which graded cases a measure counts. An empty list filters nothing. */
export type MeasureFilters = {
  auditKinds: AuditKind[];
  lawTypes: LawType[];
  serviceAreaIds: string[];
  teamIds: string[];
  employment: Employment | null;
};

export type MeasureDefinition = MeasureFilters & {
  id: string;
  recommendationId: string;
  label: string;
  /** Null: the overall grade. */
  sectionKey: string | null;
  share: MeasureShare;
  baselineAuditId: string | null;
  targetPercent: number | null;
  targetDirection: TargetDirection;
  version: number;
};

/** What the filters' ids and the section stand for, in the users' words. */
export type MeasureNames = {
  /** Service area id → code ("A5"). */
  areas: Record<string, string>;
  /** Team id → name ("A5 North"). */
  teams: Record<string, string>;
  /** The section's title; null for the overall grade or when no audit knows the section. */
  sectionTitle: string | null;
  /** The grade(s) counted: "Good", "Good or above", "Not Met", "Inadequate". */
  shareLabel: string;
};

/** One published audit's count for a measure, as the database returns it. */
export type MeasureCount = {
  auditId: string;
  auditName: string;
  auditKind: AuditKind;
  /** yyyy-mm-dd: the end of the audit's window, which orders the series. */
  windowTo: string;
  count: number;
  total: number;
};

export type MeasurePoint = MeasureCount & {
  /** "September 2013": the month the audit is known by. */
  period: string;
  percent: number | null;
  /** "27%", never contradicting its count ("<1%", ">99%"). */
  percentText: string;
  isBaseline: boolean;
};

export type MeasureChange = {
  from: MeasurePoint;
  to: MeasurePoint;
  /** Difference of the printed percentages, so "27% → 67%" always reads "up 40 points". */
  points: number | null;
  /** Newcombe's method 10 for to − from, in percentage points (not rounded). */
  interval: { low: number; high: number } | null;
  /** The interval leaves out zero: more than chance variation. Null without an interval. */
  beyondChance: boolean | null;
};

export type MeasureTarget = {
  percent: number;
  direction: TargetDirection;
  /** "≥ 60%". */
  text: string;
  /** Judged on the latest audit's printed percentage; null without any figure. */
  met: boolean | null;
};

export type MeasureView = {
  id: string;
  recommendationId: string;
  label: string;
  /** The filters in words: "Private Law WAFH, A5". */
  filtersText: string;
  /** What the sentence is about: "A5 Private Law WAFH". */
  subject: string;
  shareLabel: string;
  sectionTitle: string | null;
  series: MeasurePoint[];
  baseline: MeasurePoint | null;
  latest: MeasurePoint | null;
  change: MeasureChange | null;
  target: MeasureTarget | null;
  sentence: string;
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The month an audit is known by. Audits are named for when they ran
 * ("National Audit September 2013", whose window closed in August), so the
 * name's month wins; otherwise the month its window closed.
 */
export function auditPeriod(auditName: string, windowTo: string): string {
  const named = new RegExp(`\\b(${MONTHS.join('|')})\\s+((?:19|20)\\d{2})\\b`, 'i').exec(auditName);
  if (named?.[1] && named[2]) {
    const month = MONTHS.find((candidate) => candidate.toLowerCase() === named[1]?.toLowerCase());
    return `${month} ${named[2]}`;
  }
  const [year, month] = windowTo.split('-').map(Number);
  return `${MONTHS[(month ?? 1) - 1] ?? ''} ${year ?? ''}`.trim();
}

/** The grade keys a measure counts on a scale: the "Good or above" levels, or the lowest level. */
export function countedGradeKeys(scale: GradeScale, share: MeasureShare): string[] {
  if (share === 'GOOD_OR_ABOVE') return goodOrAboveKeys(scale);
  return scale.lowestLevelKey ? [scale.lowestLevelKey] : [];
}

/**
 * The counted grade(s) in words: "Good" on seed 000's three-point scale,
 * "Good or above" where more than one level counts, "Not Met" for the lowest.
 */
export function shareLabelOf(scale: GradeScale, share: MeasureShare): string {
  if (share === 'LOWEST') return lowestLevel(scale)?.label ?? 'Lowest grade';
  const good = scale.levels.filter((level) => level.isGoodOrAbove);
  if (good.length === 1 && good[0]) return good[0].label;
  const last = good.at(-1);
  return last ? `${last.label} or above` : 'Good or above';
}

/**
 * Which section of a version stands for the measure's section (chosen on the
 * baseline's version): the same key; else the newer section that replaces it;
 * else the older section it replaced. Null when the version has none, and that
 * audit is left out of a section measure rather than counted against another section.
 */
export function sectionKeyIn(
  content: Pick<RubricContent, 'sections'>,
  sectionKey: string,
  replaces: readonly string[],
): string | null {
  if (content.sections.some((section) => section.key === sectionKey)) return sectionKey;
  const successor = content.sections.find((section) => section.replaces.includes(sectionKey));
  if (successor) return successor.key;
  const predecessor = content.sections.find((section) => replaces.includes(section.key));
  return predecessor?.key ?? null;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function names(ids: string[], lookup: Record<string, string>): string[] {
  return ids.map((id) => lookup[id] ?? 'an area no longer listed');
}

function kindsText(kinds: AuditKind[]): string | null {
  if (kinds.length === 0) return null;
  return list(kinds.map((kind) => `${AUDIT_KIND_LABELS[kind].toLowerCase()}s`));
}

/**
 * The filters in words, law type first as seed 000 writes it ("Private Law
 * WAFH, A5"); "all graded cases" when nothing is filtered.
 */
export function describeMeasureFilters(
  filters: MeasureFilters,
  lookup: Pick<MeasureNames, 'areas' | 'teams'>,
): string {
  const parts: string[] = [];
  if (filters.lawTypes.length > 0)
    parts.push(list(filters.lawTypes.map((lawType) => LAW_TYPE_LABELS[lawType])));
  if (filters.serviceAreaIds.length > 0) parts.push(list(names(filters.serviceAreaIds, lookup.areas)));
  if (filters.teamIds.length > 0)
    parts.push(list(filters.teamIds.map((id) => lookup.teams[id] ?? 'a team no longer listed')));
  if (filters.employment) parts.push(EMPLOYMENT_LABELS[filters.employment]);
  const kinds = kindsText(filters.auditKinds);
  if (kinds) parts.push(kinds);
  return parts.length > 0 ? parts.join(', ') : 'all graded cases';
}

/**
 * What the sentence is about, place first as a manager says it: "A5 Private
 * Law WAFH", "National", "A4 North agency staff", with the section if any.
 * The kinds of audit stay in the filters' words: a sentence has no room for them.
 */
export function measureSubject(
  filters: MeasureFilters,
  lookup: Pick<MeasureNames, 'areas' | 'teams' | 'sectionTitle'>,
): string {
  const place =
    filters.teamIds.length > 0
      ? list(filters.teamIds.map((id) => lookup.teams[id] ?? 'a team no longer listed'))
      : filters.serviceAreaIds.length > 0
        ? list(names(filters.serviceAreaIds, lookup.areas))
        : 'National';
  const words = [place];
  if (filters.lawTypes.length > 0)
    words.push(list(filters.lawTypes.map((lawType) => LAW_TYPE_LABELS[lawType])));
  if (filters.employment) words.push(EMPLOYMENT_LABELS[filters.employment]);
  const subject = words.join(' ');
  return lookup.sectionTitle ? `${subject}, ${lookup.sectionTitle}` : subject;
}

const byWindow = (a: MeasureCount, b: MeasureCount) =>
  a.windowTo < b.windowTo
    ? -1
    : a.windowTo > b.windowTo
      ? 1
      : a.auditName < b.auditName
        ? -1
        : a.auditName > b.auditName
          ? 1
          : 0;

/** The points in audit order; audits with no matching graded case are not points (a gap, not 0%). */
export function measureSeries(counts: MeasureCount[], baselineAuditId: string | null): MeasurePoint[] {
  return counts
    .filter((count) => count.total > 0)
    .sort(byWindow)
    .map((count) => ({
      ...count,
      period: auditPeriod(count.auditName, count.windowTo),
      percent: roundedPercent(count.count, count.total),
      percentText: formatPercent(count.count, count.total),
      isBaseline: count.auditId === baselineAuditId,
    }));
}

/**
 * From the baseline (or, without one, the first audit) to the latest audit
 * after it. Null until there is a later audit to compare.
 */
export function measureChange(series: MeasurePoint[], baselineAuditId: string | null): MeasureChange | null {
  const fromIndex = baselineAuditId ? series.findIndex((point) => point.auditId === baselineAuditId) : 0;
  const from = series[fromIndex];
  const to = series.at(-1);
  if (fromIndex < 0 || !from || !to || to === from || series.indexOf(to) <= fromIndex) return null;
  const difference = newcombeInterval(to.count, to.total, from.count, from.total);
  return {
    from,
    to,
    points: changeInPoints(to, from),
    interval: difference ? { low: difference.low * 100, high: difference.high * 100 } : null,
    beyondChance: difference ? excludesZero(difference) : null,
  };
}

export function measureTarget(
  targetPercent: number | null,
  direction: TargetDirection,
  latest: MeasurePoint | null,
): MeasureTarget | null {
  if (targetPercent === null) return null;
  const verdict = againstTarget(
    latest?.percent ?? null,
    targetPercent,
    direction === 'AT_LEAST' ? 'at-least' : 'at-most',
  );
  return {
    percent: targetPercent,
    direction,
    text: `${TARGET_DIRECTION_SYMBOLS[direction]} ${targetPercent}%`,
    met: verdict === null ? null : verdict === 'met',
  };
}

/** Whole points, with a true minus sign and never "−0". */
export function formatPoints(value: number): string {
  const rounded = Math.round(value);
  if (rounded === 0) return '0';
  return rounded < 0 ? `−${Math.abs(rounded)}` : String(rounded);
}

/** "up 40 points", "down 1 point", "no change". */
export function changeWords(points: number | null): string {
  if (points === null) return 'change not known';
  if (points === 0) return 'no change';
  const size = Math.abs(points);
  return `${points > 0 ? 'up' : 'down'} ${size} point${size === 1 ? '' : 's'}`;
}

function figure(point: MeasurePoint, shareLabel: string | null): string {
  return `${point.percentText}${shareLabel ? ` ${shareLabel}` : ''} (n = ${point.total}) in ${point.period}`;
}

/**
 * The sentence a service manager reads: "A5 Private Law WAFH: 27% Good
 * (n = 11) in September 2013 → 67% (n = 12) in November 2014, up 40 points
 * (95% interval −1 to 66 points); target (≥ 60%) met; could be chance".
 */
export function measureSentence(view: Omit<MeasureView, 'sentence'>): string {
  const { subject, shareLabel, change, target, latest, baseline } = view;
  const clauses: string[] = [];
  if (change) {
    const interval = change.interval
      ? ` (95% interval ${formatPoints(change.interval.low)} to ${formatPoints(change.interval.high)} points)`
      : '';
    clauses.push(
      `${figure(change.from, shareLabel)} → ${figure(change.to, null)}, ${changeWords(change.points)}${interval}`,
    );
  } else if (latest) {
    const only = baseline ?? latest;
    clauses.push(
      `${figure(only, shareLabel)}${only.isBaseline ? ' (the baseline)' : ''}; no later audit to compare yet`,
    );
  } else {
    clauses.push(`no graded cases in a published audit yet`);
  }
  if (target) {
    clauses.push(
      `target (${target.text}) ${target.met === null ? 'not yet measured' : target.met ? 'met' : 'not met'}`,
    );
  }
  if (change?.beyondChance !== null && change?.beyondChance !== undefined) {
    clauses.push(change.beyondChance ? 'more than chance variation' : 'could be chance variation');
  }
  return `${subject}: ${clauses.join('; ')}`;
}

/** A measure's whole view from its definition, the names its ids stand for and its counts per published audit. */
export function assembleMeasure(
  definition: MeasureDefinition,
  lookup: MeasureNames,
  counts: MeasureCount[],
): MeasureView {
  const series = measureSeries(counts, definition.baselineAuditId);
  const baseline = definition.baselineAuditId
    ? (series.find((point) => point.auditId === definition.baselineAuditId) ?? null)
    : (series[0] ?? null);
  const latest = series.at(-1) ?? null;
  const view = {
    id: definition.id,
    recommendationId: definition.recommendationId,
    label: definition.label,
    filtersText: describeMeasureFilters(definition, lookup),
    subject: measureSubject(definition, lookup),
    shareLabel: lookup.shareLabel,
    sectionTitle: lookup.sectionTitle,
    series,
    baseline,
    latest,
    change: measureChange(series, definition.baselineAuditId),
    target: measureTarget(definition.targetPercent, definition.targetDirection, latest),
  };
  return { ...view, sentence: measureSentence(view) };
}
