// A safeguarding concern raised while grading (seed 000: one case needed a
// referral for non-subject children) must reach the area at once and be
// acknowledged within a day; it closes only once the action taken is recorded.
import { RuleError } from './errors';

export const ACKNOWLEDGE_WITHIN_HOURS = 24;

export type ConcernState = 'awaiting-acknowledgement' | 'overdue' | 'acknowledged' | 'closed';

export const CONCERN_STATE_LABELS: Record<ConcernState, string> = {
  'awaiting-acknowledgement': 'Awaiting acknowledgement',
  overdue: 'Overdue: not acknowledged',
  acknowledged: 'Acknowledged',
  closed: 'Closed',
};

export function acknowledgeBy(raisedAt: Date): Date {
  return new Date(raisedAt.getTime() + ACKNOWLEDGE_WITHIN_HOURS * 60 * 60 * 1000);
}

export function concernState(
  concern: { raisedAt: Date; acknowledgedAt: Date | null; closedAt: Date | null },
  now: Date,
): ConcernState {
  if (concern.closedAt !== null) return 'closed';
  if (concern.acknowledgedAt !== null) return 'acknowledged';
  return now.getTime() >= acknowledgeBy(concern.raisedAt).getTime() ? 'overdue' : 'awaiting-acknowledgement';
}

export function assertCanAcknowledge(concern: { acknowledgedAt: Date | null; closedAt: Date | null }): void {
  if (concern.closedAt !== null) throw new RuleError('This safeguarding concern is already closed.');
  if (concern.acknowledgedAt !== null)
    throw new RuleError('This safeguarding concern has already been acknowledged.');
}

export function assertCanClose(
  concern: { acknowledgedAt: Date | null; closedAt: Date | null },
  actionTaken: string,
): void {
  if (concern.closedAt !== null) throw new RuleError('This safeguarding concern is already closed.');
  if (concern.acknowledgedAt === null)
    throw new RuleError('Acknowledge the safeguarding concern before closing it.');
  if (actionTaken.trim() === '')
    throw new RuleError('Record the action taken before closing the safeguarding concern.', 'actionTaken');
}
