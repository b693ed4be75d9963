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

export async function createPractitioner(
  actor: Actor,
  input: PractitionerFields & { reference: string },
): Promise<{ id: string }> {
  authorise(actor, 'practitioner.manage', NATIONAL);
  const actorId = actor.userId;
  // The team's Service Manager is the practitioner's manager (an empty choice takes them).
  const team = await getTeamManager(input.teamId);
  const data = {
    ...input,
    managerId: team ? practitionerManagerFor(team, input.managerId) : input.managerId,
  };
  try {
    return await db().$transaction(async (tx) => {
      const practitioner = await tx.practitioner.create({ data, select: { id: true } });
      await recordAuditEvent(tx, {
        actorId,
        action: 'practitioner.created',
        entityType: 'practitioner',
        entityId: practitioner.id,
        detail: data,
      });
      return practitioner;
    });
  } catch (error) {
    translatePractitionerWriteError(error);
  }
}
