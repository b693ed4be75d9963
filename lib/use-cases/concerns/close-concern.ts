import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { getConcernTarget } from '@/lib/db/reviews';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';
import { assertCanClose } from '@/lib/domain/safeguarding';

/** The concern's area leader (or the audit lead) closes it, saying what was done. */
export async function closeConcern(
  actor: Actor,
  input: { concernId: string; version: number; actionTaken: string },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const concern = await getConcernTarget(tx, input.concernId);
    if (!concern || !can(actor, 'concern.respond', inArea(concern.serviceAreaId)))
      throw new NotFoundOrForbiddenError();
    assertCanClose(concern, input.actionTaken);
    const data = { closedAt: now, closedById: actor.userId, actionTaken: input.actionTaken };
    const { count } = await tx.safeguardingConcern.updateMany({
      where: { id: input.concernId, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.safeguardingConcern.findUnique({ where: { id: input.concernId }, select: { id: true } }),
      'concern',
    );
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'concern.closed',
      entityType: 'safeguarding_concern',
      entityId: input.concernId,
      detail: JSON.parse(JSON.stringify(data)) as object,
    });
  });
}
