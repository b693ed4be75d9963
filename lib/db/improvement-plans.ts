import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import type { ActionStatus } from '@/lib/domain/improvement-plan';
import { db } from './client';

export type PlanActionRecord = {
  id: string;
  recommendationId: string;
  description: string;
  ownerName: string;
  dueOn: string;
  status: ActionStatus;
  droppedReason: string | null;
};

export type ImprovementPlanRecord = {
  id: string;
  title: string;
  serviceAreaId: string;
  areaCode: string;
  areaName: string;
  baselineAudit: { id: string; name: string; windowTo: string } | null;
  periodFrom: string | null;
  periodTo: string | null;
  recommendations: {
    id: string;
    number: string;
    text: string;
    status: 'OPEN' | 'CLOSED';
    ownerName: string | null;
    dueOn: string | null;
    actions: PlanActionRecord[];
  }[];
};

const day = (value: Date | null) => (value ? isoDay(value) : null);
const byNumber = (a: { number: string }, b: { number: string }) =>
  a.number.localeCompare(b.number, 'en-GB', { numeric: true });

/** An area improvement plan with its priorities, their measures and actions; null if there is none. */
export async function loadImprovementPlan(sourceId: string): Promise<ImprovementPlanRecord | null> {
  const source = await db().recommendationSource.findUnique({
    where: { id: sourceId },
    select: {
      id: true,
      title: true,
      kind: true,
      serviceAreaId: true,
      auditId: true,
      periodFrom: true,
      periodTo: true,
      recommendations: {
        select: {
          id: true,
          number: true,
          text: true,
          status: true,
          ownerId: true,
          dueOn: true,
          actions: { orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }] },
        },
      },
    },
  });
  if (!source || source.kind !== 'AREA_IMPROVEMENT_PLAN' || !source.serviceAreaId) return null;
  const [area, baseline] = await Promise.all([
    db().serviceArea.findUniqueOrThrow({
      where: { id: source.serviceAreaId },
      select: { code: true, name: true },
    }),
    source.auditId
      ? db().audit.findUnique({
          where: { id: source.auditId },
          select: { id: true, name: true, windowTo: true },
        })
      : null,
  ]);
  const ownerIds = [
    ...source.recommendations.flatMap((rec) => (rec.ownerId ? [rec.ownerId] : [])),
    ...source.recommendations.flatMap((rec) => rec.actions.map((action) => action.ownerId)),
  ];
  const owners = await db().user.findMany({
    where: { id: { in: [...new Set(ownerIds)] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(owners.map((owner) => [owner.id, owner.name]));
  return {
    id: source.id,
    title: source.title,
    serviceAreaId: source.serviceAreaId,
    areaCode: area.code,
    areaName: area.name,
    baselineAudit: baseline
      ? { id: baseline.id, name: baseline.name, windowTo: isoDay(baseline.windowTo) }
      : null,
    periodFrom: day(source.periodFrom),
    periodTo: day(source.periodTo),
    recommendations: [...source.recommendations].sort(byNumber).map((rec) => ({
      id: rec.id,
      number: rec.number,
      text: rec.text,
      status: rec.status,
      ownerName: rec.ownerId ? (nameOf.get(rec.ownerId) ?? null) : null,
      dueOn: day(rec.dueOn),
      actions: rec.actions.map((action) => ({
        id: action.id,
        recommendationId: rec.id,
        description: action.description,
        ownerName: nameOf.get(action.ownerId) ?? 'Unknown',
        dueOn: isoDay(action.dueOn),
        status: action.status,
        droppedReason: action.droppedReason,
      })),
    })),
  };
}

/**
 * The latest published audit with graded cases in the area, of the baseline's
 * kind when there is a baseline: the audit the mid-year review reads.
 */
export async function findLatestAreaAudit(
  serviceAreaId: string,
  baselineAuditId: string | null,
): Promise<{ id: string; name: string; windowTo: string } | null> {
  const baseline = baselineAuditId
    ? await db().audit.findUnique({ where: { id: baselineAuditId }, select: { kind: true } })
    : null;
  const audit = await db().audit.findFirst({
    where: {
      status: 'PUBLISHED',
      ...(baseline ? { kind: baseline.kind } : {}),
      sampledCases: { some: { caseAudit: { serviceAreaId, status: 'SUBMITTED' } } },
    },
    orderBy: [{ windowTo: 'desc' }, { name: 'asc' }],
    select: { id: true, name: true, windowTo: true },
  });
  return audit ? { id: audit.id, name: audit.name, windowTo: isoDay(audit.windowTo) } : null;
}

export type ImprovementPlanSummary = {
  id: string;
  title: string;
  areaCode: string;
  periodFrom: string | null;
  periodTo: string | null;
  priorities: number;
  openActions: number;
  overdueActions: number;
};

/**
 * Area improvement plans, one area's (`serviceAreaId`) or every area's
 * (null, said explicitly: an undefined scope must never mean "all"), with
 * their counts of priorities and open and overdue actions on `today`.
 */
export async function findImprovementPlans(
  scope: { serviceAreaId: string } | { allAreas: true },
  today: string,
): Promise<ImprovementPlanSummary[]> {
  const areaId = 'serviceAreaId' in scope ? scope.serviceAreaId : null;
  if ('serviceAreaId' in scope && !areaId) throw new Error('a plan list needs its area');
  const rows = await db().$queryRaw<
    {
      id: string;
      title: string;
      code: string;
      period_from: Date | null;
      period_to: Date | null;
      priorities: bigint;
      open_actions: bigint;
      overdue_actions: bigint;
    }[]
  >`
    SELECT s.id, s.title, sa.code, s.period_from, s.period_to,
           (SELECT count(*) FROM recommendation r WHERE r.source_id = s.id) AS priorities,
           (SELECT count(*) FROM improvement_action a JOIN recommendation r ON r.id = a.recommendation_id
             WHERE r.source_id = s.id AND a.status NOT IN ('DONE', 'DROPPED')) AS open_actions,
           (SELECT count(*) FROM improvement_action a JOIN recommendation r ON r.id = a.recommendation_id
             WHERE r.source_id = s.id AND a.status NOT IN ('DONE', 'DROPPED') AND a.due_on < ${today}::date)
             AS overdue_actions
    FROM recommendation_source s JOIN service_area sa ON sa.id = s.service_area_id
    WHERE s.kind = 'AREA_IMPROVEMENT_PLAN' AND (${areaId}::text IS NULL OR s.service_area_id = ${areaId})
    ORDER BY sa.sort_order, s.period_from DESC NULLS LAST, s.title`;
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    areaCode: row.code,
    periodFrom: day(row.period_from),
    periodTo: day(row.period_to),
    priorities: Number(row.priorities),
    openActions: Number(row.open_actions),
    overdueActions: Number(row.overdue_actions),
  }));
}
