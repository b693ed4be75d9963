import { describe, expect, it } from 'vitest';
import { RuleError } from '@/lib/domain/errors';
import {
  ACKNOWLEDGE_WITHIN_HOURS,
  acknowledgeBy,
  assertCanAcknowledge,
  assertCanClose,
  concernState,
} from '@/lib/domain/safeguarding';

const raisedAt = new Date('2026-11-21T09:00:00Z');
const after = (hours: number, minutes = 0, seconds = 0) =>
  new Date(raisedAt.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);

function ruleError(run: () => void): RuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected a RuleError');
}

describe('acknowledgeBy', () => {
  it('is 24 hours after the concern was raised, across a clock change', () => {
    expect(ACKNOWLEDGE_WITHIN_HOURS).toBe(24);
    expect(acknowledgeBy(raisedAt)).toEqual(new Date('2026-11-22T09:00:00Z'));
    // 24 elapsed hours, not "same time tomorrow" (UK clocks went back on 25 October 2026).
    expect(acknowledgeBy(new Date('2026-10-24T12:00:00Z'))).toEqual(new Date('2026-10-25T12:00:00Z'));
  });

  it('does not change the date it is given', () => {
    const given = new Date(raisedAt);
    acknowledgeBy(given);
    expect(given).toEqual(raisedAt);
  });
});

describe('concernState', () => {
  const open = { raisedAt, acknowledgedAt: null, closedAt: null };
  it.each([
    ['just raised', open, raisedAt, 'awaiting-acknowledgement'],
    ['an hour in', open, after(1), 'awaiting-acknowledgement'],
    ['23:59:59 in', open, after(23, 59, 59), 'awaiting-acknowledgement'],
    ['23:59:59.999 in', open, new Date(after(24).getTime() - 1), 'awaiting-acknowledgement'],
    ['24:00:00 in', open, after(24), 'overdue'],
    ['three days in', open, after(72), 'overdue'],
    ['acknowledged in time', { ...open, acknowledgedAt: after(2) }, after(30), 'acknowledged'],
    ['acknowledged late', { ...open, acknowledgedAt: after(30) }, after(31), 'acknowledged'],
    [
      'acknowledged and closed',
      { raisedAt, acknowledgedAt: after(1), closedAt: after(5) },
      after(6),
      'closed',
    ],
    [
      'closed after being overdue',
      { raisedAt, acknowledgedAt: after(25), closedAt: after(26) },
      after(48),
      'closed',
    ],
    ['closed wins even without an acknowledgement', { ...open, closedAt: after(1) }, after(48), 'closed'],
  ] as const)('%s → %s', (_label, concern, now, expected) => {
    expect(concernState(concern, now)).toBe(expected);
  });
});

describe('assertCanAcknowledge', () => {
  it('allows an open, unacknowledged concern, overdue or not', () => {
    expect(() => assertCanAcknowledge({ acknowledgedAt: null, closedAt: null })).not.toThrow();
  });

  it.each([
    ['already acknowledged', { acknowledgedAt: after(1), closedAt: null }, /already been acknowledged/],
    ['closed', { acknowledgedAt: after(1), closedAt: after(2) }, /already closed/],
    ['closed without an acknowledgement', { acknowledgedAt: null, closedAt: after(2) }, /already closed/],
  ] as const)('refuses a concern %s', (_label, concern, message) => {
    expect(ruleError(() => assertCanAcknowledge(concern)).message).toMatch(message);
  });
});

describe('assertCanClose', () => {
  const acknowledged = { acknowledgedAt: after(1), closedAt: null };

  it('allows an acknowledged concern with the action taken recorded', () => {
    expect(() => assertCanClose(acknowledged, 'Referral made to the local authority.')).not.toThrow();
  });

  it.each([
    [
      'not yet acknowledged',
      { acknowledgedAt: null, closedAt: null },
      'Referred.',
      /Acknowledge .* before closing/,
      undefined,
    ],
    [
      'already closed',
      { acknowledgedAt: after(1), closedAt: after(2) },
      'Referred.',
      /already closed/,
      undefined,
    ],
    ['with no action taken', acknowledged, '', /Record the action taken/, 'actionTaken'],
    ['with blank action taken', acknowledged, ' \n\t ', /Record the action taken/, 'actionTaken'],
  ] as const)('refuses a concern %s', (_label, concern, actionTaken, message, field) => {
    const error = ruleError(() => assertCanClose(concern, actionTaken));
    expect(error.message).toMatch(message);
    expect(error.field).toBe(field);
  });
});
