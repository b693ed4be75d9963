import { describe, expect, it } from 'vitest';
import { ACTIONS, actionsFor, can, inArea, NATIONAL, POLICY } from '@/lib/domain/permissions';
import { ROLES, type Role } from '@/lib/domain/roles';

const actor = (role: Role, serviceAreaId: string | null = null) => ({ role, serviceAreaId });

describe('can', () => {
  it('refuses when there is no actor', () => {
    expect(can(null, 'user.manage', NATIONAL)).toBe(false);
  });

  it.each(ROLES.filter((role) => role !== 'ADMIN'))('refuses every admin action to %s', (role) => {
    for (const action of ACTIONS) {
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

describe('actionsFor', () => {
  it('lists what a role may do', () => {
    expect(actionsFor('ADMIN')).toEqual([...ACTIONS]);
    expect(actionsFor('DIRECTOR')).toEqual([]);
  });
});
