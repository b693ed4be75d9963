import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { assertMayLock } from '@/lib/domain/sample-rules';

/** Locks the drawn sample: from then on cases are assigned, and only replaced from the reserve list. */
export async function lockSample(
  actor: Actor,
  input: { auditId: string; version: number },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const target = await tx.audit.findUnique({
      where: { id: input.auditId },
      select: { status: true, sample: { select: { lockedAt: true } } },
    });
    if (!target || !can(actor, 'sample.manage', NATIONAL))
      throw new NotFoundOrForbiddenError('sample.manage');
    assertMayLock(target.sample);
    const { count } = await tx.auditSample.updateMany({
      where: { auditId: input.auditId, version: input.version, lockedAt: null },
      data: { lockedAt: now, lockedById: actor.userId, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.auditSample.findUnique({ where: { auditId: input.auditId }, select: { auditId: true } }),
      'sample',
    );
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'sample.locked',
      entityType: 'audit',
      entityId: input.auditId,
      detail: {},
    });
  });
}
