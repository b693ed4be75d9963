// Moderation of local audits by the area's Head of Practice (issue 17 §5): a
// blind second grading, as benchmarking is of the national audit, then the
// comparison and the agreed grade. The comparison and agreement rules are
// benchmarking's (compareGradings, moderationProblems, agreedGrades); what
// differs is who: the moderator grades their OWN area's audits (the managers
// they oversee), where a benchmarker never grades their own area. Pure.
import type { AuditStatus } from './audits';

export const UNSUBMITTED_MODERATION_STATUSES = ['ASSIGNED', 'IN_PROGRESS'] as const;

export const MODERATION_STATUS_LABELS: Record<string, string> = {
  ASSIGNED: 'To do',
  IN_PROGRESS: 'In progress',
  SUBMITTED: 'Graded: agree the grade',
  MODERATED: 'Agreed',
};

/** Local audits: the kinds a local programme runs (issue 17 §2, §3). */
export const LOCAL_AUDIT_KINDS = ['LOCAL_QUALITY_IMPACT', 'PERFORMANCE_BOARD'] as const;

/** The moderator has submitted: both gradings exist and may be shown side by side. */
export function hasModeratorGraded(status: string): boolean {
  return status === 'SUBMITTED' || status === 'MODERATED';
}

/** Why the moderator may not change their blind grading now; null when they may. */
export function reasonNotToGrade(status: string): string | null {
  return hasModeratorGraded(status)
    ? 'You have submitted this moderation: it can no longer be changed.'
    : null;
}

/**
 * Why the agreed grade cannot be recorded now; null when it can. It follows
 * benchmark moderation: the agreed grades become the case's, so a published
 * audit (whose grades are final) takes none; an agreement is recorded once.
 */
export function reasonNotToAgree(moderation: { status: string; auditStatus: AuditStatus }): string | null {
  if (moderation.status === 'MODERATED') return 'The agreed grade has already been recorded.';
  if (moderation.status !== 'SUBMITTED') return 'Grade the case blind and submit it before agreeing a grade.';
  if (moderation.auditStatus === 'PUBLISHED') return 'This audit is published: its grades are final.';
  return null;
}

/** When the two gradings match on every field, the submission is the agreement: nothing is left to settle. */
export const GRADINGS_AGREE_REASON = 'The manager’s and the moderator’s gradings agree on every grade.';
