import type { DashboardFilters, DashboardScope } from '@/lib/domain/dashboard-views';
import { dashboardQuery } from '@/lib/schemas/dashboards';

/** Where a widget's table downloads as CSV: the same scope and filters as the page. */
export function exportHref(scope: DashboardScope, filters: DashboardFilters, table: string): string {
  const extra: Record<string, string> = { table };
  if (scope.level !== 'national') extra.area = scope.serviceAreaId;
  if (scope.level === 'team') extra.team = scope.teamId;
  return `/dashboard/export${dashboardQuery(filters, extra)}`;
}

/**
 * What every dashboard widget is given: the figures still being counted (the
 * widget awaits them, so the page streams each in as it is ready behind
 * Suspense), and the scope and filters its CSV link repeats.
 */
export type WidgetProps<T> = { figures: Promise<T>; scope: DashboardScope; filters: DashboardFilters };
