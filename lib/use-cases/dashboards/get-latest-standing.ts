import 'server-only';
import { groupCounts } from '@/lib/db/dashboard-counts';
import {
  auditRubric,
  getDashboardRules,
  gradeKeys,
  groupsFor,
  publishedAudits,
  scopeLabel,
} from '@/lib/db/dashboards';
import type { Actor } from '@/lib/domain/actor';
import { latestStandingFrom, standingLabels, totalsByGroup } from '@/lib/domain/dashboard-assembly';
import type { DashboardFilters, DashboardScope, LatestStanding } from '@/lib/domain/dashboard-views';
import { authoriseDashboard } from './authorise-dashboard';

/** The latest published audit: each group (area, or team) against the audit's targets. */
export async function getLatestStanding(
  actor: Actor,
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<LatestStanding> {
  authoriseDashboard(actor, scope);
  const by = scope.level === 'national' ? 'area' : 'team';
  const [audits, rules] = await Promise.all([publishedAudits(filters), getDashboardRules()]);
  const audit = audits.at(-1) ?? null;
  if (!audit) return { audit: null, goodLabel: 'Good', lowestLabel: 'lowest grade', overall: null, rows: [] };
  const { scale } = await auditRubric(audit);
  const [groups, overallCounts, counts, keys] = await Promise.all([
    groupsFor(scope, by),
    groupCounts([audit], scope, filters, 'all'),
    groupCounts([audit], scope, filters, by),
    gradeKeys([audit]),
  ]);
  return latestStandingFrom({
    audit,
    labels: standingLabels(scale),
    scopeLabel: await scopeLabel(scope),
    groups,
    overallTotals: totalsByGroup(overallCounts, keys),
    groupTotals: totalsByGroup(counts, keys),
    rules,
  });
}
