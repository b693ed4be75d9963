import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { isUniqueViolation } from '@/lib/db/errors';
import { RuleError } from '@/lib/domain/errors';

export async function createServiceArea(
  actor: Actor,
  input: { code: string; name: string },
): Promise<{ id: string }> {
  authorise(actor, 'organisation.manage', NATIONAL);
  const actorId = actor.userId;
  try {
    return await db().$transaction(async (tx) => {
      const last = await tx.serviceArea.aggregate({ _max: { sortOrder: true } });
      const area = await tx.serviceArea.create({
        data: { code: input.code, name: input.name, sortOrder: (last._max.sortOrder ?? 0) + 1 },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId,
        action: 'service-area.created',
        entityType: 'service_area',
        entityId: area.id,
        detail: input,
      });
      return area;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleError('A service area with that code already exists', 'code');
    throw error;
  }
}
