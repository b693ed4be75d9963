import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_PAIRS_WORDS } from '@/lib/domain/agreement';
import {
  describeBenchmarking,
  assignBenchmarkers,
  benchmarkerProblem,
  BENCHMARKER_ROLES,
  calibrate,
  DEFAULT_BENCHMARK_SHARE,
  drawBenchmarkSample,
  gradeDifferences,
  MIN_MODERATION_REASON_LENGTH,
  moderationProblems,
  MODERATOR_IS_AUDITOR,
  MODERATOR_IS_BENCHMARKER,
  moderatorProblem,
  NO_BENCHMARKERS_REASON,
  WHO_MAY_MODERATE,
  type BenchmarkPair,
  type Benchmarker,
  type BenchmarkerCandidate,
  type GradedCase,
  type Grades,
} from '@/lib/domain/benchmarking';
import { THREE_POINT_SCALE } from '@/lib/domain/rubric';
import { ROLES, type Role } from '@/lib/domain/roles';

const THREE = THREE_POINT_SCALE.levels.map((level) => level.key);
const THREE_LABELS = Object.fromEntries(THREE_POINT_SCALE.levels.map((level) => [level.key, level.label]));

const graded = (caseAuditId: string, auditorId = 'u-aud', serviceAreaId = 'area-n'): GradedCase => ({
  caseAuditId,
  auditorId,
  serviceAreaId,
});

const pad = (i: number) => String(i).padStart(2, '0');

/** n cases; case i by auditor u{i % auditors + 1} in area a{i % areas}. */
function manyCases(n: number, auditors = 1, areas = 1): GradedCase[] {
  return Array.from({ length: n }, (_, index) => {
    const i = index + 1;
    return graded(`ca-${pad(i)}`, `u${(i % auditors) + 1}`, `a${i % areas}`);
  });
}

const ids = (cases: readonly GradedCase[]) => cases.map((item) => item.caseAuditId);
const auditorsOf = (cases: readonly GradedCase[]) => new Set(cases.map((item) => item.auditorId));
const areasOf = (cases: readonly GradedCase[]) => new Set(cases.map((item) => item.serviceAreaId));

const person = (
  userId: string,
  name: string,
  role: Benchmarker['role'],
  serviceAreaId: string | null,
  load = 0,
): Benchmarker => ({ userId, name, role, serviceAreaId, load });

describe('benchmarkerProblem', () => {
  const sam: BenchmarkerCandidate = {
    userId: 'u-sam',
    name: 'Sam Lee',
    role: 'SENIOR_SERVICE_MANAGER',
    serviceAreaId: null,
  };
  const hana: BenchmarkerCandidate = {
    userId: 'u-hana',
    name: 'Hana Osei',
    role: 'HEAD_OF_SERVICE',
    serviceAreaId: 'area-n',
  };

  it.each<[string, BenchmarkerCandidate, Pick<GradedCase, 'auditorId' | 'serviceAreaId'>, string | null]>([
    [
      'an SSM with no area, on another auditor’s case',
      sam,
      { auditorId: 'u-aud', serviceAreaId: 'area-n' },
      null,
    ],
    [
      'an SSM from another area',
      { ...sam, serviceAreaId: 'area-s' },
      { auditorId: 'u-aud', serviceAreaId: 'area-n' },
      null,
    ],
    ['a Head of Service of another area', hana, { auditorId: 'u-aud', serviceAreaId: 'area-s' }, null],
    [
      'a Head of Service with no area recorded',
      { ...hana, serviceAreaId: null },
      { auditorId: 'u-aud', serviceAreaId: 'area-n' },
      null,
    ],
    [
      'the original auditor',
      sam,
      { auditorId: 'u-sam', serviceAreaId: 'area-n' },
      'Sam Lee graded this case originally',
    ],
    [
      'the Head of Service of the case’s area',
      hana,
      { auditorId: 'u-aud', serviceAreaId: 'area-n' },
      "Hana Osei is Head of Service for this case's area",
    ],
    [
      'an SSM in the case’s area',
      { ...sam, serviceAreaId: 'area-n' },
      { auditorId: 'u-aud', serviceAreaId: 'area-n' },
      "Sam Lee is a Senior Service Manager in this case's area",
    ],
    [
      'the original auditor who is also from the area (the first reason wins)',
      hana,
      { auditorId: 'u-hana', serviceAreaId: 'area-n' },
      'Hana Osei graded this case originally',
    ],
  ])('%s', (_label, candidate, target, expected) => {
    expect(benchmarkerProblem(candidate, target)).toBe(expected);
  });

  const otherRoles = ROLES.filter((role) => !(BENCHMARKER_ROLES as readonly Role[]).includes(role));

  it('knows the two roles that may benchmark', () => {
    expect([...BENCHMARKER_ROLES]).toEqual(['SENIOR_SERVICE_MANAGER', 'HEAD_OF_SERVICE']);
    expect(otherRoles).toHaveLength(ROLES.length - 2);
  });

  it.each(otherRoles)('refuses a %s, whoever graded the case', (role) => {
    const problem = benchmarkerProblem(
      { userId: 'u-ivy', name: 'Ivy Ng', role, serviceAreaId: 'area-s' },
      { auditorId: 'u-aud', serviceAreaId: 'area-n' },
    );
    expect(problem).toMatch(/^Ivy Ng is an? /);
    expect(problem).toContain('only a Senior Service Manager or a Head of Service may benchmark');
  });

  it.each<[Role, string]>([
    ['IMPROVEMENT_MANAGER', 'Ivy Ng is an Improvement Manager'],
    ['ASSISTANT_DIRECTOR', 'Ivy Ng is an Assistant Director'],
    ['NATIONAL_SERVICE_DIRECTOR', 'Ivy Ng is a National Service Director'],
    ['DIRECTOR', 'Ivy Ng is a Director'],
  ])('names the role %s in plain words', (role, start) => {
    const problem = benchmarkerProblem(
      { userId: 'u-ivy', name: 'Ivy Ng', role, serviceAreaId: null },
      { auditorId: 'u-aud', serviceAreaId: 'area-n' },
    );
    expect(problem).toBe(`${start}; only a Senior Service Manager or a Head of Service may benchmark`);
  });
});

describe('drawBenchmarkSample: size', () => {
  it('benchmarks 10% by default', () => {
    expect(DEFAULT_BENCHMARK_SHARE).toBe(10);
  });

  it.each([
    [47, 10, 5],
    [1, 10, 1],
    [0, 10, 0],
    [10, 10, 1],
    [11, 10, 2],
    [20, 10, 2],
    [7, 50, 4],
    [3, 100, 3],
  ])('%i graded cases at %i%% → %i', (n, sharePercent, expected) => {
    const sample = drawBenchmarkSample(manyCases(n), { sharePercent, seed: 'seed' });
    expect(sample.target).toBe(expected);
    expect(sample.chosen).toHaveLength(expected);
    expect(sample.extraForCoverage).toBe(0);
    expect(sample.alreadyChosenCount).toBe(0);
  });

  it('has nothing to draw from no graded cases', () => {
    expect(drawBenchmarkSample([], { sharePercent: 10, seed: 'seed' })).toEqual({
      chosen: [],
      target: 0,
      extraForCoverage: 0,
      alreadyChosenCount: 0,
    });
  });

  it.each([0, 101, 12.5, -10, Number.NaN])('refuses a share of %s', (sharePercent) => {
    expect(() => drawBenchmarkSample(manyCases(5), { sharePercent, seed: 'seed' })).toThrow(RangeError);
  });

  it('refuses a case listed twice', () => {
    expect(() =>
      drawBenchmarkSample([graded('c1'), graded('c1')], { sharePercent: 10, seed: 'seed' }),
    ).toThrow(/c1/);
  });
});

describe('drawBenchmarkSample: coverage', () => {
  it('seed 000’s 47 cases: 5 chosen, every auditor and area among them', () => {
    const cases = manyCases(47, 3, 2);
    const sample = drawBenchmarkSample(cases, { sharePercent: 10, seed: 'audit-2024' });
    expect(sample.target).toBe(5);
    expect(sample.chosen).toHaveLength(5);
    expect(sample.extraForCoverage).toBe(0);
    expect(auditorsOf(sample.chosen)).toEqual(auditorsOf(cases));
    expect(areasOf(sample.chosen)).toEqual(areasOf(cases));
  });

  it('goes over the share to cover every auditor, and says by how many', () => {
    // 12 cases, 4 auditors each working in one area: 10% is 2, coverage needs 4.
    const areaOf = ['x', 'y', 'z', 'x'];
    const cases = Array.from({ length: 12 }, (_, i) => graded(`c${pad(i)}`, `u${i % 4}`, areaOf[i % 4]));
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const sample = drawBenchmarkSample(cases, { sharePercent: 10, seed });
      expect(sample.target).toBe(2);
      expect(sample.chosen).toHaveLength(4);
      expect(sample.extraForCoverage).toBe(2);
      expect(auditorsOf(sample.chosen)).toEqual(new Set(['u0', 'u1', 'u2', 'u3']));
      expect(areasOf(sample.chosen)).toEqual(new Set(['x', 'y', 'z']));
    }
  });

  it('goes over the share to cover every area, and says by how many', () => {
    const sample = drawBenchmarkSample(manyCases(20, 1, 5), { sharePercent: 10, seed: 'seed' });
    expect(sample.target).toBe(2);
    expect(sample.chosen).toHaveLength(5);
    expect(sample.extraForCoverage).toBe(3);
    expect(areasOf(sample.chosen)).toEqual(new Set(['a0', 'a1', 'a2', 'a3', 'a4']));
  });

  it('prefers a case that covers a new auditor and a new area at once', () => {
    // Two cases suffice (one on each diagonal); picking one at a time would need three.
    const cases = [
      graded('c1', 'u1', 'x'),
      graded('c2', 'u2', 'y'),
      graded('c3', 'u1', 'y'),
      graded('c4', 'u2', 'x'),
    ];
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const sample = drawBenchmarkSample(cases, { sharePercent: 10, seed });
      expect(sample.target).toBe(1);
      expect(sample.chosen).toHaveLength(2);
      expect(sample.extraForCoverage).toBe(1);
      expect(auditorsOf(sample.chosen)).toEqual(new Set(['u1', 'u2']));
      expect(areasOf(sample.chosen)).toEqual(new Set(['x', 'y']));
    }
  });

  it('fills the rest of the share at random once everyone is covered', () => {
    const sample = drawBenchmarkSample(manyCases(40, 2, 1), { sharePercent: 25, seed: 'seed' });
    expect(sample.target).toBe(10);
    expect(sample.chosen).toHaveLength(10);
    expect(new Set(ids(sample.chosen)).size).toBe(10);
    expect(sample.extraForCoverage).toBe(0);
  });
});

describe('drawBenchmarkSample: reproducible from the seed', () => {
  const cases = manyCases(47, 3, 2);

  it('draws the same sample from the same seed', () => {
    const one = drawBenchmarkSample(cases, { sharePercent: 10, seed: 'audit-2024' });
    const two = drawBenchmarkSample(cases, { sharePercent: 10, seed: 'audit-2024' });
    expect(two).toEqual(one);
  });

  it('whatever order the cases arrive in', () => {
    const one = drawBenchmarkSample(cases, { sharePercent: 10, seed: 'audit-2024' });
    const reversed = drawBenchmarkSample([...cases].reverse(), { sharePercent: 10, seed: 'audit-2024' });
    expect(reversed).toEqual(one);
  });

  it('draws a different sample from another seed', () => {
    const one = drawBenchmarkSample(cases, { sharePercent: 10, seed: 'audit-2024' });
    const other = drawBenchmarkSample(cases, { sharePercent: 10, seed: 'audit-2025' });
    expect(ids(other.chosen)).not.toEqual(ids(one.chosen));
    expect(other.chosen).toHaveLength(5);
  });

  it('does not always pick the same cases across seeds', () => {
    const samples = new Set(
      Array.from({ length: 10 }, (_, i) =>
        ids(drawBenchmarkSample(cases, { sharePercent: 10, seed: `s${i}` }).chosen)
          .sort()
          .join(','),
      ),
    );
    expect(samples.size).toBeGreaterThan(5);
  });
});

describe('drawBenchmarkSample: alreadyChosen', () => {
  const cases = manyCases(47, 3, 2);

  it('never draws a case already chosen, and counts it towards the target and coverage', () => {
    // ca-01 (u2, a1), ca-02 (u3, a0), ca-03 (u1, a1) already cover everyone.
    const alreadyChosen = new Set(['ca-01', 'ca-02', 'ca-03']);
    const sample = drawBenchmarkSample(cases, { sharePercent: 10, seed: 'seed', alreadyChosen });
    expect(sample.target).toBe(5);
    expect(sample.alreadyChosenCount).toBe(3);
    expect(sample.chosen).toHaveLength(2);
    expect(sample.extraForCoverage).toBe(0);
    for (const id of ids(sample.chosen)) expect(alreadyChosen.has(id)).toBe(false);
  });

  it('still covers an auditor the earlier choice missed, even past the target', () => {
    // Five cases, all by u1, already chosen: the target is met but u2 and u3 are not covered.
    const alreadyChosen = new Set(['ca-03', 'ca-06', 'ca-09', 'ca-12', 'ca-15']);
    const sample = drawBenchmarkSample(cases, { sharePercent: 10, seed: 'seed', alreadyChosen });
    expect(sample.alreadyChosenCount).toBe(5);
    expect(sample.chosen).toHaveLength(2);
    expect(sample.extraForCoverage).toBe(2);
    expect(auditorsOf(sample.chosen)).toEqual(new Set(['u2', 'u3']));
  });

  it('draws nothing when the earlier choice already meets the share and covers everyone', () => {
    const alreadyChosen = new Set(['ca-01', 'ca-02', 'ca-03', 'ca-04', 'ca-05']);
    const sample = drawBenchmarkSample(cases, { sharePercent: 10, seed: 'seed', alreadyChosen });
    expect(sample).toEqual({ chosen: [], target: 5, extraForCoverage: 0, alreadyChosenCount: 5 });
  });

  it('ignores ids that are not among the graded cases', () => {
    const sample = drawBenchmarkSample(cases, {
      sharePercent: 10,
      seed: 'seed',
      alreadyChosen: new Set(['elsewhere-1', 'elsewhere-2']),
    });
    expect(sample.alreadyChosenCount).toBe(0);
    expect(sample).toEqual(drawBenchmarkSample(cases, { sharePercent: 10, seed: 'seed' }));
  });
});

describe('drawBenchmarkSample: properties', () => {
  const arbitraryCases = fc
    .uniqueArray(
      fc.record({
        caseAuditId: fc.string({ minLength: 1, maxLength: 4 }),
        auditorId: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5'),
        serviceAreaId: fc.constantFrom('a1', 'a2', 'a3'),
      }),
      { selector: (item) => item.caseAuditId, maxLength: 60 },
    )
    .chain((cases) =>
      fc.record({
        cases: fc.constant(cases),
        already: fc.subarray(ids(cases)),
        sharePercent: fc.integer({ min: 1, max: 100 }),
        seed: fc.string(),
      }),
    );

  it('draws new cases only, covers everyone, and meets the share exactly plus coverage', () => {
    fc.assert(
      fc.property(arbitraryCases, ({ cases, already, sharePercent, seed }) => {
        const alreadyChosen = new Set(already);
        const sample = drawBenchmarkSample(cases, { sharePercent, seed, alreadyChosen });
        const chosenIds = ids(sample.chosen);
        expect(new Set(chosenIds).size).toBe(chosenIds.length);
        for (const id of chosenIds) {
          expect(alreadyChosen.has(id)).toBe(false);
          expect(ids(cases)).toContain(id);
        }
        const all = [...sample.chosen, ...cases.filter((item) => alreadyChosen.has(item.caseAuditId))];
        expect(auditorsOf(all)).toEqual(auditorsOf(cases));
        expect(areasOf(all)).toEqual(areasOf(cases));
        expect(sample.target).toBe(Math.ceil((cases.length * sharePercent) / 100));
        expect(sample.chosen).toHaveLength(
          Math.max(0, sample.target - sample.alreadyChosenCount) + sample.extraForCoverage,
        );
        expect(sample.extraForCoverage).toBeLessThanOrEqual(auditorsOf(cases).size + areasOf(cases).size);
      }),
    );
  });
});

describe('assignBenchmarkers', () => {
  it('gives each case to the lowest load; a tie on load goes to whoever this call has given fewer', () => {
    const team = [
      person('b-1', 'Ada Bell', 'SENIOR_SERVICE_MANAGER', null, 0),
      person('b-2', 'Bo Chan', 'SENIOR_SERVICE_MANAGER', null, 1),
    ];
    // c1: b-1 (0 < 1). c2: both at 1, b-2 has been given none → b-2 (not b-1 by id). c3: b-1 (1 < 2).
    expect(assignBenchmarkers([graded('c1'), graded('c2'), graded('c3')], team)).toEqual({
      assignments: [
        { caseAuditId: 'c1', benchmarkerId: 'b-1' },
        { caseAuditId: 'c2', benchmarkerId: 'b-2' },
        { caseAuditId: 'c3', benchmarkerId: 'b-1' },
      ],
      unassigned: [],
    });
  });

  it('breaks a full tie by userId', () => {
    const team = [
      person('b-2', 'Ada Bell', 'SENIOR_SERVICE_MANAGER', null),
      person('b-1', 'Zed Ray', 'HEAD_OF_SERVICE', 'area-s'),
    ];
    expect(assignBenchmarkers([graded('c1'), graded('c2')], team).assignments).toEqual([
      { caseAuditId: 'c1', benchmarkerId: 'b-1' },
      { caseAuditId: 'c2', benchmarkerId: 'b-2' },
    ]);
  });

  it('tops up the lighter benchmarker before sharing evenly', () => {
    const team = [
      person('b-1', 'Ada Bell', 'SENIOR_SERVICE_MANAGER', null, 3),
      person('b-2', 'Bo Chan', 'SENIOR_SERVICE_MANAGER', null, 0),
    ];
    const cases = ['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => graded(id));
    const { assignments } = assignBenchmarkers(cases, team);
    const count = (id: string) => assignments.filter((a) => a.benchmarkerId === id).length;
    expect(count('b-2')).toBe(4);
    expect(count('b-1')).toBe(1);
  });

  it('places the case only one person may take first, so the load stays even', () => {
    const team = [
      person('b-1', 'Ada Bell', 'SENIOR_SERVICE_MANAGER', null),
      person('b-2', 'Hana Osei', 'HEAD_OF_SERVICE', 'area-n'),
    ];
    // c-a (area-s): either may take it; c-b (area-n): only b-1. In id order both would go to b-1.
    const cases = [graded('c-a', 'u-aud', 'area-s'), graded('c-b', 'u-aud', 'area-n')];
    expect(assignBenchmarkers(cases, team).assignments).toEqual([
      { caseAuditId: 'c-a', benchmarkerId: 'b-2' },
      { caseAuditId: 'c-b', benchmarkerId: 'b-1' },
    ]);
  });

  it('never gives a case to its original auditor or its area’s Head of Service', () => {
    const team = [
      person('u-sam', 'Sam Lee', 'SENIOR_SERVICE_MANAGER', null),
      person('u-hana', 'Hana Osei', 'HEAD_OF_SERVICE', 'area-n'),
      person('u-kofi', 'Kofi Mensah', 'HEAD_OF_SERVICE', 'area-s'),
    ];
    const cases = [
      graded('c1', 'u-sam', 'area-n'), // only Kofi
      graded('c2', 'u-sam', 'area-s'), // only Hana
      graded('c3', 'u-aud', 'area-n'), // Sam or Kofi
    ];
    expect(assignBenchmarkers(cases, team)).toEqual({
      assignments: [
        { caseAuditId: 'c1', benchmarkerId: 'u-kofi' },
        { caseAuditId: 'c2', benchmarkerId: 'u-hana' },
        { caseAuditId: 'c3', benchmarkerId: 'u-sam' },
      ],
      unassigned: [],
    });
  });

  it('leaves a case nobody may benchmark, with every reason, in the order of the chosen cases', () => {
    const team = [
      person('u-sam', 'Sam Lee', 'SENIOR_SERVICE_MANAGER', null),
      person('u-hana', 'Hana Osei', 'HEAD_OF_SERVICE', 'area-n'),
    ];
    const cases = [graded('c2', 'u-aud', 'area-s'), graded('c1', 'u-sam', 'area-n')];
    expect(assignBenchmarkers(cases, team)).toEqual({
      assignments: [{ caseAuditId: 'c2', benchmarkerId: 'u-hana' }],
      unassigned: [
        {
          caseAuditId: 'c1',
          reason:
            "No one may benchmark this case: Hana Osei is Head of Service for this case's area; " +
            'Sam Lee graded this case originally.',
        },
      ],
    });
  });

  it('says so when there is nobody to benchmark at all', () => {
    expect(assignBenchmarkers([graded('c2'), graded('c1')], [])).toEqual({
      assignments: [],
      unassigned: [
        { caseAuditId: 'c2', reason: NO_BENCHMARKERS_REASON },
        { caseAuditId: 'c1', reason: NO_BENCHMARKERS_REASON },
      ],
    });
  });

  it('has nothing to do with no cases', () => {
    expect(assignBenchmarkers([], [person('b-1', 'Ada Bell', 'SENIOR_SERVICE_MANAGER', null)])).toEqual({
      assignments: [],
      unassigned: [],
    });
  });

  it.each([-1, 1.5, Number.NaN])('refuses a load of %s', (load) => {
    expect(() =>
      assignBenchmarkers([graded('c1')], [person('b-1', 'Ada Bell', 'SENIOR_SERVICE_MANAGER', null, load)]),
    ).toThrow(RangeError);
  });

  it('refuses a benchmarker or a case listed twice', () => {
    const ada = person('b-1', 'Ada Bell', 'SENIOR_SERVICE_MANAGER', null);
    expect(() => assignBenchmarkers([graded('c1')], [ada, ada])).toThrow(/b-1/);
    expect(() => assignBenchmarkers([graded('c1'), graded('c1')], [ada])).toThrow(/c1/);
  });

  const arbitrary = fc.record({
    cases: fc.uniqueArray(
      fc.record({
        caseAuditId: fc.string({ minLength: 1, maxLength: 4 }),
        auditorId: fc.constantFrom('u1', 'u2', 'u3', 'b1', 'b2'),
        serviceAreaId: fc.constantFrom('a1', 'a2', 'a3'),
      }),
      { selector: (item) => item.caseAuditId, maxLength: 30 },
    ),
    team: fc.uniqueArray(
      fc.record({
        userId: fc.constantFrom('b1', 'b2', 'b3', 'b4'),
        name: fc.constant('Someone'),
        role: fc.constantFrom(...BENCHMARKER_ROLES),
        serviceAreaId: fc.constantFrom(null, 'a1', 'a2', 'a3'),
        load: fc.nat({ max: 5 }),
      }),
      { selector: (item) => item.userId },
    ),
  });

  it('only ever assigns an eligible benchmarker, and leaves a case only when nobody is eligible', () => {
    fc.assert(
      fc.property(arbitrary, ({ cases, team }) => {
        const { assignments, unassigned } = assignBenchmarkers(cases, team);
        expect(assignments.length + unassigned.length).toBe(cases.length);
        for (const { caseAuditId, benchmarkerId } of assignments) {
          const item = cases.find((c) => c.caseAuditId === caseAuditId) as GradedCase;
          const who = team.find((b) => b.userId === benchmarkerId) as Benchmarker;
          expect(benchmarkerProblem(who, item)).toBeNull();
        }
        for (const { caseAuditId } of unassigned) {
          const item = cases.find((c) => c.caseAuditId === caseAuditId) as GradedCase;
          expect(team.every((b) => benchmarkerProblem(b, item) !== null)).toBe(true);
        }
      }),
    );
  });

  it('gives the same plan whatever order the cases and benchmarkers arrive in', () => {
    fc.assert(
      fc.property(arbitrary, ({ cases, team }) => {
        const sorted = (plan: ReturnType<typeof assignBenchmarkers>) => ({
          assignments: [...plan.assignments].sort((a, b) => (a.caseAuditId < b.caseAuditId ? -1 : 1)),
          unassigned: [...plan.unassigned].sort((a, b) => (a.caseAuditId < b.caseAuditId ? -1 : 1)),
        });
        expect(sorted(assignBenchmarkers([...cases].reverse(), [...team].reverse()))).toEqual(
          sorted(assignBenchmarkers(cases, team)),
        );
      }),
    );
  });
});

const grades = (overall: string | null, sections: Record<string, string | null> = {}): Grades => ({
  overall,
  sections,
});

describe('gradeDifferences', () => {
  const keys = ['s1', 's2', 's3'];

  it('finds none when the grades match', () => {
    const same = grades('good', { s1: 'good', s2: 'met', s3: null });
    expect(gradeDifferences(keys, same, { ...same, sections: { ...same.sections } })).toEqual([]);
  });

  it('finds a different overall grade only', () => {
    expect(gradeDifferences(keys, grades('good', { s1: 'met' }), grades('met', { s1: 'met' }))).toEqual([
      { field: 'overall', first: 'good', second: 'met' },
    ]);
  });

  it('lists overall first, then sections in the order of the keys given', () => {
    const first = grades('good', { s3: 'good', s1: 'good', s2: 'good' });
    const second = grades('met', { s3: 'met', s1: 'not-met', s2: 'good' });
    expect(gradeDifferences(keys, first, second)).toEqual([
      { field: 'overall', first: 'good', second: 'met' },
      { field: 's1', first: 'good', second: 'not-met' },
      { field: 's3', first: 'good', second: 'met' },
    ]);
    expect(gradeDifferences(['s3', 's2', 's1'], first, second).map((d) => d.field)).toEqual([
      'overall',
      's3',
      's1',
    ]);
  });

  it('counts a grade against no grade as different, and no grade against no grade as the same', () => {
    const first = grades(null, { s1: null, s2: 'met', s3: null });
    const second = grades(null, { s1: 'good', s2: null, s3: null });
    expect(gradeDifferences(keys, first, second)).toEqual([
      { field: 's1', first: null, second: 'good' },
      { field: 's2', first: 'met', second: null },
    ]);
    expect(gradeDifferences(keys, grades('good'), grades(null))).toEqual([
      { field: 'overall', first: 'good', second: null },
    ]);
  });

  it('treats a missing section as not graded', () => {
    expect(gradeDifferences(keys, grades('good', { s1: null }), grades('good'))).toEqual([]);
    expect(gradeDifferences(keys, grades('good'), grades('good', { s2: 'met' }))).toEqual([
      { field: 's2', first: null, second: 'met' },
    ]);
  });

  it('ignores sections not asked about', () => {
    expect(gradeDifferences(['s1'], grades('good', { s9: 'good' }), grades('good', { s9: 'met' }))).toEqual(
      [],
    );
  });

  it('refuses a section key listed twice', () => {
    expect(() => gradeDifferences(['s1', 's1'], grades(null), grades(null))).toThrow(/s1/);
  });
});

describe('moderationProblems', () => {
  const differences = gradeDifferences(
    ['s1', 's2'],
    grades('good', { s1: 'good', s2: 'met' }),
    grades('met', { s1: 'met', s2: 'met' }),
  );
  const reason = 'Both read the risk assessment again and agreed it was thin.';

  it('accepts an agreed grade for every difference and a reason', () => {
    expect(differences.map((d) => d.field)).toEqual(['overall', 's1']);
    expect(moderationProblems(THREE, differences, { overall: 'met', s1: 'good' }, reason)).toEqual([]);
  });

  it('names the missing overall grade', () => {
    expect(moderationProblems(THREE, differences, { s1: 'good' }, reason)).toEqual([
      { field: 'agreed.overall', message: 'Choose the agreed grade for the overall grade.' },
    ]);
  });

  it('names a missing or blank section grade', () => {
    const expected = [{ field: 'agreed.s1', message: 'Choose the agreed grade for this section.' }];
    expect(moderationProblems(THREE, differences, { overall: 'met' }, reason)).toEqual(expected);
    expect(moderationProblems(THREE, differences, { overall: 'met', s1: '  ' }, reason)).toEqual(expected);
  });

  it('names a grade that is not on the scale', () => {
    expect(moderationProblems(THREE, differences, { overall: 'outstanding', s1: 'good' }, reason)).toEqual([
      {
        field: 'agreed.overall',
        message: '"outstanding" is not a grade on this scale; choose the agreed grade for the overall grade.',
      },
    ]);
  });

  it('does not take an inherited property for an agreed grade', () => {
    const odd = [{ field: 'toString', first: 'good', second: 'met' }];
    expect(moderationProblems(THREE, odd, {}, reason).map((p) => p.field)).toEqual(['agreed.toString']);
  });

  it.each([
    ['', false],
    ['too short', false],
    ['   agreed    ', false],
    ['x'.repeat(MIN_MODERATION_REASON_LENGTH), true],
    ['  ten chars!  ', true],
  ])('reason %j → accepted: %s', (text, accepted) => {
    expect(MIN_MODERATION_REASON_LENGTH).toBe(10);
    const problems = moderationProblems(THREE, differences, { overall: 'met', s1: 'good' }, text);
    expect(problems).toEqual(
      accepted
        ? []
        : [{ field: 'reason', message: 'Give a reason for the agreed grades of at least 10 characters.' }],
    );
  });

  it('lists every problem, differences in order then the reason, and ignores grades for fields that agree', () => {
    const problems = moderationProblems(THREE, differences, { s1: 'excellent', s2: 'nonsense' }, 'ok');
    expect(problems.map((p) => p.field)).toEqual(['agreed.overall', 'agreed.s1', 'reason']);
  });

  it('needs only a reason when nothing differs', () => {
    expect(moderationProblems(THREE, [], {}, reason)).toEqual([]);
    expect(moderationProblems(THREE, [], {}, '').map((p) => p.field)).toEqual(['reason']);
  });
});

describe('moderatorProblem', () => {
  const benchmark = { benchmarkerId: 'u-ben', auditorIds: ['u-aud', 'u-record'] };

  it.each<[string, string, string | null]>([
    ['another Senior Service Manager', 'u-lead', null],
    ['the benchmarker', 'u-ben', MODERATOR_IS_BENCHMARKER],
    ['the auditor whose grades were compared', 'u-aud', MODERATOR_IS_AUDITOR],
    ['the case’s auditor of record, after the case changed hands', 'u-record', MODERATOR_IS_AUDITOR],
  ])('%s', (_label, moderatorId, expected) => {
    expect(moderatorProblem(moderatorId, benchmark)).toBe(expected);
  });

  it('names being the benchmarker first when the benchmarker is also recorded as an auditor', () => {
    expect(moderatorProblem('u-ben', { benchmarkerId: 'u-ben', auditorIds: ['u-ben'] })).toBe(
      MODERATOR_IS_BENCHMARKER,
    );
  });

  it('says why and who may moderate instead', () => {
    expect(MODERATOR_IS_BENCHMARKER).toBe(`You benchmarked this case. ${WHO_MAY_MODERATE}`);
    expect(MODERATOR_IS_AUDITOR).toBe(`You graded this case. ${WHO_MAY_MODERATE}`);
    expect(WHO_MAY_MODERATE).toMatch(
      /^Another Senior Service Manager, one who neither graded nor benchmarked/,
    );
  });
});

describe('calibrate', () => {
  const SECTIONS = [
    { key: 'voice', title: 'Voice of the child' },
    { key: 'c', title: 'Child focus' },
    { key: 'b', title: 'Analysis' },
    { key: 'a', title: 'Assessment' },
  ];

  const pair = (
    auditId: string,
    auditorId: string,
    serviceAreaId: string,
    first: Grades,
    second: Grades,
    moderatorId: string | null,
  ): BenchmarkPair => ({
    auditId,
    auditName: auditId === 'A1' ? 'Spring 2024' : 'Autumn 2024',
    auditorId,
    auditorName: auditorId === 'u-sam' ? 'Sam Lee' : 'Ann Bo',
    serviceAreaId,
    areaCode: serviceAreaId === 'ar-n' ? 'NE' : 'SW',
    first,
    second,
    moderatorId,
    moderatorName: moderatorId === 'm1' ? 'Zoe Park' : moderatorId === 'm2' ? 'Abe Cole' : null,
  });

  // Hand-checked figures (levels good > met > not-met):
  //   pair  audit auditor area  overall        a           b              c            voice       moderator
  //   P4    A2    Sam     SW    met/not-met ✗  met/met     not-met/not-met met/met     –           m2
  //   P1    A1    Sam     NE    good/met ✗     good/met ✗  good/good      –/good      –           m1
  //   P2    A1    Sam     NE    good/met ✗     good/met ✗  met/met        good/good   –           m1
  //   P3    A1    Ann     SW    met/met        met/met     met/met        –           good/–      –
  //   P5    A2    Ann     NE    met/met        met/met     met/good ✗     –           –           m2
  //   P6    A2    Ann     SW    –/good         good/good   –              good/good   –           m1
  const P4 = pair(
    'A2',
    'u-sam',
    'ar-s',
    grades('met', { a: 'met', b: 'not-met', c: 'met' }),
    grades('not-met', { a: 'met', b: 'not-met', c: 'met' }),
    'm2',
  );
  const P1 = pair(
    'A1',
    'u-sam',
    'ar-n',
    grades('good', { a: 'good', b: 'good', c: null }),
    grades('met', { a: 'met', b: 'good', c: 'good' }),
    'm1',
  );
  const P2 = pair(
    'A1',
    'u-sam',
    'ar-n',
    grades('good', { a: 'good', b: 'met', c: 'good' }),
    grades('met', { a: 'met', b: 'met', c: 'good' }),
    'm1',
  );
  const P3 = pair(
    'A1',
    'u-ann',
    'ar-s',
    grades('met', { a: 'met', b: 'met', voice: 'good' }),
    grades('met', { a: 'met', b: 'met', voice: null }),
    null,
  );
  const P5 = pair(
    'A2',
    'u-ann',
    'ar-n',
    grades('met', { a: 'met', b: 'met' }),
    grades('met', { a: 'met', b: 'good' }),
    'm2',
  );
  const P6 = pair(
    'A2',
    'u-ann',
    'ar-s',
    grades(null, { a: 'good', b: null, c: 'good' }),
    grades('good', { a: 'good', b: null, c: 'good' }),
    'm1',
  );
  const PAIRS = [P4, P1, P2, P3, P5, P6];
  const result = calibrate(THREE, SECTIONS, PAIRS, THREE_LABELS);
  const percentOf = (group: { overall: { percentAgreement: { value: number | null } } }) =>
    group.overall.percentAgreement.value;

  it('counts every pair, and measures the overall grade where both graded it', () => {
    expect(result.pairs).toBe(6);
    expect(result.overall.pairs).toBe(5);
    expect(result.overall.percentAgreement.value).toBeCloseTo(2 / 5, 12);
    expect(result.overall.confusion).toEqual([
      [0, 2, 0],
      [0, 2, 1],
      [0, 0, 0],
    ]);
  });

  it('says the auditors grade higher than the benchmarkers overall', () => {
    expect(result.direction).toMatchObject({ pairs: 5, higher: 3, lower: 0, same: 2 });
    expect(result.direction.meanDifference).toBeCloseTo(0.6, 12);
    expect(result.direction.words).toBe(
      'The auditors graded higher than the benchmarkers in 3 of 5 cases, lower in 0 and the same in 2: ' +
        'on average 0.60 steps higher on the scale.',
    );
  });

  it('orders sections by agreement, most disagreement first, and sections with no pairs last', () => {
    expect(result.sections.map((s) => [s.key, s.title, s.agreement.pairs])).toEqual([
      ['a', 'Assessment', 6],
      ['b', 'Analysis', 5],
      ['c', 'Child focus', 3],
      ['voice', 'Voice of the child', 0],
    ]);
    const [a, b, c, voice] = result.sections;
    expect(a?.agreement.percentAgreement.value).toBeCloseTo(4 / 6, 12);
    expect(b?.agreement.percentAgreement.value).toBeCloseTo(4 / 5, 12);
    expect(c?.agreement.percentAgreement.value).toBe(1);
    expect(voice?.agreement.percentAgreement.value).toBeNull();
    expect(voice?.agreement.percentAgreement.words).toBe(NO_PAIRS_WORDS);
  });

  it('shows an auditor who grades higher than the benchmarkers', () => {
    expect(result.byAuditor.map((g) => [g.key, g.label, g.pairs, g.overall.pairs])).toEqual([
      ['u-ann', 'Ann Bo', 3, 2],
      ['u-sam', 'Sam Lee', 3, 3],
    ]);
    const [ann, sam] = result.byAuditor;
    expect(sam && percentOf(sam)).toBe(0);
    expect(sam?.direction).toMatchObject({ pairs: 3, higher: 3, lower: 0, same: 0, meanDifference: 1 });
    expect(sam?.direction.words).toBe(
      'Sam Lee graded higher than the benchmarkers in 3 of 3 cases, lower in 0 and the same in 0: ' +
        'on average 1.00 step higher on the scale.',
    );
    expect(ann && percentOf(ann)).toBe(1);
    expect(ann?.direction).toMatchObject({ pairs: 2, higher: 0, lower: 0, same: 2, meanDifference: 0 });
    expect(ann?.direction.words).toBe('Ann Bo and the benchmarkers gave the same grade in 2 cases.');
  });

  it('uses the level labels in the sentences', () => {
    const ann = result.byAuditor[0];
    expect(ann?.overall.warning).toContain('Every grade from both graders is "Met"');
    const unlabelled = calibrate(THREE, SECTIONS, PAIRS).byAuditor[0];
    expect(unlabelled?.overall.warning).toContain('Every grade from both graders is "met"');
  });

  it('groups by area, sorted by area code', () => {
    expect(result.byArea.map((g) => [g.key, g.label, g.pairs, g.overall.pairs])).toEqual([
      ['ar-n', 'NE', 3, 3],
      ['ar-s', 'SW', 3, 2],
    ]);
    const [ne, sw] = result.byArea;
    expect(ne && percentOf(ne)).toBeCloseTo(1 / 3, 12);
    expect(ne?.direction.meanDifference).toBeCloseTo(2 / 3, 12);
    expect(ne?.direction.words).toMatch(
      /^The auditors in NE graded higher than the benchmarkers in 2 of 3 cases/,
    );
    expect(sw && percentOf(sw)).toBe(0.5);
    expect(sw?.direction.meanDifference).toBe(0.5);
  });

  it('groups by audit in the order audits are first met', () => {
    expect(result.byAudit.map((g) => [g.key, g.label, g.pairs, g.overall.pairs])).toEqual([
      ['A2', 'Autumn 2024', 3, 2],
      ['A1', 'Spring 2024', 3, 3],
    ]);
    const [a2, a1] = result.byAudit;
    expect(a2 && percentOf(a2)).toBe(0.5);
    expect(a1 && percentOf(a1)).toBeCloseTo(1 / 3, 12);
    expect(calibrate(THREE, SECTIONS, [P1, ...PAIRS]).byAudit.map((g) => g.key)).toEqual(['A1', 'A2']);
  });

  it('counts moderations by moderator, most first', () => {
    expect(result.moderations).toEqual([
      { moderatorId: 'm1', name: 'Zoe Park', count: 3 },
      { moderatorId: 'm2', name: 'Abe Cole', count: 2 },
    ]);
  });

  it('breaks a tie in moderations by name, and falls back to the id for a missing name', () => {
    const tied = calibrate(THREE, SECTIONS, [P1, P4, { ...P3, moderatorId: 'm9', moderatorName: null }]);
    expect(tied.moderations).toEqual([
      { moderatorId: 'm2', name: 'Abe Cole', count: 1 },
      { moderatorId: 'm1', name: 'Zoe Park', count: 1 },
      { moderatorId: 'm9', name: 'm9', count: 1 },
    ]);
  });

  it('keeps the given order of sections that agree equally', () => {
    const sections = [
      { key: 'b', title: 'Analysis' },
      { key: 'a', title: 'Assessment' },
    ];
    expect(calibrate(THREE, sections, [P3]).sections.map((s) => s.key)).toEqual(['b', 'a']);
  });

  it('measures nothing from no pairs', () => {
    const empty = calibrate(THREE, SECTIONS, []);
    expect(empty.pairs).toBe(0);
    expect(empty.overall.pairs).toBe(0);
    expect(empty.overall.percentAgreement.value).toBeNull();
    expect(empty.direction.meanDifference).toBeNull();
    expect(empty.sections.map((s) => [s.key, s.agreement.pairs])).toEqual([
      ['voice', 0],
      ['c', 0],
      ['b', 0],
      ['a', 0],
    ]);
    expect(empty.byAuditor).toEqual([]);
    expect(empty.byArea).toEqual([]);
    expect(empty.byAudit).toEqual([]);
    expect(empty.moderations).toEqual([]);
    expect(calibrate(THREE, [], []).sections).toEqual([]);
  });

  it('refuses a grade that is not on the scale, and a section listed twice', () => {
    expect(() => calibrate(THREE, [], [{ ...P1, second: grades('outstanding') }])).toThrow(/outstanding/);
    const voice = { key: 'voice', title: 'Voice of the child' };
    expect(() => calibrate(THREE, [voice, voice], [])).toThrow(/voice/);
  });
});

describe('describeBenchmarking', () => {
  it('writes seed 000’s sentence', () => {
    expect(
      describeBenchmarking(
        [
          { name: 'Kate Mullinder', cases: 47 },
          { name: 'Marie Gittins', cases: 26 },
        ],
        5,
      ),
    ).toBe('Kate Mullinder benchmarked 47 cases and Marie Gittins 26; 5 were moderated.');
  });
  it('handles one benchmarker, one case and no moderation', () => {
    expect(describeBenchmarking([{ name: 'Sara Mensah', cases: 1 }], 0)).toBe(
      'Sara Mensah benchmarked 1 case; none needed moderation.',
    );
    expect(
      describeBenchmarking(
        [
          { name: 'A', cases: 2 },
          { name: 'B', cases: 3 },
          { name: 'C', cases: 4 },
        ],
        1,
      ),
    ).toBe('A benchmarked 2 cases, B 3 and C 4; 1 was moderated.');
  });
  it('says when nothing has been benchmarked', () => {
    expect(describeBenchmarking([], 0)).toBe('No cases have been benchmarked for this audit.');
    expect(describeBenchmarking([{ name: 'A', cases: 0 }], 0)).toBe(
      'No cases have been benchmarked for this audit.',
    );
  });
});
