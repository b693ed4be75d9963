import { describe, expect, it } from 'vitest';
import { ACTIONS, actionsFor, can, inArea, NATIONAL, POLICY, type Action } from '@/lib/domain/permissions';
import { isAreaRole, ROLES, type Role } from '@/lib/domain/roles';

const actor = (role: Role, serviceAreaId: string | null = null) => ({ role, serviceAreaId });
const ALL = [...ROLES];

/** The expected policy, written out independently of lib/domain/permissions.ts. */
const EXPECTED: Record<Action, Role[]> = {
  'admin.view': ['ADMIN'],
  'accessLog.view': ['ADMIN'],
  'user.manage': ['ADMIN'],
  'organisation.manage': ['ADMIN'],
  'practitioner.manage': ['ADMIN'],
  'practitioner.import': ['ADMIN'],
  'threshold.view': ALL,
  'threshold.edit': ['SENIOR_SERVICE_MANAGER', 'ADMIN'],
  'audit.view': ALL,
  'audit.manage': ['SENIOR_SERVICE_MANAGER', 'ADMIN'],
  'caseIndex.import': ['IMPROVEMENT_ASSISTANT'],
  'caseIndex.view': ['IMPROVEMENT_ASSISTANT', 'SENIOR_SERVICE_MANAGER'],
  'sample.manage': ['SENIOR_SERVICE_MANAGER'],
  'sample.view': ['SENIOR_SERVICE_MANAGER', 'IMPROVEMENT_ASSISTANT', 'NATIONAL_SERVICE_DIRECTOR'],
  'queue.view': ['IMPROVEMENT_MANAGER'],
  'caseAudit.grade': ['IMPROVEMENT_MANAGER'],
  'areaReview.view': [
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
    'SENIOR_SERVICE_MANAGER',
    'NATIONAL_SERVICE_DIRECTOR',
  ],
  'areaReview.record': ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
  'concern.raise': ['IMPROVEMENT_MANAGER', 'SENIOR_SERVICE_MANAGER'],
  'concern.view': [
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
    'SENIOR_SERVICE_MANAGER',
    'NATIONAL_SERVICE_DIRECTOR',
  ],
  'concern.respond': ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR', 'SENIOR_SERVICE_MANAGER'],
  'inbox.read': ALL,
  'challenge.raise': ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
  'challenge.view': [
    'IMPROVEMENT_MANAGER',
    'SENIOR_SERVICE_MANAGER',
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
    'NATIONAL_SERVICE_DIRECTOR',
  ],
  'challenge.reply': ['IMPROVEMENT_MANAGER'],
  'challenge.decide': ['SENIOR_SERVICE_MANAGER'],
  'challenge.adjudicate': ['NATIONAL_SERVICE_DIRECTOR'],
  'challenge.withdraw': ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'],
  'report.view': [
    'SENIOR_SERVICE_MANAGER',
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
    'NATIONAL_SERVICE_DIRECTOR',
    'DIRECTOR',
  ],
  'report.write': ['SENIOR_SERVICE_MANAGER'],
  'results.import': ['SENIOR_SERVICE_MANAGER', 'ADMIN'],
  'dashboard.national': ['SENIOR_SERVICE_MANAGER', 'NATIONAL_SERVICE_DIRECTOR', 'DIRECTOR'],
  'dashboard.area': [
    'SENIOR_SERVICE_MANAGER',
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
    'NATIONAL_SERVICE_DIRECTOR',
    'DIRECTOR',
  ],
  'benchmark.manage': ['SENIOR_SERVICE_MANAGER'],
  'benchmark.grade': ['SENIOR_SERVICE_MANAGER', 'HEAD_OF_SERVICE'],
  'benchmark.moderate': ['SENIOR_SERVICE_MANAGER'],
  'calibration.view': ['SENIOR_SERVICE_MANAGER', 'NATIONAL_SERVICE_DIRECTOR', 'DIRECTOR'],
  'dashboard.practitioners': [
    'SENIOR_SERVICE_MANAGER',
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
    'NATIONAL_SERVICE_DIRECTOR',
  ],
  'recommendation.view': [
    'NATIONAL_SERVICE_DIRECTOR',
    'SENIOR_SERVICE_MANAGER',
    'DIRECTOR',
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
  ],
  'recommendation.manage': [
    'NATIONAL_SERVICE_DIRECTOR',
    'SENIOR_SERVICE_MANAGER',
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
  ],
  'recommendation.import': ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER'],
  'improvementAction.update': [
    'NATIONAL_SERVICE_DIRECTOR',
    'SENIOR_SERVICE_MANAGER',
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
  ],
  'progressReview.record': [
    'NATIONAL_SERVICE_DIRECTOR',
    'SENIOR_SERVICE_MANAGER',
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
  ],
  'thematicAudit.commission': ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER'],
  'inspectionJudgement.record': ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER'],
  'boardPack.view': ['NATIONAL_SERVICE_DIRECTOR', 'SENIOR_SERVICE_MANAGER', 'DIRECTOR'],
  'localProgramme.manage': ['SENIOR_SERVICE_MANAGER', 'HEAD_OF_PRACTICE'],
  'localAudit.grade': ['SERVICE_MANAGER'],
  'localAudit.pick': ['SERVICE_MANAGER'],
  'observation.record': ['SERVICE_MANAGER', 'HEAD_OF_PRACTICE'],
  'observation.view': [
    'SERVICE_MANAGER',
    'HEAD_OF_PRACTICE',
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
    'SENIOR_SERVICE_MANAGER',
    'NATIONAL_SERVICE_DIRECTOR',
  ],
  'moderation.manage': ['HEAD_OF_PRACTICE', 'SENIOR_SERVICE_MANAGER'],
  'moderation.grade': ['HEAD_OF_PRACTICE'],
  'moderation.agree': ['HEAD_OF_PRACTICE'],
  'localCalibration.view': [
    'HEAD_OF_PRACTICE',
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
    'SENIOR_SERVICE_MANAGER',
    'NATIONAL_SERVICE_DIRECTOR',
    'DIRECTOR',
  ],
  'qaOverview.view': [
    'DIRECTOR',
    'NATIONAL_SERVICE_DIRECTOR',
    'SENIOR_SERVICE_MANAGER',
    'HEAD_OF_SERVICE',
    'ASSISTANT_DIRECTOR',
    'HEAD_OF_PRACTICE',
  ],
};

/** Actions granted to area roles in their own area only. */
const OWN_AREA_ONLY = new Set<Action>([
  'challenge.raise',
  'challenge.view',
  'challenge.withdraw',
  'report.view',
  'dashboard.area',
  'dashboard.practitioners',
  'areaReview.view',
  'areaReview.record',
  'concern.view',
  'concern.respond',
  'recommendation.manage',
  'improvementAction.update',
  'progressReview.record',
  'localProgramme.manage',
  'localAudit.grade',
  'localAudit.pick',
  'observation.record',
  'observation.view',
  'moderation.manage',
  'moderation.grade',
  'moderation.agree',
  'localCalibration.view',
  'qaOverview.view',
]);

/** Actions granted to area roles in their own area and nationally, never in another area. */
const OWN_AREA_AND_NATIONAL = new Set<Action>(['recommendation.view']);

describe('can', () => {
  it('covers every action in the expected table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  const cells = ACTIONS.flatMap((action) =>
    ROLES.map((role) => [action, role, EXPECTED[action].includes(role)] as const),
  );
  it.each(cells)('%s by %s → %s', (action, role, allowed) => {
    const areaId = isAreaRole(role) ? 'area-1' : null;
    const ownAreaOnly = areaId !== null && OWN_AREA_ONLY.has(action);
    const ownAndNational = areaId !== null && OWN_AREA_AND_NATIONAL.has(action);
    expect(can(actor(role, areaId), action, NATIONAL)).toBe(allowed && !ownAreaOnly);
    expect(can(actor(role, areaId), action, inArea('area-1'))).toBe(allowed);
    expect(can(actor(role, areaId), action, inArea('area-2'))).toBe(
      allowed && !ownAreaOnly && !ownAndNational,
    );
  });

  it('refuses when there is no actor', () => {
    for (const action of ACTIONS) expect(can(null, action, NATIONAL)).toBe(false);
  });

  it('denies an action missing from the policy (deny by default)', () => {
    expect(can(actor('ADMIN'), 'no.such.action' as never, NATIONAL)).toBe(false);
  });

  it('denies a role missing from the policy', () => {
    expect(can(actor('SOMEONE' as Role), 'admin.view', NATIONAL)).toBe(false);
  });
});

describe('own-area grants', () => {
  // A temporary grant exercises the own-area rule that later issues rely on.
  const grant = POLICY['admin.view'];
  it('reach only the actor’s own area, never national or another area', () => {
    grant.HEAD_OF_SERVICE = { reach: 'own-area' };
    try {
      expect(can(actor('HEAD_OF_SERVICE', 'a1'), 'admin.view', inArea('a1'))).toBe(true);
      expect(can(actor('HEAD_OF_SERVICE', 'a1'), 'admin.view', inArea('a2'))).toBe(false);
      expect(can(actor('HEAD_OF_SERVICE', 'a1'), 'admin.view', NATIONAL)).toBe(false);
      expect(can(actor('HEAD_OF_SERVICE', null), 'admin.view', inArea('a1'))).toBe(false);
    } finally {
      delete grant.HEAD_OF_SERVICE;
    }
  });
});

describe('actionsFor', () => {
  it.each(ROLES)('lists what %s may do', (role) => {
    expect(actionsFor(role)).toEqual(ACTIONS.filter((action) => EXPECTED[action].includes(role)));
  });
});
