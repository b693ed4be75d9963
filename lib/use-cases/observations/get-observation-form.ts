import 'server-only';
import { observablePractitioners, type PractitionerChoice } from '@/lib/db/observations';
import type { Actor } from '@/lib/domain/actor';
import { can, inArea } from '@/lib/domain/permissions';

/** Whom the person may observe: null when they may record no observation at all. */
export async function getObservationForm(
  actor: Actor,
): Promise<{ practitioners: PractitionerChoice[] } | null> {
  const area = actor.serviceAreaId;
  if (!area || !can(actor, 'observation.record', inArea(area))) return null;
  const practitioners = await observablePractitioners({
    serviceAreaId: area,
    serviceManagerId: actor.role === 'SERVICE_MANAGER' ? actor.userId : null,
  });
  return { practitioners };
}
