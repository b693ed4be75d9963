import { describe, expect, it } from 'vitest';
import { ACTIONS, actionsFor, can, inArea, NATIONAL, POLICY } from '@/lib/domain/permissions';
import { ROLES, type Role } from '@/lib/domain/roles';

const actor = (role: Role, serviceAreaId: string | null = null) => ({ role, serviceAreaId });

describe('can', () => {
  it('refuses when there is no actor', () => {
    expect(can(null, 'user.manage', NATIONAL)).toBe(false);
  });

  const ADMIN_ACTIONS = [
    'admin.view',
    'user.manage',
    'organisation.manage',
    'practitioner.manage',
    'practitioner.import',
  ] as const;
  it.each(ROLES.filter((role) => role !== 'ADMIN'))('refuses every admin action to %s', (role) => {
    for (const action of ADMIN_ACTIONS) {
      expect(
        can(
          actor(role, role === 'HEAD_OF_SERVICE' || role === 'ASSISTANT_DIRECTOR' ? 'area-1' : null),
          action,
          NATIONAL,
        ),
      ).toBe(false);
      expect(can(actor(role, 'area-1'), action, inArea('area-1'))).toBe(false);
    }
  });

  it.each(ACTIONS)('allows Admin to %s nationally and in any area', (action) => {
    expect(can(actor('ADMIN'), action, NATIONAL)).toBe(true);
    expect(can(actor('ADMIN'), action, inArea('any-area'))).toBe(true);
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

describe('threshold documents and audits', () => {
  it.each(ROLES)('%s may read threshold documents and audits', (role) => {
    expect(can(actor(role, 'a1'), 'threshold.view', NATIONAL)).toBe(true);
    expect(can(actor(role, 'a1'), 'audit.view', NATIONAL)).toBe(true);
  });
  it.each(ROLES)('only the Senior Service Manager and Admin edit them (%s)', (role) => {
    const mayEdit = role === 'SENIOR_SERVICE_MANAGER' || role === 'ADMIN';
    expect(can(actor(role), 'threshold.edit', NATIONAL)).toBe(mayEdit);
    expect(can(actor(role), 'audit.manage', NATIONAL)).toBe(mayEdit);
  });
});

describe('actionsFor', () => {
  it('lists what a role may do', () => {
    expect(actionsFor('ADMIN')).toEqual([...ACTIONS]);
    expect(actionsFor('DIRECTOR')).toEqual(['threshold.view', 'audit.view']);
    expect(actionsFor('SENIOR_SERVICE_MANAGER')).toEqual([
      'threshold.view',
      'threshold.edit',
      'audit.view',
      'audit.manage',
    ]);
  });
});
