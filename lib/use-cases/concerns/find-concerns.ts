import 'server-only';
import { findConcernsIn, type ConcernItem } from '@/lib/db/reviews';
import type { Actor } from '@/lib/domain/actor';
import { listScope } from '@/lib/domain/list-scope';

/** Safeguarding concerns in the reader's area (every area for national roles), open ones first. */
export async function findConcerns(actor: Actor, now: Date): Promise<ConcernItem[]> {
  return findConcernsIn(listScope(actor, 'concern.view'), now);
}
