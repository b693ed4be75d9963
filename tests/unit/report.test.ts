import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  againstTarget,
  changeInPoints,
  crossTabulate,
  formatPercent,
  GOOD_OR_ABOVE,
  gradeGroups,
  gradeRow,
  MIN_CASES_TO_COMPARE,
  reconcile,
  roundedPercent,
  tooFewToCompare,
  totalsRow,
  wilsonInterval,
} from '@/lib/domain/report';
import { FOUR_POINT_SCALE, THREE_POINT_SCALE } from '@/lib/domain/rubric';

// Seed 000, Fig. 3: area, cases, Not Met, Good, Met and the percentages as printed.
const FIG_3: [string, number, number, number, number, string, string, string][] = [
  ['A1', 25, 2, 16, 7, '8%', '64%', '28%'],
  ['A2', 25, 2, 17, 6, '8%', '68%', '24%'],
  ['A3', 29, 1, 15, 13, '3%', '52%', '45%'],
  ['A4', 24, 5, 13, 6, '21%', '54%', '25%'],
  ['A5', 29, 2, 18, 9, '7%', '62%', '31%'],
  ['A6', 17, 2, 11, 4, '12%', '65%', '24%'],
  ['A7', 46, 3, 29, 14, '7%', '63%', '30%'],
  ['A8', 30, 5, 19, 6, '17%', '63%', '20%'],
  ['A9', 56, 5, 42, 9, '9%', '75%', '16%'],
  ['A10', 20, 2, 15, 3, '10%', '75%', '15%'],
  ['A11', 52, 6, 33, 13, '12%', '63%', '25%'],
  ['A12', 32, 2, 18, 12, '6%', '56%', '38%'],
  ['A13', 17, 3, 11, 3, '18%', '65%', '18%'],
  ['A14', 48, 4, 29, 15, '8%', '60%', '31%'],
  ['A15 Public', 45, 2, 30, 13, '4%', '67%', '29%'],
  ['A15 Private', 38, 5, 30, 3, '13%', '79%', '8%'],
  ['A16', 23, 0, 15, 8, '0%', '65%', '35%'],
  ['A17', 21, 1, 16, 4, '5%', '76%', '19%'],
];

/** Where a printed percentage sits on the scale: "<1%" between 0% and 1%, ">99%" between 99% and 100%. */
const printedValue = (printed: string) =>
  printed === '<1%' ? 0.5 : printed === '>99%' ? 99.5 : Number(printed.replace('%', ''));

describe('roundedPercent and formatPercent', () => {
  it.each(FIG_3)(
    'reproduces seed 000 Fig. 3 for %s (%i cases)',
    (_area, cases, notMet, good, met, notMetPercent, goodPercent, metPercent) => {
      expect(notMet + good + met).toBe(cases);
      expect(formatPercent(notMet, cases)).toBe(notMetPercent);
      expect(formatPercent(good, cases)).toBe(goodPercent);
      expect(formatPercent(met, cases)).toBe(metPercent);
    },
  );

  it('lets a row sum to 101 or 99 rather than change a printed figure', () => {
    const sumOf = (counts: number[], total: number) =>
      counts.reduce((sum, count) => sum + roundedPercent(count, total)!, 0);
    expect(sumOf([3, 11, 3], 17)).toBe(101); // A13
    expect(sumOf([4, 29, 15], 48)).toBe(99); // A14
  });

  it('reproduces seed 000 Fig. 1 (577 cases)', () => {
    expect(formatPercent(377, 577)).toBe('65%');
    expect(formatPercent(148, 577)).toBe('26%');
    expect(formatPercent(52, 577)).toBe('9%');
  });

  it.each([
    // 0.5% rounds half up to 1%, a true figure; below that it would print 0%.
    [1, 200, '1%', 1],
    [1, 201, '<1%', 0],
    [1, 1000, '<1%', 0],
    [199, 200, '>99%', 100],
    [999, 1000, '>99%', 100],
    [0, 200, '0%', 0],
    [200, 200, '100%', 100],
    [1, 2, '50%', 50],
    [1, 8, '13%', 13], // 12.5 rounds half up
  ])('%i of %i prints %s', (count, total, printed, percent) => {
    expect(formatPercent(count, total)).toBe(printed);
    expect(roundedPercent(count, total)).toBe(percent);
  });

  it('prints a dash, not 0%, when there is nothing to divide by', () => {
    expect(roundedPercent(0, 0)).toBeNull();
    expect(formatPercent(0, 0)).toBe('–');
  });

  it('never gives a larger count a smaller percentage, and equal counts the same one', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5000 })
          .chain((total) =>
            fc.tuple(
              fc.constant(total),
              fc.integer({ min: 0, max: total }),
              fc.integer({ min: 0, max: total }),
            ),
          ),
        ([total, a, b]) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(roundedPercent(low, total)!).toBeLessThanOrEqual(roundedPercent(high, total)!);
          expect(printedValue(formatPercent(low, total))).toBeLessThanOrEqual(
            printedValue(formatPercent(high, total)),
          );
          if (a === b) expect(formatPercent(a, total)).toBe(formatPercent(b, total));
        },
      ),
    );
  });

  it('never prints 0% for some cases or 100% for fewer than all', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5000 })
          .chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total }))),
        ([total, count]) => {
          const printed = formatPercent(count, total);
          if (count > 0) expect(printed).not.toBe('0%');
          if (count < total) expect(printed).not.toBe('100%');
        },
      ),
    );
  });
});

describe('wilsonInterval', () => {
  // Newcombe (1998) Stat Med 17:857, Table I, method 3 (Wilson score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i → %f–%f', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('stays inside 0–1 and contains the proportion', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([successes, n]) => {
          const interval = wilsonInterval(successes, n)!;
          expect(interval.low).toBeGreaterThanOrEqual(0);
          expect(interval.high).toBeLessThanOrEqual(1);
          expect(interval.low).toBeLessThanOrEqual(successes / n + 1e-12);
          expect(interval.high).toBeGreaterThanOrEqual(successes / n - 1e-12);
        },
      ),
    );
  });

  it('has no interval without cases or with impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(-1, 10)).toBeNull();
    expect(wilsonInterval(11, 10)).toBeNull();
  });
});

describe('changeInPoints', () => {
  it('is the difference of the printed figures', () => {
    // Seed 000: 65% Good against 49% in April 2013 is "a 16% improvement".
    expect(changeInPoints({ count: 377, total: 577 }, { count: 49, total: 100 })).toBe(16);
    expect(changeInPoints({ count: 49, total: 100 }, { count: 377, total: 577 })).toBe(-16);
  });

  it('uses the rounded figures, not the exact proportions', () => {
    // 64.5% prints 65%, 64.4% prints 64%: one point apart as printed.
    expect(changeInPoints({ count: 129, total: 200 }, { count: 161, total: 250 })).toBe(1);
  });

  it('is null without an earlier audit, or when either has no cases', () => {
    expect(changeInPoints({ count: 377, total: 577 }, null)).toBeNull();
    expect(changeInPoints({ count: 0, total: 0 }, { count: 49, total: 100 })).toBeNull();
    expect(changeInPoints({ count: 377, total: 577 }, { count: 0, total: 0 })).toBeNull();
  });
});

describe('gradeGroups', () => {
  it('keeps each level of the three-point scale', () => {
    expect(gradeGroups(THREE_POINT_SCALE)).toEqual([
      { key: 'good', label: 'Good', levelKeys: ['good'], isGoodOrAbove: true },
      { key: 'met', label: 'Met', levelKeys: ['met'], isGoodOrAbove: false },
      { key: 'not-met', label: 'Not Met', levelKeys: ['not-met'], isGoodOrAbove: false },
    ]);
  });

  it('puts Outstanding and Good together on the four-point scale', () => {
    expect(gradeGroups(FOUR_POINT_SCALE)).toEqual([
      {
        key: GOOD_OR_ABOVE,
        label: 'Outstanding or Good',
        levelKeys: ['outstanding', 'good'],
        isGoodOrAbove: true,
      },
      {
        key: 'requires-improvement',
        label: 'Requires Improvement',
        levelKeys: ['requires-improvement'],
        isGoodOrAbove: false,
      },
      { key: 'inadequate', label: 'Inadequate', levelKeys: ['inadequate'], isGoodOrAbove: false },
    ]);
  });
});

describe('gradeRow', () => {
  it('counts, groups and prints a three-point row (seed 000 Fig. 1)', () => {
    const row = gradeRow(THREE_POINT_SCALE, 'overall', 'All cases', { good: 377, met: 148, 'not-met': 52 });
    expect(row.total).toBe(577);
    expect(row.goodOrAbove).toBe(377);
    expect(row.lowest).toBe(52);
    expect(row.counts).toEqual({ good: 377, met: 148, 'not-met': 52 });
    expect(row.cells.map((cell) => [cell.key, cell.count, cell.percent, cell.display])).toEqual([
      ['good', 377, 65, '65%'],
      ['met', 148, 26, '26%'],
      ['not-met', 52, 9, '9%'],
    ]);
  });

  it('adds Outstanding to Good on the four-point scale and fills missing levels with zero', () => {
    const row = gradeRow(FOUR_POINT_SCALE, 'a1', 'A1', { outstanding: 3, good: 7, inadequate: 2 });
    expect(row.total).toBe(12);
    expect(row.goodOrAbove).toBe(10);
    expect(row.lowest).toBe(2);
    expect(row.counts).toEqual({ outstanding: 3, good: 7, 'requires-improvement': 0, inadequate: 2 });
    expect(row.cells.map((cell) => [cell.key, cell.count, cell.display])).toEqual([
      [GOOD_OR_ABOVE, 10, '83%'],
      ['requires-improvement', 0, '0%'],
      ['inadequate', 2, '17%'],
    ]);
  });

  it('prints dashes for a row with no cases', () => {
    const row = gradeRow(THREE_POINT_SCALE, 'none', 'None', {});
    expect(row.total).toBe(0);
    expect(row.counts).toEqual({ good: 0, met: 0, 'not-met': 0 });
    expect(row.cells.map((cell) => cell.display)).toEqual(['–', '–', '–']);
    expect(row.cells.every((cell) => cell.percent === null)).toBe(true);
  });

  it('refuses a grade that is not on the scale', () => {
    expect(() => gradeRow(THREE_POINT_SCALE, 'x', 'X', { good: 1, outstanding: 1 })).toThrow(/outstanding/);
  });

  it('counts no lowest grade when the scale has none', () => {
    const scale = { ...THREE_POINT_SCALE, lowestLevelKey: null };
    expect(gradeRow(scale, 'x', 'X', { 'not-met': 4 }).lowest).toBe(0);
  });
});

describe('totalsRow', () => {
  it('adds the rows level by level: seed 000 Fig. 2 printed 376 Good where the rows add to 377', () => {
    const rows = [
      gradeRow(THREE_POINT_SCALE, 'public', 'Public Law', { good: 181, met: 67, 'not-met': 17 }),
      gradeRow(THREE_POINT_SCALE, 'wafh', 'Private Law (WAFH)', { good: 130, met: 56, 'not-met': 28 }),
      gradeRow(THREE_POINT_SCALE, 'wtfh', 'Private Law (WTFH)', { good: 66, met: 25, 'not-met': 7 }),
    ];
    const total = totalsRow(THREE_POINT_SCALE, rows);
    expect(total.counts).toEqual({ good: 377, met: 148, 'not-met': 52 });
    expect(total.total).toBe(577);
    expect(total.label).toBe('Total');
  });

  it('is an empty row for no rows', () => {
    expect(totalsRow(THREE_POINT_SCALE, []).total).toBe(0);
  });
});

describe('reconcile', () => {
  it('agrees when every table counts every graded case', () => {
    expect(
      reconcile(577, [
        { table: 'Fig. 2', total: 577 },
        { table: 'Fig. 3', total: 577 },
      ]),
    ).toEqual({ gradedCases: 577, agrees: true, mismatches: [] });
  });

  it('names each table that does not', () => {
    const result = reconcile(577, [
      { table: 'Fig. 2', total: 576 },
      { table: 'Fig. 3', total: 577 },
      { table: 'Fig. 4', total: 1 },
    ]);
    expect(result.agrees).toBe(false);
    expect(result.mismatches).toEqual(['Fig. 2 counts 576 cases, not 577', 'Fig. 4 counts 1 case, not 577']);
  });

  it('agrees trivially with no tables', () => {
    expect(reconcile(0, []).agrees).toBe(true);
  });
});

describe('againstTarget', () => {
  it.each([
    [65, 60, 'at-least', 'met'],
    [60, 60, 'at-least', 'met'],
    [59, 60, 'at-least', 'not-met'],
    [13, 14, 'at-most', 'met'],
    [14, 14, 'at-most', 'met'],
    [15, 14, 'at-most', 'not-met'],
    [null, 60, 'at-least', null],
    [65, null, 'at-least', null],
  ] as const)('%s against %s (%s) → %s', (percent, target, direction, expected) => {
    expect(againstTarget(percent, target, direction)).toBe(expected);
  });
});

describe('crossTabulate', () => {
  const levels = ['good', 'met', 'not-met'];

  it('places counts by row and column, and totals them', () => {
    const table = crossTabulate(levels, levels, [
      { row: 'good', column: 'good', count: 10 },
      { row: 'good', column: 'met', count: 2 },
      { row: 'met', column: 'not-met', count: 3 },
      { row: 'not-met', column: 'not-met', count: 4 },
      { row: 'good', column: 'good', count: 1 },
    ]);
    expect(table.counts).toEqual([
      [11, 2, 0],
      [0, 0, 3],
      [0, 0, 4],
    ]);
    expect(table.rowTotals).toEqual([13, 3, 4]);
    expect(table.columnTotals).toEqual([11, 2, 7]);
    expect(table.total).toBe(20);
  });

  it('ignores keys that are not rows or columns (an ungraded section)', () => {
    const table = crossTabulate(levels, levels, [
      { row: 'good', column: 'good', count: 5 },
      { row: 'outstanding', column: 'good', count: 9 },
      { row: 'good', column: '', count: 9 },
    ]);
    expect(table.total).toBe(5);
    expect(table.rowTotals).toEqual([5, 0, 0]);
    expect(table.columnTotals).toEqual([5, 0, 0]);
  });

  it('is all zeros with no data', () => {
    const table = crossTabulate(['a'], ['x', 'y'], []);
    expect(table).toEqual({ counts: [[0, 0]], rowTotals: [0], columnTotals: [0, 0], total: 0 });
  });
});

describe('tooFewToCompare', () => {
  it(`compares areas from ${MIN_CASES_TO_COMPARE} cases`, () => {
    expect(tooFewToCompare(MIN_CASES_TO_COMPARE - 1)).toBe(true);
    expect(tooFewToCompare(MIN_CASES_TO_COMPARE)).toBe(false);
    expect(tooFewToCompare(0)).toBe(true);
  });
});
