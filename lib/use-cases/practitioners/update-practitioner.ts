import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { type PractitionerFields } from '@/lib/db/practitioners';
import { translatePractitionerWriteError } from './translate-practitioner-write-error';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { getTeamManager } from '@/lib/db/team-managers';
import { practitionerManagerFor } from '@/lib/domain/team-managers';
import { assertVersionedUpdate } from '@/lib/db/versioned';

export async function updatePractitioner(
  actor: Actor,
  input: PractitionerFields & { practitionerId: string; version: number; isActive: boolean },
): Promise<void> {
  authorise(actor, 'practitioner.manage', NATIONAL);
  const actorId = actor.userId;
  const { practitionerId, version, ...chosen } = input;
  // The team's Service Manager is the practitioner's manager (an empty choice takes them).
  const team = await getTeamManager(chosen.teamId);
  const fields = {
    ...chosen,
    managerId: team ? practitionerManagerFor(team, chosen.managerId) : chosen.managerId,
  };
  try {
    await db().$transaction(async (tx) => {
      const { count } = await tx.practitioner.updateMany({
        where: { id: practitionerId, version },
        data: { ...fields, version: { increment: 1 } },
      });
      await assertVersionedUpdate(
        count,
        () =>
          tx.practitioner.findUnique({
            where: { id: practitionerId },
            select: { id: true },
          }),
        'practitioner',
      );
      await recordAuditEvent(tx, {
        actorId,
        action: 'practitioner.updated',
        entityType: 'practitioner',
        entityId: practitionerId,
        detail: fields,
      });
    });
  } catch (error) {
    translatePractitionerWriteError(error);
  }
}
