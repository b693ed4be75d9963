import 'server-only';
import type { Tx } from './client';
import { db } from './client';
import { sectionGrades } from '@/lib/domain/grading';
import { naturalCompare } from '@/lib/domain/local-calibration';
import { GradingAnswersSchema } from '@/lib/schemas/grading';

// What the moderation draw reads (an area's submitted local audits in a
// period, the periods already drawn, the area's Heads of Practice) and writes.

export const MODERATION_DRAW_EVENT = 'local-moderation-draw';

export type ModerationPool = {
  candidates: { caseAuditId: string; managerId: string }[];
  /** Those of the candidates already moderated (drawn earlier, or chosen). */
  alreadyModerated: Set<string>;
  /** The programmes' moderation shares, largest first; empty when the area has no local audits in the period. */
  shares: number[];
};

/**
 * The area's submitted local audits whose month (the month they count
 * towards; for an imported one, the month it was submitted) falls in [from, to),
 * in programmes that moderate a share, leaving out any the moderator graded themselves.
 */
export async function findModerationPool(
  serviceAreaId: string,
  period: { from: string; to: string },
  moderatorId: string,
): Promise<ModerationPool> {
  if (!serviceAreaId) throw new Error('area scope missing');
  const rows = await db().$queryRaw<
    { case_audit_id: string; manager_id: string; share: number; moderated: boolean }[]
  >`
    SELECT ca.id AS case_audit_id, ca.auditor_id AS manager_id, lap.moderation_share_percent AS share,
           (lm.id IS NOT NULL) AS moderated
    FROM case_audit ca
    JOIN audit a ON a.id = ca.audit_id
    -- A programme that moderates none of its audits (a share of 0) is left out.
    JOIN local_audit_programme lap ON lap.audit_id = a.id AND lap.moderation_share_percent > 0
    JOIN sampled_case sc ON sc.id = ca.sampled_case_id
    LEFT JOIN local_moderation lm ON lm.case_audit_id = ca.id
    WHERE ca.service_area_id = ${serviceAreaId}
      AND ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
      AND ca.auditor_id <> ${moderatorId}
      AND coalesce(sc.month, (ca.submitted_at AT TIME ZONE 'UTC')::date) >= ${period.from}::date
      AND coalesce(sc.month, (ca.submitted_at AT TIME ZONE 'UTC')::date) < ${period.to}::date
    ORDER BY ca.id`;
  return {
    candidates: rows.map((row) => ({ caseAuditId: row.case_audit_id, managerId: row.manager_id })),
    alreadyModerated: new Set(rows.filter((row) => row.moderated).map((row) => row.case_audit_id)),
    shares: [...new Set(rows.map((row) => row.share))].sort((a, b) => b - a),
  };
}

/** The periods already drawn for the area, as their draws logged them. */
export async function findDrawnPeriods(serviceAreaId: string, tx?: Tx) {
  const rows = await (tx ?? db()).auditEvent.findMany({
    where: { entityType: MODERATION_DRAW_EVENT, entityId: serviceAreaId },
    select: { detail: true },
  });
  return rows.map((row) => row.detail as { period: string; from: string; to: string });
}

/** The area's active Heads of Practice, by name then id (the first moderates a draw an SSM makes). */
export async function findHeadsOfPractice(serviceAreaId: string) {
  if (!serviceAreaId) throw new Error('area scope missing');
  return db().user.findMany({
    where: { role: 'HEAD_OF_PRACTICE', serviceAreaId, isActive: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true },
  });
}

export async function getServiceArea(serviceAreaId: string) {
  return db().serviceArea.findUnique({ where: { id: serviceAreaId }, select: { id: true, code: true } });
}

/** Serialises draws of one area, so two at once cannot both find its period undrawn. */
export async function lockAreaDraws(tx: Tx, serviceAreaId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${MODERATION_DRAW_EVENT}:${serviceAreaId}`}))`;
}

/**
 * New moderations for the chosen cases, each with the manager's grades copied
 * as they stand now (the first grading), in one statement.
 */
export async function insertModerations(
  tx: Tx,
  input: { caseAuditIds: string[]; moderatorId: string; chosenBy: 'draw' | 'chosen' },
): Promise<number> {
  if (input.caseAuditIds.length === 0) return 0;
  const cases = await tx.caseAudit.findMany({
    where: { id: { in: input.caseAuditIds } },
    select: {
      id: true,
      auditId: true,
      serviceAreaId: true,
      teamId: true,
      auditorId: true,
      overallGrade: true,
      answers: true,
    },
  });
  const { count } = await tx.localModeration.createMany({
    data: cases.map((row) => ({
      auditId: row.auditId,
      caseAuditId: row.id,
      serviceAreaId: row.serviceAreaId,
      teamId: row.teamId,
      managerId: row.auditorId,
      moderatorId: input.moderatorId,
      chosenBy: input.chosenBy,
      firstOverallGrade: row.overallGrade ?? '',
      firstSectionGrades: sectionGrades(GradingAnswersSchema.parse(row.answers)),
    })),
  });
  return count;
}

export type DrawLogEntry = {
  serviceAreaId: string;
  areaCode: string;
  period: string;
  drawnAt: Date;
  /** Null for the history's moderations, chosen before draws were logged by share. */
  sharePercent: number | null;
  candidates: number;
  chosen: number;
  seed: string;
};

/** The draws logged for the areas (null: every area), newest first. */
export async function findDrawLog(serviceAreaId: string | null, take = 50): Promise<DrawLogEntry[]> {
  if (serviceAreaId === undefined) throw new Error('area scope missing');
  const rows = await db().auditEvent.findMany({
    where: {
      entityType: MODERATION_DRAW_EVENT,
      ...(serviceAreaId === null ? {} : { entityId: serviceAreaId }),
    },
    orderBy: { occurredAt: 'desc' },
    take,
    select: { entityId: true, occurredAt: true, detail: true },
  });
  const areas = await db().serviceArea.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.entityId))] } },
    select: { id: true, code: true },
  });
  const entries = rows.map((row) => {
    const detail = row.detail as {
      period?: string;
      sharePercent?: number;
      candidates?: number;
      chosen?: unknown[];
      seed?: string;
    };
    return {
      serviceAreaId: row.entityId,
      areaCode: areas.find((area) => area.id === row.entityId)?.code ?? '',
      period: detail.period ?? '',
      drawnAt: row.occurredAt,
      sharePercent: detail.sharePercent ?? null,
      candidates: detail.candidates ?? 0,
      chosen: Array.isArray(detail.chosen) ? detail.chosen.length : 0,
      seed: detail.seed ?? '',
    };
  });
  // Newest first; a day's draws by period, then area.
  return entries.sort(
    (a, b) =>
      b.drawnAt.getTime() - a.drawnAt.getTime() ||
      (a.period < b.period ? 1 : a.period > b.period ? -1 : 0) ||
      naturalCompare(a.areaCode, b.areaCode),
  );
}

/** Every service area, in their order: the choice of area for those who draw for any. */
export async function listServiceAreas() {
  return db().serviceArea.findMany({ orderBy: { sortOrder: 'asc' }, select: { id: true, code: true } });
}
