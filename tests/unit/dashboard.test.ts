import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DASHBOARD_RULES,
  drillDownLevel,
  groupShare,
  parseDashboardRules,
  QA_DASHBOARD_INDICATORS,
  QA_TARGET_KEYS,
  QA_DASHBOARD_LABELS,
  qaPriority,
  ragFor,
  trendSeries,
  type DashboardRules,
  type Rag,
  type TrendAudit,
} from '@/lib/domain/dashboard';
import { QA_INDICATOR_LABELS, QA_INDICATORS } from '@/lib/domain/grading';
import { ROLES } from '@/lib/domain/roles';

const rules = DEFAULT_DASHBOARD_RULES;
const labels = { good: 'Good or above', lowest: 'Not Met' };
const withMargins = (goodOrAbove: number, lowest: number): DashboardRules => ({
  ...rules,
  rag: { goodOrAbove: { amberWithinPoints: goodOrAbove }, lowest: { amberWithinPoints: lowest } },
});
const severity: Record<Rag, number> = { green: 0, amber: 1, red: 2, none: -1 };

describe('QA dashboard indicators', () => {
  it('are seed 003’s four indicators, with their grading labels, plus children seen', () => {
    expect(QA_DASHBOARD_INDICATORS).toEqual([...QA_INDICATORS, 'childrenSeen']);
    for (const indicator of QA_INDICATORS)
      expect(QA_DASHBOARD_LABELS[indicator]).toBe(QA_INDICATOR_LABELS[indicator]);
    expect(QA_DASHBOARD_LABELS.childrenSeen).toBe('Children seen (excluding EIT work)');
  });

  it('have a default target each, and the defaults pass their own validation', () => {
    expect(Object.keys(DEFAULT_DASHBOARD_RULES.qaTargets).sort()).toEqual([...QA_TARGET_KEYS].sort());
    expect(parseDashboardRules(DEFAULT_DASHBOARD_RULES)).toEqual(DEFAULT_DASHBOARD_RULES);
  });
});

describe('ragFor: Good or above (target 60%, amber within 5 points)', () => {
  it.each([
    ['well above', 75, 'green'],
    ['1 point above', 61, 'green'],
    ['exactly at target', 60, 'green'],
    ['1 point below', 59, 'amber'],
    ['exactly at the amber edge', 55, 'amber'],
    ['1 point beyond the amber edge', 54, 'red'],
    ['far below', 10, 'red'],
    ['zero', 0, 'red'],
    ['100%', 100, 'green'],
  ] as const)('%s (%i%%) → %s', (_case, percent, status) => {
    expect(ragFor('goodOrAbove', percent, 60, rules, labels).status).toBe(status);
  });

  it('states the whole rule in plain words', () => {
    expect(ragFor('goodOrAbove', 65, 60, rules, labels).rule).toBe(
      'Green: 60% or more Good or above. Amber: 55% to 59%. Red: below 55%.',
    );
  });

  it.each([
    [65, 'green', '65% is at or above the 60% target.'],
    [60, 'green', '60% is at or above the 60% target.'],
    [59, 'amber', '59% is 1 point below the 60% target, within the 5-point amber margin.'],
    [55, 'amber', '55% is 5 points below the 60% target, within the 5-point amber margin.'],
    [54, 'red', '54% is 6 points below the 60% target, more than the 5-point amber margin.'],
  ] as const)('explains why %i%% is %s', (percent, status, reason) => {
    expect(ragFor('goodOrAbove', percent, 60, rules, labels)).toEqual({
      status,
      rule: 'Green: 60% or more Good or above. Amber: 55% to 59%. Red: below 55%.',
      reason,
    });
  });
});

describe('ragFor: lowest grade (target 10%, amber within 3 points)', () => {
  it.each([
    ['zero', 0, 'green'],
    ['1 point below', 9, 'green'],
    ['exactly at target', 10, 'green'],
    ['1 point above', 11, 'amber'],
    ['exactly at the amber edge', 13, 'amber'],
    ['1 point beyond the amber edge', 14, 'red'],
    ['far above', 60, 'red'],
    ['100%', 100, 'red'],
  ] as const)('%s (%i%%) → %s', (_case, percent, status) => {
    expect(ragFor('lowest', percent, 10, rules, labels).status).toBe(status);
  });

  it('states the whole rule in plain words', () => {
    expect(ragFor('lowest', 8, 10, rules, labels).rule).toBe(
      'Green: 10% or less Not Met. Amber: 11% to 13%. Red: above 13%.',
    );
  });

  it.each([
    [8, 'green', '8% is at or below the 10% target.'],
    [10, 'green', '10% is at or below the 10% target.'],
    [11, 'amber', '11% is 1 point above the 10% target, within the 3-point amber margin.'],
    [13, 'amber', '13% is 3 points above the 10% target, within the 3-point amber margin.'],
    [14, 'red', '14% is 4 points above the 10% target, more than the 3-point amber margin.'],
  ] as const)('explains why %i%% is %s', (percent, status, reason) => {
    expect(ragFor('lowest', percent, 10, rules, labels)).toEqual({
      status,
      rule: 'Green: 10% or less Not Met. Amber: 11% to 13%. Red: above 13%.',
      reason,
    });
  });
});

describe('ragFor: no colour', () => {
  it.each(['goodOrAbove', 'lowest'] as const)('%s without a target → none', (metric) => {
    expect(ragFor(metric, 65, null, rules, labels)).toEqual({
      status: 'none',
      rule: 'No target is set, so no colour is shown.',
      reason: `There is no target for % ${metric === 'goodOrAbove' ? labels.good : labels.lowest}.`,
    });
  });

  it('names the metric, so the two reasons printed side by side differ', () => {
    expect(ragFor('goodOrAbove', 65, null, rules, labels).reason).not.toEqual(
      ragFor('lowest', 9, null, rules, labels).reason,
    );
  });

  it.each(['goodOrAbove', 'lowest'] as const)('%s with a null (suppressed) percentage → none', (metric) => {
    const result = ragFor(metric, null, 60, rules, labels);
    expect(result.status).toBe('none');
    expect(result.reason).toBe('No percentage is shown, so there is no colour.');
    // The hover still explains the rule the figure would be held to.
    expect(result.rule).toMatch(/^Green: 60%/);
  });

  it('a suppressed share gives no colour', () => {
    const share = groupShare(1, 3, rules);
    expect(ragFor('goodOrAbove', share.percent, 60, rules, labels).status).toBe('none');
  });
});

describe('ragFor: unusual targets and margins', () => {
  it('with no amber margin there is no amber band', () => {
    const noAmber = withMargins(0, 0);
    expect(ragFor('goodOrAbove', 60, 60, noAmber, labels).status).toBe('green');
    expect(ragFor('goodOrAbove', 59, 60, noAmber, labels)).toEqual({
      status: 'red',
      rule: 'Green: 60% or more Good or above. Red: below 60%.',
      reason: '59% is 1 point below the 60% target.',
    });
    expect(ragFor('lowest', 11, 10, noAmber, labels)).toEqual({
      status: 'red',
      rule: 'Green: 10% or less Not Met. Red: above 10%.',
      reason: '11% is 1 point above the 10% target.',
    });
  });

  it('names a one-point amber band once', () => {
    const narrow = withMargins(1, 1);
    expect(ragFor('goodOrAbove', 59, 60, narrow, labels).rule).toBe(
      'Green: 60% or more Good or above. Amber: 59%. Red: below 59%.',
    );
    expect(ragFor('lowest', 11, 10, narrow, labels).rule).toBe(
      'Green: 10% or less Not Met. Amber: 11%. Red: above 11%.',
    );
  });

  it('drops the red band when the amber band reaches 0% or 100%', () => {
    expect(ragFor('goodOrAbove', 0, 3, rules, labels)).toEqual({
      status: 'amber',
      rule: 'Green: 3% or more Good or above. Amber: 0% to 2%.',
      reason: '0% is 3 points below the 3% target, within the 5-point amber margin.',
    });
    expect(ragFor('lowest', 100, 98, rules, labels)).toMatchObject({
      status: 'amber',
      rule: 'Green: 98% or less Not Met. Amber: 99% to 100%.',
    });
  });

  it('a 0% target for Good or above is always met; a 100% target for the lowest grade too', () => {
    expect(ragFor('goodOrAbove', 0, 0, rules, labels)).toMatchObject({
      status: 'green',
      rule: 'Green: 0% or more Good or above.',
    });
    expect(ragFor('lowest', 100, 100, rules, labels)).toMatchObject({
      status: 'green',
      rule: 'Green: 100% or less Not Met.',
    });
  });

  it('a 0% target for the lowest grade: any case at that grade is off target', () => {
    expect(ragFor('lowest', 0, 0, rules, labels).status).toBe('green');
    expect(ragFor('lowest', 3, 0, rules, labels).status).toBe('amber');
    expect(ragFor('lowest', 4, 0, rules, labels).status).toBe('red');
  });

  it('states fractional targets in the whole numbers that are printed', () => {
    const result = ragFor('goodOrAbove', 62, 62.5, rules, labels);
    expect(result).toEqual({
      status: 'amber',
      rule: 'Green: 63% or more Good or above. Amber: 58% to 62%. Red: below 58%.',
      reason: '62% is 0.5 points below the 62.5% target, within the 5-point amber margin.',
    });
    expect(ragFor('goodOrAbove', 63, 62.5, rules, labels).status).toBe('green');
    expect(ragFor('goodOrAbove', 58, 62.5, rules, labels).status).toBe('amber');
    expect(ragFor('goodOrAbove', 57, 62.5, rules, labels).status).toBe('red');
    expect(ragFor('lowest', 10, 10.5, rules, labels).rule).toBe(
      'Green: 10% or less Not Met. Amber: 11% to 13%. Red: above 13%.',
    );
  });

  it('uses the margin of the metric asked about', () => {
    const asymmetric = withMargins(10, 1);
    expect(ragFor('goodOrAbove', 50, 60, asymmetric, labels).status).toBe('amber');
    expect(ragFor('lowest', 12, 10, asymmetric, labels).status).toBe('red');
  });
});

describe('ragFor: properties', () => {
  const whole = fc.integer({ min: 0, max: 100 });
  const margin = fc.integer({ min: 0, max: 20 });

  it('a larger Good-or-above percentage never gets a worse colour', () => {
    fc.assert(
      fc.property(whole, whole, whole, margin, (a, b, target, points) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const r = withMargins(points, 3);
        expect(severity[ragFor('goodOrAbove', high, target, r, labels).status]).toBeLessThanOrEqual(
          severity[ragFor('goodOrAbove', low, target, r, labels).status],
        );
      }),
    );
  });

  it('a larger lowest-grade percentage never gets a better colour', () => {
    fc.assert(
      fc.property(whole, whole, whole, margin, (a, b, target, points) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const r = withMargins(5, points);
        expect(severity[ragFor('lowest', high, target, r, labels).status]).toBeGreaterThanOrEqual(
          severity[ragFor('lowest', low, target, r, labels).status],
        );
      }),
    );
  });

  it('the bands the rule states are the bands it applies', () => {
    // Reads each band back out of the rule's words and checks the figure falls in its own.
    const bandOf = (rule: string, status: Rag): [number, number] | null => {
      const name = status[0]!.toUpperCase() + status.slice(1);
      const clause = new RegExp(`${name}: ([^.]*)\\.`).exec(rule)?.[1];
      if (!clause) return null;
      let m: RegExpExecArray | null;
      if ((m = /^(\d+)% or more/.exec(clause))) return [Number(m[1]), 100];
      if ((m = /^(\d+)% or less/.exec(clause))) return [0, Number(m[1])];
      if ((m = /^(\d+)% to (\d+)%$/.exec(clause))) return [Number(m[1]), Number(m[2])];
      if ((m = /^(\d+)%$/.exec(clause))) return [Number(m[1]), Number(m[1])];
      if ((m = /^below (\d+)%$/.exec(clause))) return [0, Number(m[1]) - 1];
      if ((m = /^above (\d+)%$/.exec(clause))) return [Number(m[1]) + 1, 100];
      throw new Error(`unreadable clause: ${clause}`);
    };
    fc.assert(
      fc.property(
        fc.constantFrom('goodOrAbove' as const, 'lowest' as const),
        whole,
        whole,
        margin,
        (metric, percent, target, points) => {
          const result = ragFor(metric, percent, target, withMargins(points, points), labels);
          const band = bandOf(result.rule, result.status);
          expect(band).not.toBeNull();
          expect(percent).toBeGreaterThanOrEqual(band![0]);
          expect(percent).toBeLessThanOrEqual(band![1]);
        },
      ),
    );
  });
});

describe('groupShare', () => {
  it('suppresses one case below the minimum group size', () => {
    expect(groupShare(3, 4, rules)).toEqual({
      count: 3,
      total: 4,
      percent: null,
      suppressed: true,
      display: '4 cases (too few to show a percentage)',
    });
  });

  it('shows the percentage at exactly the minimum group size', () => {
    expect(groupShare(3, 5, rules)).toEqual({
      count: 3,
      total: 5,
      percent: 60,
      suppressed: false,
      display: '60%',
    });
  });

  it('says "No graded cases" for an empty group, which is not suppression', () => {
    expect(groupShare(0, 0, rules)).toEqual({
      count: 0,
      total: 0,
      percent: null,
      suppressed: false,
      display: 'No graded cases',
    });
  });

  it('says "1 case" for a group of one', () => {
    expect(groupShare(1, 1, rules).display).toBe('1 case (too few to show a percentage)');
  });

  it('follows the rules given, not the default', () => {
    expect(groupShare(1, 1, { minGroupSize: 1 })).toMatchObject({ percent: 100, suppressed: false });
    expect(groupShare(10, 19, { minGroupSize: 20 }).suppressed).toBe(true);
    expect(groupShare(10, 20, { minGroupSize: 20 }).percent).toBe(50);
  });

  it('prints percentages as the report does, never contradicting the count', () => {
    expect(groupShare(1, 201, rules)).toMatchObject({ percent: 0, display: '<1%' });
    expect(groupShare(199, 200, rules)).toMatchObject({ percent: 100, display: '>99%' });
    expect(groupShare(1, 8, rules)).toMatchObject({ percent: 13, display: '13%' });
    expect(groupShare(377, 577, rules)).toMatchObject({ percent: 65, display: '65%' });
  });

  it.each([
    [-1, 5],
    [6, 5],
    [1.5, 5],
    [1, Number.NaN],
  ])('refuses %s of %s', (count, total) => {
    expect(() => groupShare(count, total, rules)).toThrow(/whole counts/);
  });

  it('suppresses exactly when 0 < total < minGroupSize', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 200 })
          .chain((total) =>
            fc.tuple(fc.integer({ min: 0, max: total }), fc.constant(total), fc.integer({ min: 1, max: 50 })),
          ),
        ([count, total, minGroupSize]) => {
          const share = groupShare(count, total, { minGroupSize });
          expect(share.suppressed).toBe(total > 0 && total < minGroupSize);
          expect(share.percent === null).toBe(total < minGroupSize || total === 0);
          expect(share.count).toBe(count);
          expect(share.total).toBe(total);
        },
      ),
    );
  });
});

describe('trendSeries', () => {
  const audits: TrendAudit[] = [
    { auditId: 'a-2026', name: 'Spring 2026', windowTo: '2026-03-31' },
    { auditId: 'a-2024', name: 'Spring 2024', windowTo: '2024-03-31' },
    { auditId: 'a-2025', name: 'Spring 2025', windowTo: '2025-03-31' },
  ];
  const groups = [
    { key: 'north', label: 'North' },
    { key: 'south', label: 'South' },
  ];

  it('orders audits by window end, then name, without changing the input', () => {
    const copy = structuredClone(audits);
    const tie = { auditId: 'a-2025b', name: 'Autumn 2025', windowTo: '2025-03-31' };
    const result = trendSeries([...audits, tie], groups, [], rules);
    expect(result.audits.map((audit) => audit.auditId)).toEqual(['a-2024', 'a-2025b', 'a-2025', 'a-2026']);
    expect(audits).toEqual(copy);
  });

  it('leaves a gap (null), not a zero, where an area is absent from an audit', () => {
    const { series } = trendSeries(
      audits,
      groups,
      [
        { auditId: 'a-2024', groupKey: 'north', count: 12, total: 20 },
        { auditId: 'a-2025', groupKey: 'north', count: 14, total: 20 },
        { auditId: 'a-2026', groupKey: 'north', count: 16, total: 20 },
        { auditId: 'a-2024', groupKey: 'south', count: 5, total: 10 },
        // South is absent from 2025.
        { auditId: 'a-2026', groupKey: 'south', count: 8, total: 10 },
      ],
      rules,
    );
    expect(series.map((s) => [s.key, s.label])).toEqual([
      ['north', 'North'],
      ['south', 'South'],
    ]);
    expect(series[0]!.points.map((point) => point?.percent)).toEqual([60, 70, 80]);
    expect(series[1]!.points[0]).toMatchObject({ count: 5, total: 10, percent: 50 });
    expect(series[1]!.points[1]).toBeNull();
    expect(series[1]!.points[2]).toMatchObject({ percent: 80 });
  });

  it('treats a group with zero graded cases in an audit as absent', () => {
    const { series } = trendSeries(
      audits,
      groups,
      [{ auditId: 'a-2025', groupKey: 'north', count: 0, total: 0 }],
      rules,
    );
    expect(series[0]!.points).toEqual([null, null, null]);
  });

  it('keeps a real zero percentage as a point', () => {
    const { series } = trendSeries(
      audits,
      groups,
      [{ auditId: 'a-2025', groupKey: 'north', count: 0, total: 10 }],
      rules,
    );
    expect(series[0]!.points[1]).toMatchObject({ percent: 0, display: '0%' });
  });

  it('suppresses point by point', () => {
    const { series } = trendSeries(
      audits,
      [groups[0]!],
      [
        { auditId: 'a-2024', groupKey: 'north', count: 2, total: 4 },
        { auditId: 'a-2025', groupKey: 'north', count: 3, total: 5 },
        { auditId: 'a-2026', groupKey: 'north', count: 1, total: 1 },
      ],
      rules,
    );
    expect(series[0]!.points.map((point) => [point?.suppressed, point?.percent])).toEqual([
      [true, null],
      [false, 60],
      [true, null],
    ]);
  });

  it('ignores counts for unknown audits and groups', () => {
    const result = trendSeries(
      audits,
      [groups[0]!],
      [
        { auditId: 'not-an-audit', groupKey: 'north', count: 9, total: 9 },
        { auditId: 'a-2024', groupKey: 'east', count: 9, total: 9 },
        { auditId: 'a-2024', groupKey: 'north', count: 6, total: 10 },
      ],
      rules,
    );
    expect(result.audits).toHaveLength(3);
    expect(result.series).toHaveLength(1);
    expect(result.series[0]!.points.map((point) => point?.percent ?? null)).toEqual([60, null, null]);
  });

  it('refuses two counts for the same audit and group rather than guess', () => {
    expect(() =>
      trendSeries(
        audits,
        groups,
        [
          { auditId: 'a-2024', groupKey: 'north', count: 6, total: 10 },
          { auditId: 'a-2024', groupKey: 'north', count: 7, total: 10 },
        ],
        rules,
      ),
    ).toThrow('Audit "a-2024" has two counts for group "north"');
  });

  it('handles no audits and no groups', () => {
    expect(trendSeries([], groups, [], rules)).toEqual({
      audits: [],
      series: [
        { key: 'north', label: 'North', points: [] },
        { key: 'south', label: 'South', points: [] },
      ],
    });
    expect(trendSeries(audits, [], [], rules).series).toEqual([]);
  });

  it('always aligns every series with the audits', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            auditId: fc.string({ minLength: 1, maxLength: 4 }),
            name: fc.string({ maxLength: 4 }),
            windowTo: fc.constantFrom('2024-03-31', '2025-03-31', '2025-09-30'),
          }),
          { selector: (audit) => audit.auditId, maxLength: 6 },
        ),
        (trendAudits) => {
          const counts = trendAudits.map((audit) => ({
            auditId: audit.auditId,
            groupKey: 'north',
            count: 1,
            total: 10,
          }));
          const result = trendSeries(trendAudits, groups, counts, rules);
          expect(result.audits).toHaveLength(trendAudits.length);
          for (const s of result.series) expect(s.points).toHaveLength(trendAudits.length);
          expect(result.series[0]!.points.every((point) => point?.percent === 10)).toBe(true);
          expect(result.series[1]!.points.every((point) => point === null)).toBe(true);
          for (let i = 1; i < result.audits.length; i += 1)
            expect(result.audits[i - 1]!.windowTo <= result.audits[i]!.windowTo).toBe(true);
        },
      ),
    );
  });
});

describe('qaPriority', () => {
  it.each([
    ['collaborative', 79, 100, true],
    ['collaborative', 80, 100, false],
    ['collaborative', 81, 100, false],
    ['familyFeedback', 59, 100, true],
    ['familyFeedback', 60, 100, false],
    ['managementOversight', 89, 100, true],
    ['supervision', 90, 100, false],
    ['childrenSeen', 89, 100, true],
    ['childrenSeen', 100, 100, false],
  ] as const)('%s at %i of %i → %s', (indicator, count, total, expected) => {
    expect(qaPriority(indicator, groupShare(count, total, rules), rules)).toBe(expected);
  });

  it('is never a priority when the percentage is suppressed, however low', () => {
    const share = groupShare(0, 4, rules);
    expect(share.suppressed).toBe(true);
    expect(qaPriority('supervision', share, rules)).toBe(false);
  });

  it('is never a priority with no graded cases', () => {
    expect(qaPriority('supervision', groupShare(0, 0, rules), rules)).toBe(false);
  });

  it('uses the targets in the rules given', () => {
    const stricter = { ...rules, qaTargets: { ...rules.qaTargets, familyFeedback: 95 } };
    expect(qaPriority('familyFeedback', groupShare(90, 100, rules), stricter)).toBe(true);
    expect(qaPriority('familyFeedback', groupShare(90, 100, rules), rules)).toBe(false);
  });
});

describe('drillDownLevel', () => {
  const own = 'area-1';
  const other = 'area-2';
  const expected: Record<(typeof ROLES)[number], { own: string; other: string }> = {
    HEAD_OF_SERVICE: { own: 'practitioner', other: 'none' },
    ASSISTANT_DIRECTOR: { own: 'practitioner', other: 'none' },
    SENIOR_SERVICE_MANAGER: { own: 'practitioner', other: 'practitioner' },
    NATIONAL_SERVICE_DIRECTOR: { own: 'practitioner', other: 'practitioner' },
    DIRECTOR: { own: 'team', other: 'team' },
    IMPROVEMENT_MANAGER: { own: 'none', other: 'none' },
    IMPROVEMENT_ASSISTANT: { own: 'none', other: 'none' },
    ADMIN: { own: 'none', other: 'none' },
    SERVICE_MANAGER: { own: 'none', other: 'none' },
    HEAD_OF_PRACTICE: { own: 'none', other: 'none' },
  };

  it('covers every role', () => {
    expect(Object.keys(expected).sort()).toEqual([...ROLES].sort());
  });

  it.each(ROLES.map((role) => [role, expected[role].own, expected[role].other] as const))(
    '%s: own area → %s, another area → %s',
    (role, ownLevel, otherLevel) => {
      const area = role === 'HEAD_OF_SERVICE' || role === 'ASSISTANT_DIRECTOR' ? own : null;
      expect(drillDownLevel({ role, serviceAreaId: area }, own)).toBe(ownLevel);
      expect(drillDownLevel({ role, serviceAreaId: area }, other)).toBe(otherLevel);
    },
  );

  it('gives national roles the same answer whether or not they carry an area', () => {
    expect(drillDownLevel({ role: 'SENIOR_SERVICE_MANAGER', serviceAreaId: own }, other)).toBe(
      'practitioner',
    );
    expect(drillDownLevel({ role: 'DIRECTOR', serviceAreaId: own }, other)).toBe('team');
  });

  it('gives an area role without an area nothing', () => {
    expect(drillDownLevel({ role: 'HEAD_OF_SERVICE', serviceAreaId: null }, own)).toBe('none');
    expect(drillDownLevel({ role: 'ASSISTANT_DIRECTOR', serviceAreaId: null }, own)).toBe('none');
  });

  it('gives an unknown role nothing', () => {
    expect(drillDownLevel({ role: 'head_of_service', serviceAreaId: own }, own)).toBe('none');
    expect(drillDownLevel({ role: '', serviceAreaId: null }, own)).toBe('none');
  });
});

describe('parseDashboardRules', () => {
  const valid = () => structuredClone(DEFAULT_DASHBOARD_RULES) as unknown as Record<string, unknown>;
  /** The defaults with one field replaced (or removed when value is undefined). */
  const withField = (path: string, value: unknown) => {
    const rulesData = valid();
    const keys = path.split('.');
    let node = rulesData;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    if (value === undefined) delete node[keys.at(-1)!];
    else node[keys.at(-1)!] = value;
    return rulesData;
  };

  it('accepts the defaults and returns a copy, not the input', () => {
    const input = valid();
    const parsed = parseDashboardRules(input);
    expect(parsed).toEqual(DEFAULT_DASHBOARD_RULES);
    expect(parsed).not.toBe(input);
    expect(parsed.qaTargets).not.toBe(input.qaTargets);
  });

  it('accepts the edges of each range', () => {
    expect(parseDashboardRules(withField('minGroupSize', 1)).minGroupSize).toBe(1);
    expect(parseDashboardRules(withField('minGroupSize', 50)).minGroupSize).toBe(50);
    expect(parseDashboardRules(withField('qaTargets.supervision', 0)).qaTargets.supervision).toBe(0);
    expect(parseDashboardRules(withField('qaTargets.supervision', 100)).qaTargets.supervision).toBe(100);
    expect(parseDashboardRules(withField('qaTargets.supervision', 62.5)).qaTargets.supervision).toBe(62.5);
    expect(
      parseDashboardRules(withField('rag.lowest.amberWithinPoints', 0)).rag.lowest.amberWithinPoints,
    ).toBe(0);
  });

  it.each([null, undefined, 'rules', 42, [], true])('refuses %j as a whole', (value) => {
    expect(() => parseDashboardRules(value)).toThrow('Dashboard rules: rules must be an object');
  });

  const percentFields = [
    'rag.goodOrAbove.amberWithinPoints',
    'rag.lowest.amberWithinPoints',
    ...QA_TARGET_KEYS.map((indicator) => `qaTargets.${indicator}`),
  ];

  describe.each(percentFields)('%s', (field) => {
    it.each([undefined, null, '60', -1, -0.5, 100.5, 101, Number.NaN, Number.POSITIVE_INFINITY, [60], {}])(
      'refuses %j',
      (value) => {
        expect(() => parseDashboardRules(withField(field, value))).toThrow(
          `Dashboard rules: ${field} must be a number from 0 to 100`,
        );
      },
    );
  });

  it.each([undefined, null, '5', 0, 51, 2.5, -5, Number.NaN])('refuses minGroupSize %j', (value) => {
    expect(() => parseDashboardRules(withField('minGroupSize', value))).toThrow(
      'Dashboard rules: minGroupSize must be a whole number from 1 to 50',
    );
  });

  it.each([
    ['rag', 'rag must be an object'],
    ['rag.goodOrAbove', 'rag.goodOrAbove must be an object'],
    ['rag.lowest', 'rag.lowest must be an object'],
    ['qaTargets', 'qaTargets must be an object'],
  ])('refuses a missing or non-object %s', (field, message) => {
    expect(() => parseDashboardRules(withField(field, undefined))).toThrow(`Dashboard rules: ${message}`);
    expect(() => parseDashboardRules(withField(field, 5))).toThrow(`Dashboard rules: ${message}`);
    expect(() => parseDashboardRules(withField(field, []))).toThrow(`Dashboard rules: ${message}`);
  });

  it.each([
    ['minGroupsize', 'minGroupsize'],
    ['rag.amber', 'rag.amber'],
    ['rag.goodOrAbove.greenAt', 'rag.goodOrAbove.greenAt'],
    ['qaTargets.childrenVisited', 'qaTargets.childrenVisited'],
  ])('refuses the unknown setting %s, so a misspelling is not ignored', (field, named) => {
    expect(() => parseDashboardRules(withField(field, 5))).toThrow(
      `Dashboard rules: ${named} is not a setting`,
    );
  });

  it('refuses everything that is not a valid number, naming the field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...percentFields),
        fc.oneof(
          fc.double({ min: 100, max: 1e9, minExcluded: true, noNaN: true }),
          // fast-check counts -0 as below 0, but -0 is the valid 0.
          fc.double({ min: -1e9, max: 0, maxExcluded: true, noNaN: true }).filter((value) => value < 0),
          fc.string(),
          fc.boolean(),
        ),
        (field, value) => {
          expect(() => parseDashboardRules(withField(field, value))).toThrow(field);
        },
      ),
    );
  });
});
