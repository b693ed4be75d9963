// The improvement register's rules (issue 16 §1, §2): sources, recommendations
// and the actions under them. Pure: today and the people are passed in.
import type { Actor } from './actor';
import { can, inArea, NATIONAL, POLICY, type Resource } from './permissions';

export const SOURCE_KINDS = ['INSPECTION', 'REVIEW', 'AUDIT_LEARNING', 'AREA_IMPROVEMENT_PLAN'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  INSPECTION: 'Inspection',
  REVIEW: 'Review',
  AUDIT_LEARNING: 'Audit key learning',
  AREA_IMPROVEMENT_PLAN: 'Area improvement plan',
};

export const JUDGEMENT_SCALES = ['MET_ONGOING', 'SATISFACTORY_INADEQUATE', 'INSPECTION_FOUR_POINT'] as const;
export type JudgementScale = (typeof JUDGEMENT_SCALES)[number];
export const JUDGEMENT_SCALE_LABELS: Record<JudgementScale, string> = {
  MET_ONGOING: 'Met / ongoing',
  SATISFACTORY_INADEQUATE: 'Satisfactory / inadequate progress',
  INSPECTION_FOUR_POINT: 'Outstanding / good / requires improvement / inadequate',
};

export const RECOMMENDATION_KINDS = ['RECOMMENDATION', 'PRACTICE_IMPROVEMENT_POINT'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];
export const RECOMMENDATION_KIND_LABELS: Record<RecommendationKind, string> = {
  RECOMMENDATION: 'Recommendation',
  PRACTICE_IMPROVEMENT_POINT: 'Practice improvement point',
};

export const RECOMMENDATION_STATUSES = ['OPEN', 'CLOSED'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  OPEN: 'Open',
  CLOSED: 'Closed',
};

export const ACTION_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  DROPPED: 'Dropped',
};

/** Everything under a source shares its scope: its area, or national when it has none. */
export function sourceScope(serviceAreaId: string | null): Resource {
  return serviceAreaId ? inArea(serviceAreaId) : NATIONAL;
}

/**
 * Which sources a person reads in the register: every one (national roles), or
 * national ones and their own area's (Heads of Service and Assistant
 * Directors), never another area's; null when they read none.
 */
export function registerReach(
  actor: Pick<Actor, 'role' | 'serviceAreaId'>,
): { all: true } | { all: false; serviceAreaId: string | null; national: boolean } | null {
  const grant = POLICY['recommendation.view'][actor.role];
  if (!grant) return null;
  if (grant.reach === 'any') return { all: true };
  const national = can(actor, 'recommendation.view', NATIONAL);
  const ownArea = actor.serviceAreaId && can(actor, 'recommendation.view', inArea(actor.serviceAreaId));
  if (!national && !ownArea) return null;
  return { all: false, serviceAreaId: ownArea ? actor.serviceAreaId : null, national };
}

/** An improvement plan belongs to one area; the other kinds may be national or an area's. */
export function sourceAreaProblem(kind: SourceKind, serviceAreaId: string | null): string | null {
  if (kind === 'AREA_IMPROVEMENT_PLAN' && !serviceAreaId)
    return 'An area improvement plan belongs to one service area: choose it';
  return null;
}

export function periodProblem(from: string | null, to: string | null): string | null {
  if (from && to && to < from) return 'The period must end on or after the day it starts';
  return null;
}

/**
 * Why a status change is refused, or null. Dropping needs a reason (the
 * register must say why a promised action will not happen); any other move is
 * allowed, including reopening a done or dropped action, since plans change.
 */
export function actionStatusProblem(
  from: ActionStatus,
  to: ActionStatus,
  droppedReason: string | null,
): { field: 'status' | 'droppedReason'; message: string } | null {
  if (from === to)
    return { field: 'status', message: `The action is already ${ACTION_STATUS_LABELS[to].toLowerCase()}` };
  if (to === 'DROPPED' && !droppedReason?.trim())
    return { field: 'droppedReason', message: 'Say why the action is dropped' };
  return null;
}

/** Overdue: past its due day and neither done nor dropped. */
export function isActionOverdue(action: { status: ActionStatus; dueOn: string }, today: string): boolean {
  return (action.status === 'NOT_STARTED' || action.status === 'IN_PROGRESS') && action.dueOn < today;
}

export function isRecommendationOverdue(
  recommendation: { status: RecommendationStatus; dueOn: string | null },
  today: string,
): boolean {
  return recommendation.status === 'OPEN' && recommendation.dueOn !== null && recommendation.dueOn < today;
}

// ─── Evidence ────────────────────────────────────────────────────────────────

export type EvidenceLink =
  | { kind: 'audit'; auditId: string; label: string; href: string }
  | { kind: 'report'; auditId: string; label: string; href: string }
  | { kind: 'link'; label: string; href: string };

/**
 * Only https addresses on a real host: no javascript:, data: or plain http,
 * no credentials in the address (they would be shown to every reader).
 */
export function evidenceUrlProblem(value: string): string | null {
  if (!/^https:\/\//i.test(value)) return 'Enter a web address starting with https://';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a complete web address, like https://www.example.org/report';
  }
  if (url.protocol !== 'https:' || !url.hostname.includes('.'))
    return 'Enter a complete web address, like https://www.example.org/report';
  if (url.username || url.password) return 'Remove the user name or password from the address';
  return null;
}

export function evidenceFor(
  audits: { id: string; name: string }[],
  reports: { id: string; name: string }[],
  link: { label: string; href: string } | null,
): EvidenceLink[] {
  return [
    ...audits.map((audit): EvidenceLink => ({
      kind: 'audit',
      auditId: audit.id,
      label: audit.name,
      href: `/audits/${audit.id}`,
    })),
    ...reports.map((audit): EvidenceLink => ({
      kind: 'report',
      auditId: audit.id,
      label: `Report: ${audit.name}`,
      href: `/reports/${audit.id}`,
    })),
    ...(link ? [{ kind: 'link' as const, label: link.label, href: link.href }] : []),
  ];
}

/** History rows hold evidence as JSON; anything not in this shape is not shown as a link. */
export function readEvidence(value: unknown): EvidenceLink[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): EvidenceLink[] => {
    if (!item || typeof item !== 'object') return [];
    const { kind, label, href, auditId } = item as Record<string, unknown>;
    if (typeof label !== 'string' || typeof href !== 'string') return [];
    if ((kind === 'audit' || kind === 'report') && typeof auditId === 'string' && href.startsWith('/'))
      return [{ kind, auditId, label, href }];
    if (kind === 'link' && evidenceUrlProblem(href) === null) return [{ kind, label, href }];
    return [];
  });
}

// ─── Action history ─────────────────────────────────────────────────────────

export type ActionHistoryEntry = {
  id: string;
  occurredAt: string;
  actorName: string;
  event: string;
  changes: FieldChange[];
  text: string;
  evidence: EvidenceLink[];
};

export type ImprovementActionView = {
  id: string;
  description: string;
  ownerId: string;
  ownerName: string;
  dueOn: string;
  status: ActionStatus;
  droppedReason: string | null;
  version: number;
  history: ActionHistoryEntry[];
};

export type ActionFields = { description: string; ownerId: string; dueOn: string };
export type FieldChange = { field: string; from: string; to: string };

export const ACTION_FIELD_LABELS: Record<string, string> = {
  description: 'description',
  ownerId: 'owner',
  owner: 'owner',
  dueOn: 'due date',
  status: 'status',
  droppedReason: 'reason for dropping',
};

/** What an edit changes, for the history row; names resolved by the caller. */
export function actionChanges(
  before: ActionFields,
  after: ActionFields,
  ownerName: (id: string) => string,
): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.description !== after.description)
    changes.push({ field: 'description', from: before.description, to: after.description });
  if (before.ownerId !== after.ownerId)
    changes.push({ field: 'owner', from: ownerName(before.ownerId), to: ownerName(after.ownerId) });
  if (before.dueOn !== after.dueOn) changes.push({ field: 'dueOn', from: before.dueOn, to: after.dueOn });
  return changes;
}

export const ACTION_EVENT_LABELS: Record<string, string> = {
  created: 'Action added',
  edited: 'Edited',
  'status-changed': 'Status changed',
  'progress-update': 'Progress update',
};

export function readChanges(value: unknown): FieldChange[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): FieldChange[] => {
    if (!item || typeof item !== 'object') return [];
    const { field, from, to } = item as Record<string, unknown>;
    return typeof field === 'string' && typeof from === 'string' && typeof to === 'string'
      ? [{ field, from, to }]
      : [];
  });
}

export function describeChange(change: FieldChange): string {
  const label = ACTION_FIELD_LABELS[change.field] ?? change.field;
  const show = (value: string) =>
    change.field === 'status' && value in ACTION_STATUS_LABELS
      ? ACTION_STATUS_LABELS[value as ActionStatus]
      : value || '(none)';
  return `${label}: ${show(change.from)} → ${show(change.to)}`;
}

/**
 * The refusal of a stale save, naming who changed the action since the person
 * opened it, and what (from the history rows written after their version).
 */
export function staleActionMessage(
  since: { actorName: string; occurredAt: string; event: string; changes: FieldChange[] }[],
): string {
  if (since.length === 0)
    return 'Someone else changed this action after you opened it. Reload the page to see their changes, then make yours again.';
  const what = since.map((entry) => {
    const detail =
      entry.changes.length > 0
        ? entry.changes.map(describeChange).join('; ')
        : (ACTION_EVENT_LABELS[entry.event] ?? entry.event).toLowerCase();
    return `${entry.actorName} (${entry.occurredAt}): ${detail}`;
  });
  return `This action changed after you opened it. ${what.join('. ')}. Reload the page to see it, then make your change again.`;
}

/** A long text cut at a word boundary for a table cell; the full text stays on the page it links to. */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Recommendation numbers in the source's order: "2" before "10", "4a" after "4". */
export function byNumber(a: string, b: string): number {
  return a.localeCompare(b, 'en-GB', { numeric: true });
}
