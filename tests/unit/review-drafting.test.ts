import { describe, expect, it } from 'vitest';
import { assembleMeasure, type MeasureDefinition } from '@/lib/domain/measures';
import {
  figuresDiffer,
  figuresOf,
  isJudgementOn,
  judgementLabel,
  proposeJudgement,
  readStoredFigures,
  SCALE_OPTIONS,
  type MeasureFigures,
} from '@/lib/domain/progress-reviews';
import {
  draftEvidence,
  measureSentence,
  meetsTarget,
  monthOf,
  type DraftAction,
} from '@/lib/domain/review-drafting';

// Rec 13 of seed 000 §6: A5 WAFH, 27% Good in September 2013, 67% in November 2014.
const rec13: MeasureFigures = {
  label: '% Good in Private Law WAFH in A5',
  series: [
    { auditName: 'National Audit September 2013', on: '2013-09-30', count: 8, total: 30 },
    { auditName: 'National Audit November 2014', on: '2014-11-30', count: 20, total: 30 },
  ],
  change: { points: 40, low: 15, high: 59 },
  target: { percent: 60, direction: 'AT_LEAST' },
  targetMet: true,
};

const action = (overrides: Partial<DraftAction>): DraftAction => ({
  description: 'Run recording workshops in A5',
  status: 'IN_PROGRESS',
  dueOn: '2015-03-31',
  droppedReason: null,
  latestUpdate: null,
  ...overrides,
});

describe('measureSentence', () => {
  it('reads as seed 000 §6 does: was, is, the change with its interval, the target', () => {
    expect(measureSentence(rec13)).toBe(
      '% Good in Private Law WAFH in A5 was 27% (n = 30) in September 2013 and is 67% (n = 30) in November 2014, up 40 points (95% interval +15 to +59 points): the target (at least 60%) is met.',
    );
  });

  it('says when the interval holds zero that the change could be chance', () => {
    const small = { ...rec13, change: { points: 3, low: -9, high: 15 }, targetMet: false };
    expect(measureSentence(small)).toContain(
      'up 3 points (95% interval -9 to +15 points, so the change could be chance)',
    );
    expect(measureSentence(small)).toContain('the target (at least 60%) is not yet met.');
  });

  it('with one audit gives that figure; with none says so', () => {
    const one = { ...rec13, series: rec13.series.slice(0, 1), change: null, targetMet: false };
    expect(measureSentence(one)).toBe(
      '% Good in Private Law WAFH in A5 is 27% (n = 30) in September 2013: the target (at least 60%) is not yet met.',
    );
    expect(measureSentence({ ...rec13, series: [], change: null, targetMet: null })).toBe(
      '% Good in Private Law WAFH in A5: no published audit has measured it yet.',
    );
  });

  it('leaves out audits after the date, and then the change computed over them', () => {
    expect(measureSentence(rec13, '2014-06-30')).toBe(
      '% Good in Private Law WAFH in A5 is 27% (n = 30) in September 2013: the target (at least 60%) is not yet met.',
    );
  });

  it('reads a lowest-grade target the other way round, and a measure with no target plainly', () => {
    const notMet: MeasureFigures = {
      label: '% Not Met nationally',
      series: [
        { auditName: 'A', on: '2013-09-30', count: 104, total: 548 },
        { auditName: 'B', on: '2014-11-30', count: 52, total: 577 },
      ],
      change: { points: -10, low: -14, high: -6 },
      target: { percent: 14, direction: 'AT_MOST' },
      targetMet: true,
    };
    expect(measureSentence(notMet)).toBe(
      '% Not Met nationally was 19% (n = 548) in September 2013 and is 9% (n = 577) in November 2014, down 10 points (95% interval -14 to -6 points): the target (at most 14%) is met.',
    );
    expect(measureSentence({ ...notMet, target: null, targetMet: null })).toMatch(/-6 points\)\.$/);
  });
});

describe('meetsTarget and monthOf', () => {
  it('compares the unrounded share with the target', () => {
    expect(meetsTarget({ auditName: 'x', on: '2014-01-01', count: 599, total: 1000 }, rec13.target)).toBe(
      false,
    );
    expect(meetsTarget({ auditName: 'x', on: '2014-01-01', count: 600, total: 1000 }, rec13.target)).toBe(
      true,
    );
    expect(meetsTarget({ auditName: 'x', on: '2014-01-01', count: 0, total: 0 }, rec13.target)).toBeNull();
    expect(meetsTarget({ auditName: 'x', on: '2014-01-01', count: 1, total: 2 }, null)).toBeNull();
    expect(monthOf('2013-09-30')).toBe('September 2013');
  });
});

describe('draftEvidence', () => {
  it('drafts measures, then actions (done, dropped with reason, overdue, latest update), then audits', () => {
    const text = draftEvidence({
      asOf: '2014-12-01',
      measures: [rec13],
      actions: [
        action({ description: 'Launch the recording policy.', status: 'DONE', dueOn: '2014-06-30' }),
        action({
          description: 'Peer review of reports',
          status: 'DROPPED',
          droppedReason: 'Service managers now do it.',
        }),
        action({
          description: 'Recording master-classes in every team',
          status: 'IN_PROGRESS',
          dueOn: '2014-10-31',
          latestUpdate: { on: '2014-11-12', text: 'Four of six teams done.' },
        }),
        action({ description: 'Audit of duty systems', status: 'NOT_STARTED', dueOn: '2015-05-31' }),
      ],
      audits: [
        { name: 'National Audit November 2014', on: '2014-11-30', isPublished: true, commissioned: false },
        {
          name: 'Thematic audit: analysis in WAFH',
          on: '2015-06-30',
          isPublished: false,
          commissioned: true,
        },
        { name: 'A later published audit', on: '2015-06-30', isPublished: true, commissioned: false },
      ],
    });
    expect(text.split('\n\n')).toEqual([
      measureSentence(rec13),
      [
        'Actions: 1 of 4 done, 1 in progress, 1 not started, 1 dropped, 1 overdue.',
        '- Done: Launch the recording policy.',
        '- Dropped: Peer review of reports (Service managers now do it).',
        '- Overdue since 31 October 2014 (in progress): Recording master-classes in every team. Latest update (12 November 2014): Four of six teams done.',
        '- Not started, due 31 May 2015: Audit of duty systems.',
      ].join('\n'),
      'Audits linked as evidence: National Audit November 2014 (published, cases to 30 November 2014); Thematic audit: analysis in WAFH (not yet published; commissioned to test this recommendation).',
    ]);
  });

  it('leaves out an update written after the date', () => {
    const text = draftEvidence({
      asOf: '2014-12-01',
      measures: [],
      actions: [action({ latestUpdate: { on: '2015-01-05', text: 'Later news.' } })],
      audits: [],
    });
    expect(text).toBe(
      'Actions: 0 of 1 done, 1 in progress.\n- In progress, due 31 March 2015: Run recording workshops in A5.',
    );
  });

  it('says plainly when there is nothing to draft from', () => {
    expect(draftEvidence({ asOf: '2014-12-01', measures: [], actions: [], audits: [] })).toMatch(
      /^No measures, actions or audits are recorded/,
    );
  });
});

describe('proposeJudgement', () => {
  const asOf = '2014-12-01';
  it("proposes Met when every measure's target is met, and says why", () => {
    expect(proposeJudgement('MET_ONGOING', { measures: [rec13], actions: [], asOf })).toEqual({
      judgement: 'met',
      label: 'Met',
      why: "the measure's target is met",
    });
    expect(proposeJudgement('MET_ONGOING', { measures: [rec13, rec13], actions: [], asOf })?.why).toBe(
      "all measures' targets met",
    );
  });

  it('proposes Ongoing / Inadequate progress when a target is missed', () => {
    const missed = { ...rec13, targetMet: false };
    expect(proposeJudgement('MET_ONGOING', { measures: [rec13, missed], actions: [], asOf })).toEqual({
      judgement: 'ongoing',
      label: 'Ongoing',
      why: "1 of 2 measures' targets not met",
    });
    expect(
      proposeJudgement('SATISFACTORY_INADEQUATE', { measures: [missed], actions: [], asOf })?.label,
    ).toBe('Inadequate progress');
  });

  it('falls back on the actions: overdue ones, or all done', () => {
    const overdue = action({ dueOn: '2014-10-31' });
    expect(proposeJudgement('SATISFACTORY_INADEQUATE', { measures: [], actions: [overdue], asOf })).toEqual({
      judgement: 'inadequate',
      label: 'Inadequate progress',
      why: '1 action is overdue',
    });
    const done = [action({ status: 'DONE' }), action({ status: 'DROPPED', droppedReason: 'Superseded' })];
    expect(
      proposeJudgement('SATISFACTORY_INADEQUATE', { measures: [], actions: done, asOf })?.judgement,
    ).toBe('satisfactory');
    expect(proposeJudgement('MET_ONGOING', { measures: [], actions: [action({})], asOf })).toBeNull();
    expect(proposeJudgement('MET_ONGOING', { measures: [], actions: [], asOf })).toBeNull();
  });

  it('never proposes on the four-point inspection scale', () => {
    expect(proposeJudgement('INSPECTION_FOUR_POINT', { measures: [rec13], actions: [], asOf })).toBeNull();
  });
});

describe('scales and stored figures', () => {
  it("knows each scale's options and labels", () => {
    expect(SCALE_OPTIONS.INSPECTION_FOUR_POINT.map((option) => option.label)).toEqual([
      'Outstanding',
      'Good',
      'Requires improvement',
      'Inadequate',
    ]);
    expect(isJudgementOn('MET_ONGOING', 'met')).toBe(true);
    expect(isJudgementOn('MET_ONGOING', 'satisfactory')).toBe(false);
    expect(judgementLabel('SATISFACTORY_INADEQUATE', 'satisfactory')).toBe('Satisfactory progress');
    expect(judgementLabel('SATISFACTORY_INADEQUATE', 'unknown')).toBe('unknown');
  });

  it('reads stored figures back, dropping what does not fit the shape', () => {
    const stored = JSON.parse(
      JSON.stringify({ asOf: '2014-12-01', measures: [rec13, { label: 1 }] }),
    ) as unknown;
    expect(readStoredFigures(stored)).toEqual({ asOf: '2014-12-01', measures: [rec13] });
    expect(readStoredFigures(null)).toEqual({ asOf: '', measures: [] });
    expect(
      readStoredFigures({ measures: [{ label: 'x', series: [{ on: 1 }], change: 'x', target: {} }] }),
    ).toEqual({
      asOf: '',
      measures: [{ label: 'x', series: [], change: null, target: null, targetMet: null }],
    });
  });

  it('tells when the figures now differ from those judged', () => {
    expect(figuresDiffer(rec13, { ...rec13 })).toBe(false);
    const later = {
      ...rec13,
      series: [...rec13.series, { auditName: 'Thematic 2015', on: '2015-06-30', count: 15, total: 30 }],
    };
    expect(figuresDiffer(rec13, later)).toBe(true);
  });
});

describe('figuresOf: a measure as lib/domain/measures assembles it, kept with a judgement', () => {
  const definition: MeasureDefinition = {
    id: 'm',
    recommendationId: 'r',
    label: '% Good in Private Law WAFH in A5',
    sectionKey: null,
    share: 'GOOD_OR_ABOVE',
    baselineAuditId: 'sep13',
    targetPercent: 60,
    targetDirection: 'AT_LEAST',
    version: 1,
    auditKinds: [],
    lawTypes: ['PRIVATE_LAW_WAFH'],
    serviceAreaIds: ['a5'],
    teamIds: [],
    employment: null,
  };
  const count = (auditId: string, auditName: string, windowTo: string, counted: number, total: number) => ({
    auditId,
    auditName,
    auditKind: 'NATIONAL_PRACTICE_QUALITY' as const,
    windowTo,
    count: counted,
    total,
  });
  const view = assembleMeasure(
    definition,
    { areas: { a5: 'A5' }, teams: {}, sectionTitle: null, shareLabel: 'Good' },
    [
      count('apr13', 'National Audit April 2013', '2013-03-31', 5, 25),
      count('sep13', 'National Audit September 2013', '2013-08-31', 8, 30),
      count('nov14', 'National Audit November 2014', '2014-10-31', 20, 30),
    ],
  );

  it('keeps the series with the months audits are known by, the change from the baseline and the target', () => {
    const figures = figuresOf(view);
    expect(figures.series.map((point) => [point.period, point.isBaseline ?? false])).toEqual([
      ['April 2013', false],
      ['September 2013', true],
      ['November 2014', false],
    ]);
    expect(figures.change?.points).toBe(40);
    expect(figures.targetMet).toBe(true);
    // Counted from the baseline, in seed 000 §6's words.
    expect(measureSentence(figures)).toMatch(
      /^% Good in Private Law WAFH in A5 was 27% \(n = 30\) in September 2013 and is 67% \(n = 30\) in November 2014, up 40 points \(95% interval \+\d+ to \+\d+ points\): the target \(at least 60%\) is met\.$/,
    );
    // Stored as JSON and read back, it is the same.
    expect(
      readStoredFigures(JSON.parse(JSON.stringify({ asOf: '2014-12-01', measures: [figures] }))),
    ).toEqual({
      asOf: '2014-12-01',
      measures: [figures],
    });
  });
});
