import 'server-only';
import { qaCounts } from '@/lib/db/dashboard-counts';
import { getDashboardRules, publishedAudits } from '@/lib/db/dashboards';
import type { Actor } from '@/lib/domain/actor';
import { qaTrendFrom } from '@/lib/domain/dashboard-assembly';
import type { DashboardFilters, DashboardScope, QaTrend } from '@/lib/domain/dashboard-views';
import { authoriseDashboard } from './authorise-dashboard';

/** Seed 003's quality-assurance indicators (and children seen) across audits, flagged below target. */
export async function getQaTrend(
  actor: Actor,
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<QaTrend> {
  authoriseDashboard(actor, scope);
  const [audits, rules] = await Promise.all([publishedAudits(filters), getDashboardRules()]);
  return qaTrendFrom(audits, await qaCounts(audits, scope, filters), rules);
}
