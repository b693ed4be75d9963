import 'server-only';
import { practitionerCounts } from '@/lib/db/dashboard-counts';
import { getDashboardRules, gradeKeys, levelLabels, publishedAudits } from '@/lib/db/dashboards';
import type { Actor } from '@/lib/domain/actor';
import { practitionerRowsFrom } from '@/lib/domain/dashboard-assembly';
import type { DashboardFilters, DashboardScope, PractitionerRow } from '@/lib/domain/dashboard-views';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';
import { authoriseDashboard } from './authorise-dashboard';

/**
 * An area's (or team's) practitioners across the period: only for those
 * entitled to see individuals. Directors are refused here, whatever they ask.
 */
export async function findPractitionerRows(
  actor: Actor,
  scope: Extract<DashboardScope, { level: 'area' | 'team' }>,
  filters: DashboardFilters,
): Promise<PractitionerRow[]> {
  authoriseDashboard(actor, scope);
  if (!can(actor, 'dashboard.practitioners', inArea(scope.serviceAreaId)))
    throw new NotFoundOrForbiddenError();
  const [audits, rules] = await Promise.all([publishedAudits(filters), getDashboardRules()]);
  if (audits.length === 0) return [];
  const keys = await gradeKeys(audits);
  // Cases this reader is benchmarking blind are not counted: their grades would show through.
  const rows = await practitionerCounts({ audits, keys, scope, filters, blindTo: actor.userId });
  return practitionerRowsFrom(rows, await levelLabels(audits), rules);
}
