// The local calibration page (issue 17 §6): do local managers grade to the
// same threshold as their Head of Practice, and as the national audit? Built
// from counts of grade pairs (one row per manager, team, area and pair of
// grades, counted in SQL): agreement (percent, weighted kappa, AC1 with
// intervals, as the audit calibration report) and bias (grading-bias.ts) per
// area, then per team and per manager. Pure.
import { measureAgreement, type Agreement, type GradePair } from './agreement';
import { describeBias, gradingBias, type GradingBias } from './grading-bias';

/** How many pairs of (manager's grade, other grader's grade) a manager has, on one scale. */
export type PairCount = {
  serviceAreaId: string;
  areaCode: string;
  teamId: string | null;
  teamName: string | null;
  managerId: string;
  managerName: string;
  /** The scale's level keys, highest first. */
  levels: readonly string[];
  first: string;
  second: string;
  count: number;
};

export type CalibrationGroup = {
  key: string;
  label: string;
  pairs: number;
  agreement: Agreement;
  bias: GradingBias;
  /** "Managers in A3 grade more generously than their Head of Practice: +0.4 grade steps (95% interval 0.2 to 0.6)." */
  biasWords: string;
};

export type AreaCalibration = CalibrationGroup & { teams: CalibrationGroup[]; managers: CalibrationGroup[] };

export type CalibrationComparison = {
  /** Who the managers are compared with, in the sentences. */
  against: string;
  /** The scale compared on (the one most pairs use), with labels. */
  levels: { key: string; label: string }[];
  overall: CalibrationGroup;
  areas: AreaCalibration[];
  /** Pairs left out: graded on another scale than `levels`, or off the scale. */
  leftOut: number;
};

export type LocalCalibrationView = {
  moderation: CalibrationComparison;
  national: CalibrationComparison;
  /** The flags in words: every area, team or manager more generous than moderation beyond noise. */
  flags: string[];
};

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names with numbers in their numeric order (A2 before A10), the same on every machine. */
export function naturalCompare(a: string, b: string): number {
  const parts = (text: string) => text.match(/\d+|\D+/g) ?? [];
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const [p, q] = [x[i]!, y[i]!];
    const numeric = /^\d/.test(p) && /^\d/.test(q);
    const order = numeric ? Number(p) - Number(q) : compareText(p, q);
    if (order !== 0) return order;
  }
  return x.length - y.length || compareText(a, b);
}

/** The scale most pairs were graded on: its level keys joined. */
function dominantScale(rows: readonly PairCount[]): readonly string[] {
  const totals = new Map<string, { levels: readonly string[]; pairs: number }>();
  for (const row of rows) {
    const key = row.levels.join('|');
    const entry = totals.get(key) ?? { levels: row.levels, pairs: 0 };
    entry.pairs += row.count;
    totals.set(key, entry);
  }
  let best: { levels: readonly string[]; pairs: number } | null = null;
  for (const [key, entry] of [...totals.entries()].sort(([a], [b]) => compareText(a, b)))
    if (
      best === null ||
      entry.pairs > best.pairs ||
      (entry.pairs === best.pairs && key < best.levels.join('|'))
    )
      best = entry;
  return best?.levels ?? [];
}

function expand(rows: readonly PairCount[]): GradePair[] {
  return rows.flatMap((row) =>
    Array.from({ length: row.count }, () => ({ first: row.first, second: row.second })),
  );
}

function group(
  levels: readonly string[],
  labels: Record<string, string>,
  key: string,
  label: string,
  rows: readonly PairCount[],
  who: string,
  than: string,
  plural: boolean,
): CalibrationGroup {
  const pairs = expand(rows);
  const bias = gradingBias(levels, pairs);
  return {
    key,
    label,
    pairs: pairs.length,
    agreement: measureAgreement(levels, pairs, { labels, graders: { first: who, second: than } }),
    bias,
    biasWords: describeBias(bias, who, than, plural),
  };
}

function byKey<K extends string>(rows: readonly PairCount[], keyOf: (row: PairCount) => K) {
  const groups = new Map<K, PairCount[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return [...groups.entries()];
}

/**
 * One comparison (managers against `against`) from its pair counts. Only
 * pairs on the dominant scale are compared; `labels` maps level keys to labels.
 * Areas by code; teams by name (a team-less case under "No team"); managers by name.
 */
export function assembleComparison(
  rows: readonly PairCount[],
  against: string,
  labels: Readonly<Record<string, string>>,
  /** The scale to report on when there are no pairs at all (agreement needs one). */
  fallbackLevels: readonly string[] = ['higher', 'lower'],
): CalibrationComparison {
  const found = dominantScale(rows);
  const levels = found.length >= 2 ? found : fallbackLevels;
  const onScale = rows.filter(
    (row) =>
      row.levels.join('|') === levels.join('|') && levels.includes(row.first) && levels.includes(row.second),
  );
  const leftOut =
    rows.reduce((sum, row) => sum + row.count, 0) - onScale.reduce((sum, row) => sum + row.count, 0);
  const names = { ...labels };
  const areas = byKey(onScale, (row) => row.serviceAreaId)
    .map(([areaId, areaRows]): AreaCalibration => {
      const code = areaRows[0]!.areaCode;
      const teams = byKey(areaRows, (row) => row.teamId ?? '')
        .map(([teamId, teamRows]) => {
          const name = teamRows[0]!.teamName ?? 'No team';
          return group(levels, names, teamId, name, teamRows, `Managers of ${name}`, against, true);
        })
        .sort((a, b) => naturalCompare(a.label, b.label) || compareText(a.key, b.key));
      const managers = byKey(areaRows, (row) => row.managerId)
        .map(([managerId, managerRows]) => {
          const name = managerRows[0]!.managerName;
          return group(levels, names, managerId, name, managerRows, name, against, false);
        })
        .sort((a, b) => naturalCompare(a.label, b.label) || compareText(a.key, b.key));
      return {
        ...group(levels, names, areaId, code, areaRows, `Managers in ${code}`, against, true),
        teams,
        managers,
      };
    })
    .sort((a, b) => naturalCompare(a.label, b.label) || compareText(a.key, b.key));
  return {
    against,
    levels: levels.map((key) => ({ key, label: labels[key] ?? key })),
    overall: group(levels, names, 'all', 'All areas', onScale, 'Managers', against, true),
    areas,
    leftOut,
  };
}

/** Both comparisons and the flags, in the order read: areas, then their teams and managers. */
export function assembleLocalCalibration(
  moderationRows: readonly PairCount[],
  nationalRows: readonly PairCount[],
  labels: Readonly<Record<string, string>>,
): LocalCalibrationView {
  const moderationScale = dominantScale(moderationRows);
  const nationalScale = dominantScale(nationalRows);
  const moderation = assembleComparison(
    moderationRows,
    'their Head of Practice',
    labels,
    nationalScale.length >= 2 ? nationalScale : undefined,
  );
  const national = assembleComparison(
    nationalRows,
    'the national audit',
    labels,
    moderationScale.length >= 2 ? moderationScale : undefined,
  );
  const flags = moderation.areas.flatMap((area) =>
    [area, ...area.teams, ...area.managers].filter((g) => g.bias.isMoreGenerous).map((g) => g.biasWords),
  );
  return { moderation, national, flags };
}
