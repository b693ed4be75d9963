import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { summarisePublishedAudit } from '@/lib/db/audit-summaries';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import { assertTransition, type AuditStatus } from '@/lib/domain/audits';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';

export async function transitionAudit(
  actor: Actor,
  input: { auditId: string; version: number; to: AuditStatus },
): Promise<void> {
  authorise(actor, 'audit.manage', NATIONAL);
  const actorId = actor.userId;
  await db().$transaction(async (tx) => {
    const current = await tx.audit.findUnique({
      where: { id: input.auditId },
      select: {
        status: true,
        thresholdVersion: { select: { status: true } },
        sample: { select: { lockedAt: true } },
      },
    });
    if (!current) throw new NotFoundOrForbiddenError();
    assertTransition(current.status, input.to, {
      thresholdVersionPublished: current.thresholdVersion.status === 'PUBLISHED',
      sampleLocked: Boolean(current.sample?.lockedAt),
    });
    const { count } = await tx.audit.updateMany({
      where: { id: input.auditId, version: input.version, status: current.status },
      data: { status: input.to, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.audit.findUnique({ where: { id: input.auditId }, select: { id: true } }),
      'audit',
    );
    await recordAuditEvent(tx, {
      actorId,
      action: 'audit.status-changed',
      entityType: 'audit',
      entityId: input.auditId,
      detail: { from: current.status, to: input.to },
    });
  });
  // Summarised at once, so the first dashboard view after publishing does not pay for it.
  if (input.to === 'PUBLISHED') await summarisePublishedAudit(input.auditId);
}
