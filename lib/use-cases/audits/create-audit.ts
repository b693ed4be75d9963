import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { assertAuditSettings } from '@/lib/domain/audits';
import { auditColumns, type AuditFields } from '@/lib/db/audits';
import { translateAuditWriteError } from './translate-audit-write-error';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';

export async function createAudit(actor: Actor, fields: AuditFields): Promise<{ id: string }> {
  authorise(actor, 'audit.manage', NATIONAL);
  assertAuditSettings(fields);
  const actorId = actor.userId;
  try {
    return await db().$transaction(async (tx) => {
      const audit = await tx.audit.create({
        data: {
          ...auditColumns(fields),
          serviceAreas: { create: fields.serviceAreaIds.map((serviceAreaId) => ({ serviceAreaId })) },
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId,
        action: 'audit.created',
        entityType: 'audit',
        entityId: audit.id,
        detail: { ...fields },
      });
      return audit;
    });
  } catch (error) {
    translateAuditWriteError(error);
  }
}
