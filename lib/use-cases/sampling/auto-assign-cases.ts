import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { handOverDrafts } from '@/lib/db/case-audits';
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/domain/actor';
import { balanceAssignments } from '@/lib/domain/assignment';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { assertMayAssign } from '@/lib/domain/sample-rules';

/** Shares the unassigned selected cases of a locked sample among active Improvement Managers. */
export async function autoAssignCases(
  actor: Actor,
  input: { auditId: string },
  now: Date,
): Promise<{ assigned: number; unassignable: number }> {
  const { auditId } = input;
  const sample = await db().auditSample.findUnique({ where: { auditId }, select: { lockedAt: true } });
  if (!sample || !can(actor, 'sample.manage', NATIONAL)) throw new NotFoundOrForbiddenError('sample.manage');
  assertMayAssign(sample.lockedAt);
  return db().$transaction(async (tx) => {
    const [cases, auditors, loads] = await Promise.all([
      tx.sampledCase.findMany({
        where: { auditId, status: 'SELECTED', assignedToId: null },
        select: {
          id: true,
          serviceAreaId: true,
          practitionerId: true,
          caseFile: { select: { practitioner: { select: { managerId: true } } } },
        },
      }),
      tx.user.findMany({ where: { role: 'IMPROVEMENT_MANAGER', isActive: true }, select: { id: true } }),
      tx.sampledCase.groupBy({
        by: ['assignedToId'],
        where: { auditId, status: 'SELECTED', assignedToId: { not: null } },
        _count: { _all: true },
      }),
    ]);
    const loadByAuditor = new Map(loads.map((row) => [row.assignedToId, row._count._all]));
    const plan = balanceAssignments(
      cases.map((row) => ({
        sampledCaseId: row.id,
        serviceAreaId: row.serviceAreaId,
        practitionerId: row.practitionerId,
        managerId: row.caseFile.practitioner.managerId,
      })),
      auditors.map((auditor) => ({ userId: auditor.id, currentLoad: loadByAuditor.get(auditor.id) ?? 0 })),
    );
    const byAuditor = new Map<string, string[]>();
    for (const [caseId, auditorId] of plan.assignments)
      byAuditor.set(auditorId, [...(byAuditor.get(auditorId) ?? []), caseId]);
    for (const [auditorId, caseIds] of byAuditor) {
      await tx.sampledCase.updateMany({
        where: { id: { in: caseIds }, assignedToId: null },
        data: { assignedToId: auditorId, version: { increment: 1 } },
      });
      // An unassigned case can already hold a draft (a concern raised on it, or a case replaced).
      await handOverDrafts(tx, {
        actorId: actor.userId,
        sampledCaseIds: caseIds,
        toAuditorId: auditorId,
        now,
      });
    }
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'sample.auto-assigned',
      entityType: 'audit',
      entityId: auditId,
      detail: { assigned: plan.assignments.size, unassignable: plan.unassignable.length },
    });
    return { assigned: plan.assignments.size, unassignable: plan.unassignable.length };
  });
}
