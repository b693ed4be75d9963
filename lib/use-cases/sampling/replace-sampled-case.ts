import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';
import { assertMayReplace, NO_RESERVE_LEFT, type ReplacementReason } from '@/lib/domain/sample-rules';

/** After locking: the next case on the stratum's reserve list takes the place, logged. */
export async function replaceSampledCase(
  actor: Actor,
  input: { sampledCaseId: string; version: number; reason: ReplacementReason; note: string },
  now: Date,
): Promise<{ replacementCaseReference: string }> {
  return db().$transaction(async (tx) => {
    const target = await tx.sampledCase.findUnique({
      where: { id: input.sampledCaseId },
      select: {
        auditId: true,
        status: true,
        serviceAreaId: true,
        stratumKey: true,
        assignedToId: true,
        audit: { select: { sample: { select: { lockedAt: true } } } },
      },
    });
    if (!target || !can(actor, 'sample.manage', inArea(target.serviceAreaId)))
      throw new NotFoundOrForbiddenError('sample.manage');
    assertMayReplace(target.audit.sample?.lockedAt ?? null, target.status);
    const next = await tx.sampledCase.findFirst({
      where: {
        auditId: target.auditId,
        serviceAreaId: target.serviceAreaId,
        stratumKey: target.stratumKey,
        status: 'RESERVE',
      },
      orderBy: { reserveRank: 'asc' },
      select: {
        id: true,
        caseFile: { select: { reference: true, practitioner: { select: { managerId: true } } } },
      },
    });
    if (!next) throw new RuleError(NO_RESERVE_LEFT);
    const { count } = await tx.sampledCase.updateMany({
      where: { id: input.sampledCaseId, version: input.version, status: 'SELECTED' },
      data: { status: 'REPLACED', assignedToId: null, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.sampledCase.findUnique({ where: { id: input.sampledCaseId }, select: { id: true } }),
      'sampled case',
    );
    // The replacement goes to the same auditor, unless they manage its practitioner.
    const keepAuditor =
      target.assignedToId !== null && next.caseFile.practitioner.managerId !== target.assignedToId;
    await tx.sampledCase.update({
      where: { id: next.id },
      data: {
        status: 'SELECTED',
        assignedToId: keepAuditor ? target.assignedToId : null,
        version: { increment: 1 },
      },
    });
    await tx.sampleReplacement.create({
      data: {
        auditId: target.auditId,
        replacedCaseId: input.sampledCaseId,
        replacementCaseId: next.id,
        reason: input.reason,
        note: input.note,
        replacedAt: now,
        replacedById: actor.userId,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'sample.case-replaced',
      entityType: 'sampled_case',
      entityId: input.sampledCaseId,
      detail: { replacement: next.id, reason: input.reason, note: input.note },
    });
    return { replacementCaseReference: next.caseFile.reference };
  });
}
