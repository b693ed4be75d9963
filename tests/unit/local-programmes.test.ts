import { describe, expect, it } from 'vitest';
import { RuleError } from '@/lib/domain/errors';
import { mayGradeCase, type GradingTarget } from '@/lib/domain/grading-access';
import {
  addMonths,
  assertMayDrawMonth,
  assertPickReason,
  assertProgrammeSettings,
  drawLocalMonth,
  drawLog,
  explainManagerDraw,
  monthsBetween,
  monthStart,
  recentWindow,
  type LocalCandidate,
  type LocalDrawParameters,
} from '@/lib/domain/local-draw';
import {
  expectedSoFar,
  isOnTarget,
  isOnTrack,
  onTargetView,
  percentOf,
  type ManagerMonth,
} from '@/lib/domain/local-quota';
import { navigationFor } from '@/lib/domain/navigation';
import { teamKey, validatePractitionerRows } from '@/lib/domain/practitioner-import';
import { assertServiceManagerForTeam, practitionerManagerFor } from '@/lib/domain/team-managers';

function candidate(
  reference: string,
  managerId: string,
  practitionerId: string,
  lastFiledOn = '2026-10-10',
): LocalCandidate {
  return {
    caseFileId: `id-${reference}`,
    caseReference: reference,
    practitionerId,
    serviceAreaId: 'a1',
    teamId: `team-${managerId}`,
    managerId,
    lastFiledOn,
  };
}

const parameters = (overrides: Partial<LocalDrawParameters> = {}): LocalDrawParameters => ({
  seed: 'seed-1',
  month: '2026-11-01',
  quota: 2,
  recentDays: 90,
  managerIds: ['sm-b', 'sm-a'],
  alreadyAssigned: {},
  ...overrides,
});

const work: LocalCandidate[] = [
  ...Array.from({ length: 12 }, (_, index) => candidate(`A-${index}`, 'sm-a', `pa-${index % 4}`)),
  ...Array.from({ length: 3 }, (_, index) => candidate(`B-${index}`, 'sm-b', 'pb-1')),
];

describe('the monthly draw', () => {
  it('gives each manager their quota of their own teams’ cases', () => {
    const draw = drawLocalMonth(work, parameters());
    expect(draw.managers.map((manager) => manager.managerId)).toEqual(['sm-a', 'sm-b']);
    for (const manager of draw.managers) {
      expect(manager.drawn).toHaveLength(2);
      expect(manager.drawn.every((drawn) => drawn.managerId === manager.managerId)).toBe(true);
    }
  });

  it('is reproducible from its seed, whatever order the work arrives in', () => {
    const first = drawLocalMonth(work, parameters());
    const again = drawLocalMonth([...work].reverse(), parameters({ managerIds: ['sm-a', 'sm-b'] }));
    expect(drawLog(again)).toEqual(drawLog(first));
    const other = drawLocalMonth(work, parameters({ seed: 'another seed' }));
    expect(drawLog(other)).not.toEqual(drawLog(first));
  });

  it('takes one case per practitioner before a second of anyone', () => {
    const draw = drawLocalMonth(work, parameters({ quota: 4 }));
    const practitioners = draw.managers[0]?.drawn.map((drawn) => drawn.practitionerId) ?? [];
    expect(new Set(practitioners).size).toBe(4);
  });

  it('counts a manager’s own picks towards the quota', () => {
    const draw = drawLocalMonth(work, parameters({ alreadyAssigned: { 'sm-a': 1, 'sm-b': 3 } }));
    expect(draw.managers.map((manager) => [manager.wanted, manager.drawn.length])).toEqual([
      [1, 1],
      [0, 0],
    ]);
  });

  it('only draws recently filed work, and says when a manager is short', () => {
    const stale = [
      candidate('OLD-1', 'sm-b', 'p', '2026-07-01'),
      candidate('NEW-1', 'sm-b', 'p', '2026-10-31'),
    ];
    const draw = drawLocalMonth(stale, parameters({ managerIds: ['sm-b', 'sm-c'] }));
    expect(draw.recentFrom).toBe('2026-08-03');
    expect(draw.recentTo).toBe('2026-10-31');
    expect(draw.managers[0]).toMatchObject({ eligible: 1, shortBy: 1 });
    expect(draw.managers[0]?.drawn.map((drawn) => drawn.caseReference)).toEqual(['NEW-1']);
    // A manager with no recent work is still in the log, drawn nothing.
    expect(draw.managers[1]).toMatchObject({ managerId: 'sm-c', eligible: 0, drawn: [], shortBy: 2 });
    expect(explainManagerDraw({ ...draw.managers[0]!, drawn: 1 })).toBe(
      '1 recently filed case eligible; 2 to draw; 1 drawn; 1 short: not enough recent work.',
    );
  });

  it('counts a case filed twice once', () => {
    const twice = [candidate('C-1', 'sm-a', 'p'), candidate('C-1', 'sm-a', 'p', '2026-10-20')];
    expect(drawLocalMonth(twice, parameters({ managerIds: ['sm-a'] })).managers[0]?.eligible).toBe(1);
  });
});

describe('months', () => {
  it('reads a month and refuses what is not one', () => {
    expect(monthStart('2026-11')).toBe('2026-11-01');
    expect(monthStart('2026-11-01')).toBe('2026-11-01');
    expect(monthStart('2026-11-15')).toBeNull();
    expect(monthStart('2026-13')).toBeNull();
    expect(monthStart('November')).toBeNull();
  });

  it('steps through months and windows', () => {
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
    expect(monthsBetween('2026-04-01', '2026-07-31')).toEqual([
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
    ]);
    expect(recentWindow('2026-03-01', 28)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('draws a month inside the programme, once', () => {
    const programme = { windowFrom: '2026-04-01', windowTo: '2027-03-31', drawnMonths: ['2026-10-01'] };
    expect(() => assertMayDrawMonth('2026-11-01', programme)).not.toThrow();
    expect(() => assertMayDrawMonth('2026-10-01', programme)).toThrow(/never repeated/);
    expect(() => assertMayDrawMonth('2027-04-01', programme)).toThrow(RuleError);
  });

  it('checks the settings, naming the field', () => {
    const settings = {
      quota: 2,
      moderationSharePercent: 10,
      recentDays: 90,
      windowFrom: '2026-04-01',
      windowTo: '2027-03-31',
    };
    expect(() => assertProgrammeSettings(settings)).not.toThrow();
    for (const [change, field] of [
      [{ quota: 0 }, 'quota'],
      [{ moderationSharePercent: 101 }, 'moderationSharePercent'],
      [{ recentDays: 0 }, 'recentDays'],
      [{ windowTo: '2026-01-01' }, 'windowTo'],
    ] as const) {
      try {
        assertProgrammeSettings({ ...settings, ...change });
        expect.unreachable();
      } catch (error) {
        expect((error as RuleError).field).toBe(field);
      }
    }
    expect(() => assertPickReason('short')).toThrow(/Say why/);
    expect(() => assertPickReason('Returned to court twice; check the plan.')).not.toThrow();
  });
});

describe('on target', () => {
  it('is at least the quota', () => {
    expect(isOnTarget(2, 2)).toBe(true);
    expect(isOnTarget(3, 2)).toBe(true);
    expect(isOnTarget(1, 2)).toBe(false);
  });

  it('is on track when the days gone are covered', () => {
    expect(expectedSoFar(2, 1, 30)).toBe(0);
    expect(expectedSoFar(2, 15, 30)).toBe(1);
    expect(expectedSoFar(2, 30, 30)).toBe(2);
    expect(isOnTrack(0, 2, 10, 30)).toBe(true);
    expect(isOnTrack(0, 2, 16, 30)).toBe(false);
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(2, 3)).toBe(66.7);
  });

  const row = (
    managerId: string,
    month: string,
    submitted: number,
    areaCode = 'A1',
    teams = ['North'],
  ): ManagerMonth => ({
    managerId,
    managerName: managerId.toUpperCase(),
    serviceAreaId: areaCode.toLowerCase(),
    areaCode,
    teams: teams.map((name) => ({ id: `${areaCode}-${name}`, name })),
    month,
    assigned: 2,
    submitted,
  });

  it('shares manager-months on target by area, team and nationally; the month under way is only on track', () => {
    const view = onTargetView(
      [
        row('sm1', '2026-09-01', 2),
        row('sm1', '2026-10-01', 1),
        row('sm2', '2026-10-01', 2, 'A2', ['East', 'West']),
        row('sm1', '2026-11-01', 1),
      ],
      2,
      '2026-11-20',
    );
    expect(view.national).toMatchObject({ managerMonths: 3, onTarget: 2, percent: 66.7 });
    expect(view.byArea.map((share) => [share.label, share.percent])).toEqual([
      ['A1', 50],
      ['A2', 100],
    ]);
    // A manager of two teams counts in both.
    expect(view.byTeam.map((share) => share.label)).toEqual(['A1 · North', 'A2 · East', 'A2 · West']);
    // Areas sort as people read them: A2 before A10.
    const areas = onTargetView(
      [row('x', '2026-09-01', 2, 'A10'), row('y', '2026-09-01', 2, 'A2')],
      2,
      '2026-11-01',
    );
    expect(areas.byArea.map((share) => share.label)).toEqual(['A2', 'A10']);
    expect(
      onTargetView([row('z', '2026-09-01', 2, 'A1', ['A1 East'])], 2, '2026-11-01').byTeam[0]?.label,
    ).toBe('A1 East');
    expect(view.byMonth.map((share) => [share.key, share.onTarget])).toEqual([
      ['2026-09-01', 1],
      ['2026-10-01', 1],
    ]);
    expect(view.current).toEqual([
      expect.objectContaining({
        managerId: 'sm1',
        submitted: 1,
        expectedSoFar: 1,
        isOnTarget: false,
        isOnTrack: true,
      }),
    ]);
  });

  it('has no percentage before a month finishes', () => {
    expect(onTargetView([], 2, '2026-11-01').national.percent).toBeNull();
  });
});

describe('a team’s Service Manager', () => {
  const sm = { id: 'sm', name: 'Sam', role: 'SERVICE_MANAGER' as const, serviceAreaId: 'a1', isActive: true };

  it('is an active Service Manager of the team’s own area', () => {
    expect(() => assertServiceManagerForTeam({ serviceAreaId: 'a1' }, sm)).not.toThrow();
    expect(() => assertServiceManagerForTeam({ serviceAreaId: 'a1' }, null)).not.toThrow();
    expect(() => assertServiceManagerForTeam({ serviceAreaId: 'a2' }, sm)).toThrow(/another service area/);
    expect(() =>
      assertServiceManagerForTeam({ serviceAreaId: 'a1' }, { ...sm, role: 'HEAD_OF_SERVICE' }),
    ).toThrow(/not a Service Manager/);
    expect(() => assertServiceManagerForTeam({ serviceAreaId: 'a1' }, { ...sm, isActive: false })).toThrow(
      /deactivated/,
    );
  });

  it('is the manager of the team’s practitioners: an empty choice takes them, another is refused on managerId', () => {
    const team = { serviceManagerId: 'sm', serviceManagerName: 'Sam' };
    expect(practitionerManagerFor(team, null)).toBe('sm');
    expect(practitionerManagerFor(team, 'sm')).toBe('sm');
    expect(practitionerManagerFor({ serviceManagerId: null, serviceManagerName: null }, 'x')).toBe('x');
    try {
      practitionerManagerFor(team, 'someone-else');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleError);
      expect((error as RuleError).field).toBe('managerId');
      expect((error as RuleError).message).toMatch(/Service Manager is Sam/);
    }
  });
});

describe('the practitioner import keeps a team’s Service Manager as manager', () => {
  const lookup = {
    areaCodes: new Set(['a1']),
    teamIdByAreaAndName: new Map([[teamKey('A1', 'A1 North'), 'team-north']]),
    userIdByEmail: new Map([
      ['sam@example.org', 'sm'],
      ['other@example.org', 'other'],
    ]),
    teamServiceManager: new Map([['team-north', { id: 'sm', name: 'Sam Moore' }]]),
  };
  const header = ['reference', 'name', 'service_area', 'team', 'employment', 'manager_email'];
  const row = (manager: string) => ({ line: 2, cells: ['P1', 'Pat', 'A1', 'A1 North', 'Employed', manager] });

  it('fills an empty manager with the team’s Service Manager and refuses another, on manager_email', () => {
    expect(validatePractitionerRows(header, [row('')], lookup).rows[0]?.managerId).toBe('sm');
    expect(validatePractitionerRows(header, [row('sam@example.org')], lookup).rows[0]?.managerId).toBe('sm');
    const refused = validatePractitionerRows(header, [row('other@example.org')], lookup);
    expect(refused.rows).toEqual([]);
    expect(refused.problems.map((problem) => problem.column)).toEqual(['manager_email']);
    expect(refused.problems[0]?.reason).toMatch(/Service Manager is Sam Moore/);
  });
});

describe('who grades a case', () => {
  const target = (overrides: Partial<GradingTarget> = {}): GradingTarget => ({
    status: 'SELECTED',
    assignedToId: 'me',
    serviceAreaId: 'a1',
    auditKind: 'LOCAL_QUALITY_IMPACT',
    teamServiceManagerId: 'me',
    ...overrides,
  });
  const sm = { userId: 'me', role: 'SERVICE_MANAGER' as const, serviceAreaId: 'a1' };
  const im = { userId: 'me', role: 'IMPROVEMENT_MANAGER' as const, serviceAreaId: null };

  it.each<[string, typeof sm | typeof im, Partial<GradingTarget>, boolean]>([
    ['a Service Manager, their own team’s local case', sm, {}, true],
    ['a Service Manager, a performance-board case', sm, { auditKind: 'PERFORMANCE_BOARD' }, true],
    ['a Service Manager, a national audit’s case', sm, { auditKind: 'NATIONAL_PRACTICE_QUALITY' }, false],
    ['a Service Manager, another manager’s team', sm, { teamServiceManagerId: 'other' }, false],
    ['a Service Manager, assigned to someone else', sm, { assignedToId: 'other' }, false],
    ['a Service Manager, another area', sm, { serviceAreaId: 'a2' }, false],
    ['a Service Manager, a replaced case', sm, { status: 'REPLACED' }, false],
    [
      'an Improvement Manager, any audit assigned to them',
      im,
      { auditKind: 'NATIONAL_PRACTICE_QUALITY', teamServiceManagerId: null },
      true,
    ],
    ['an Improvement Manager, not assigned', im, { assignedToId: 'other' }, false],
  ])('%s → %s', (_title, actor, overrides, expected) => {
    expect(mayGradeCase(actor, target(overrides))).toBe(expected);
  });

  it('puts the Service Manager’s pages in their navigation, and the Head of Practice’s programmes in theirs', () => {
    expect(
      navigationFor({ role: 'SERVICE_MANAGER', serviceAreaId: 'a1' }).map((item) => item.href),
    ).toContain('/local/queue');
    const hop = navigationFor({ role: 'HEAD_OF_PRACTICE', serviceAreaId: 'a1' }).map((item) => item.href);
    expect(hop).toContain('/local');
    expect(hop).not.toContain('/local/queue');
  });
});
