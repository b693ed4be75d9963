import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { getConcernTarget } from '@/lib/db/reviews';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';
import { assertCanAcknowledge } from '@/lib/domain/safeguarding';

/** The concern's area leader (or the audit lead) acknowledges it: the 24-hour clock stops. */
export async function acknowledgeConcern(
  actor: Actor,
  input: { concernId: string; version: number },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const concern = await getConcernTarget(tx, input.concernId);
    if (!concern || !can(actor, 'concern.respond', inArea(concern.serviceAreaId)))
      throw new NotFoundOrForbiddenError();
    assertCanAcknowledge(concern);
    const data = { acknowledgedAt: now, acknowledgedById: actor.userId };
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
      action: 'concern.acknowledged',
      entityType: 'safeguarding_concern',
      entityId: input.concernId,
      detail: JSON.parse(JSON.stringify(data)) as object,
    });
  });
}
