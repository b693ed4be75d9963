import 'server-only';
import { isoDay } from '@/lib/domain/dates';
import type { LawType } from '@/lib/domain/audits';
import type { QueueStatus } from '@/lib/domain/queue';
import { db } from './client';

export type LocalQueueCase = {
  sampledCaseId: string;
  auditName: string;
  /** yyyy-mm-01 */
  month: string;
  pickedBy: 'draw' | 'manager';
  pickReason: string | null;
  caseReference: string;
  practitionerName: string;
  teamName: string | null;
  lawType: LawType;
  status: QueueStatus;
};

/** A Service Manager's local assignments, newest month first; always filtered by their own id. */
export async function findManagerAssignments(managerId: string): Promise<LocalQueueCase[]> {
  if (!managerId) throw new Error('queue scope missing');
  const rows = await db().sampledCase.findMany({
    where: {
      assignedToId: managerId,
      status: 'SELECTED',
      month: { not: null },
      audit: { kind: { in: ['LOCAL_QUALITY_IMPACT', 'PERFORMANCE_BOARD'] } },
    },
    select: {
      id: true,
      month: true,
      pickedBy: true,
      pickReason: true,
      audit: { select: { name: true } },
      caseAudit: { select: { status: true } },
      caseFile: {
        select: {
          reference: true,
          lawType: true,
          team: { select: { name: true } },
          practitioner: { select: { name: true } },
        },
      },
    },
    orderBy: [{ month: 'desc' }, { caseFile: { reference: 'asc' } }],
    take: 500,
  });
  return rows.map((row) => ({
    sampledCaseId: row.id,
    auditName: row.audit.name,
    month: row.month ? isoDay(row.month) : '',
    pickedBy: row.pickedBy === 'manager' ? 'manager' : 'draw',
    pickReason: row.pickReason,
    caseReference: row.caseFile.reference,
    practitionerName: row.caseFile.practitioner.name,
    teamName: row.caseFile.team?.name ?? null,
    lawType: row.caseFile.lawType,
    status: row.caseAudit ? row.caseAudit.status : 'TO_DO',
  }));
}

export type PickableCase = { caseFileId: string; caseReference: string; label: string };

/** Cases of the manager's teams not yet in the programme, most recently filed first (at most 200). */
export async function findPickableCases(managerId: string, auditId: string): Promise<PickableCase[]> {
  const rows = await db().$queryRaw<
    { id: string; reference: string; practitioner: string; team: string; last_filed_on: Date }[]
  >`
    SELECT cf.id, cf.reference, p.name AS practitioner, t.name AS team, max(fd.filed_on) AS last_filed_on
    FROM case_file cf
    JOIN practitioner p ON p.id = cf.practitioner_id
    JOIN team t ON t.id = coalesce(cf.team_id, p.team_id)
    JOIN filed_document fd ON fd.case_file_id = cf.id
    WHERE t.service_manager_id = ${managerId}
      AND NOT EXISTS (SELECT 1 FROM sampled_case sc WHERE sc.audit_id = ${auditId} AND sc.case_file_id = cf.id)
    GROUP BY cf.id, p.name, t.name
    ORDER BY max(fd.filed_on) DESC, cf.reference
    LIMIT 200`;
  return rows.map((row) => ({
    caseFileId: row.id,
    caseReference: row.reference,
    label: `${row.reference} · ${row.practitioner}, ${row.team} · last filed ${isoDay(row.last_filed_on)}`,
  }));
}

/** The case a manager wants to pick, with the team's manager: the use case checks it is theirs. */
export async function getPickTarget(caseFileId: string) {
  const row = await db().caseFile.findUnique({
    where: { id: caseFileId },
    select: {
      id: true,
      reference: true,
      practitionerId: true,
      serviceAreaId: true,
      team: { select: { id: true, serviceManagerId: true } },
      practitioner: { select: { team: { select: { id: true, serviceManagerId: true } } } },
    },
  });
  if (!row) return null;
  const team = row.team ?? row.practitioner.team;
  return {
    caseFileId: row.id,
    caseReference: row.reference,
    practitionerId: row.practitionerId,
    serviceAreaId: row.serviceAreaId,
    teamId: team.id,
    teamServiceManagerId: team.serviceManagerId,
  };
}
