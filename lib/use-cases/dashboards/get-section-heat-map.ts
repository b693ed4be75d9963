import 'server-only';
import { sectionCounts } from '@/lib/db/dashboard-counts';
import { auditRubric, getDashboardRules, groupsFor, publishedAudits } from '@/lib/db/dashboards';
import type { Actor } from '@/lib/domain/actor';
import { heatMapFrom } from '@/lib/domain/dashboard-assembly';
import type { DashboardFilters, DashboardScope, HeatMap } from '@/lib/domain/dashboard-views';
import { authoriseDashboard } from './authorise-dashboard';

/** The latest audit: % Good or above per section, for each area (or each team of an area). */
export async function getSectionHeatMap(
  actor: Actor,
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<HeatMap> {
  authoriseDashboard(actor, scope);
  const by = scope.level === 'national' ? 'area' : 'team';
  const [audits, rules] = await Promise.all([publishedAudits(filters), getDashboardRules()]);
  const audit = audits.at(-1);
  if (!audit) return { audit: null, sections: [], rows: [] };
  const content = await auditRubric(audit);
  const [cells, groups] = await Promise.all([sectionCounts(audit, scope, filters, by), groupsFor(scope, by)]);
  const sections = content.sections.map((section) => ({ key: section.key, label: section.title }));
  return heatMapFrom({ audit, sections, groups, cells, rules });
}
