import { describe, expect, it } from 'vitest';
import { RuleError } from '@/lib/domain/errors';
import { AREA_ROLES, isAreaRole, ROLES } from '@/lib/domain/roles';
import { assertNotSelfLockout, assertRoleAreaConsistent } from '@/lib/domain/users';
import { navigationFor } from '@/lib/domain/navigation';

describe('assertRoleAreaConsistent', () => {
  it.each(AREA_ROLES)('%s needs an area', (role) => {
    expect(() => assertRoleAreaConsistent(role, null)).toThrow(RuleError);
    expect(() => assertRoleAreaConsistent(role, 'area')).not.toThrow();
  });
  it.each(ROLES.filter((role) => !isAreaRole(role)))('%s works nationally', (role) => {
    expect(() => assertRoleAreaConsistent(role, 'area')).toThrow(/nationally/);
    expect(() => assertRoleAreaConsistent(role, null)).not.toThrow();
  });
  it('names the field at fault', () => {
    try {
      assertRoleAreaConsistent('HEAD_OF_SERVICE', null);
    } catch (error) {
      expect((error as RuleError).field).toBe('serviceAreaId');
    }
    expect.assertions(1);
  });
});

describe('assertNotSelfLockout', () => {
  it('stops an admin deactivating or demoting themselves', () => {
    expect(() => assertNotSelfLockout('me', 'me', { isActive: false })).toThrow(/deactivate your own/);
    expect(() => assertNotSelfLockout('me', 'me', { role: 'DIRECTOR' })).toThrow(/own Admin role/);
    expect(() => assertNotSelfLockout('me', 'me', { role: 'ADMIN' })).not.toThrow();
    expect(() => assertNotSelfLockout('me', 'other', { isActive: false, role: 'DIRECTOR' })).not.toThrow();
  });
});

describe('navigationFor', () => {
  it.each([
    [
      'ADMIN',
      [
        '/',
        '/audits',
        '/thresholds',
        '/inbox',
        '/admin/users',
        '/admin/areas',
        '/admin/practitioners',
        '/admin/access-log',
      ],
    ],
    ['IMPROVEMENT_MANAGER', ['/', '/queue', '/challenges', '/audits', '/thresholds', '/inbox']],
    ['IMPROVEMENT_ASSISTANT', ['/', '/audits', '/case-files', '/thresholds', '/inbox']],
    [
      'SENIOR_SERVICE_MANAGER',
      [
        '/',
        '/dashboard',
        '/local',
        '/benchmarks',
        '/local/moderation',
        '/local/calibration',
        '/reviews',
        '/challenges',
        '/local/observations',
        '/audits',
        '/reports',
        '/improvement',
        '/local/qa-overview',
        '/case-files',
        '/thresholds',
        '/inbox',
      ],
    ],
    [
      'NATIONAL_SERVICE_DIRECTOR',
      [
        '/',
        '/dashboard',
        '/local/calibration',
        '/reviews',
        '/challenges',
        '/local/observations',
        '/audits',
        '/reports',
        '/improvement',
        '/local/qa-overview',
        '/thresholds',
        '/inbox',
      ],
    ],
    [
      'DIRECTOR',
      [
        '/',
        '/dashboard',
        '/local/calibration',
        '/audits',
        '/reports',
        '/improvement',
        '/local/qa-overview',
        '/thresholds',
        '/inbox',
      ],
    ],
  ] as const)('%s sees only what it may use', (role, hrefs) => {
    expect(navigationFor({ role, serviceAreaId: null }).map((item) => item.href)).toEqual(hrefs);
  });

  it.each(['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'] as const)(
    '%s sees the reviews of their own area',
    (role) => {
      // Heads of Service benchmark other areas' cases; Assistant Directors do not benchmark.
      const benchmarks = role === 'HEAD_OF_SERVICE' ? ['/benchmarks'] : [];
      expect(navigationFor({ role, serviceAreaId: 'a1' }).map((item) => item.href)).toEqual([
        '/',
        '/dashboard',
        ...benchmarks,
        '/local/calibration',
        '/reviews',
        '/challenges',
        '/local/observations',
        '/audits',
        '/reports',
        '/improvement',
        '/local/qa-overview',
        '/thresholds',
        '/inbox',
      ]);
      // Without an area (misconfigured) nothing area-scoped shows; the national register still reads.
      expect(navigationFor({ role, serviceAreaId: null }).map((item) => item.href)).toEqual([
        '/',
        ...benchmarks,
        '/audits',
        '/improvement',
        '/thresholds',
        '/inbox',
      ]);
    },
  );
});
