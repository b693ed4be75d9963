import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { assertAuditSettings } from '@/lib/domain/audits';
import { auditColumns, type AuditFields } from '@/lib/db/audits';
import { translateAuditWriteError } from './translate-audit-write-error';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import { canChangeThresholdVersion, isFrozen } from '@/lib/domain/audits';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';

export async function updateAudit(
  actor: Actor,
  auditId: string,
  version: number,
  fields: AuditFields,
): Promise<void> {
  authorise(actor, 'audit.manage', NATIONAL);
  assertAuditSettings(fields);
  const actorId = actor.userId;
  try {
    await db().$transaction(async (tx) => {
      const current = await tx.audit.findUnique({
        where: { id: auditId },
        select: { status: true, thresholdVersionId: true },
      });
      if (!current) throw new NotFoundOrForbiddenError();
      if (isFrozen(current.status))
        throw new RuleError('This audit is published: nothing about it can change.');
      if (
        fields.thresholdVersionId !== current.thresholdVersionId &&
        !canChangeThresholdVersion(current.status)
      ) {
        throw new RuleError('Sampling has started: the threshold version is locked.', 'thresholdVersionId');
      }
      if (fields.comparedWithId === auditId)
        throw new RuleError('An audit cannot be compared with itself', 'comparedWithId');
      const { count } = await tx.audit.updateMany({
        where: { id: auditId, version },
        data: { ...auditColumns(fields), version: { increment: 1 } },
      });
      await assertVersionedUpdate(
        count,
        () => tx.audit.findUnique({ where: { id: auditId }, select: { id: true } }),
        'audit',
      );
      await tx.auditServiceArea.deleteMany({ where: { auditId } });
      await tx.auditServiceArea.createMany({
        data: fields.serviceAreaIds.map((serviceAreaId) => ({ auditId, serviceAreaId })),
      });
      await recordAuditEvent(tx, {
        actorId,
        action: 'audit.updated',
        entityType: 'audit',
        entityId: auditId,
        detail: { ...fields },
      });
    });
  } catch (error) {
    translateAuditWriteError(error);
  }
}
