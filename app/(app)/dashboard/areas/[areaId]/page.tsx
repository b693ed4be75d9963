import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DashboardFiltersForm } from '@/components/dashboards/dashboard-filters-form';
import { HeatMapWidget } from '@/components/dashboards/heat-map-widget';
import { PractitionersWidget } from '@/components/dashboards/practitioners-widget';
import { ProgressWidget } from '@/components/dashboards/progress-widget';
import { QaWidget } from '@/components/dashboards/qa-widget';
import { StandingWidget } from '@/components/dashboards/standing-widget';
import { TrendWidget } from '@/components/dashboards/trend-widget';
import { Widget } from '@/components/dashboards/widget';
import { InspectionJudgementsTable } from '@/components/improvement/inspection-judgements-table';
import { requireActor } from '@/lib/auth/actor';
import { scopeLabel } from '@/lib/db/dashboards';
import { drillDownLevel } from '@/lib/domain/dashboard';
import { NO_TEAM_KEY } from '@/lib/domain/dashboard-views';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';
import { dashboardQuery, parseDashboardFilters, parseDashboardScope } from '@/lib/schemas/dashboards';
import { findAuditsUnderWay } from '@/lib/use-cases/dashboards/find-audits-under-way';
import { findPractitionerRows } from '@/lib/use-cases/dashboards/find-practitioner-rows';
import { getLatestStanding } from '@/lib/use-cases/dashboards/get-latest-standing';
import { getQaTrend } from '@/lib/use-cases/dashboards/get-qa-trend';
import { getSectionHeatMap } from '@/lib/use-cases/dashboards/get-section-heat-map';
import { getTrend } from '@/lib/use-cases/dashboards/get-trend';
import { findInspectionJudgements } from '@/lib/use-cases/improvement/find-inspection-judgements';
import type { Actor } from '@/lib/domain/actor';

export const metadata: Metadata = { title: 'Area dashboard' };
export const dynamic = 'force-dynamic';

export default async function AreaDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ areaId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { areaId } = await params;
  const scope = parseDashboardScope({ area: areaId, team: null });
  if (scope?.level !== 'area' || !can(actor, 'dashboard.area', inArea(areaId))) notFound();
  const filters = parseDashboardFilters(await searchParams);
  const label = await scopeLabel(scope);
  const props = { scope, filters };
  const level = drillDownLevel(actor, areaId);
  // Every real team opens its own dashboard; the area's own line and the unrecorded-team row do not.
  const teamLink = (key: string) =>
    key === 'all' || key === NO_TEAM_KEY
      ? null
      : `/dashboard/areas/${areaId}/teams/${key}${dashboardQuery(filters)}`;
  return (
    <div className="space-y-10">
      {can(actor, 'dashboard.national', NATIONAL) && (
        <p>
          <Link href={`/dashboard${dashboardQuery(filters)}`}>Back to the national dashboard</Link>
        </p>
      )}
      <div>
        <h1>Area dashboard: {label}</h1>
        <p className="mt-1 text-slate-700">
          The area’s teams against the targets of the latest published audit, and how practice has moved.
          {level === 'practitioner'
            ? ' Open a team to see its practitioners.'
            : ' Open a team to see its figures; individual practitioners are not shown at your level.'}
        </p>
      </div>
      <DashboardFiltersForm filters={filters} action={`/dashboard/areas/${areaId}`} />
      <Widget id="standing" title="Teams against the targets">
        <StandingWidget
          {...props}
          figures={getLatestStanding(actor, scope, filters)}
          groupHeading="Team"
          linkFor={teamLink}
        />
      </Widget>
      <InspectionBeside actor={actor} areaId={areaId} />
      <Widget id="trend" title="Trend across audits">
        <TrendWidget {...props} figures={getTrend(actor, scope, filters)} linkFor={teamLink} />
      </Widget>
      <Widget id="qa" title="Quality-assurance indicators">
        <QaWidget {...props} figures={getQaTrend(actor, scope, filters)} />
      </Widget>
      <Widget id="heat-map" title="Sections by team">
        <HeatMapWidget {...props} figures={getSectionHeatMap(actor, scope, filters)} groupHeading="Team" />
      </Widget>
      <Widget id="progress" title="Audits under way in this area">
        <ProgressWidget {...props} figures={findAuditsUnderWay(actor, scope, filters, new Date())} />
      </Widget>
      {level === 'practitioner' && (
        <Widget id="practitioners" title="Practitioners in this area">
          <PractitionersWidget {...props} figures={findPractitionerRows(actor, scope, filters)} />
        </Widget>
      )}
    </div>
  );
}

/** Seed 004: what inspectors judged, beside what the area's own audit found. Nothing when never inspected. */
async function InspectionBeside({ actor, areaId }: { actor: Actor; areaId: string }) {
  const judgements = await findInspectionJudgements(actor, areaId);
  if (judgements.length === 0) return null;
  return (
    <Widget id="inspection" title="Inspection judgements beside the audit">
      <InspectionJudgementsTable
        judgements={judgements}
        caption="Each inspection beside the area’s latest national audit before it"
        showArea={false}
      />
    </Widget>
  );
}
