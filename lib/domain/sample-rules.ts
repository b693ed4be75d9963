// What the audit lead may do to a sample at each point, and the reasons a
// case leaves it, in the lead's own words.
import type { AuditStatus } from './audits';
import { RuleError } from './errors';

export const REPLACEMENT_REASONS = {
  'practitioner-left': 'Practitioner has left',
  'case-sealed': 'Case sealed by the court',
  'included-in-error': 'Included in error',
  other: 'Other',
} as const;
export type ReplacementReason = keyof typeof REPLACEMENT_REASONS;

/** The label of a stored reason; a reason no longer offered shows as stored. */
export const replacementReasonLabel = (reason: string): string =>
  REPLACEMENT_REASONS[reason as ReplacementReason] ?? reason;

export const SAMPLE_LOCKED = 'The sample is locked: cases can only be replaced from the reserve list.';

/** A sample is drawn, and redrawn, only in the Sampling stage and until it is locked. */
export function assertMayDraw(status: AuditStatus, lockedAt: Date | null): void {
  if (status !== 'SAMPLING')
    throw new RuleError('Sampling happens while the audit is in its Sampling stage.');
  if (lockedAt) throw new RuleError(SAMPLE_LOCKED);
}

export function assertMayLock(sample: { lockedAt: Date | null } | null): void {
  if (!sample) throw new RuleError('Draw the sample before locking it.');
  if (sample.lockedAt) throw new RuleError('The sample is already locked.');
}

/** Replacing happens after locking (before it, the lead redraws), and only for a selected case. */
export function assertMayReplace(lockedAt: Date | null, status: string): void {
  if (!lockedAt) throw new RuleError('Lock the sample first: before that, redraw it instead.');
  if (status !== 'SELECTED') throw new RuleError('Only a selected case can be replaced.');
}

export const NO_RESERVE_LEFT = 'No case is left on this stratum’s reserve list.';

/** Cases are assigned once the sample is locked, so nobody grades a case a redraw removes. */
export function assertMayAssign(lockedAt: Date | null): void {
  if (!lockedAt) throw new RuleError('Lock the sample before assigning cases.');
}
