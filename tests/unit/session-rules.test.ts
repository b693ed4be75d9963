import { describe, expect, it } from 'vitest';
import { clientAddress, isLocked, minutesToWait, sessionState } from '@/lib/domain/session-rules';

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
  it('is locked until the time passes', () => {
    expect(isLocked(at(15), at(14))).toBe(true);
    expect(isLocked(at(15), at(15))).toBe(false);
    expect(isLocked(null, t0)).toBe(false);
  });
});

describe('sign-in throttle', () => {
  it.each([
    ["the load balancer's single address", '203.0.113.7', '203.0.113.7'],
    ['the first hop of a list', '203.0.113.7, 10.0.0.1', '203.0.113.7'],
    ['IPv6, lower-cased', '2001:DB8::1', '2001:db8::1'],
    ['the first of repeated headers', ['198.51.100.2', '10.0.0.1'], '198.51.100.2'],
    ['no header', undefined, 'unknown'],
    ['an empty header', '', 'unknown'],
    ['a made-up name', 'evil.example.org', 'unknown'],
    ['a NUL byte', '203.0.113.7\u0000', 'unknown'],
    ['an endless value', '1'.repeat(1000), 'unknown'],
  ] as const)('the client address from %s', (_label, header, expected) => {
    expect(clientAddress(header as string | string[] | undefined)).toBe(expected);
  });

  it.each([
    [1, 1],
    [60_000, 1],
    [60_001, 2],
    [14 * 60_000 + 1, 15],
    [0, 1],
  ])('%i ms to wait reads as %i minutes', (ms, minutes) => {
    expect(minutesToWait(ms)).toBe(minutes);
  });
});
