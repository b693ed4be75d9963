import 'server-only';
import { db, type Tx } from './client';
import { isoDay } from '@/lib/domain/dates';
import type { LawType } from '@/lib/domain/audits';
import {
  byNumber,
  type ImprovementActionView,
  readChanges,
  readEvidence,
  type ActionStatus,
  type EvidenceLink,
  type FieldChange,
  type RecommendationKind,
  type RecommendationStatus,
} from '@/lib/domain/improvement';

export type RecommendationDetail = {
  id: string;
  sourceId: string;
  sourceTitle: string;
  sourceServiceAreaId: string | null;
  number: string;
  text: string;
  kind: RecommendationKind;
  serviceAreaIds: string[];
  serviceAreaCodes: string[];
  lawTypes: LawType[];
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  status: RecommendationStatus;
  version: number;
  actions: ImprovementActionView[];
};

export type RecommendationSummary = {
  id: string;
  number: string;
  text: string;
  kind: RecommendationKind;
  status: RecommendationStatus;
  ownerName: string | null;
  dueOn: string | null;
  actionCount: number;
};

async function names(ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Where the recommendation's source sits: the scope of everything under it. */
export async function getRecommendationScope(
  recommendationId: string,
): Promise<{ sourceServiceAreaId: string | null } | null> {
  const row = await db().recommendation.findUnique({
    where: { id: recommendationId },
    select: { source: { select: { serviceAreaId: true } } },
  });
  return row ? { sourceServiceAreaId: row.source.serviceAreaId } : null;
}

export async function getActionScope(
  actionId: string,
): Promise<{ recommendationId: string; sourceServiceAreaId: string | null } | null> {
  const row = await db().improvementAction.findUnique({
    where: { id: actionId },
    select: {
      recommendationId: true,
      recommendation: { select: { source: { select: { serviceAreaId: true } } } },
    },
  });
  return row
    ? { recommendationId: row.recommendationId, sourceServiceAreaId: row.recommendation.source.serviceAreaId }
    : null;
}

export async function findSourceRecommendations(sourceId: string): Promise<RecommendationSummary[]> {
  const rows = await db().recommendation.findMany({
    where: { sourceId },
    select: {
      id: true,
      number: true,
      text: true,
      kind: true,
      status: true,
      ownerId: true,
      dueOn: true,
      _count: { select: { actions: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
  const owners = await names(rows.flatMap((row) => (row.ownerId ? [row.ownerId] : [])));
  rows.sort((a, b) => byNumber(a.number, b.number));
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    text: row.text,
    kind: row.kind,
    status: row.status,
    ownerName: row.ownerId ? (owners.get(row.ownerId) ?? null) : null,
    dueOn: row.dueOn ? isoDay(row.dueOn) : null,
    actionCount: row._count.actions,
  }));
}

export async function getRecommendation(recommendationId: string): Promise<RecommendationDetail | null> {
  const row = await db().recommendation.findUnique({
    where: { id: recommendationId },
    select: {
      id: true,
      number: true,
      text: true,
      kind: true,
      serviceAreaIds: true,
      lawTypes: true,
      ownerId: true,
      dueOn: true,
      status: true,
      version: true,
      source: { select: { id: true, title: true, serviceAreaId: true } },
      actions: {
        orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
        select: {
          id: true,
          description: true,
          ownerId: true,
          dueOn: true,
          status: true,
          droppedReason: true,
          version: true,
          history: {
            orderBy: { id: 'desc' },
            select: {
              id: true,
              occurredAt: true,
              actorId: true,
              event: true,
              changes: true,
              text: true,
              evidence: true,
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const [people, areas] = await Promise.all([
    names([
      ...(row.ownerId ? [row.ownerId] : []),
      ...row.actions.flatMap((action) => [action.ownerId, ...action.history.map((entry) => entry.actorId)]),
    ]),
    db().serviceArea.findMany({
      where: { id: { in: row.serviceAreaIds } },
      select: { id: true, code: true },
    }),
  ]);
  const codeById = new Map(areas.map((area) => [area.id, area.code]));
  return {
    id: row.id,
    sourceId: row.source.id,
    sourceTitle: row.source.title,
    sourceServiceAreaId: row.source.serviceAreaId,
    number: row.number,
    text: row.text,
    kind: row.kind,
    serviceAreaIds: row.serviceAreaIds,
    serviceAreaCodes: row.serviceAreaIds.map((id) => codeById.get(id) ?? '?'),
    lawTypes: row.lawTypes,
    ownerId: row.ownerId,
    ownerName: row.ownerId ? (people.get(row.ownerId) ?? null) : null,
    dueOn: row.dueOn ? isoDay(row.dueOn) : null,
    status: row.status,
    version: row.version,
    actions: row.actions.map((action) => ({
      id: action.id,
      description: action.description,
      ownerId: action.ownerId,
      ownerName: people.get(action.ownerId) ?? 'Unknown',
      dueOn: isoDay(action.dueOn),
      status: action.status,
      droppedReason: action.droppedReason,
      version: action.version,
      history: action.history.map((entry) => ({
        id: entry.id.toString(),
        occurredAt: entry.occurredAt.toISOString(),
        actorName: people.get(entry.actorId) ?? 'Unknown',
        event: entry.event,
        changes: readChanges(entry.changes),
        text: entry.text,
        evidence: readEvidence(entry.evidence),
      })),
    })),
  };
}

// ─── Actions: the versioned row and its append-only history ─────────────────

export type ActionRow = {
  id: string;
  description: string;
  ownerId: string;
  dueOn: string;
  status: ActionStatus;
  droppedReason: string | null;
  version: number;
};

export async function lockAction(tx: Tx, actionId: string): Promise<ActionRow | null> {
  const row = await tx.improvementAction.findUnique({
    where: { id: actionId },
    select: {
      id: true,
      description: true,
      ownerId: true,
      dueOn: true,
      status: true,
      droppedReason: true,
      version: true,
    },
  });
  return row ? { ...row, dueOn: isoDay(row.dueOn) } : null;
}

/** One history row per accepted change, in the change's own transaction. */
export async function appendActionHistory(
  tx: Tx,
  entry: {
    actionId: string;
    actorId: string;
    occurredAt: Date;
    event: string;
    version: number;
    changes?: FieldChange[];
    text?: string;
    evidence?: EvidenceLink[];
  },
): Promise<void> {
  await tx.improvementActionHistory.create({
    data: {
      actionId: entry.actionId,
      actorId: entry.actorId,
      occurredAt: entry.occurredAt,
      event: entry.event,
      version: entry.version,
      changes: entry.changes ?? [],
      text: entry.text ?? '',
      evidence: entry.evidence ?? [],
    },
  });
}

/** What happened to an action after a version, for naming it in a stale refusal. */
export async function findActionHistorySince(
  actionId: string,
  version: number,
): Promise<{ actorName: string; occurredAt: Date; event: string; changes: FieldChange[] }[]> {
  const rows = await db().improvementActionHistory.findMany({
    where: { actionId, version: { gt: version } },
    orderBy: { id: 'asc' },
    select: { actorId: true, occurredAt: true, event: true, changes: true },
  });
  const people = await names(rows.map((row) => row.actorId));
  return rows.map((row) => ({
    actorName: people.get(row.actorId) ?? 'Someone',
    occurredAt: row.occurredAt,
    event: row.event,
    changes: readChanges(row.changes),
  }));
}

export async function findUserNames(ids: string[]): Promise<Map<string, string>> {
  return names(ids);
}

export async function findAuditNames(ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db().audit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
}

export async function isActiveUser(userId: string): Promise<boolean> {
  return (await db().user.count({ where: { id: userId, isActive: true } })) === 1;
}
