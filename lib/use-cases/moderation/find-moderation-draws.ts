import 'server-only';
import { findDrawLog, listServiceAreas, type DrawLogEntry } from '@/lib/db/moderation-draw';
import type { Actor } from '@/lib/domain/actor';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';

export type ModerationDraws = {
  /** The areas the actor may draw for: every area nationally, else their own. */
  areas: { id: string; code: string }[];
  log: DrawLogEntry[];
};

/** The draws so far and where the actor may draw, for those who run the draw. */
export async function findModerationDraws(actor: Actor): Promise<ModerationDraws> {
  if (can(actor, 'moderation.manage', NATIONAL))
    return { areas: await listServiceAreas(), log: await findDrawLog(null) };
  const own = actor.serviceAreaId ?? '';
  authorise(actor, 'moderation.manage', inArea(own));
  const areas = (await listServiceAreas()).filter((area) => area.id === own);
  return { areas, log: await findDrawLog(own) };
}
