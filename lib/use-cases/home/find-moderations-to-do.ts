import 'server-only';
import { findModerationsOf, type MyModeration } from '@/lib/db/local-moderations';
import type { Actor } from '@/lib/domain/actor';
import { can, inArea } from '@/lib/domain/permissions';

/** The local audits waiting for this Head of Practice to moderate or agree, oldest first; none for others. */
export async function findModerationsToDo(actor: Actor): Promise<MyModeration[]> {
  if (actor.serviceAreaId === null || !can(actor, 'moderation.grade', inArea(actor.serviceAreaId))) return [];
  return findModerationsOf(actor.userId, { open: true, take: 20 });
}
