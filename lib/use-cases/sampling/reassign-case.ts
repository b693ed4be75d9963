import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { handOverDrafts } from '@/lib/db/case-audits';
import { db } from '@/lib/db/client';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import type { Actor } from '@/lib/domain/actor';
import { canAssign } from '@/lib/domain/assignment';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';
import { assertMayAssign } from '@/lib/domain/sample-rules';

/** Gives a case to another auditor; a draft already begun goes with it (see handOverDrafts). */
export async function reassignCase(
  actor: Actor,
  input: { sampledCaseId: string; version: number; auditorId: string },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const target = await tx.sampledCase.findUnique({
      where: { id: input.sampledCaseId },
      select: {
        auditId: true,
        status: true,
        serviceAreaId: true,
        practitionerId: true,
        caseFile: { select: { practitioner: { select: { managerId: true } } } },
      },
    });
    if (!target || !can(actor, 'sample.manage', inArea(target.serviceAreaId)))
      throw new NotFoundOrForbiddenError('sample.manage');
    const sample = await db().auditSample.findUnique({
      where: { auditId: target.auditId },
      select: { lockedAt: true },
    });
    if (!sample) throw new NotFoundOrForbiddenError();
    assertMayAssign(sample.lockedAt);
    if (target.status !== 'SELECTED') throw new RuleError('Only selected cases are assigned.');
    const auditor = await tx.user.findUnique({
      where: { id: input.auditorId },
      select: { role: true, isActive: true },
    });
    if (!auditor || auditor.role !== 'IMPROVEMENT_MANAGER' || !auditor.isActive)
      throw new RuleError('Choose an active Improvement Manager', 'auditorId');
    const toAssign = {
      sampledCaseId: input.sampledCaseId,
      serviceAreaId: target.serviceAreaId,
      practitionerId: target.practitionerId,
      managerId: target.caseFile.practitioner.managerId,
    };
    if (!canAssign(toAssign, input.auditorId))
      throw new RuleError(
        'That Improvement Manager manages this practitioner: choose someone else',
        'auditorId',
      );
    const { count } = await tx.sampledCase.updateMany({
      where: { id: input.sampledCaseId, version: input.version },
      data: { assignedToId: input.auditorId, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.sampledCase.findUnique({ where: { id: input.sampledCaseId }, select: { id: true } }),
      'sampled case',
    );
    const draftsHandedOver = await handOverDrafts(tx, {
      actorId: actor.userId,
      sampledCaseIds: [input.sampledCaseId],
      toAuditorId: input.auditorId,
      now,
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'sample.case-reassigned',
      entityType: 'sampled_case',
      entityId: input.sampledCaseId,
      detail: { auditorId: input.auditorId, draftHandedOver: draftsHandedOver > 0 },
    });
  });
}
