import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { DashboardScope } from '@/lib/domain/dashboard-views';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';

/**
 * Every dashboard read starts here: the national view needs a national
 * role; an area or team needs the area (a Head of Service only their own).
 */
export function authoriseDashboard(actor: Actor, scope: DashboardScope): void {
  const allowed =
    scope.level === 'national'
      ? can(actor, 'dashboard.national', NATIONAL)
      : can(actor, 'dashboard.area', inArea(scope.serviceAreaId));
  if (!allowed) throw new NotFoundOrForbiddenError();
}
