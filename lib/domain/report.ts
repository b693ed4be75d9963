// The arithmetic of an audit report: percentages that never contradict their
// counts, Wilson intervals, comparisons with an earlier audit, and the check
// that every table adds up to the graded cases. Pure: the database counts,
// this module only turns counts into what the report says.
import type { GradeScale } from './rubric';

/**
 * A whole-number percentage, rounded half up as seed 000 rounds (so its Fig. 3
 * is reproduced digit for digit), or null when there is nothing to divide by.
 * A row's percentages may therefore sum to 99 or 101; the page says so.
 */
export function roundedPercent(count: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.floor((count * 100) / total + 0.5);
}

/**
 * The percentage as the report prints it. Rounding must never contradict the
 * count: some cases never read "0%", and not all never reads "100%".
 */
export function formatPercent(count: number, total: number): string {
  const percent = roundedPercent(count, total);
  if (percent === null) return '–';
  if (count > 0 && percent === 0) return '<1%';
  if (count < total && percent === 100) return '>99%';
  return `${percent}%`;
}

export type Interval = { low: number; high: number };

/**
 * Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, method 3):
 * unlike "p ± 1.96·SE" it stays inside 0–1 and behaves for small areas.
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): Interval | null {
  if (n <= 0 || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const halfWidth = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}

export function formatInterval(interval: Interval | null): string {
  if (!interval) return '–';
  return `${Math.round(interval.low * 100)}–${Math.round(interval.high * 100)}%`;
}

/**
 * Below this many cases an area's percentage moves by 5 points or more with
 * one case, and its 95% interval is wider than ±20 points around 65%: too few
 * to rank it against other areas.
 */
export const MIN_CASES_TO_COMPARE = 20;

export function tooFewToCompare(cases: number): boolean {
  return cases < MIN_CASES_TO_COMPARE;
}

/**
 * Change in percentage points between the figures as printed, so the report's
 * "improved by 16%" always equals the difference of the two printed numbers.
 */
export function changeInPoints(
  current: { count: number; total: number },
  previous: { count: number; total: number } | null,
): number | null {
  if (!previous) return null;
  const now = roundedPercent(current.count, current.total);
  const then = roundedPercent(previous.count, previous.total);
  if (now === null || then === null) return null;
  return now - then;
}

export function formatChange(points: number | null): string {
  if (points === null) return '–';
  if (points === 0) return 'no change';
  // Words, not "+16": a leading + would read as a formula in a spreadsheet.
  return `${points > 0 ? 'up' : 'down'} ${Math.abs(points)} point${Math.abs(points) === 1 ? '' : 's'}`;
}

/** The columns of the headline tables: "Good or above" together, then each other level. */
export type GradeGroup = { key: string; label: string; levelKeys: string[]; isGoodOrAbove: boolean };

export const GOOD_OR_ABOVE = 'good-or-above';

export function gradeGroups(scale: GradeScale): GradeGroup[] {
  const good = scale.levels.filter((level) => level.isGoodOrAbove);
  const groups: GradeGroup[] = [];
  if (good.length === 1)
    groups.push({ key: good[0]!.key, label: good[0]!.label, levelKeys: [good[0]!.key], isGoodOrAbove: true });
  else if (good.length > 1)
    groups.push({
      key: GOOD_OR_ABOVE,
      label: `${good.map((level) => level.label).join(' or ')}`,
      levelKeys: good.map((level) => level.key),
      isGoodOrAbove: true,
    });
  for (const level of scale.levels.filter((candidate) => !candidate.isGoodOrAbove))
    groups.push({ key: level.key, label: level.label, levelKeys: [level.key], isGoodOrAbove: false });
  return groups;
}

export type GradeCell = {
  key: string;
  label: string;
  count: number;
  percent: number | null;
  display: string;
};

export type GradeRow = {
  key: string;
  label: string;
  total: number;
  /** Every level of the scale, zeros included. */
  counts: Record<string, number>;
  cells: GradeCell[];
  goodOrAbove: number;
  lowest: number;
};

/** One row of a grade table from counts per level key; unknown keys are refused. */
export function gradeRow(
  scale: GradeScale,
  key: string,
  label: string,
  countsByLevel: Record<string, number>,
): GradeRow {
  for (const levelKey of Object.keys(countsByLevel))
    if (!scale.levels.some((level) => level.key === levelKey))
      throw new Error(`"${levelKey}" is not a level of this audit's scale`);
  const total = Object.values(countsByLevel).reduce((sum, count) => sum + count, 0);
  const cells = gradeGroups(scale).map((group) => {
    const count = group.levelKeys.reduce((sum, levelKey) => sum + (countsByLevel[levelKey] ?? 0), 0);
    return {
      key: group.key,
      label: group.label,
      count,
      percent: roundedPercent(count, total),
      display: formatPercent(count, total),
    };
  });
  const goodOrAbove = cells
    .filter((_, index) => gradeGroups(scale)[index]!.isGoodOrAbove)
    .reduce((sum, cell) => sum + cell.count, 0);
  const lowest = scale.lowestLevelKey ? (countsByLevel[scale.lowestLevelKey] ?? 0) : 0;
  const counts = Object.fromEntries(scale.levels.map((level) => [level.key, countsByLevel[level.key] ?? 0]));
  return { key, label, total, counts, cells, goodOrAbove, lowest };
}

/** Adds rows level by level: the "Totals" row that seed 000's Fig. 2 got wrong. */
export function totalsRow(scale: GradeScale, rows: { counts: Record<string, number> }[]): GradeRow {
  const counts: Record<string, number> = {};
  for (const row of rows)
    for (const [levelKey, count] of Object.entries(row.counts))
      counts[levelKey] = (counts[levelKey] ?? 0) + count;
  return gradeRow(scale, 'total', 'Total', counts);
}

export type TableTotal = { table: string; total: number };
export type Reconciliation = { gradedCases: number; agrees: boolean; mismatches: string[] };

/** Every table must count every graded case in scope exactly once. */
export function reconcile(gradedCases: number, tables: TableTotal[]): Reconciliation {
  const mismatches = tables
    .filter((table) => table.total !== gradedCases)
    .map(
      (table) =>
        `${table.table} counts ${table.total} case${table.total === 1 ? '' : 's'}, not ${gradedCases}`,
    );
  return { gradedCases, agrees: mismatches.length === 0, mismatches };
}

/** "65% (377 of 577)", used in sentences. */
export function describeShare(count: number, total: number): string {
  return `${formatPercent(count, total)} (${count} of ${total})`;
}

/** Where a figure stands against its target: at or above for Good, at or below for the lowest grade. */
export function againstTarget(
  percent: number | null,
  target: number | null,
  direction: 'at-least' | 'at-most',
): 'met' | 'not-met' | null {
  if (percent === null || target === null) return null;
  return (direction === 'at-least' ? percent >= target : percent <= target) ? 'met' : 'not-met';
}

export type Tally = { key: string; count: number };

/** A 2-way table from (row, column, count) triples, rows and columns in the given order. */
export function crossTabulate(
  rowKeys: string[],
  columnKeys: string[],
  triples: { row: string; column: string; count: number }[],
): { counts: number[][]; rowTotals: number[]; columnTotals: number[]; total: number } {
  const counts = rowKeys.map(() => columnKeys.map(() => 0));
  for (const triple of triples) {
    const r = rowKeys.indexOf(triple.row);
    const c = columnKeys.indexOf(triple.column);
    if (r < 0 || c < 0) continue;
    counts[r]![c]! += triple.count;
  }
  const rowTotals = counts.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnTotals = columnKeys.map((_, c) => counts.reduce((sum, row) => sum + row[c]!, 0));
  return { counts, rowTotals, columnTotals, total: rowTotals.reduce((sum, count) => sum + count, 0) };
}
