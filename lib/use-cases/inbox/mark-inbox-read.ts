import 'server-only';
import { markAllRead } from '@/lib/db/notifications';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';

/** Everyone reads only their own inbox: the user id comes from the session, never from the input. */
export async function markInboxRead(actor: Actor, now: Date): Promise<{ marked: number }> {
  authorise(actor, 'inbox.read', NATIONAL);
  return { marked: await markAllRead(actor.userId, now) };
}
