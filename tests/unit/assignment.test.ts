import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balanceAssignments,
  canAssign,
  type AssignmentPlan,
  type Auditor,
  type CaseToAssign,
} from '@/lib/domain/assignment';

const sampled = (
  sampledCaseId: string,
  serviceAreaId = 'a1',
  managerId: string | null = null,
  practitionerId = `pr-${sampledCaseId}`,
): CaseToAssign => ({ sampledCaseId, serviceAreaId, practitionerId, managerId });

const auditors = (...ids: string[]): Auditor[] => ids.map((userId) => ({ userId }));

const loads = (plan: AssignmentPlan, team: Auditor[]): Record<string, number> => {
  const result: Record<string, number> = Object.fromEntries(team.map((a) => [a.userId, a.currentLoad ?? 0]));
  for (const userId of plan.assignments.values()) result[userId] = (result[userId] ?? 0) + 1;
  return result;
};

const spread = (values: number[]): number => Math.max(...values) - Math.min(...values);

describe('canAssign', () => {
  it.each([
    ['no recorded manager', null, 'u1', true],
    ['another user manages the practitioner', 'u2', 'u1', true],
    ['the auditor manages the practitioner', 'u1', 'u1', false],
  ])('%s → %s', (_label, managerId, auditor, expected) => {
    expect(canAssign(sampled('c1', 'a1', managerId), auditor)).toBe(expected);
  });
});

describe('balanceAssignments: worked examples', () => {
  it('deals the cases round the auditors, area by area', () => {
    // a1: c1 u1, c2 u2, c3 u3, c4 u1 (all at 1, all with 1 in a1: lowest id).
    // a2: c5 → u2 (u2, u3 at 1 load; both 0 in a2; lower id), c6 → u3 (the only one at 1),
    //     c7 → u1 (all at 2; u1 has none in a2), c8 → u2 (u2, u3 at 2, 1 each in a2; lower id).
    const cases = ['c1', 'c2', 'c3', 'c4'].map((id) => sampled(id, 'a1'));
    cases.push(...['c5', 'c6', 'c7', 'c8'].map((id) => sampled(id, 'a2')));
    const plan = balanceAssignments(cases, auditors('u1', 'u2', 'u3'));
    expect([...plan.assignments]).toEqual([
      ['c1', 'u1'],
      ['c2', 'u2'],
      ['c3', 'u3'],
      ['c4', 'u1'],
      ['c5', 'u2'],
      ['c6', 'u3'],
      ['c7', 'u1'],
      ['c8', 'u2'],
    ]);
    expect(plan.unassignable).toEqual([]);
  });

  it('among equal loads prefers the auditor with fewest cases in the area, before the user id', () => {
    // u2 starts with one case. c1 → u1 (load 0). c2: both at 1, u1 already has one in a1 → u2.
    const plan = balanceAssignments(
      [sampled('c1'), sampled('c2')],
      [{ userId: 'u1' }, { userId: 'u2', currentLoad: 1 }],
    );
    expect([...plan.assignments]).toEqual([
      ['c1', 'u1'],
      ['c2', 'u2'],
    ]);
  });

  it('considers the cases by area, then case id, whatever order they arrive in', () => {
    const plan = balanceAssignments(
      [sampled('c9', 'a2'), sampled('c1', 'a2'), sampled('c5', 'a1')],
      auditors('u1', 'u2', 'u3'),
    );
    expect([...plan.assignments]).toEqual([
      ['c5', 'u1'],
      ['c1', 'u2'],
      ['c9', 'u3'],
    ]);
  });

  it.each([
    ['3 cases', 3, { u1: 3, u2: 3 }],
    ['4 cases: the fourth to u1, who has none in the area yet', 4, { u1: 4, u2: 3 }],
    ['9 cases', 9, { u1: 6, u2: 6 }],
  ])('tops up the auditor with the lighter current load first (%s)', (_label, count, expected) => {
    const team: Auditor[] = [{ userId: 'u1', currentLoad: 3 }, { userId: 'u2' }];
    const cases = Array.from({ length: count }, (_, index) => sampled(`c${index}`));
    expect(loads(balanceAssignments(cases, team), team)).toEqual(expected);
  });

  it('spreads every auditor across the areas', () => {
    // Two cases in each of three areas, three auditors: each auditor gets two areas, no one
    // gets both cases of an area.
    const cases = ['a1', 'a2', 'a3'].flatMap((a) => [sampled(`${a}-x`, a), sampled(`${a}-y`, a)]);
    const plan = balanceAssignments(cases, auditors('u1', 'u2', 'u3'));
    const areasOf = (userId: string) =>
      cases.filter((c) => plan.assignments.get(c.sampledCaseId) === userId).map((c) => c.serviceAreaId);
    expect(areasOf('u1')).toEqual(['a1', 'a2']);
    expect(areasOf('u2')).toEqual(['a1', 'a3']);
    expect(areasOf('u3')).toEqual(['a2', 'a3']);
  });
});

describe('balanceAssignments: conflicts of interest', () => {
  it('never gives an auditor a case of a practitioner they manage', () => {
    const cases = [sampled('c1', 'a1', 'u1'), sampled('c2', 'a1', 'u1'), sampled('c3', 'a1', 'u2')];
    const plan = balanceAssignments(cases, auditors('u1', 'u2'));
    expect([...plan.assignments]).toEqual([
      ['c1', 'u2'],
      ['c2', 'u2'],
      ['c3', 'u1'],
    ]);
  });

  it('leaves a case unassignable when the only auditor manages the practitioner', () => {
    const plan = balanceAssignments([sampled('c1', 'a1', 'u1'), sampled('c2', 'a1', 'u9')], auditors('u1'));
    expect([...plan.assignments]).toEqual([['c2', 'u1']]);
    expect(plan.unassignable).toEqual(['c1']);
  });

  it('leaves everything unassignable when there are no auditors, in the order considered', () => {
    const plan = balanceAssignments([sampled('c2', 'a2'), sampled('c9', 'a1'), sampled('c1', 'a2')], []);
    expect(plan.assignments.size).toBe(0);
    expect(plan.unassignable).toEqual(['c9', 'c1', 'c2']);
  });

  it('has nothing to do with no cases', () => {
    const plan = balanceAssignments([], auditors('u1'));
    expect(plan.assignments.size).toBe(0);
    expect(plan.unassignable).toEqual([]);
  });
});

describe('balanceAssignments: refuses bad input', () => {
  it.each([
    ['a repeated case', [sampled('c1'), sampled('c1')], auditors('u1'), /case "c1" appears more than once/],
    ['a repeated auditor', [sampled('c1')], auditors('u1', 'u1'), /auditor "u1" appears more than once/],
    ['a negative load', [sampled('c1')], [{ userId: 'u1', currentLoad: -1 }], /currentLoad of auditor "u1"/],
    ['a fractional load', [sampled('c1')], [{ userId: 'u1', currentLoad: 0.5 }], /currentLoad/],
  ])('%s', (_label, cases, team, message) => {
    expect(() => balanceAssignments(cases, team)).toThrow(RangeError);
    expect(() => balanceAssignments(cases, team)).toThrow(message);
  });
});

// --- Properties --------------------------------------------------------------------------------

const USERS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];

const randomCases = (managers: (string | null)[]): fc.Arbitrary<CaseToAssign[]> =>
  fc
    .array(
      fc.record({
        serviceAreaId: fc.constantFrom('a1', 'a2', 'a3', 'a4'),
        managerId: fc.constantFrom(...managers),
      }),
      { maxLength: 60 },
    )
    .map((rows) =>
      rows.map((row, index) =>
        sampled(`c${String(index).padStart(2, '0')}`, row.serviceAreaId, row.managerId),
      ),
    );

const randomTeam = (withLoads: boolean): fc.Arbitrary<Auditor[]> =>
  fc.subarray(USERS, { minLength: 1 }).chain((ids) =>
    fc.tuple(
      ...ids.map((userId) =>
        fc.record({
          userId: fc.constant(userId),
          currentLoad: withLoads ? fc.nat({ max: 8 }) : fc.constant(0),
        }),
      ),
    ),
  );

describe('balanceAssignments: properties', () => {
  it('without conflicts, from equal loads, assigns everything and the loads differ by at most 1', () => {
    fc.assert(
      fc.property(randomCases([null, 'someone-else']), randomTeam(false), (cases, team) => {
        const plan = balanceAssignments(cases, team);
        expect(plan.unassignable).toEqual([]);
        expect(plan.assignments.size).toBe(cases.length);
        expect(spread(Object.values(loads(plan, team)))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('with current loads, only tops up auditors to at most one above the lightest', () => {
    fc.assert(
      fc.property(randomCases([null]), randomTeam(true), (cases, team) => {
        const plan = balanceAssignments(cases, team);
        const final = loads(plan, team);
        const lightest = Math.min(...Object.values(final));
        const given = new Set(plan.assignments.values());
        for (const auditor of team) {
          if (given.has(auditor.userId)) expect(final[auditor.userId]).toBeLessThanOrEqual(lightest + 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never gives a case to the practitioner’s manager, and leaves it only when no one else may take it', () => {
    fc.assert(
      fc.property(randomCases([null, ...USERS]), fc.subarray(USERS), (cases, ids) => {
        const team = auditors(...ids);
        const plan = balanceAssignments(cases, team);
        expect(plan.assignments.size + plan.unassignable.length).toBe(cases.length);
        for (const c of cases) {
          const auditor = plan.assignments.get(c.sampledCaseId);
          if (auditor === undefined) {
            expect(plan.unassignable).toContain(c.sampledCaseId);
            expect(team.every((a) => !canAssign(c, a.userId))).toBe(true);
          } else {
            expect(auditor).not.toBe(c.managerId);
            expect(ids).toContain(auditor);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same plan whatever the order of the cases and auditors', () => {
    fc.assert(
      fc.property(
        randomCases([null, ...USERS]).chain((cases) =>
          fc.tuple(
            fc.constant(cases),
            fc.shuffledSubarray(cases, { minLength: cases.length, maxLength: cases.length }),
          ),
        ),
        randomTeam(true).chain((team) =>
          fc.tuple(
            fc.constant(team),
            fc.shuffledSubarray(team, { minLength: team.length, maxLength: team.length }),
          ),
        ),
        ([cases, reorderedCases], [team, reorderedTeam]) => {
          const a = balanceAssignments(cases, team);
          const b = balanceAssignments(reorderedCases, reorderedTeam);
          expect([...b.assignments]).toEqual([...a.assignments]);
          expect(b.unassignable).toEqual(a.unassignable);
        },
      ),
      { numRuns: 150 },
    );
  });
});
