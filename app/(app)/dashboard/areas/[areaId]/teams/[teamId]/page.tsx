import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DashboardFiltersForm } from '@/components/dashboards/dashboard-filters-form';
import { PractitionersWidget } from '@/components/dashboards/practitioners-widget';
import { QaWidget } from '@/components/dashboards/qa-widget';
import { StandingWidget } from '@/components/dashboards/standing-widget';
import { TrendWidget } from '@/components/dashboards/trend-widget';
import { Widget } from '@/components/dashboards/widget';
import { requireActor } from '@/lib/auth/actor';
import { scopeLabel, teamInArea } from '@/lib/db/dashboards';
import { drillDownLevel } from '@/lib/domain/dashboard';
import { can, inArea } from '@/lib/domain/permissions';
import { dashboardQuery, parseDashboardFilters, parseDashboardScope } from '@/lib/schemas/dashboards';
import { findPractitionerRows } from '@/lib/use-cases/dashboards/find-practitioner-rows';
import { getLatestStanding } from '@/lib/use-cases/dashboards/get-latest-standing';
import { getQaTrend } from '@/lib/use-cases/dashboards/get-qa-trend';
import { getTrend } from '@/lib/use-cases/dashboards/get-trend';

export const metadata: Metadata = { title: 'Team dashboard' };
export const dynamic = 'force-dynamic';

export default async function TeamDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ areaId: string; teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { areaId, teamId } = await params;
  const scope = parseDashboardScope({ area: areaId, team: teamId });
  if (scope?.level !== 'team') notFound();
  if (!can(actor, 'dashboard.area', inArea(areaId)) || !(await teamInArea(areaId, teamId))) notFound();
  const filters = parseDashboardFilters(await searchParams);
  const props = { scope, filters };
  return (
    <div className="space-y-10">
      <p>
        <Link href={`/dashboard/areas/${areaId}${dashboardQuery(filters)}`}>Back to the area dashboard</Link>
      </p>
      <h1>Team dashboard: {await scopeLabel(scope)}</h1>
      <DashboardFiltersForm filters={filters} action={`/dashboard/areas/${areaId}/teams/${teamId}`} />
      <Widget id="standing" title="Against the targets">
        <StandingWidget {...props} figures={getLatestStanding(actor, scope, filters)} groupHeading="Team" />
      </Widget>
      <Widget id="trend" title="Trend across audits">
        <TrendWidget {...props} figures={getTrend(actor, scope, filters)} />
      </Widget>
      <Widget id="qa" title="Quality-assurance indicators">
        <QaWidget {...props} figures={getQaTrend(actor, scope, filters)} />
      </Widget>
      {drillDownLevel(actor, areaId) === 'practitioner' ? (
        <Widget id="practitioners" title="Practitioners">
          <PractitionersWidget {...props} figures={findPractitionerRows(actor, scope, filters)} />
        </Widget>
      ) : (
        <p className="card">
          Individual practitioners are shown only to the area’s leaders and the national service.
        </p>
      )}
    </div>
  );
}
