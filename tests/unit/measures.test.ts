import { describe, expect, it } from 'vitest';
import {
  assembleMeasure,
  auditPeriod,
  countedGradeKeys,
  describeMeasureFilters,
  formatPoints,
  measureChange,
  measureSeries,
  measureSubject,
  measureTarget,
  sectionKeyIn,
  shareLabelOf,
  type MeasureCount,
  type MeasureDefinition,
  type MeasureFilters,
} from '@/lib/domain/measures';
import { FOUR_POINT_SCALE, THREE_POINT_SCALE, type RubricContent } from '@/lib/domain/rubric';

const NONE: MeasureFilters = {
  auditKinds: [],
  lawTypes: [],
  serviceAreaIds: [],
  teamIds: [],
  employment: null,
};
const LOOKUP = {
  areas: { a5: 'A5', a4: 'A4', a1: 'A1' },
  teams: { t1: 'A4 North', t2: 'A4 South' },
  sectionTitle: null,
  shareLabel: 'Good',
};

const SEPTEMBER_2013: MeasureCount = {
  auditId: 's13',
  auditName: 'National Audit September 2013',
  auditKind: 'NATIONAL_PRACTICE_QUALITY',
  windowTo: '2013-08-31',
  count: 3,
  total: 11,
};
const APRIL_2013: MeasureCount = {
  ...SEPTEMBER_2013,
  auditId: 'a13',
  auditName: 'National Audit April 2013',
  windowTo: '2013-03-31',
  count: 2,
  total: 9,
};
const NOVEMBER_2014: MeasureCount = {
  ...SEPTEMBER_2013,
  auditId: 'n14',
  auditName: 'National Audit November 2014',
  windowTo: '2014-10-31',
  count: 8,
  total: 12,
};

const REC_13: MeasureDefinition = {
  ...NONE,
  id: 'm13',
  recommendationId: 'r13',
  label: '% Good, Private Law WAFH, A5',
  lawTypes: ['PRIVATE_LAW_WAFH'],
  serviceAreaIds: ['a5'],
  sectionKey: null,
  share: 'GOOD_OR_ABOVE',
  baselineAuditId: 's13',
  targetPercent: 60,
  targetDirection: 'AT_LEAST',
  version: 1,
};

describe('describeMeasureFilters', () => {
  it.each<[string, Partial<MeasureFilters>, string]>([
    [
      'Rec 13 as seed 000 writes it',
      { lawTypes: ['PRIVATE_LAW_WAFH'], serviceAreaIds: ['a5'] },
      'Private Law WAFH, A5',
    ],
    ['nothing filtered', {}, 'all graded cases'],
    ['two law types', { lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH'] }, 'Public Law and Private Law WAFH'],
    ['three areas', { serviceAreaIds: ['a1', 'a4', 'a5'] }, 'A1, A4 and A5'],
    [
      'teams and employment',
      { teamIds: ['t1', 't2'], employment: 'AGENCY' },
      'A4 North and A4 South, agency staff',
    ],
    ['audit kind', { auditKinds: ['THEMATIC'] }, 'thematic audits'],
    ['an unknown area', { serviceAreaIds: ['gone'] }, 'an area no longer listed'],
  ])('%s', (_name, filters, words) => {
    expect(describeMeasureFilters({ ...NONE, ...filters }, LOOKUP)).toBe(words);
  });
});

describe('measureSubject', () => {
  it.each<[string, Partial<MeasureFilters>, string | null, string]>([
    ['place first', { lawTypes: ['PRIVATE_LAW_WAFH'], serviceAreaIds: ['a5'] }, null, 'A5 Private Law WAFH'],
    ['national', {}, null, 'National'],
    ['national law type', { lawTypes: ['PUBLIC_LAW'] }, null, 'National Public Law'],
    [
      'teams over areas',
      { serviceAreaIds: ['a4'], teamIds: ['t1'], employment: 'EMPLOYED' },
      null,
      'A4 North employed staff',
    ],
    ['a section', { serviceAreaIds: ['a4'] }, 'Case planning', 'A4, Case planning'],
    ['kinds', { auditKinds: ['NATIONAL_PRACTICE_QUALITY'] }, null, 'National'],
  ])('%s', (_name, filters, sectionTitle, subject) => {
    expect(measureSubject({ ...NONE, ...filters }, { ...LOOKUP, sectionTitle })).toBe(subject);
  });
});

describe('auditPeriod', () => {
  it('takes the month the audit is named for, else the month its window closed', () => {
    expect(auditPeriod('National Audit September 2013', '2013-08-31')).toBe('September 2013');
    expect(auditPeriod('national audit november 2014', '2014-10-31')).toBe('November 2014');
    expect(auditPeriod('Thematic Audit 2015: IRO liaison', '2015-03-31')).toBe('March 2015');
  });
});

describe('grade keys and labels', () => {
  it('counts the Good-or-above levels or the lowest level, named as the scale names them', () => {
    expect(countedGradeKeys(THREE_POINT_SCALE, 'GOOD_OR_ABOVE')).toEqual(['good']);
    expect(countedGradeKeys(THREE_POINT_SCALE, 'LOWEST')).toEqual(['not-met']);
    expect(countedGradeKeys(FOUR_POINT_SCALE, 'GOOD_OR_ABOVE')).toEqual(['outstanding', 'good']);
    expect(countedGradeKeys({ ...THREE_POINT_SCALE, lowestLevelKey: null }, 'LOWEST')).toEqual([]);
    expect(shareLabelOf(THREE_POINT_SCALE, 'GOOD_OR_ABOVE')).toBe('Good');
    expect(shareLabelOf(FOUR_POINT_SCALE, 'GOOD_OR_ABOVE')).toBe('Good or above');
    expect(shareLabelOf(THREE_POINT_SCALE, 'LOWEST')).toBe('Not Met');
    expect(shareLabelOf(FOUR_POINT_SCALE, 'LOWEST')).toBe('Inadequate');
  });
});

describe('sectionKeyIn', () => {
  const section = (key: string, replaces: string[] = []) => ({
    key,
    title: key,
    guidance: '',
    descriptors: {},
    questions: [],
    replaces,
  });
  const v2013: Pick<RubricContent, 'sections'> = {
    sections: [section('recording-and-planning'), section('reporting')],
  };
  const v2014: Pick<RubricContent, 'sections'> = {
    sections: [
      section('case-recording', ['recording-and-planning']),
      section('case-planning', ['recording-and-planning']),
      section('reporting', ['reporting']),
    ],
  };
  it('keeps the key, else follows the lineage forwards or back, else leaves the audit out', () => {
    expect(sectionKeyIn(v2014, 'reporting', ['reporting'])).toBe('reporting');
    expect(sectionKeyIn(v2013, 'case-planning', ['recording-and-planning'])).toBe('recording-and-planning');
    expect(sectionKeyIn(v2014, 'recording-and-planning', [])).toBe('case-recording');
    expect(sectionKeyIn(v2013, 'voice-of-the-child', [])).toBeNull();
  });
});

describe('measureSeries and measureChange', () => {
  it('orders by window, drops audits without cases and marks the baseline', () => {
    const series = measureSeries(
      [NOVEMBER_2014, { ...APRIL_2013, total: 0, count: 0 }, SEPTEMBER_2013],
      's13',
    );
    expect(series.map((point) => [point.auditId, point.period, point.percent, point.isBaseline])).toEqual([
      ['s13', 'September 2013', 27, true],
      ['n14', 'November 2014', 67, false],
    ]);
  });

  it('measures from the baseline to the latest audit with Newcombe’s interval in points', () => {
    const series = measureSeries([APRIL_2013, SEPTEMBER_2013, NOVEMBER_2014], 's13');
    const change = measureChange(series, 's13');
    expect(change?.from.auditId).toBe('s13');
    expect(change?.to.auditId).toBe('n14');
    // Printed 27% → 67%: up 40 points, though 8/12 − 3/11 is 39.4.
    expect(change?.points).toBe(40);
    expect(change?.interval?.low.toFixed(2)).toBe('-0.86');
    expect(change?.interval?.high.toFixed(2)).toBe('65.63');
    expect(change?.beyondChance).toBe(false);
  });

  it('has no change without a later audit, or when the baseline has no cases', () => {
    expect(measureChange(measureSeries([SEPTEMBER_2013], 's13'), 's13')).toBeNull();
    expect(measureChange(measureSeries([NOVEMBER_2014], 's13'), 's13')).toBeNull();
    expect(measureChange(measureSeries([SEPTEMBER_2013, NOVEMBER_2014], 'n14'), 'n14')).toBeNull();
  });

  it('without a baseline, measures from the first audit', () => {
    const change = measureChange(measureSeries([NOVEMBER_2014, APRIL_2013], null), null);
    expect(change?.from.auditId).toBe('a13');
  });

  it('says a large change on large samples is more than chance (seed 000: 49% → 65% Good)', () => {
    const series = measureSeries(
      [
        { ...SEPTEMBER_2013, count: 267, total: 543 },
        { ...NOVEMBER_2014, count: 377, total: 577 },
      ],
      's13',
    );
    const change = measureChange(series, 's13');
    expect(change?.points).toBe(16);
    expect(change?.beyondChance).toBe(true);
  });
});

describe('measureTarget', () => {
  const point = (count: number, total: number) =>
    measureSeries([{ ...NOVEMBER_2014, count, total }], null)[0] ?? null;
  it('judges at least and at most on the printed percentage', () => {
    expect(measureTarget(60, 'AT_LEAST', point(8, 12))).toMatchObject({ met: true, text: '≥ 60%' });
    expect(measureTarget(60, 'AT_LEAST', point(59, 100))?.met).toBe(false);
    expect(measureTarget(14, 'AT_MOST', point(52, 577))).toMatchObject({ met: true, text: '≤ 14%' });
    expect(measureTarget(14, 'AT_MOST', point(15, 100))?.met).toBe(false);
    // 13.6% prints as 14%: at most 14% is met, as the report would say.
    expect(measureTarget(14, 'AT_MOST', point(136, 1000))?.met).toBe(true);
    expect(measureTarget(60, 'AT_LEAST', null)?.met).toBeNull();
    expect(measureTarget(null, 'AT_LEAST', point(1, 2))).toBeNull();
  });
});

describe('formatPoints', () => {
  it('rounds to whole points with a true minus and no −0', () => {
    expect(formatPoints(-0.86)).toBe('−1');
    expect(formatPoints(-0.2)).toBe('0');
    expect(formatPoints(65.63)).toBe('66');
  });
});

describe('assembleMeasure', () => {
  it('reads Rec 13 as a service manager reads it', () => {
    const view = assembleMeasure(REC_13, LOOKUP, [NOVEMBER_2014, SEPTEMBER_2013, APRIL_2013]);
    expect(view.filtersText).toBe('Private Law WAFH, A5');
    expect(view.baseline?.auditId).toBe('s13');
    expect(view.latest?.auditId).toBe('n14');
    expect(view.target?.met).toBe(true);
    expect(view.sentence).toBe(
      'A5 Private Law WAFH: 27% Good (n = 11) in September 2013 → 67% (n = 12) in November 2014, up 40 points (95% interval −1 to 66 points); target (≥ 60%) met; could be chance variation',
    );
  });

  it('says what it can with the baseline alone, and with nothing', () => {
    expect(assembleMeasure(REC_13, LOOKUP, [SEPTEMBER_2013]).sentence).toBe(
      'A5 Private Law WAFH: 27% Good (n = 11) in September 2013 (the baseline); no later audit to compare yet; target (≥ 60%) not met',
    );
    expect(assembleMeasure({ ...REC_13, targetPercent: null }, LOOKUP, []).sentence).toBe(
      'A5 Private Law WAFH: no graded cases in a published audit yet',
    );
    expect(assembleMeasure(REC_13, LOOKUP, []).sentence).toBe(
      'A5 Private Law WAFH: no graded cases in a published audit yet; target (≥ 60%) not yet measured',
    );
  });

  it('reads a lowest-grade measure going down', () => {
    const view = assembleMeasure(
      {
        ...REC_13,
        serviceAreaIds: [],
        lawTypes: [],
        share: 'LOWEST',
        targetPercent: 14,
        targetDirection: 'AT_MOST',
      },
      { ...LOOKUP, shareLabel: 'Not Met' },
      [
        { ...SEPTEMBER_2013, count: 103, total: 543 },
        { ...NOVEMBER_2014, count: 52, total: 577 },
      ],
    );
    expect(view.sentence).toMatch(
      /^National: 19% Not Met \(n = 543\) in September 2013 → 9% \(n = 577\) in November 2014, down 10 points \(95% interval −14 to −6 points\); target \(≤ 14%\) met; more than chance variation$/,
    );
  });
});
