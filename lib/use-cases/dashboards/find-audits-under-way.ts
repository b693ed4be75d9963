import 'server-only';
import { auditsWithheldWhileBenchmarking } from '@/lib/db/blind';
import { auditsUnderWayCounts, openChallengesIn } from '@/lib/db/dashboard-counts';
import type { Actor } from '@/lib/domain/actor';
import { auditProgressFrom } from '@/lib/domain/dashboard-assembly';
import type { AuditProgress, DashboardFilters, DashboardScope } from '@/lib/domain/dashboard-views';
import { authoriseDashboard } from './authorise-dashboard';

/** Audits of the kind not yet published: how far each has got, in the scope. */
export async function findAuditsUnderWay(
  actor: Actor,
  scope: DashboardScope,
  filters: DashboardFilters,
  now: Date,
): Promise<AuditProgress[]> {
  authoriseDashboard(actor, scope);
  const area = scope.level === 'national' ? null : scope.serviceAreaId;
  const rows = await auditsUnderWayCounts(filters, area);
  if (rows.length === 0) return [];
  const withheld = new Set(await auditsWithheldWhileBenchmarking(actor));
  const open = await openChallengesIn(
    rows.map((row) => row.auditId),
    area,
  );
  return auditProgressFrom(rows, withheld, open, now);
}
