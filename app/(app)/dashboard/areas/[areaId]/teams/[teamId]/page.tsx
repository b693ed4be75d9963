import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  DashboardFiltersForm,
  PractitionersWidget,
  QaWidget,
  StandingWidget,
  TrendWidget,
  Widget,
} from '@/app/(app)/dashboard/widgets';
import { requireActor } from '@/lib/auth/actor';
import { scopeLabel, teamInArea, type DashboardScope } from '@/lib/db/dashboards';
import { drillDownLevel } from '@/lib/domain/dashboard';
import { can, inArea } from '@/lib/domain/permissions';
import { isUuid } from '@/lib/schemas/fields';
import { dashboardQuery, parseDashboardFilters } from '@/lib/schemas/dashboards';

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
  if (!isUuid(areaId) || !(isUuid(teamId) || teamId === 'none')) notFound();
  if (!can(actor, 'dashboard.area', inArea(areaId)) || !(await teamInArea(areaId, teamId))) notFound();
  const filters = parseDashboardFilters(await searchParams);
  const scope = { level: 'team', serviceAreaId: areaId, teamId } satisfies DashboardScope;
  const props = { actor, scope, filters };
  return (
    <div className="space-y-10">
      <p>
        <Link href={`/dashboard/areas/${areaId}${dashboardQuery(filters)}`}>Back to the area dashboard</Link>
      </p>
      <h1>Team dashboard: {await scopeLabel(scope)}</h1>
      <DashboardFiltersForm filters={filters} action={`/dashboard/areas/${areaId}/teams/${teamId}`} />
      <Widget id="standing" title="Against the targets">
        <StandingWidget {...props} groupHeading="Team" />
      </Widget>
      <Widget id="trend" title="Trend across audits">
        <TrendWidget {...props} />
      </Widget>
      <Widget id="qa" title="Quality-assurance indicators">
        <QaWidget {...props} />
      </Widget>
      {drillDownLevel(actor, areaId) === 'practitioner' ? (
        <Widget id="practitioners" title="Practitioners">
          <PractitionersWidget {...props} />
        </Widget>
      ) : (
        <p className="card">
          Individual practitioners are shown only to the area’s leaders and the national service.
        </p>
      )}
    </div>
  );
}
