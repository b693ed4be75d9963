// Whose figures a report shows: decided from who asks and which area they
// asked for, before anything is counted.
import type { Actor } from './actor';
import { NotFoundOrForbiddenError } from './errors';
import { can, inArea, NATIONAL } from './permissions';
import type { ReportScope } from './report-view';

/**
 * Which figures the actor may read: a Head of Service or Assistant Director
 * only their own area's; national roles the nation's or any one area's.
 */
export function authoriseReportScope(actor: Actor, requestedAreaId: string | null): ReportScope {
  if (requestedAreaId === null) {
    if (can(actor, 'report.view', NATIONAL)) return { serviceAreaId: null };
    // An area role asking for "the report" gets its own area's.
    if (actor.serviceAreaId && can(actor, 'report.view', inArea(actor.serviceAreaId)))
      return { serviceAreaId: actor.serviceAreaId };
    throw new NotFoundOrForbiddenError();
  }
  if (!can(actor, 'report.view', inArea(requestedAreaId))) throw new NotFoundOrForbiddenError();
  return { serviceAreaId: requestedAreaId };
}
