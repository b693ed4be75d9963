import { describe, expect, it } from 'vitest';
import { DEFAULT_DASHBOARD_RULES, type DashboardRules } from '@/lib/domain/dashboard';
import {
  buildQaOverview,
  emptyQaOverviewCountRow,
  formatPercentOneDecimal,
  percentOneDecimal,
  qaOverviewFigures,
  qaOverviewJson,
  qaOverviewPeriod,
  qaOverviewPeriodOfMonths,
  qaOverviewSentences,
  quarterLabel,
  quartersOf,
  type QaOverviewCountRow,
} from '@/lib/domain/qa-overview';

/** Seed 003's April–November 2023 counts, as the demo database holds them. */
const SEED_003: QaOverviewCountRow = {
  audits: { LOCAL_QUALITY_IMPACT: 3372, NATIONAL_PRACTICE_QUALITY: 400, PERFORMANCE_BOARD: 247 },
  collaborative: 1802,
  familyFeedback: 1780,
  oversightExpected: 3012,
  oversightRecorded: 2470,
  supervisionAnswered: 2604,
  supervisionRecorded: 2031,
  supervisionImpact: 1007,
  observations: 1364,
  moderations: 379,
  managerMonths: 370,
  managerMonthsOnTarget: 335,
};

const rules = DEFAULT_DASHBOARD_RULES;

describe('percentOneDecimal', () => {
  it.each([
    [1802, 3372, 53.4],
    [1780, 4019, 44.3],
    [2470, 3012, 82],
    [2031, 2604, 78],
    [1007, 2031, 49.6],
    [335, 370, 90.5],
    [1, 8, 12.5],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 5, 0],
    [5, 5, 100],
  ])('%i of %i is %d%%', (count, total, percent) => {
    expect(percentOneDecimal(count, total)).toBe(percent);
  });

  it('has nothing to divide by when the total is 0', () => {
    expect(percentOneDecimal(0, 0)).toBeNull();
    expect(formatPercentOneDecimal(null)).toBe('–');
  });

  it('always prints one decimal place', () => {
    expect(formatPercentOneDecimal(82)).toBe('82.0%');
    expect(formatPercentOneDecimal(53.4)).toBe('53.4%');
  });
});

describe('qaOverviewFigures: seed 003 with each figure’s own denominator', () => {
  const figures = qaOverviewFigures(SEED_003, rules);

  it('adds the kinds up to all audits', () => {
    expect(figures.totalAudits).toBe(4019);
  });

  it.each([
    ['collaborative', 1802, 3372, 53.4],
    ['familyFeedback', 1780, 4019, 44.3],
    ['managementOversight', 2470, 3012, 82],
    ['supervision', 2031, 2604, 78],
    ['supervisionImpact', 1007, 2031, 49.6],
    ['localAuditsOnTarget', 335, 370, 90.5],
  ] as const)('%s: %i of %i = %d%%', (indicator, count, of, percent) => {
    expect(figures.indicators[indicator]).toMatchObject({ count, of, percent });
  });

  it('flags an indicator below its target as a priority, and not one at or above it', () => {
    const lenient: DashboardRules = {
      ...rules,
      qaTargets: { ...rules.qaTargets, collaborative: 53.4, familyFeedback: 44.4, localAuditsOnTarget: 90 },
    };
    const flagged = qaOverviewFigures(SEED_003, lenient).indicators;
    expect(flagged.collaborative).toMatchObject({ target: 53.4, priority: false });
    expect(flagged.familyFeedback).toMatchObject({ target: 44.4, priority: true });
    expect(flagged.localAuditsOnTarget.priority).toBe(false);
  });

  it('never flags an indicator with nothing to count', () => {
    const none = qaOverviewFigures(emptyQaOverviewCountRow(), rules);
    for (const share of Object.values(none.indicators))
      expect(share).toMatchObject({ percent: null, priority: false });
  });
});

describe('quarters', () => {
  it('lists the calendar quarters a period touches', () => {
    expect(quartersOf({ from: '2023-04-01', to: '2023-11-30' })).toEqual(['2023-04', '2023-07', '2023-10']);
    expect(quartersOf({ from: '2023-02-15', to: '2024-01-02' })).toEqual([
      '2023-01',
      '2023-04',
      '2023-07',
      '2023-10',
      '2024-01',
    ]);
    expect(quartersOf({ from: '2023-05-01', to: '2023-05-31' })).toEqual(['2023-04']);
  });

  it('labels a quarter by its months, cut to the period', () => {
    expect(quarterLabel('2023-04')).toBe('Apr–Jun 2023');
    const period = { from: '2023-05-10', to: '2023-11-30' };
    expect(quarterLabel('2023-04', period)).toBe('May–Jun 2023');
    expect(quarterLabel('2023-10', period)).toBe('Oct–Nov 2023');
    expect(quarterLabel('2023-10', { from: '2023-10-01', to: '2023-10-31' })).toBe('Oct 2023');
  });
});

describe('qaOverviewPeriod', () => {
  it('takes the dates asked for', () => {
    expect(qaOverviewPeriod({ from: '2023-04-01', to: '2023-11-30' }, null, '2026-11-26')).toEqual({
      from: '2023-04-01',
      to: '2023-11-30',
    });
  });

  it('defaults to the financial year of the latest audit, to the end of its month', () => {
    expect(qaOverviewPeriod({ from: null, to: null }, '2023-11-28', '2026-11-26')).toEqual({
      from: '2023-04-01',
      to: '2023-11-30',
    });
    expect(qaOverviewPeriod({ from: null, to: null }, '2024-02-10', '2026-11-26')).toEqual({
      from: '2023-04-01',
      to: '2024-02-29',
    });
    expect(qaOverviewPeriod({ from: null, to: null }, null, '2026-11-26')).toEqual({
      from: '2026-04-01',
      to: '2026-11-30',
    });
  });

  it('refuses impossible dates and a period that ends before it starts', () => {
    expect(qaOverviewPeriod({ from: '2023-02-30', to: null }, null, '2026-11-26')).toBeNull();
    expect(qaOverviewPeriod({ from: '2023-12-01', to: '2023-11-30' }, null, '2026-11-26')).toBeNull();
  });

  it('turns the dashboard’s months into days', () => {
    expect(qaOverviewPeriodOfMonths({ from: '2023-04', to: '2024-02' })).toEqual({
      from: '2023-04-01',
      to: '2024-02-29',
    });
    expect(qaOverviewPeriodOfMonths({ from: null, to: null })).toEqual({ from: null, to: null });
  });
});

describe('buildQaOverview', () => {
  const quarter = (share: number): QaOverviewCountRow => ({
    ...emptyQaOverviewCountRow(),
    audits: { LOCAL_QUALITY_IMPACT: 100, NATIONAL_PRACTICE_QUALITY: 0, PERFORMANCE_BOARD: 0 },
    collaborative: share,
  });
  const overview = buildQaOverview({
    period: { from: '2023-04-01', to: '2023-11-30' },
    scope: { serviceAreaId: null, label: 'National' },
    counts: {
      total: SEED_003,
      byQuarter: { '2023-04': quarter(40), '2023-10': quarter(60) },
      byArea: { a3: { ...SEED_003 }, a1: { ...emptyQaOverviewCountRow(), observations: 2 } },
    },
    areas: [
      { id: 'a1', label: 'A1' },
      { id: 'a2', label: 'A2' },
      { id: 'a3', label: 'A3' },
    ],
    rules,
  });

  it('has every quarter of the period, a quarter without work as zeros, in order: the trend', () => {
    expect(overview.quarters.map((q) => [q.label, q.figures.indicators.collaborative.percent])).toEqual([
      ['Apr–Jun 2023', 40],
      ['Jul–Sep 2023', null],
      ['Oct–Nov 2023', 60],
    ]);
  });

  it('keeps the areas’ order and shows only areas with any work', () => {
    expect(overview.areas.map((area) => area.label)).toEqual(['A1', 'A3']);
  });

  it('lists the priorities over the whole period', () => {
    expect(overview.priorities).toEqual([
      'collaborative',
      'familyFeedback',
      'managementOversight',
      'supervision',
      'supervisionImpact',
      'localAuditsOnTarget',
    ]);
  });

  it('says seed 003’s figures in its words', () => {
    const sentences = qaOverviewSentences(overview);
    expect(sentences[0]).toBe(
      'From 1 April 2023 to 30 November 2023, 4,019 audits: 3,372 local quality and impact audits, 400 national practice quality audits, 247 performance board quality and impact audits.',
    );
    expect(sentences).toContain(
      'Undertaken collaboratively with the practitioner: 1,802 of 3,372 local quality and impact audits (53.4%; target 80%, a priority).',
    );
    expect(sentences).toContain('1,364 practice observations and 379 moderations by Heads of Practice.');
  });

  it('prints the figures as JSON', () => {
    const json = qaOverviewJson(overview);
    expect(json.audits).toEqual({
      total: 4019,
      LOCAL_QUALITY_IMPACT: 3372,
      NATIONAL_PRACTICE_QUALITY: 400,
      PERFORMANCE_BOARD: 247,
    });
    expect(json.indicators.collaborative).toEqual({
      count: 1802,
      of: 3372,
      percent: 53.4,
      target: 80,
      priority: true,
    });
    expect(json.quarters).toHaveLength(3);
  });
});
