import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, type Action, type Resource } from '@/lib/domain/permissions';

/** Throws the same error for "not allowed" as for "not there". */
export function authorise(actor: Actor, action: Action, resource: Resource): void {
  if (!can(actor, action, resource)) throw new NotFoundOrForbiddenError(action);
}
