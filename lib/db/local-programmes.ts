import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import type { AuditKind } from '@/lib/domain/audits';
import type { LocalCandidate } from '@/lib/domain/local-draw';
import { db, type Tx } from './client';

// Read models and writes of local quality-and-impact programmes: an audit of a
// local kind with its local_audit_programme row, its monthly draws and its
// managers' assignments. Who may do what is the use cases' question.

const LOCAL_KINDS: AuditKind[] = ['LOCAL_QUALITY_IMPACT', 'PERFORMANCE_BOARD'];

export type LocalProgrammeSummary = {
  auditId: string;
  name: string;
  kind: AuditKind;
  windowFrom: string;
  windowTo: string;
  /** Empty for a national programme. */
  areaCodes: string[];
  quota: number;
  monthsDrawn: number;
  assigned: number;
  submitted: number;
};

export type LocalProgrammeContext = {
  auditId: string;
  name: string;
  kind: AuditKind;
  status: string;
  windowFrom: string;
  windowTo: string;
  thresholdLabel: string;
  /** One area's id, or null for a national programme. */
  serviceAreaId: string | null;
  areaCode: string | null;
  serviceAreaIds: string[];
  quota: number;
  moderationSharePercent: number;
  recentDays: number;
  drawnMonths: string[];
};

/** A programme covers one area, or every area (national): stored as its audit's areas. */
async function scopeOf(auditId: string): Promise<{ ids: string[]; national: boolean; code: string | null }> {
  const areas = await db().auditServiceArea.findMany({
    where: { auditId },
    select: { serviceAreaId: true, serviceArea: { select: { code: true } } },
  });
  const national = areas.length !== 1;
  return {
    ids: areas.map((area) => area.serviceAreaId),
    national,
    code: national ? null : (areas[0]?.serviceArea.code ?? null),
  };
}

export async function getLocalProgrammeContext(auditId: string): Promise<LocalProgrammeContext | null> {
  const audit = await db().audit.findFirst({
    where: { id: auditId, kind: { in: LOCAL_KINDS } },
    select: {
      id: true,
      name: true,
      kind: true,
      status: true,
      windowFrom: true,
      windowTo: true,
      thresholdVersion: { select: { label: true, document: { select: { name: true } } } },
    },
  });
  if (!audit) return null;
  const [programme, draws, scope] = await Promise.all([
    db().localAuditProgramme.findUnique({ where: { auditId } }),
    db().localAuditDraw.findMany({ where: { auditId }, select: { month: true }, orderBy: { month: 'asc' } }),
    scopeOf(auditId),
  ]);
  if (!programme) return null;
  return {
    auditId: audit.id,
    name: audit.name,
    kind: audit.kind,
    status: audit.status,
    windowFrom: isoDay(audit.windowFrom),
    windowTo: isoDay(audit.windowTo),
    thresholdLabel: `${audit.thresholdVersion.document.name}, ${audit.thresholdVersion.label}`,
    serviceAreaId: scope.national ? null : (scope.ids[0] ?? null),
    areaCode: scope.code,
    serviceAreaIds: scope.ids,
    quota: programme.quotaPerManagerPerMonth,
    moderationSharePercent: programme.moderationSharePercent,
    recentDays: programme.recentDays,
    drawnMonths: draws.map((draw) => isoDay(draw.month)),
  };
}

/**
 * Local programmes, newest first: every one (serviceAreaId null), or those
 * reaching one area (its own and national ones).
 */
export async function findLocalProgrammes(serviceAreaId: string | null): Promise<LocalProgrammeSummary[]> {
  const rows = await db().$queryRaw<
    {
      id: string;
      name: string;
      kind: AuditKind;
      window_from: Date;
      window_to: Date;
      area_codes: string[];
      area_count: number;
      quota: number;
      months: number;
      assigned: number;
      submitted: number;
    }[]
  >`
    SELECT a.id, a.name, a.kind::text AS kind, a.window_from, a.window_to,
           coalesce((SELECT array_agg(sa.code ORDER BY sa.sort_order) FROM audit_service_area asa
                     JOIN service_area sa ON sa.id = asa.service_area_id WHERE asa.audit_id = a.id), '{}') AS area_codes,
           (SELECT count(*)::int FROM audit_service_area asa WHERE asa.audit_id = a.id) AS area_count,
           p.quota_per_manager_per_month AS quota,
           (SELECT count(*)::int FROM local_audit_draw d WHERE d.audit_id = a.id) AS months,
           (SELECT count(*)::int FROM sampled_case sc WHERE sc.audit_id = a.id AND sc.month IS NOT NULL) AS assigned,
           (SELECT count(*)::int FROM case_audit ca WHERE ca.audit_id = a.id AND ca.status = 'SUBMITTED') AS submitted
    FROM audit a JOIN local_audit_programme p ON p.audit_id = a.id
    WHERE (${serviceAreaId}::text IS NULL
           OR (SELECT count(*) FROM audit_service_area asa WHERE asa.audit_id = a.id) <> 1
           OR EXISTS (SELECT 1 FROM audit_service_area asa WHERE asa.audit_id = a.id AND asa.service_area_id = ${serviceAreaId}))
    ORDER BY a.window_to DESC, a.name`;
  return rows.map((row) => ({
    auditId: row.id,
    name: row.name,
    kind: row.kind,
    windowFrom: isoDay(row.window_from),
    windowTo: isoDay(row.window_to),
    areaCodes: row.area_count === 1 ? row.area_codes : [],
    quota: row.quota,
    monthsDrawn: row.months,
    assigned: row.assigned,
    submitted: row.submitted,
  }));
}

/** Active Service Managers who manage at least one team in the areas. */
export async function findServiceManagersIn(serviceAreaIds: string[]): Promise<string[]> {
  if (serviceAreaIds.length === 0) return [];
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT DISTINCT u.id FROM app_user u JOIN team t ON t.service_manager_id = u.id
    WHERE u.role = 'SERVICE_MANAGER' AND u.is_active AND t.service_area_id = ANY(${serviceAreaIds}::text[])
    ORDER BY u.id`;
  return rows.map((row) => row.id);
}

/**
 * Each managed team's cases with a document filed in [from, to], not already
 * in the programme, with the latest such filing: what a month's draw chooses from.
 */
export async function findLocalCandidates(input: {
  auditId: string;
  serviceAreaIds: string[];
  from: string;
  to: string;
  managerId?: string;
}): Promise<LocalCandidate[]> {
  const rows = await db().$queryRaw<
    {
      case_file_id: string;
      reference: string;
      practitioner_id: string;
      service_area_id: string;
      team_id: string;
      manager_id: string;
      last_filed_on: Date;
    }[]
  >`
    SELECT cf.id AS case_file_id, cf.reference, cf.practitioner_id, cf.service_area_id, t.id AS team_id,
           t.service_manager_id AS manager_id, max(fd.filed_on) AS last_filed_on
    FROM case_file cf
    JOIN practitioner p ON p.id = cf.practitioner_id
    JOIN team t ON t.id = coalesce(cf.team_id, p.team_id)
    JOIN filed_document fd ON fd.case_file_id = cf.id
    WHERE t.service_manager_id IS NOT NULL
      AND (${input.managerId ?? null}::text IS NULL OR t.service_manager_id = ${input.managerId ?? null})
      AND cf.service_area_id = ANY(${input.serviceAreaIds}::text[])
      AND fd.filed_on BETWEEN ${input.from}::date AND ${input.to}::date
      AND NOT EXISTS (SELECT 1 FROM sampled_case sc WHERE sc.audit_id = ${input.auditId} AND sc.case_file_id = cf.id)
    GROUP BY cf.id, t.id`;
  return rows.map((row) => ({
    caseFileId: row.case_file_id,
    caseReference: row.reference,
    practitionerId: row.practitioner_id,
    serviceAreaId: row.service_area_id,
    teamId: row.team_id,
    managerId: row.manager_id,
    lastFiledOn: isoDay(row.last_filed_on),
  }));
}

/** How many cases each manager already has in the month (their own picks, before a draw). */
export async function countAssignedInMonth(auditId: string, month: string): Promise<Record<string, number>> {
  const rows = await db().sampledCase.groupBy({
    by: ['assignedToId'],
    where: { auditId, month: new Date(`${month}T00:00:00Z`), assignedToId: { not: null } },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((row) => [row.assignedToId as string, row._count._all]));
}

export type LocalAssignment = {
  auditId: string;
  caseFileId: string;
  practitionerId: string;
  serviceAreaId: string;
  teamId: string;
  managerId: string;
  month: string;
  pickedBy: 'draw' | 'manager';
  pickReason: string | null;
};

/** The month's cases, SELECTED and assigned to their manager. */
export async function insertLocalAssignments(tx: Tx, rows: LocalAssignment[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await tx.sampledCase.createMany({
    data: rows.map((row) => ({
      auditId: row.auditId,
      caseFileId: row.caseFileId,
      practitionerId: row.practitionerId,
      serviceAreaId: row.serviceAreaId,
      stratumKey: `team|${row.teamId}`,
      status: 'SELECTED' as const,
      assignedToId: row.managerId,
      month: new Date(`${row.month}T00:00:00Z`),
      pickedBy: row.pickedBy,
      pickReason: row.pickReason,
    })),
  });
  return count;
}

export type LocalDrawRecord = {
  month: string;
  seed: string;
  drawnAt: Date;
  drawnByName: string | null;
  parameters: unknown;
};

export async function findLocalDraws(auditId: string): Promise<LocalDrawRecord[]> {
  const draws = await db().localAuditDraw.findMany({
    where: { auditId },
    orderBy: { month: 'desc' },
    select: { month: true, seed: true, drawnAt: true, drawnById: true, parameters: true },
  });
  const ids = [...new Set(draws.map((draw) => draw.drawnById).filter((id): id is string => id !== null))];
  const names = new Map(
    (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(
      (user) => [user.id, user.name],
    ),
  );
  return draws.map((draw) => ({
    month: isoDay(draw.month),
    seed: draw.seed,
    drawnAt: draw.drawnAt,
    drawnByName: draw.drawnById ? (names.get(draw.drawnById) ?? null) : null,
    parameters: draw.parameters,
  }));
}

export type MonthCounts = {
  month: string;
  assigned: number;
  drawn: number;
  picked: number;
  submitted: number;
};

/** Each month's assignments: drawn, picked, submitted. */
export async function countProgrammeMonths(auditId: string): Promise<MonthCounts[]> {
  const rows = await db().$queryRaw<
    { month: Date; assigned: number; drawn: number; picked: number; submitted: number }[]
  >`
    SELECT sc.month, count(*)::int AS assigned,
           count(*) FILTER (WHERE sc.picked_by = 'draw')::int AS drawn,
           count(*) FILTER (WHERE sc.picked_by = 'manager')::int AS picked,
           count(ca.id) FILTER (WHERE ca.status = 'SUBMITTED')::int AS submitted
    FROM sampled_case sc LEFT JOIN case_audit ca ON ca.sampled_case_id = sc.id
    WHERE sc.audit_id = ${auditId} AND sc.month IS NOT NULL
    GROUP BY sc.month ORDER BY sc.month DESC`;
  return rows.map((row) => ({ ...row, month: isoDay(row.month) }));
}

/** Names of people, for the draw log's explanation. */
export async function findUserNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}
