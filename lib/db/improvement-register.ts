import 'server-only';
import { db } from './client';
import { isoDay } from '@/lib/domain/dates';
import type { LawType } from '@/lib/domain/audits';
import {
  byNumber,
  type JudgementScale,
  type RecommendationKind,
  type RecommendationStatus,
  type SourceKind,
} from '@/lib/domain/improvement';

/**
 * Which sources a reader reaches: every one, or national ones plus one area's
 * (a Head of Service's own). The use case decides; this only builds the where.
 */
export type SourceReach = { all: true } | { all: false; serviceAreaId: string | null; national: boolean };

function reachWhere(reach: SourceReach) {
  if (reach.all) return {};
  // Never undefined: Prisma would drop the filter and return every area.
  if (reach.serviceAreaId === undefined) throw new Error('an area reach needs its area');
  const or: ({ serviceAreaId: null } | { serviceAreaId: string })[] = [];
  if (reach.national) or.push({ serviceAreaId: null });
  if (reach.serviceAreaId) or.push({ serviceAreaId: reach.serviceAreaId });
  return or.length > 0 ? { OR: or } : { id: { in: [] as string[] } };
}

export type SourceSummary = {
  id: string;
  title: string;
  kind: SourceKind;
  issuedBy: string;
  issuedOn: string;
  serviceAreaId: string | null;
  serviceAreaCode: string | null;
  recommendationCount: number;
};

export type SourceDetail = SourceSummary & {
  document: string;
  scale: JudgementScale;
  auditId: string | null;
  auditName: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  version: number;
};

export type RegisterRow = {
  id: string;
  number: string;
  text: string;
  sourceId: string;
  sourceTitle: string;
  kind: RecommendationKind;
  serviceAreaCodes: string[];
  lawTypes: LawType[];
  ownerName: string | null;
  dueOn: string | null;
  status: RecommendationStatus;
  openActions: number;
  overdueActions: number;
  latestJudgement: { judgement: string; judgedOn: string } | null;
};

export type RegisterFilter = {
  sourceId: string | null;
  status: RecommendationStatus | null;
  serviceAreaId: string | null;
};

const day = (value: Date | null) => (value ? isoDay(value) : null);

async function areaCodes(): Promise<Map<string, string>> {
  const areas = await db().serviceArea.findMany({ select: { id: true, code: true } });
  return new Map(areas.map((area) => [area.id, area.code]));
}

async function userNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

const SOURCE_SELECT = {
  id: true,
  title: true,
  kind: true,
  issuedBy: true,
  issuedOn: true,
  serviceAreaId: true,
  document: true,
  scale: true,
  auditId: true,
  periodFrom: true,
  periodTo: true,
  version: true,
  _count: { select: { recommendations: true } },
} as const;

export async function findSources(reach: SourceReach): Promise<SourceSummary[]> {
  const [rows, codes] = await Promise.all([
    db().recommendationSource.findMany({
      where: reachWhere(reach),
      select: SOURCE_SELECT,
      orderBy: [{ issuedOn: 'desc' }, { title: 'asc' }],
    }),
    areaCodes(),
  ]);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    issuedBy: row.issuedBy,
    issuedOn: isoDay(row.issuedOn),
    serviceAreaId: row.serviceAreaId,
    serviceAreaCode: row.serviceAreaId ? (codes.get(row.serviceAreaId) ?? null) : null,
    recommendationCount: row._count.recommendations,
  }));
}

export async function getSource(sourceId: string): Promise<SourceDetail | null> {
  const row = await db().recommendationSource.findUnique({ where: { id: sourceId }, select: SOURCE_SELECT });
  if (!row) return null;
  const [code, audit] = await Promise.all([
    row.serviceAreaId
      ? db().serviceArea.findUnique({ where: { id: row.serviceAreaId }, select: { code: true } })
      : null,
    row.auditId ? db().audit.findUnique({ where: { id: row.auditId }, select: { name: true } }) : null,
  ]);
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    issuedBy: row.issuedBy,
    issuedOn: isoDay(row.issuedOn),
    serviceAreaId: row.serviceAreaId,
    serviceAreaCode: code?.code ?? null,
    recommendationCount: row._count.recommendations,
    document: row.document,
    scale: row.scale,
    auditId: row.auditId,
    auditName: audit?.name ?? null,
    periodFrom: day(row.periodFrom),
    periodTo: day(row.periodTo),
    version: row.version,
  };
}

/** The scope of a source, for authorising anything under it. */
export async function getSourceScope(sourceId: string): Promise<{ serviceAreaId: string | null } | null> {
  return db().recommendationSource.findUnique({ where: { id: sourceId }, select: { serviceAreaId: true } });
}

const MAX_REGISTER_ROWS = 1000;

/** The register: recommendations with their open and overdue action counts, counted in the database. */
export async function findRegister(
  reach: SourceReach,
  filter: RegisterFilter,
  today: string,
): Promise<RegisterRow[]> {
  const openStatuses = ['NOT_STARTED', 'IN_PROGRESS'] as const;
  const rows = await db().recommendation.findMany({
    where: {
      source: reachWhere(reach),
      ...(filter.sourceId ? { sourceId: filter.sourceId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.serviceAreaId
        ? {
            OR: [
              { source: { serviceAreaId: filter.serviceAreaId } },
              { serviceAreaIds: { has: filter.serviceAreaId } },
            ],
          }
        : {}),
    },
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
      source: { select: { id: true, title: true, issuedOn: true } },
      judgements: { orderBy: { judgedAt: 'desc' }, take: 1, select: { judgement: true, judgedAt: true } },
      _count: {
        select: {
          actions: { where: { status: { in: [...openStatuses] } } },
        },
      },
    },
    orderBy: [{ source: { issuedOn: 'desc' } }, { sourceId: 'asc' }, { createdAt: 'asc' }],
    take: MAX_REGISTER_ROWS,
  });
  const ids = rows.map((row) => row.id);
  const [codes, names, overdue] = await Promise.all([
    areaCodes(),
    userNames(rows.map((row) => row.ownerId)),
    ids.length === 0
      ? []
      : db().improvementAction.groupBy({
          by: ['recommendationId'],
          where: {
            recommendationId: { in: ids },
            status: { in: [...openStatuses] },
            dueOn: { lt: new Date(`${today}T00:00:00Z`) },
          },
          _count: { _all: true },
        }),
  ]);
  const overdueById = new Map(overdue.map((row) => [row.recommendationId, row._count._all]));
  // Numbers as the source wrote them: Rec 2 before Rec 10.
  const sourceRank = new Map<string, number>();
  for (const row of rows) if (!sourceRank.has(row.source.id)) sourceRank.set(row.source.id, sourceRank.size);
  rows.sort(
    (a, b) =>
      (sourceRank.get(a.source.id) ?? 0) - (sourceRank.get(b.source.id) ?? 0) || byNumber(a.number, b.number),
  );
  return rows.map((row) => {
    const judgement = row.judgements[0];
    return {
      id: row.id,
      number: row.number,
      text: row.text,
      sourceId: row.source.id,
      sourceTitle: row.source.title,
      kind: row.kind,
      serviceAreaCodes: row.serviceAreaIds.map((id) => codes.get(id) ?? '?'),
      lawTypes: row.lawTypes,
      ownerName: row.ownerId ? (names.get(row.ownerId) ?? null) : null,
      dueOn: day(row.dueOn),
      status: row.status,
      openActions: row._count.actions,
      overdueActions: overdueById.get(row.id) ?? 0,
      latestJudgement: judgement
        ? { judgement: judgement.judgement, judgedOn: isoDay(judgement.judgedAt) }
        : null,
    };
  });
}

export async function findRegisterOptions(): Promise<{
  areas: { id: string; code: string }[];
  people: { id: string; name: string }[];
  audits: { id: string; name: string }[];
}> {
  const [areas, people, audits] = await Promise.all([
    db().serviceArea.findMany({ select: { id: true, code: true }, orderBy: { sortOrder: 'asc' } }),
    db().user.findMany({
      where: { isActive: true },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db().audit.findMany({ select: { id: true, name: true }, orderBy: { windowFrom: 'desc' } }),
  ]);
  return { areas, people, audits };
}

export async function countServiceAreas(ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return db().serviceArea.count({ where: { id: { in: ids } } });
}
