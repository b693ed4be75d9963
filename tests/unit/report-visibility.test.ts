import { describe, expect, it } from 'vitest';
import { isWithheldWhileBenchmarking } from '@/lib/domain/benchmarking';
import { challengeFiguresScope } from '@/lib/domain/challenges';
import { groupShare, seesSmallGroupPercentages, suppressedGroups } from '@/lib/domain/dashboard';
import type { Role } from '@/lib/domain/roles';

describe('isWithheldWhileBenchmarking', () => {
  it.each([
    ['GRADING', 1, true],
    ['REVIEW', 3, true],
    ['GRADING', 0, false],
    // A published audit takes no benchmark gradings: there is no blindness left to protect.
    ['PUBLISHED', 1, false],
  ] as const)('%s audit with %i unsubmitted benchmark(s): withheld %s', (status, count, expected) => {
    expect(isWithheldWhileBenchmarking(status, count)).toBe(expected);
  });
});

describe('seesSmallGroupPercentages', () => {
  const area = 'area-1';
  it.each<[Role, string | null, string | null, boolean]>([
    ['DIRECTOR', null, null, false],
    ['DIRECTOR', null, area, false],
    ['NATIONAL_SERVICE_DIRECTOR', null, null, true],
    ['SENIOR_SERVICE_MANAGER', null, area, true],
    // Area roles see their own practitioners already: hiding a small team's share protects no one from them.
    ['HEAD_OF_SERVICE', area, area, true],
    ['ASSISTANT_DIRECTOR', area, area, true],
    ['HEAD_OF_SERVICE', area, 'area-2', false],
  ])('%s (area %s) reading %s: %s', (role, serviceAreaId, scope, expected) => {
    expect(seesSmallGroupPercentages({ role, serviceAreaId }, scope)).toBe(expected);
  });

  it('uses the dashboards’ floor: 4 cases hidden, 5 shown', () => {
    expect(groupShare(2, 4, { minGroupSize: 5 }).suppressed).toBe(true);
    expect(groupShare(2, 5, { minGroupSize: 5 }).suppressed).toBe(false);
  });
});

describe('challengeFiguresScope', () => {
  it.each<[Role, string | null, { serviceAreaId: string | null } | null]>([
    ['HEAD_OF_SERVICE', 'area-1', { serviceAreaId: 'area-1' }],
    ['ASSISTANT_DIRECTOR', 'area-2', { serviceAreaId: 'area-2' }],
    ['HEAD_OF_SERVICE', null, null],
    ['SENIOR_SERVICE_MANAGER', null, { serviceAreaId: null }],
    ['NATIONAL_SERVICE_DIRECTOR', null, { serviceAreaId: null }],
    ['IMPROVEMENT_MANAGER', null, { serviceAreaId: null }],
    ['DIRECTOR', null, { serviceAreaId: null }],
    ['IMPROVEMENT_ASSISTANT', null, null],
    ['ADMIN', null, null],
  ])('%s of area %s sees %o', (role, serviceAreaId, expected) => {
    expect(challengeFiguresScope({ role, serviceAreaId })).toEqual(expected);
  });
});

describe('suppressedGroups', () => {
  const rules = { minGroupSize: 5 };
  it.each<[string, number[], number[]]>([
    ['nothing small: nothing hidden', [10, 6, 5], []],
    ['two small: both, no more', [10, 3, 2], [1, 2]],
    // One small group alone would be the total minus the rest: the next smallest goes with it.
    ['one small: it and the next smallest', [30, 3, 12, 20], [1, 2]],
    ['one small beside empty groups: the empty ones do not count', [0, 3, 0, 9], [1, 3]],
    ['one small and nothing else: only it', [4], [0]],
    ['no cases anywhere: nothing hidden', [0, 0], []],
  ])('%s', (_, totals, expected) => {
    expect([...suppressedGroups(totals, rules)].sort((a, b) => a - b)).toEqual(expected);
  });
});
