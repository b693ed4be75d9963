import 'server-only';
import { listServiceAreas } from '@/lib/db/moderation-draw';
import type { Actor } from '@/lib/domain/actor';
import { can, NATIONAL } from '@/lib/domain/permissions';

/** The areas a national reader of local calibration may choose between; none for anyone else. */
export async function findModerationAreas(actor: Actor): Promise<{ id: string; code: string }[]> {
  if (!can(actor, 'localCalibration.view', NATIONAL)) return [];
  return listServiceAreas();
}
