import 'server-only';
import { findAuditorQueue } from '@/lib/db/queue';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';
import type { Queue, QueueFilter } from '@/lib/domain/queue';

/** The cases an auditor has to grade, and has graded: only ever their own. */
export async function findQueue(actor: Actor, filter?: QueueFilter): Promise<Queue> {
  if (!can(actor, 'queue.view', NATIONAL)) throw new NotFoundOrForbiddenError('queue.view');
  return findAuditorQueue(actor.userId, filter);
}
