// Seed 003's "Quality assuring practice" overview for any period: audits by
// kind, the share undertaken collaboratively, with family feedback, with
// management oversight where it was expected, with supervision recorded (and
// judged to have had an impact), practice observations, moderations by Heads
// of Practice and local audits on target, each against its target with a
// priority flag when below, by quarter and by area. Pure: the database counts
// (lib/db/qa-overview-counts.ts), this module turns counts into the view.
//
// Each percentage's denominator (the board paper does not print them; these
// are the ones that make its figures agree, see prisma/seed/local-history.ts):
// collaborative: of the local quality-and-impact audits; family feedback: of
// all audits; management oversight: of the audits where it was expected;
// supervision recorded: of the audits where the question was answered;
// supervision with impact: of the audits where supervision was recorded; on
// target: of the manager-months with local assignments.
import type { AuditKind } from './audits';
import type { DashboardRules } from './dashboard';
import { isCalendarDate } from './dates';

/** The kinds the overview counts, in the board paper's order. */
export const QA_OVERVIEW_KINDS = [
  'LOCAL_QUALITY_IMPACT',
  'NATIONAL_PRACTICE_QUALITY',
  'PERFORMANCE_BOARD',
] as const satisfies readonly AuditKind[];
export type QaOverviewKind = (typeof QA_OVERVIEW_KINDS)[number];

export const QA_OVERVIEW_KIND_LABELS: Record<QaOverviewKind, string> = {
  LOCAL_QUALITY_IMPACT: 'Local quality and impact audits',
  NATIONAL_PRACTICE_QUALITY: 'National practice quality audits',
  PERFORMANCE_BOARD: 'Performance board quality and impact audits',
};

export const QA_OVERVIEW_INDICATORS = [
  'collaborative',
  'familyFeedback',
  'managementOversight',
  'supervision',
  'supervisionImpact',
  'localAuditsOnTarget',
] as const;
export type QaOverviewIndicator = (typeof QA_OVERVIEW_INDICATORS)[number];

export const QA_OVERVIEW_LABELS: Record<QaOverviewIndicator, string> = {
  collaborative: 'Undertaken collaboratively with the practitioner',
  familyFeedback: 'Included feedback from children and families',
  managementOversight: 'Management oversight recorded where expected',
  supervision: 'Supervision recorded',
  supervisionImpact: 'Supervision judged to have had an impact',
  localAuditsOnTarget: 'Local quality and impact audits on target',
};

/** What each indicator's percentage is "of", in the users' words. */
export const QA_OVERVIEW_DENOMINATORS: Record<QaOverviewIndicator, string> = {
  collaborative: 'local quality and impact audits',
  familyFeedback: 'all audits',
  managementOversight: 'audits where oversight was expected',
  supervision: 'audits where supervision was looked for',
  supervisionImpact: 'audits with supervision recorded',
  localAuditsOnTarget: 'manager-months (audits done reach the monthly quota)',
};

/** Counts for one group (the whole period, a quarter or an area), as the database returns them. */
export type QaOverviewCountRow = {
  audits: Record<QaOverviewKind, number>;
  collaborative: number;
  familyFeedback: number;
  oversightExpected: number;
  oversightRecorded: number;
  supervisionAnswered: number;
  supervisionRecorded: number;
  supervisionImpact: number;
  observations: number;
  moderations: number;
  managerMonths: number;
  managerMonthsOnTarget: number;
};

export type QaOverviewCounts = {
  total: QaOverviewCountRow;
  /** Keyed by the quarter's first month, yyyy-mm. */
  byQuarter: Record<string, QaOverviewCountRow>;
  /** Keyed by service area id. */
  byArea: Record<string, QaOverviewCountRow>;
};

export type QaOverviewPeriod = { from: string; to: string };

export type QaShare = {
  count: number;
  of: number;
  /** One decimal place; null when nothing to divide by. */
  percent: number | null;
  target: number;
  priority: boolean;
};

export type QaOverviewFigures = {
  audits: Record<QaOverviewKind, number>;
  totalAudits: number;
  indicators: Record<QaOverviewIndicator, QaShare>;
  observations: number;
  moderations: number;
};

export type QaOverview = {
  period: QaOverviewPeriod;
  scope: { serviceAreaId: string | null; label: string };
  total: QaOverviewFigures;
  quarters: { key: string; label: string; figures: QaOverviewFigures }[];
  areas: { key: string; label: string; figures: QaOverviewFigures }[];
  /** Indicators below target over the whole period, in indicator order. */
  priorities: QaOverviewIndicator[];
};

export function emptyQaOverviewCountRow(): QaOverviewCountRow {
  return {
    audits: { LOCAL_QUALITY_IMPACT: 0, NATIONAL_PRACTICE_QUALITY: 0, PERFORMANCE_BOARD: 0 },
    collaborative: 0,
    familyFeedback: 0,
    oversightExpected: 0,
    oversightRecorded: 0,
    supervisionAnswered: 0,
    supervisionRecorded: 0,
    supervisionImpact: 0,
    observations: 0,
    moderations: 0,
    managerMonths: 0,
    managerMonthsOnTarget: 0,
  };
}

/** count of total to one decimal place, halves up (1802 of 3372 → 53.4). */
export function percentOneDecimal(count: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.floor((count * 1000) / total + 0.5) / 10;
}

/** 53.4 → "53.4%", 82 → "82.0%", null → "–". */
export function formatPercentOneDecimal(percent: number | null): string {
  return percent === null ? '–' : `${percent.toFixed(1)}%`;
}

function share(count: number, of: number, target: number): QaShare {
  const percent = percentOneDecimal(count, of);
  return { count, of, percent, target, priority: percent !== null && percent < target };
}

export function qaOverviewFigures(row: QaOverviewCountRow, rules: DashboardRules): QaOverviewFigures {
  const targets = rules.qaTargets;
  const totalAudits = QA_OVERVIEW_KINDS.reduce((sum, kind) => sum + row.audits[kind], 0);
  return {
    audits: { ...row.audits },
    totalAudits,
    indicators: {
      collaborative: share(row.collaborative, row.audits.LOCAL_QUALITY_IMPACT, targets.collaborative),
      familyFeedback: share(row.familyFeedback, totalAudits, targets.familyFeedback),
      managementOversight: share(row.oversightRecorded, row.oversightExpected, targets.managementOversight),
      supervision: share(row.supervisionRecorded, row.supervisionAnswered, targets.supervision),
      supervisionImpact: share(row.supervisionImpact, row.supervisionRecorded, targets.supervisionImpact),
      localAuditsOnTarget: share(row.managerMonthsOnTarget, row.managerMonths, targets.localAuditsOnTarget),
    },
    observations: row.observations,
    moderations: row.moderations,
  };
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar quarters a period touches, by first month: 2023-04-01..2023-11-30 → 2023-04, 2023-07, 2023-10. */
export function quartersOf(period: QaOverviewPeriod): string[] {
  const [fromYear, fromMonth] = period.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = period.to.split('-').map(Number) as [number, number];
  const quarters: string[] = [];
  let year = fromYear;
  let month = fromMonth - ((fromMonth - 1) % 3);
  while (year < toYear || (year === toYear && month <= toMonth)) {
    quarters.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 3;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return quarters;
}

/** "2023-04" → "Apr–Jun 2023"; a quarter the period cuts short says so: "Oct–Nov 2023". */
export function quarterLabel(quarter: string, period?: QaOverviewPeriod): string {
  const [year, month] = quarter.split('-').map(Number) as [number, number];
  let last = month + 2;
  if (period) {
    const [toYear, toMonth] = period.to.split('-').map(Number) as [number, number];
    if (toYear === year && toMonth < last) last = toMonth;
  }
  let first = month;
  if (period) {
    const [fromYear, fromMonth] = period.from.split('-').map(Number) as [number, number];
    if (fromYear === year && fromMonth > first) first = fromMonth;
  }
  const name = (m: number) => MONTH_NAMES[m - 1] as string;
  return first === last ? `${name(first)} ${year}` : `${name(first)}–${name(last)} ${year}`;
}

/**
 * The period asked for, or by default the financial year (April to March) of
 * the latest submitted audit, up to the end of that audit's month. Null when
 * a date is not a real date or `to` is before `from`.
 */
export function qaOverviewPeriod(
  asked: { from: string | null; to: string | null },
  latestSubmitted: string | null,
  today: string,
): QaOverviewPeriod | null {
  if ((asked.from && !isCalendarDate(asked.from)) || (asked.to && !isCalendarDate(asked.to))) return null;
  const anchor = asked.to ?? latestSubmitted ?? today;
  const [year, month] = anchor.split('-').map(Number) as [number, number];
  const financialYear = month >= 4 ? year : year - 1;
  const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  const from = asked.from ?? `${financialYear}-04-01`;
  const to = asked.to ?? monthEnd;
  return from <= to ? { from, to } : null;
}

/** Builds the overview from its counts; areas keep the given order, and only those with any work show. */
export function buildQaOverview(input: {
  period: QaOverviewPeriod;
  scope: { serviceAreaId: string | null; label: string };
  counts: QaOverviewCounts;
  areas: { id: string; label: string }[];
  rules: DashboardRules;
}): QaOverview {
  const { counts, rules, period } = input;
  const total = qaOverviewFigures(counts.total, rules);
  const hasWork = (row: QaOverviewCountRow | undefined) =>
    row !== undefined &&
    (QA_OVERVIEW_KINDS.some((kind) => row.audits[kind] > 0) ||
      row.observations > 0 ||
      row.moderations > 0 ||
      row.managerMonths > 0);
  return {
    period,
    scope: input.scope,
    total,
    quarters: quartersOf(period).map((key) => ({
      key,
      label: quarterLabel(key, period),
      figures: qaOverviewFigures(counts.byQuarter[key] ?? emptyQaOverviewCountRow(), rules),
    })),
    areas: input.areas
      .filter((area) => hasWork(counts.byArea[area.id]))
      .map((area) => ({
        key: area.id,
        label: area.label,
        figures: qaOverviewFigures(counts.byArea[area.id] as QaOverviewCountRow, rules),
      })),
    priorities: QA_OVERVIEW_INDICATORS.filter((indicator) => total.indicators[indicator].priority),
  };
}

/** The overview's figures as plain JSON (the CLI and the JSON download print this). */
export function qaOverviewJson(overview: QaOverview) {
  const figures = (f: QaOverviewFigures) => ({
    audits: { total: f.totalAudits, ...f.audits },
    indicators: Object.fromEntries(
      QA_OVERVIEW_INDICATORS.map((indicator) => {
        const s = f.indicators[indicator];
        return [
          indicator,
          { count: s.count, of: s.of, percent: s.percent, target: s.target, priority: s.priority },
        ];
      }),
    ) as Record<QaOverviewIndicator, QaShare>,
    observations: f.observations,
    moderations: f.moderations,
  });
  return {
    period: overview.period,
    scope: overview.scope.label,
    ...figures(overview.total),
    priorities: overview.priorities,
    quarters: overview.quarters.map((q) => ({ quarter: q.key, label: q.label, ...figures(q.figures) })),
    areas: overview.areas.map((a) => ({ area: a.label, ...figures(a.figures) })),
  };
}

const number = (value: number) => value.toLocaleString('en-GB');

function longDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const months = [
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
  return `${date} ${months[month - 1]} ${year}`;
}

/** The period in words: "1 April 2023 to 30 November 2023". */
export function qaOverviewPeriodText(period: QaOverviewPeriod): string {
  return `${longDate(period.from)} to ${longDate(period.to)}`;
}

/** The overview in the board paper's words, one sentence per figure, each with its target. */
export function qaOverviewSentences(overview: QaOverview): string[] {
  const { total } = overview;
  const where = overview.scope.serviceAreaId === null ? '' : ` in ${overview.scope.label}`;
  const indicator = (key: QaOverviewIndicator, lead: string) => {
    const s = total.indicators[key];
    if (s.percent === null) return `${lead}: none to count.`;
    const against = `target ${s.target}%${s.priority ? ', a priority' : ', met'}`;
    return `${lead}: ${number(s.count)} of ${number(s.of)} ${QA_OVERVIEW_DENOMINATORS[key]} (${formatPercentOneDecimal(s.percent)}; ${against}).`;
  };
  return [
    `From ${qaOverviewPeriodText(overview.period)}${where}, ${number(total.totalAudits)} audits: ` +
      QA_OVERVIEW_KINDS.map(
        (kind) => `${number(total.audits[kind])} ${QA_OVERVIEW_KIND_LABELS[kind].toLowerCase()}`,
      ).join(', ') +
      '.',
    indicator('collaborative', 'Undertaken collaboratively with the practitioner'),
    indicator('familyFeedback', 'Included feedback from children and families'),
    indicator('managementOversight', 'Management oversight recorded where expected'),
    indicator('supervision', 'Supervision recorded'),
    indicator('supervisionImpact', 'Supervision judged to have had an impact'),
    `${number(total.observations)} practice observations and ${number(total.moderations)} moderations by Heads of Practice.`,
    indicator('localAuditsOnTarget', 'Local quality and impact audits on target'),
  ];
}

/** The dashboard's month filters as days: from the first of `from` to the last of `to`; unset stays unset. */
export function qaOverviewPeriodOfMonths(months: { from: string | null; to: string | null }): {
  from: string | null;
  to: string | null;
} {
  const last = (month: string) => {
    const [year, m] = month.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  };
  return { from: months.from ? `${months.from}-01` : null, to: months.to ? last(months.to) : null };
}
