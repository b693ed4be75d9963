import 'server-only';
import { loadObservation, type ObservationDetail } from '@/lib/db/observations';
import type { Actor } from '@/lib/domain/actor';
import { mayAmendObservation, mayViewObservation } from '@/lib/domain/observation';

/** One observation, for those who may see it (null for anyone else, as for a missing one). */
export async function getObservation(
  actor: Actor,
  observationId: string,
): Promise<(ObservationDetail & { canAmend: boolean }) | null> {
  const observation = await loadObservation(observationId);
  if (!observation || !mayViewObservation(actor, observation)) return null;
  return { ...observation, canAmend: mayAmendObservation(actor, observation) };
}
