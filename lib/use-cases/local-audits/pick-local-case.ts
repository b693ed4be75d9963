import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { getLocalProgrammeContext, insertLocalAssignments } from '@/lib/db/local-programmes';
import { getPickTarget } from '@/lib/db/local-queue';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { assertPickReason, monthOf, monthStart } from '@/lib/domain/local-draw';
import { can, inArea } from '@/lib/domain/permissions';

/**
 * A Service Manager's own pick: one of their teams' cases, for a month of a
 * programme covering their area, with the reason they chose it. It counts
 * towards that month's quota (a later draw gives them fewer).
 */
export async function pickLocalCase(
  actor: Actor,
  input: { auditId: string; caseFileId: string; month: string; reason: string },
  now: Date,
): Promise<{ sampledCaseId: string }> {
  const [programme, target] = await Promise.all([
    getLocalProgrammeContext(input.auditId),
    getPickTarget(input.caseFileId),
  ]);
  if (
    !programme ||
    !target ||
    !can(actor, 'localAudit.pick', inArea(target.serviceAreaId)) ||
    !programme.serviceAreaIds.includes(target.serviceAreaId) ||
    target.teamServiceManagerId !== actor.userId
  )
    throw new NotFoundOrForbiddenError('localAudit.pick');
  const month = monthStart(input.month);
  if (!month) throw new RuleError('Choose a month', 'month');
  if (month < `${programme.windowFrom.slice(0, 7)}-01` || month > programme.windowTo)
    throw new RuleError('Choose a month inside the programme’s period', 'month');
  if (month > monthOf(now)) throw new RuleError('Pick for this month or an earlier one', 'month');
  assertPickReason(input.reason);
  try {
    return await db().$transaction(async (tx) => {
      await insertLocalAssignments(tx, [
        {
          auditId: programme.auditId,
          caseFileId: target.caseFileId,
          practitionerId: target.practitionerId,
          serviceAreaId: target.serviceAreaId,
          teamId: target.teamId,
          managerId: actor.userId,
          month,
          pickedBy: 'manager',
          pickReason: input.reason.trim(),
        },
      ]);
      const sampled = await tx.sampledCase.findUniqueOrThrow({
        where: { auditId_caseFileId: { auditId: programme.auditId, caseFileId: target.caseFileId } },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: 'local-case.picked',
        entityType: 'audit',
        entityId: programme.auditId,
        detail: { month, caseReference: target.caseReference, reason: input.reason.trim() },
      });
      return { sampledCaseId: sampled.id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RuleError('This case is already in the programme: choose another', 'caseFileId');
    throw error;
  }
}
