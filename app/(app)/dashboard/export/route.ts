import { getActor } from '@/lib/auth/actor';
import { teamInArea } from '@/lib/db/dashboards';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import {
  heatMapTable,
  practitionersTable,
  progressTable,
  qaTable,
  standingTable,
  trendTable,
} from '@/lib/report/dashboard-tables';
import type { ReportTable } from '@/lib/report/tables';
import { tableCsv } from '@/lib/report/xlsx';
import { parseDashboardFilters, parseDashboardScope } from '@/lib/schemas/dashboards';
import { recordDownload, refusedResponse } from '@/lib/http/access';
import { findAuditsUnderWay } from '@/lib/use-cases/dashboards/find-audits-under-way';
import { findPractitionerRows } from '@/lib/use-cases/dashboards/find-practitioner-rows';
import { getLatestStanding } from '@/lib/use-cases/dashboards/get-latest-standing';
import { getQaTrend } from '@/lib/use-cases/dashboards/get-qa-trend';
import { getSectionHeatMap } from '@/lib/use-cases/dashboards/get-section-heat-map';
import { getTrend } from '@/lib/use-cases/dashboards/get-trend';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404 });

/** Any dashboard table as CSV, for the same scope and filters as the page (and the same refusals). */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor)
    return refusedResponse(request, null, 'dashboard', new Response('Sign in to download', { status: 401 }));
  const url = new URL(request.url);
  const area = url.searchParams.get('area');
  const team = url.searchParams.get('team');
  const scope = parseDashboardScope({ area, team });
  if (!scope) return notFound();
  if (scope.level === 'team' && !(await teamInArea(scope.serviceAreaId, scope.teamId))) return notFound();
  const filters = parseDashboardFilters(url.searchParams);
  const groupHeading = scope.level === 'national' ? 'Service area' : 'Team';
  let table: ReportTable;
  try {
    switch (url.searchParams.get('table')) {
      case 'standing':
        table = standingTable(await getLatestStanding(actor, scope, filters), groupHeading);
        break;
      case 'trend-good':
        table = trendTable(await getTrend(actor, scope, filters), 'good', 'Good or above');
        break;
      case 'trend-lowest':
        table = trendTable(await getTrend(actor, scope, filters), 'lowest', 'lowest grade');
        break;
      case 'quality-assurance':
        table = qaTable(await getQaTrend(actor, scope, filters));
        break;
      case 'sections-heat-map':
        table = heatMapTable(await getSectionHeatMap(actor, scope, filters), groupHeading);
        break;
      case 'audits-under-way':
        table = progressTable(await findAuditsUnderWay(actor, scope, filters, new Date()));
        break;
      case 'practitioners':
        if (scope.level === 'national') return notFound();
        table = practitionersTable(await findPractitionerRows(actor, scope, filters), 'Good or above');
        break;
      default:
        return notFound();
    }
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) return refusedResponse(request, actor, 'dashboard');
    throw error;
  }
  await recordDownload(request, actor, {
    target: scope.level === 'national' ? 'dashboard:national' : `dashboard:area:${scope.serviceAreaId}`,
    table: table.id,
    format: 'csv',
    filters: {
      area,
      team,
      kind: filters.kind,
      from: filters.from ?? null,
      to: filters.to ?? null,
      law: filters.lawType ?? null,
    },
  });
  return new Response(tableCsv(table), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="dashboard-${table.id}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
