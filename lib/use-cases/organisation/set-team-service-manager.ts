import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { alignPractitionerManagers, getServiceManagerCandidate } from '@/lib/db/team-managers';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError, StaleVersionError } from '@/lib/domain/errors';
import { NATIONAL } from '@/lib/domain/permissions';
import { assertServiceManagerForTeam } from '@/lib/domain/team-managers';
import { authorise } from '../authorise';

/**
 * Sets (or clears) a team's Service Manager and, in the same transaction, its
 * practitioners' manager, so the two never disagree; one audit event says both.
 */
export async function setTeamServiceManager(
  actor: Actor,
  input: { teamId: string; version: number; serviceManagerId: string | null },
): Promise<{ practitionersChanged: number }> {
  authorise(actor, 'organisation.manage', NATIONAL);
  const candidate = input.serviceManagerId ? await getServiceManagerCandidate(input.serviceManagerId) : null;
  if (input.serviceManagerId && !candidate)
    throw new RuleError('Choose a Service Manager from the list', 'serviceManagerId');
  return db().$transaction(async (tx) => {
    const [team] = await tx.$queryRaw<
      { service_area_id: string; service_manager_id: string | null; version: number }[]
    >`SELECT service_area_id, service_manager_id, version FROM team WHERE id = ${input.teamId} FOR UPDATE`;
    if (!team) throw new NotFoundOrForbiddenError();
    if (team.version !== input.version) throw new StaleVersionError('team');
    assertServiceManagerForTeam({ serviceAreaId: team.service_area_id }, candidate);
    await tx.team.update({
      where: { id: input.teamId },
      data: { serviceManagerId: input.serviceManagerId, version: { increment: 1 } },
    });
    const practitionersChanged = await alignPractitionerManagers(tx, {
      teamId: input.teamId,
      from: team.service_manager_id,
      to: input.serviceManagerId,
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'team.service-manager-set',
      entityType: 'team',
      entityId: input.teamId,
      detail: { from: team.service_manager_id, to: input.serviceManagerId, practitionersChanged },
    });
    return { practitionersChanged };
  });
}
