import 'server-only';
import { findModerationsOf, type MyModeration } from '@/lib/db/local-moderations';
import type { Actor } from '@/lib/domain/actor';
import { inArea } from '@/lib/domain/permissions';
import { authorise } from '../authorise';

export type { MyModeration };

/**
 * The moderations given to the Head of Practice asking, to do first. `open`:
 * only those still to grade or agree (their home page's list).
 */
export async function findMyModerations(
  actor: Actor,
  options: { open?: boolean; take?: number } = {},
): Promise<MyModeration[]> {
  // An actor without an area reaches no area: refused like anyone else without the right.
  authorise(actor, 'moderation.grade', inArea(actor.serviceAreaId ?? ''));
  return findModerationsOf(actor.userId, options);
}
