import { describe, expect, it } from 'vitest';
import { DEFAULT_DASHBOARD_RULES, QA_DASHBOARD_INDICATORS } from '@/lib/domain/dashboard';
import {
  auditProgressFrom,
  gradeKeysOf,
  heatMapFrom,
  latestStandingFrom,
  practitionerRowsFrom,
  qaTrendFrom,
  standingLabels,
  totalsByGroup,
  trendFrom,
  type GroupCount,
  type OpenChallenge,
  type QaCounts,
} from '@/lib/domain/dashboard-assembly';
import { NO_TEAM_KEY, type PublishedAudit } from '@/lib/domain/dashboard-views';
import { FOUR_POINT_SCALE, THREE_POINT_SCALE } from '@/lib/domain/rubric';

// The dashboards are built from counts alone: these tests hand-write the counts the database would return.
const rules = DEFAULT_DASHBOARD_RULES;

const audit = (auditId: string, windowTo: string, targets: [number | null, number | null] = [60, 10]) =>
  ({
    auditId,
    name: `Audit ${auditId}`,
    windowTo,
    thresholdVersionId: 'v1',
    goodOrAboveTarget: targets[0],
    lowestTarget: targets[1],
  }) satisfies PublishedAudit;

const spring = audit('spring', '2014-05-31');
const autumn = audit('autumn', '2014-11-30');
const keys = new Map([
  [spring.auditId, gradeKeysOf(THREE_POINT_SCALE)],
  [autumn.auditId, gradeKeysOf(THREE_POINT_SCALE)],
]);

const counts = (
  auditId: string,
  groupKey: string,
  good: number,
  met: number,
  notMet: number,
): GroupCount[] => [
  { auditId, groupKey, grade: 'good', cases: good },
  { auditId, groupKey, grade: 'met', cases: met },
  { auditId, groupKey, grade: 'not-met', cases: notMet },
];

describe('grade keys and labels', () => {
  it('reads which grades are good or above and which is lowest from the scale', () => {
    expect(gradeKeysOf(FOUR_POINT_SCALE)).toEqual({
      good: new Set(['outstanding', 'good']),
      lowest: 'inadequate',
    });
    expect(standingLabels(FOUR_POINT_SCALE)).toEqual({ good: 'Outstanding or Good', lowest: 'Inadequate' });
    expect(standingLabels({ levels: THREE_POINT_SCALE.levels, lowestLevelKey: null }).lowest).toBe(
      'lowest grade',
    );
  });
});

describe('totalsByGroup', () => {
  it('adds up graded, good and lowest per audit and group, ignoring audits without a scale', () => {
    const totals = totalsByGroup(
      [
        ...counts('spring', 'a1', 3, 4, 1),
        { auditId: 'spring', groupKey: 'a1', grade: 'good', cases: 2 },
        ...counts('unknown', 'a1', 9, 9, 9),
      ],
      keys,
    );
    expect([...totals.keys()]).toEqual(['spring']);
    expect(totals.get('spring')?.get('a1')).toEqual({ total: 10, good: 5, lowest: 1 });
  });

  it('is empty for no counts', () => {
    expect(totalsByGroup([], keys).size).toBe(0);
  });
});

describe('latestStandingFrom', () => {
  it('puts the scope and each group with cases against the audit’s targets', () => {
    const standing = latestStandingFrom({
      audit: autumn,
      labels: standingLabels(THREE_POINT_SCALE),
      scopeLabel: 'National',
      groups: [
        { key: 'a1', label: 'A1' },
        { key: 'a2', label: 'A2' },
        { key: 'a3', label: 'A3' },
      ],
      overallTotals: totalsByGroup(counts('autumn', 'all', 13, 5, 2), keys),
      groupTotals: totalsByGroup(
        [...counts('autumn', 'a2', 1, 1, 1), ...counts('autumn', 'a1', 12, 4, 1)],
        keys,
      ),
      rules,
    });
    expect(standing.goodLabel).toBe('Good');
    expect(standing.lowestLabel).toBe('Not Met');
    expect(standing.overall).toMatchObject({
      key: 'all',
      label: 'National',
      good: { count: 13, total: 20, percent: 65 },
      goodRag: { status: 'green' },
      lowest: { count: 2, total: 20, percent: 10 },
      lowestRag: { status: 'green' },
    });
    // In the groups' order; A3 had no cases in the audit; A2's three cases are too few for a percentage.
    expect(standing.rows.map((row) => row.key)).toEqual(['a1', 'a2']);
    expect(standing.rows[0]).toMatchObject({ good: { percent: 71 }, goodRag: { status: 'green' } });
    expect(standing.rows[1]).toMatchObject({ good: { suppressed: true }, goodRag: { status: 'none' } });
  });

  it('shows the overall line with no cases when nothing was graded in the scope', () => {
    const standing = latestStandingFrom({
      audit: autumn,
      labels: { good: 'Good', lowest: 'Not Met' },
      scopeLabel: 'A1',
      groups: [],
      overallTotals: new Map(),
      groupTotals: new Map(),
      rules,
    });
    expect(standing.overall?.good).toMatchObject({ total: 0, percent: null, display: 'No graded cases' });
    expect(standing.rows).toEqual([]);
  });
});

describe('trendFrom', () => {
  const groups = [
    { key: 'team-1', label: 'Team 1' },
    { key: NO_TEAM_KEY, label: 'No team recorded' },
  ];

  it('draws the scope first, then each group, with a gap where a group had no cases', () => {
    const figures = trendFrom({
      audits: [spring, autumn],
      scopeLabel: 'A1',
      groups,
      overallTotals: totalsByGroup(
        [...counts('spring', 'all', 5, 5, 0), ...counts('autumn', 'all', 6, 3, 1)],
        keys,
      ),
      groupTotals: totalsByGroup(counts('autumn', 'team-1', 6, 3, 1), keys),
      rules,
    });
    expect(figures.audits.map((entry) => entry.auditId)).toEqual(['spring', 'autumn']);
    // The "no team recorded" line is left out: it would be a row of gaps.
    expect(figures.good.map((line) => line.key)).toEqual(['all', 'team-1']);
    expect(figures.good[0]!.points.map((point) => point?.percent)).toEqual([50, 60]);
    expect(figures.good[1]!.points.map((point) => point?.percent ?? null)).toEqual([null, 60]);
    expect(figures.lowest[0]!.points.map((point) => point?.percent)).toEqual([0, 10]);
    expect(figures.targets).toEqual({ good: 60, lowest: 10 });
  });

  it('keeps the "no team recorded" line when some audit has such cases', () => {
    const figures = trendFrom({
      audits: [spring],
      scopeLabel: 'A1',
      groups,
      overallTotals: new Map(),
      groupTotals: totalsByGroup(counts('spring', NO_TEAM_KEY, 1, 0, 0), keys),
      rules,
    });
    expect(figures.good.map((line) => line.key)).toEqual(['all', 'team-1', NO_TEAM_KEY]);
  });

  it('has no audits and no targets with nothing published', () => {
    const figures = trendFrom({
      audits: [],
      scopeLabel: 'National',
      groups: [],
      overallTotals: new Map(),
      groupTotals: new Map(),
      rules,
    });
    expect(figures).toEqual({
      audits: [],
      good: [{ key: 'all', label: 'National', points: [] }],
      lowest: [{ key: 'all', label: 'National', points: [] }],
      targets: { good: null, lowest: null },
    });
  });
});

describe('qaTrendFrom', () => {
  const answers = (auditId: string, yes: number, answered: number): QaCounts => ({
    auditId,
    yes: Object.fromEntries(QA_DASHBOARD_INDICATORS.map((key) => [key, yes])) as QaCounts['yes'],
    answered: Object.fromEntries(
      QA_DASHBOARD_INDICATORS.map((key) => [key, answered]),
    ) as QaCounts['answered'],
  });

  it('lines each indicator up across audits and flags those below target in the latest', () => {
    const qa = qaTrendFrom([spring, autumn], [answers('autumn', 17, 20), answers('spring', 10, 10)], rules);
    expect(qa.indicators.map((indicator) => indicator.key)).toEqual([...QA_DASHBOARD_INDICATORS]);
    const collaborative = qa.indicators.find((indicator) => indicator.key === 'collaborative')!;
    expect(collaborative.points.map((point) => point?.percent)).toEqual([100, 85]);
    expect(collaborative).toMatchObject({ target: 80, priority: false });
    // 85% is below supervision's 90% target.
    expect(qa.indicators.find((indicator) => indicator.key === 'supervision')!.priority).toBe(true);
  });

  it('flags nothing when the latest audit has no answers', () => {
    const qa = qaTrendFrom([spring, autumn], [answers('spring', 1, 10)], rules);
    expect(qa.indicators.every((indicator) => !indicator.priority)).toBe(true);
    expect(qa.indicators[0]!.points[1]).toBeNull();
  });
});

describe('heatMapFrom', () => {
  it('gives each group with cases a share per section, in the rubric’s order', () => {
    const heat = heatMapFrom({
      audit: autumn,
      sections: [
        { key: 's1', label: 'Section 1' },
        { key: 's2', label: 'Section 2' },
      ],
      groups: [
        { key: 'a1', label: 'A1' },
        { key: 'a2', label: 'A2' },
      ],
      cells: [
        { groupKey: 'a1', sectionKey: 's2', graded: 10, good: 4 },
        { groupKey: 'a1', sectionKey: 's1', graded: 10, good: 7 },
      ],
      rules,
    });
    expect(heat.audit).toBe(autumn);
    expect(heat.rows).toHaveLength(1);
    expect(heat.rows[0]!.label).toBe('A1');
    expect(heat.rows[0]!.cells.map((cell) => cell.percent)).toEqual([70, 40]);
  });
});

describe('auditProgressFrom', () => {
  const now = new Date('2026-03-20T12:00:00Z');
  const challenge = (auditId: string, raisedAt: string): OpenChallenge => ({
    auditId,
    status: 'AWAITING_REPLY',
    raisedAt: new Date(raisedAt),
    repliedAt: null,
    referredAt: null,
    raisedById: 'hos',
    auditorId: 'im',
  });
  const rows = [
    { auditId: 'x', name: 'X', status: 'GRADING', sampled: 10, graded: 4, challenged: 2 },
    { auditId: 'y', name: 'Y', status: 'REVIEW', sampled: 5, graded: 5, challenged: 1 },
  ];

  it('counts overdue challenges per audit and withholds challenge figures while the reader benchmarks blind', () => {
    const progress = auditProgressFrom(
      rows,
      new Set(['y']),
      [
        challenge('x', '2026-03-01T09:00:00Z'),
        challenge('x', '2026-03-19T09:00:00Z'),
        challenge('y', '2026-01-01T09:00:00Z'),
      ],
      now,
    );
    expect(progress).toEqual([
      {
        auditId: 'x',
        name: 'X',
        status: 'GRADING',
        sampled: 10,
        graded: 4,
        challenged: 2,
        benchmarked: 0,
        overdue: 1,
      },
      {
        auditId: 'y',
        name: 'Y',
        status: 'REVIEW',
        sampled: 5,
        graded: 5,
        challenged: null,
        benchmarked: 0,
        overdue: null,
      },
    ]);
  });
});

describe('practitionerRowsFrom', () => {
  it('gives each practitioner a share and their latest grade in words', () => {
    const rows = practitionerRowsFrom(
      [
        {
          practitionerId: 'p1',
          reference: 'P-1',
          name: 'Ada',
          team: 'Team 1',
          graded: 6,
          good: 3,
          latestGradeKey: 'met',
          latestAudit: 'Audit autumn',
        },
        {
          practitionerId: 'p2',
          reference: 'P-2',
          name: 'Ben',
          team: 'Team 1',
          graded: 1,
          good: 0,
          latestGradeKey: 'retired-key',
          latestAudit: null,
        },
      ],
      new Map([['met', 'Met']]),
      rules,
    );
    expect(rows[0]).toMatchObject({
      graded: { percent: 50 },
      latestGrade: 'Met',
      latestAudit: 'Audit autumn',
    });
    // A grade no scale names is shown by its key; one case is too few for a percentage.
    expect(rows[1]).toMatchObject({ graded: { suppressed: true }, latestGrade: 'retired-key' });
  });
});
