import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { DashboardFiltersForm } from '@/components/dashboards/dashboard-filters-form';
import { HeatMapWidget } from '@/components/dashboards/heat-map-widget';
import { ProgressWidget } from '@/components/dashboards/progress-widget';
import { QaOverviewPanel } from '@/components/dashboards/qa-overview-panel';
import { QaWidget } from '@/components/dashboards/qa-widget';
import { StandingWidget } from '@/components/dashboards/standing-widget';
import { TrendWidget } from '@/components/dashboards/trend-widget';
import { Widget } from '@/components/dashboards/widget';
import { requireActor } from '@/lib/auth/actor';
import type { DashboardScope } from '@/lib/domain/dashboard-views';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { dashboardQuery, parseDashboardFilters } from '@/lib/schemas/dashboards';
import { findAuditsUnderWay } from '@/lib/use-cases/dashboards/find-audits-under-way';
import { getLatestStanding } from '@/lib/use-cases/dashboards/get-latest-standing';
import { getQaTrend } from '@/lib/use-cases/dashboards/get-qa-trend';
import { getSectionHeatMap } from '@/lib/use-cases/dashboards/get-section-heat-map';
import { getTrend } from '@/lib/use-cases/dashboards/get-trend';
import { getQaOverview } from '@/lib/use-cases/qa-overview/get-qa-overview';
import { qaOverviewPeriodOfMonths } from '@/lib/domain/qa-overview';
import { isoDay } from '@/lib/domain/dates';

export const metadata: Metadata = { title: 'National dashboard' };
export const dynamic = 'force-dynamic';

export default async function NationalDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const filters = parseDashboardFilters(await searchParams);
  if (!can(actor, 'dashboard.national', NATIONAL)) {
    // A Head of Service or Assistant Director lands on their own area's dashboard.
    if (actor.serviceAreaId && can(actor, 'dashboard.area', inArea(actor.serviceAreaId)))
      redirect(`/dashboard/areas/${actor.serviceAreaId}${dashboardQuery(filters)}`);
    notFound();
  }
  const scope: DashboardScope = { level: 'national' };
  const props = { scope, filters };
  const areaLink = (key: string) =>
    key === 'all' ? null : `/dashboard/areas/${key}${dashboardQuery(filters)}`;
  return (
    <div className="space-y-10">
      <div>
        <h1>National dashboard</h1>
        <p className="mt-1 text-slate-700">
          Every area against the targets of the latest published audit, and how practice has moved across
          audits. The filters are part of the address, so a view can be bookmarked and shared.
        </p>
      </div>
      <DashboardFiltersForm filters={filters} action="/dashboard" />
      <Widget id="standing" title="Areas against the targets">
        <StandingWidget
          {...props}
          figures={getLatestStanding(actor, scope, filters)}
          groupHeading="Service area"
          linkFor={areaLink}
        />
      </Widget>
      <Widget id="trend" title="Trend across audits">
        <TrendWidget {...props} figures={getTrend(actor, scope, filters)} linkFor={areaLink} />
      </Widget>
      <Widget id="qa" title="Quality-assurance indicators">
        <QaWidget {...props} figures={getQaTrend(actor, scope, filters)} />
      </Widget>
      {can(actor, 'qaOverview.view', NATIONAL) && (
        <Widget id="qa-overview" title="QA overview: local, national and performance board audits">
          <QaOverviewPanel
            figures={getQaOverview(
              actor,
              { ...qaOverviewPeriodOfMonths(filters), areaId: null },
              isoDay(new Date()),
            )}
          />
        </Widget>
      )}
      <Widget id="heat-map" title="Sections by area">
        <HeatMapWidget
          {...props}
          figures={getSectionHeatMap(actor, scope, filters)}
          groupHeading="Service area"
        />
      </Widget>
      <Widget id="progress" title="Audits under way">
        <ProgressWidget {...props} figures={findAuditsUnderWay(actor, scope, filters, new Date())} />
      </Widget>
    </div>
  );
}
