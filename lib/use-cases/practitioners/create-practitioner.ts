import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { type PractitionerFields } from '@/lib/db/practitioners';
import { translatePractitionerWriteError } from './translate-practitioner-write-error';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';

export async function createPractitioner(
  actor: Actor,
  input: PractitionerFields & { reference: string },
): Promise<{ id: string }> {
  authorise(actor, 'practitioner.manage', NATIONAL);
  const actorId = actor.userId;
  try {
    return await db().$transaction(async (tx) => {
      const practitioner = await tx.practitioner.create({ data: input, select: { id: true } });
      await recordAuditEvent(tx, {
        actorId,
        action: 'practitioner.created',
        entityType: 'practitioner',
        entityId: practitioner.id,
        detail: input,
      });
      return practitioner;
    });
  } catch (error) {
    translatePractitionerWriteError(error);
  }
}
