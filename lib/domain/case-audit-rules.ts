// When a case may be graded, and the words its history uses, for the
// auditor's own case (drafts, submission, hand-over).
import type { AuditStatus, LawType } from './audits';
import { RuleError } from './errors';

export const ALREADY_SUBMITTED =
  'This case has been submitted. Ask the audit lead to return it if it needs to change.';

/** Grading is open while the audit is in Grading or Review, and until the case is submitted. */
export function assertGradable(auditStatus: AuditStatus, caseAuditStatus: string | null): void {
  if (auditStatus !== 'GRADING' && auditStatus !== 'REVIEW')
    throw new RuleError('This audit is not open for grading.');
  if (caseAuditStatus === 'SUBMITTED') throw new RuleError(ALREADY_SUBMITTED);
}

export const isEitWorkToFirstHearing = (grading: { lawType: LawType; isEit: boolean }) =>
  grading.lawType === 'PRIVATE_LAW_WTFH' && grading.isEit;

export const DRAFT_HANDED_OVER_REASON =
  'The case was reassigned: its draft went with it, and the new auditor is now its auditor.';
