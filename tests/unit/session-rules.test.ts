import { describe, expect, it } from 'vitest';
import {
  isLocked,
  lockoutAfterFailure,
  LOCKOUT_MINUTES,
  MAX_FAILED_SIGN_INS,
  sessionState,
} from '@/lib/domain/session-rules';

const limits = { idleMinutes: 30, absoluteHours: 10 };
const t0 = new Date('2026-11-21T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('sessionState', () => {
  it.each([
    ['fresh', { createdAt: t0, lastSeenAt: t0, revokedAt: null }, at(1), 'valid'],
    ['29 min idle', { createdAt: t0, lastSeenAt: t0, revokedAt: null }, at(29), 'valid'],
    ['30 min idle', { createdAt: t0, lastSeenAt: t0, revokedAt: null }, at(30), 'idle'],
    ['active but 10 h old', { createdAt: t0, lastSeenAt: at(599), revokedAt: null }, at(600), 'expired'],
    ['active 9 h 59 min', { createdAt: t0, lastSeenAt: at(590), revokedAt: null }, at(599), 'valid'],
    ['revoked', { createdAt: t0, lastSeenAt: t0, revokedAt: at(1) }, at(2), 'revoked'],
  ] as const)('%s → %s', (_label, session, now, expected) => {
    expect(sessionState(session, now, limits)).toBe(expected);
  });
});

describe('lockout', () => {
  it('counts failures below the limit without locking', () => {
    for (let failures = 1; failures < MAX_FAILED_SIGN_INS; failures += 1) {
      expect(lockoutAfterFailure(failures, t0)).toEqual({ failedSignIns: failures, lockedUntil: null });
    }
  });
  it('locks on the fifth failure and resets the count', () => {
    expect(lockoutAfterFailure(MAX_FAILED_SIGN_INS, t0)).toEqual({
      failedSignIns: 0,
      lockedUntil: at(LOCKOUT_MINUTES),
    });
  });
  it('is locked until the time passes', () => {
    expect(isLocked(at(15), at(14))).toBe(true);
    expect(isLocked(at(15), at(15))).toBe(false);
    expect(isLocked(null, t0)).toBe(false);
  });
});
