import type { Actor } from './actor';
import { NotFoundOrForbiddenError } from './errors';
import { can, inArea, type Action } from './permissions';

/**
 * The areas an actor's lists cover: their own for area roles, every area for
 * national ones; refused when the role may not see the list at all. Never an
 * undefined area: a missing scope would drop the filter and show every area.
 */
export function listScope(
  actor: Pick<Actor, 'role' | 'serviceAreaId'>,
  action: Action,
): { serviceAreaId?: string } {
  if (actor.serviceAreaId !== null) {
    if (!can(actor, action, inArea(actor.serviceAreaId))) throw new NotFoundOrForbiddenError();
    return { serviceAreaId: actor.serviceAreaId };
  }
  // National roles: allowed in any area means allowed here with no filter.
  if (!can(actor, action, inArea('*'))) throw new NotFoundOrForbiddenError();
  return {};
}
