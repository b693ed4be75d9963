// Audit programmes: kinds, law types, and the status machine.
import { RuleError } from './errors';

export const AUDIT_KINDS = [
  'NATIONAL_PRACTICE_QUALITY',
  'THEMATIC',
  'LOCAL_QUALITY_IMPACT',
  'PERFORMANCE_BOARD',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  NATIONAL_PRACTICE_QUALITY: 'National practice quality audit',
  THEMATIC: 'Thematic audit',
  LOCAL_QUALITY_IMPACT: 'Local quality and impact audit',
  PERFORMANCE_BOARD: 'Performance board audit',
};

export const LAW_TYPES = ['PUBLIC_LAW', 'PRIVATE_LAW_WAFH', 'PRIVATE_LAW_WTFH'] as const;
export type LawType = (typeof LAW_TYPES)[number];
export const LAW_TYPE_LABELS: Record<LawType, string> = {
  PUBLIC_LAW: 'Public Law',
  PRIVATE_LAW_WAFH: 'Private Law WAFH',
  PRIVATE_LAW_WTFH: 'Private Law WTFH',
};

export const AUDIT_STATUSES = ['DRAFT', 'SAMPLING', 'GRADING', 'REVIEW', 'PUBLISHED'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = {
  DRAFT: 'Draft',
  SAMPLING: 'Sampling',
  GRADING: 'Grading',
  REVIEW: 'Review',
  PUBLISHED: 'Published',
};

/** Forward through the audit, with one step back where work can be reopened. */
const TRANSITIONS: Record<AuditStatus, readonly AuditStatus[]> = {
  DRAFT: ['SAMPLING'],
  SAMPLING: ['DRAFT', 'GRADING'],
  GRADING: ['REVIEW'],
  REVIEW: ['GRADING', 'PUBLISHED'],
  PUBLISHED: [],
};

export const TRANSITION_LABELS: Record<string, string> = {
  'DRAFT>SAMPLING': 'Start sampling',
  'SAMPLING>DRAFT': 'Return to draft',
  'SAMPLING>GRADING': 'Start grading',
  'GRADING>REVIEW': 'Move to review',
  'REVIEW>GRADING': 'Reopen grading',
  'REVIEW>PUBLISHED': 'Publish audit',
};

export function allowedTransitions(status: AuditStatus): readonly AuditStatus[] {
  return TRANSITIONS[status];
}

export function transitionLabel(from: AuditStatus, to: AuditStatus): string {
  return TRANSITION_LABELS[`${from}>${to}`] ?? `Move to ${AUDIT_STATUS_LABELS[to]}`;
}

/** Throws a RuleError naming why, when the move is not allowed. */
export function assertTransition(
  from: AuditStatus,
  to: AuditStatus,
  context: { thresholdVersionPublished: boolean; sampleLocked: boolean },
): void {
  if (!TRANSITIONS[from].includes(to)) {
    throw new RuleError(
      from === 'PUBLISHED'
        ? 'This audit is published: its grades are final.'
        : `An audit cannot move from ${AUDIT_STATUS_LABELS[from]} to ${AUDIT_STATUS_LABELS[to]}.`,
      'to',
    );
  }
  if (to === 'SAMPLING' && !context.thresholdVersionPublished) {
    throw new RuleError(
      'Publish the threshold version before sampling starts: an audit is graded against a published version.',
      'to',
    );
  }
  // Auditors grade the locked sample; grading an unlocked one would let the sample change under them.
  if (from === 'SAMPLING' && to === 'GRADING' && !context.sampleLocked) {
    throw new RuleError('Draw and lock the sample before grading starts.', 'to');
  }
}

/** The moves to offer on the audit page: the legal ones whose conditions already hold. */
export function offeredTransitions(
  status: AuditStatus,
  context: { thresholdVersionPublished: boolean; sampleLocked: boolean },
): AuditStatus[] {
  return TRANSITIONS[status].filter((to) => {
    try {
      assertTransition(status, to, context);
      return true;
    } catch {
      return false;
    }
  });
}

/** The threshold version is locked once sampling starts. */
export function canChangeThresholdVersion(status: AuditStatus): boolean {
  return status === 'DRAFT';
}

/** Published audits are frozen: nothing about them changes. */
export function isFrozen(status: AuditStatus): boolean {
  return status === 'PUBLISHED';
}

export type AuditSettings = {
  windowFrom: string; // yyyy-mm-dd
  windowTo: string;
  goodOrAboveTarget: number | null;
  lowestTarget: number | null;
  targetDate: string | null;
  lawTypes: LawType[];
  serviceAreaIds: string[];
};

/** Rules across fields; each names the field at fault. */
export function assertAuditSettings(settings: AuditSettings): void {
  if (settings.windowFrom > settings.windowTo)
    throw new RuleError('The filing window must end on or after the day it starts', 'windowTo');
  if (settings.lawTypes.length === 0) throw new RuleError('Choose at least one law type', 'lawTypes');
  if (settings.serviceAreaIds.length === 0)
    throw new RuleError('Choose at least one service area', 'serviceAreaIds');
  const hasTarget = settings.goodOrAboveTarget !== null || settings.lowestTarget !== null;
  if (hasTarget && settings.targetDate === null)
    throw new RuleError('Give the date the targets should be met by', 'targetDate');
  if (settings.targetDate !== null && !hasTarget)
    throw new RuleError('Give a target for the date to apply to', 'goodOrAboveTarget');
}
