import 'server-only';
import { groupCounts } from '@/lib/db/dashboard-counts';
import { getDashboardRules, gradeKeys, groupsFor, publishedAudits, scopeLabel } from '@/lib/db/dashboards';
import type { Actor } from '@/lib/domain/actor';
import { totalsByGroup, trendFrom } from '@/lib/domain/dashboard-assembly';
import type { DashboardFilters, DashboardScope, Trend } from '@/lib/domain/dashboard-views';
import { authoriseDashboard } from './authorise-dashboard';

/** % Good or above and % lowest grade across audits, for the scope and for each of its groups. */
export async function getTrend(
  actor: Actor,
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<Trend> {
  authoriseDashboard(actor, scope);
  const by = scope.level === 'national' ? 'area' : 'team';
  const [audits, rules] = await Promise.all([publishedAudits(filters), getDashboardRules()]);
  // A team's dashboard has no groups below it: only its own line.
  const byGroup = scope.level !== 'team';
  const [keys, overallCounts, counts, groups] = await Promise.all([
    gradeKeys(audits),
    groupCounts(audits, scope, filters, 'all'),
    byGroup ? groupCounts(audits, scope, filters, by) : Promise.resolve([]),
    byGroup ? groupsFor(scope, by) : Promise.resolve([]),
  ]);
  return trendFrom({
    audits,
    scopeLabel: await scopeLabel(scope),
    groups,
    overallTotals: totalsByGroup(overallCounts, keys),
    groupTotals: totalsByGroup(counts, keys),
    rules,
  });
}
