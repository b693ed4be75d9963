import { describe, expect, it } from 'vitest';
import {
  areaSampleSizes,
  assertMeasureSettings,
  checkDrawnSample,
  commissionDefaults,
  type CommissionSource,
  type MeasureContext,
  type MeasureSettings,
} from '@/lib/domain/measure-rules';
import { RuleError } from '@/lib/domain/errors';
import { casesPerGroup } from '@/lib/domain/sample-size';
import { recommendationsJson, recommendationsText } from '@/lib/report/recommendations';
import { assembleMeasure } from '@/lib/domain/measures';

const SETTINGS: MeasureSettings = {
  label: '% Good, Private Law WAFH, A5',
  sectionKey: null,
  share: 'GOOD_OR_ABOVE',
  auditKinds: [],
  lawTypes: ['PRIVATE_LAW_WAFH'],
  serviceAreaIds: ['a5'],
  teamIds: [],
  employment: null,
  baselineAuditId: 's13',
  targetPercent: 60,
  targetDirection: 'AT_LEAST',
};
const CONTEXT: MeasureContext = {
  sourceServiceAreaId: null,
  baseline: { isPublished: true, sectionKeys: ['reporting', 'safeguarding'] },
  teamAreas: { t1: 'a5', t2: 'a4' },
  knownAreaIds: ['a5', 'a4'],
};

function fieldOf(
  settings: Partial<MeasureSettings>,
  context: Partial<MeasureContext> = {},
): string | undefined {
  try {
    assertMeasureSettings({ ...SETTINGS, ...settings }, { ...CONTEXT, ...context });
    return undefined;
  } catch (error) {
    if (error instanceof RuleError) return error.field;
    throw error;
  }
}

describe('assertMeasureSettings', () => {
  it('accepts a measure of published figures in places that exist', () => {
    expect(fieldOf({})).toBeUndefined();
    expect(fieldOf({ sectionKey: 'reporting', teamIds: ['t1'] })).toBeUndefined();
    expect(fieldOf({ baselineAuditId: null }, { baseline: null })).toBeUndefined();
  });

  it.each<[string, Partial<MeasureSettings>, Partial<MeasureContext>, string]>([
    ['a baseline that does not exist', {}, { baseline: null }, 'baselineAuditId'],
    [
      'a baseline still being graded',
      {},
      { baseline: { isPublished: false, sectionKeys: [] } },
      'baselineAuditId',
    ],
    [
      'a section without a baseline',
      { sectionKey: 'reporting', baselineAuditId: null },
      { baseline: null },
      'baselineAuditId',
    ],
    ['a section not in the baseline’s version', { sectionKey: 'case-planning' }, {}, 'sectionKey'],
    ['an area that does not exist', { serviceAreaIds: ['gone'] }, {}, 'serviceAreaIds'],
    [
      'another area on an area’s recommendation',
      { serviceAreaIds: ['a4'] },
      { sourceServiceAreaId: 'a5' },
      'serviceAreaIds',
    ],
    [
      'no area on an area’s recommendation',
      { serviceAreaIds: [] },
      { sourceServiceAreaId: 'a5' },
      'serviceAreaIds',
    ],
    ['a team that does not exist', { teamIds: ['gone'] }, {}, 'teamIds'],
    ['a team outside the chosen areas', { teamIds: ['t2'] }, {}, 'teamIds'],
  ])('refuses %s', (_name, settings, context, field) => {
    expect(fieldOf(settings, context)).toBe(field);
  });
});

const SOURCE: CommissionSource = {
  recommendation: {
    number: '13',
    text: 'Improve the % Good in Private Law, WAFH, in A5',
    serviceAreaIds: ['a5'],
    lawTypes: ['PRIVATE_LAW_WAFH'],
    dueOn: '2015-05-31',
  },
  sourceTitle: 'Ofsted inspection, March 2014: action plan',
  measure: {
    label: '% Good, Private Law WAFH, A5',
    share: 'GOOD_OR_ABOVE',
    lawTypes: ['PRIVATE_LAW_WAFH'],
    serviceAreaIds: ['a5'],
    targetPercent: 60,
    targetDirection: 'AT_LEAST',
  },
  allServiceAreaIds: ['a1', 'a4', 'a5'],
  latestThresholdVersionId: 'v2014',
  today: '2015-01-15',
};

describe('commissionDefaults', () => {
  it('pre-fills a thematic audit from the recommendation and its measure', () => {
    expect(commissionDefaults(SOURCE)).toEqual({
      name: 'Thematic audit: Rec 13, Improve the % Good in Private Law, WAFH, in A5',
      kind: 'THEMATIC',
      purpose:
        'To test recommendation 13 of “Ofsted inspection, March 2014: action plan”: Improve the % Good in Private Law, WAFH, in A5. Measure: % Good, Private Law WAFH, A5 (target at least 60%).',
      windowFrom: '2014-10-01',
      windowTo: '2015-01-15',
      thresholdVersionId: 'v2014',
      lawTypes: ['PRIVATE_LAW_WAFH'],
      serviceAreaIds: ['a5'],
      goodOrAboveTarget: 60,
      lowestTarget: null,
      targetDate: '2015-05-31',
      comparedWithId: null,
      commissionedById: null,
      leadId: null,
      challengeWindowDays: 10,
    });
  });

  it('takes a national recommendation’s scope as every area and all law types, and a Not Met target as the lowest-grade target', () => {
    const defaults = commissionDefaults({
      ...SOURCE,
      recommendation: { ...SOURCE.recommendation, serviceAreaIds: [], lawTypes: [] },
      measure: {
        ...SOURCE.measure!,
        share: 'LOWEST',
        targetPercent: 14,
        targetDirection: 'AT_MOST',
        lawTypes: [],
        serviceAreaIds: [],
      },
    });
    expect(defaults).toMatchObject({
      serviceAreaIds: ['a1', 'a4', 'a5'],
      lawTypes: ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'],
      goodOrAboveTarget: null,
      lowestTarget: 14,
    });
  });

  it('sets no target (nor its date) without a measure, and keeps a long name within 120 characters', () => {
    const defaults = commissionDefaults({
      ...SOURCE,
      measure: null,
      recommendation: {
        ...SOURCE.recommendation,
        text: 'Improve the consistency of Children’s Guardians practice in liaising before, during and after proceedings',
      },
    });
    expect(defaults).toMatchObject({ goodOrAboveTarget: null, lowestTarget: null, targetDate: null });
    expect(defaults.name).toBe(
      'Thematic audit: Rec 13, Improve the consistency of Children’s Guardians practice…',
    );
    expect(defaults.name.length).toBeLessThanOrEqual(120);
  });
});

describe('areaSampleSizes and checkDrawnSample', () => {
  const AT_LEAST_60 = { percent: 60, direction: 'AT_LEAST' } as const;
  const rows = [
    { serviceAreaId: 'a5', code: 'A5', baseline: { count: 3, total: 11 } },
    { serviceAreaId: 'a4', code: 'A4', baseline: { count: 20, total: 50 } },
    { serviceAreaId: 'a1', code: 'A1', baseline: null },
    { serviceAreaId: 'a9', code: 'A9', baseline: { count: 42, total: 56 } },
  ];
  it('gives each area the cases it needs to tell its baseline from the target', () => {
    const sizes = areaSampleSizes(rows, AT_LEAST_60);
    expect(
      sizes.map((size) => [size.code, size.baselinePercent, size.needed, size.baselineTooSmall]),
    ).toEqual([
      ['A5', 27, 35, true],
      ['A4', 40, 97, false],
      ['A1', null, null, false],
      ['A9', 75, null, false],
    ]);
    expect(sizes[0]?.note).toBe(
      'Needs 35 cases; its baseline had only 11, so no sample alone can tell the change with 80% power.',
    );
    expect(sizes[2]?.note).toBe('No baseline figure for this area.');
    expect(areaSampleSizes(rows, null)[0]?.note).toBe('The measure has no target.');
    expect(
      areaSampleSizes(
        [{ serviceAreaId: 'a', code: 'A', baseline: { count: 60, total: 100 } }],
        AT_LEAST_60,
      )[0]?.note,
    ).toBe('Already meets the target (≥ 60%): no change to detect.');
    expect(
      areaSampleSizes(
        [{ serviceAreaId: 'a', code: 'A', baseline: { count: 200, total: 500 } }],
        AT_LEAST_60,
      )[0]?.note,
    ).toBe('Needs 97 cases to tell 40% from 60%.');
  });

  it('sees a fall in the lowest grade to an at-most target as the change to detect', () => {
    const sizes = areaSampleSizes(
      [
        { serviceAreaId: 'a4', code: 'A4', baseline: { count: 5, total: 24 } },
        { serviceAreaId: 'a9', code: 'A9', baseline: { count: 5, total: 56 } },
      ],
      { percent: 14, direction: 'AT_MOST' },
    );
    expect(sizes.map((size) => [size.code, size.baselinePercent, size.needed])).toEqual([
      ['A4', 21, casesPerGroup(5 / 24, 0.14)],
      ['A9', 9, null],
    ]);
    expect(sizes[1]?.note).toBe('Already meets the target (≤ 14%): no change to detect.');
  });

  it('says which drawn samples are too small to tell', () => {
    const sizes = areaSampleSizes(
      [{ serviceAreaId: 'a', code: 'A', baseline: { count: 200, total: 500 } }, ...rows.slice(0, 1)],
      AT_LEAST_60,
    );
    const checks = checkDrawnSample(sizes, { a: 120, a5: 12 }, AT_LEAST_60);
    expect(checks.map((check) => [check.drawn, check.tooSmall])).toEqual([
      [120, false],
      [12, true],
    ]);
    expect(checks[0]?.message).toMatch(/^Enough to tell: 120 drawn \(\d+% power\)\.$/);
    expect(checks[1]?.message).toBe(
      'Too small to tell: 12 drawn (34% power), 35 needed; the baseline had only 11.',
    );
    expect(checkDrawnSample(sizes, {}, AT_LEAST_60)[0]?.message).toBe('Nothing drawn yet: needs 97 cases.');
  });
});

describe('the recommendations command’s output', () => {
  const measure = assembleMeasure(
    { ...SETTINGS, id: 'm13', recommendationId: 'r13', version: 1 },
    { areas: { a5: 'A5' }, teams: {}, sectionTitle: null, shareLabel: 'Good' },
    [
      {
        auditId: 's13',
        auditName: 'National Audit September 2013',
        auditKind: 'NATIONAL_PRACTICE_QUALITY',
        windowTo: '2013-08-31',
        count: 3,
        total: 11,
      },
      {
        auditId: 'n14',
        auditName: 'National Audit November 2014',
        auditKind: 'NATIONAL_PRACTICE_QUALITY',
        windowTo: '2014-10-31',
        count: 8,
        total: 12,
      },
    ],
  );
  const evidence = [
    {
      source: {
        title: 'Ofsted inspection, March 2014: action plan',
        issuedBy: 'Ofsted',
        issuedOn: '2014-03-31',
        areaCode: null,
      },
      number: '13',
      text: 'Improve the % Good in Private Law, WAFH, in A5',
      kind: 'RECOMMENDATION' as const,
      status: 'OPEN' as const,
      dueOn: '2015-05-31',
      measures: [measure],
      linkedAudits: [
        {
          auditId: 'n14',
          name: 'National Audit November 2014',
          kind: 'NATIONAL_PRACTICE_QUALITY' as const,
          status: 'PUBLISHED' as const,
          commissioned: false,
          measureId: null,
          measureLabel: null,
          linkedAt: '2014-12-01T10:00:00.000Z',
        },
      ],
    },
  ];

  it('prints the series, change, interval and target of each measure as JSON', () => {
    expect(recommendationsJson(evidence)).toEqual({
      recommendations: [
        {
          source: 'Ofsted inspection, March 2014: action plan',
          number: '13',
          text: 'Improve the % Good in Private Law, WAFH, in A5',
          kind: 'recommendation',
          status: 'open',
          dueOn: '2015-05-31',
          measures: [
            {
              label: '% Good, Private Law WAFH, A5',
              filters: 'Private Law WAFH, A5',
              grade: 'Overall grade',
              counted: 'Good',
              baseline: 'National Audit September 2013',
              series: [
                {
                  audit: 'National Audit September 2013',
                  period: 'September 2013',
                  cases: 11,
                  counted: 3,
                  percent: 27,
                  isBaseline: true,
                },
                {
                  audit: 'National Audit November 2014',
                  period: 'November 2014',
                  cases: 12,
                  counted: 8,
                  percent: 67,
                  isBaseline: false,
                },
              ],
              change: {
                from: 'National Audit September 2013',
                to: 'National Audit November 2014',
                points: 40,
                interval95: { low: -0.9, high: 65.6 },
                beyondChance: false,
              },
              target: { direction: 'at least', percent: 60, met: true },
              sentence:
                'A5 Private Law WAFH: 27% Good (n = 11) in September 2013 → 67% (n = 12) in November 2014, up 40 points (95% interval −1 to 66 points); target (≥ 60%) met; could be chance variation',
            },
          ],
          linkedAudits: [
            {
              audit: 'National Audit November 2014',
              status: 'Published',
              commissioned: false,
              measure: null,
            },
          ],
        },
      ],
    });
  });

  it('prints the same as text a person reads', () => {
    expect(recommendationsText(evidence)).toBe(
      [
        'Ofsted inspection, March 2014: action plan',
        '==========================================',
        '',
        'Rec 13 (open): Improve the % Good in Private Law, WAFH, in A5',
        '  Measure: % Good, Private Law WAFH, A5 (Private Law WAFH, A5)',
        '    National Audit September 2013: 27% Good (3 of 11) [baseline]',
        '    National Audit November 2014: 67% Good (8 of 12)',
        '    A5 Private Law WAFH: 27% Good (n = 11) in September 2013 → 67% (n = 12) in November 2014, up 40 points (95% interval −1 to 66 points); target (≥ 60%) met; could be chance variation',
        '  Linked audit: National Audit November 2014 (Published)',
        '',
      ].join('\n'),
    );
  });
});
