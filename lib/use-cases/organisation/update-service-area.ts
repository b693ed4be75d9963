import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { db, type Tx } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { assertVersionedUpdate } from '@/lib/db/versioned';

export async function updateServiceArea(
  actor: Actor,
  input: { serviceAreaId: string; version: number; name: string },
): Promise<void> {
  authorise(actor, 'organisation.manage', NATIONAL);
  const actorId = actor.userId;
  await db().$transaction(async (tx: Tx) => {
    const { count } = await tx.serviceArea.updateMany({
      where: { id: input.serviceAreaId, version: input.version },
      data: { name: input.name, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.serviceArea.findUnique({ where: { id: input.serviceAreaId }, select: { id: true } }),
      'service area',
    );
    await recordAuditEvent(tx, {
      actorId,
      action: 'service-area.renamed',
      entityType: 'service_area',
      entityId: input.serviceAreaId,
      detail: { name: input.name },
    });
  });
}
