import { getActor } from '@/lib/auth/actor';
import { isoDay } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { qaOverviewJson, qaOverviewPeriodText, qaOverviewSentences } from '@/lib/domain/qa-overview';
import { recordDownload, refusedResponse } from '@/lib/http/access';
import { tablesPdf } from '@/lib/report/pdf';
import { qaOverviewTable, qaOverviewTables } from '@/lib/report/qa-overview-tables';
import { tableCsv, tablesWorkbook } from '@/lib/report/xlsx';
import { queryOf } from '@/lib/schemas/reports';
import { QaOverviewQuerySchema } from '@/lib/schemas/qa-overview';
import { getQaOverview } from '@/lib/use-cases/qa-overview/get-qa-overview';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404 });

/**
 * The QA overview's tables as CSV (one table), XLSX (all), PDF (the whole
 * overview) or JSON (the figures, as `npm run qa-overview` prints them), for
 * the same period and area as the page and with the same refusals.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor)
    return refusedResponse(
      request,
      null,
      'qa-overview',
      new Response('Sign in to download the QA overview', { status: 401 }),
    );
  const query = QaOverviewQuerySchema.safeParse(queryOf(new URL(request.url).searchParams));
  if (!query.success || query.data.format === null) return notFound();
  const { format, table: tableId } = query.data;
  if (format === 'csv' && tableId === null) return notFound();
  let overview;
  try {
    overview = await getQaOverview(actor, query.data, isoDay(new Date()));
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError)
      return refusedResponse(request, actor, `qa-overview:${query.data.areaId ?? 'national'}`);
    throw error;
  }
  const { period, scope } = overview;
  // Logged before the file is built: a download that cannot be logged does not happen.
  await recordDownload(request, actor, {
    target: scope.serviceAreaId === null ? 'qa-overview:national' : `qa-overview:area:${scope.serviceAreaId}`,
    table: format === 'csv' ? (tableId ?? '') : 'overview',
    format,
    filters: { from: period.from, to: period.to, area: scope.serviceAreaId },
  });
  const name = `qa-overview-${scope.label}-${period.from}-to-${period.to}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const headers = (type: string, file: string) => ({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${file}"`,
    'Cache-Control': 'no-store',
  });
  if (format === 'json')
    return Response.json(qaOverviewJson(overview), { headers: { 'Cache-Control': 'no-store' } });
  if (format === 'csv' && tableId !== null)
    return new Response(tableCsv(qaOverviewTable(overview, tableId)), {
      headers: headers('text/csv; charset=utf-8', `${name}-${tableId}.csv`),
    });
  const title = `QA overview: ${scope.label}`;
  const subtitle = qaOverviewPeriodText(period);
  const tables = qaOverviewTables(overview);
  if (format === 'xlsx') {
    const workbook = await tablesWorkbook(
      title,
      [
        ['Period', subtitle],
        ['Scope', scope.label],
        ...qaOverviewSentences(overview).map((s, i): [string, string] => [i === 0 ? 'Summary' : '', s]),
      ],
      tables,
    );
    return new Response(new Uint8Array(workbook), {
      headers: headers('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${name}.xlsx`),
    });
  }
  const pdf = await tablesPdf({ title, subtitle, sentences: qaOverviewSentences(overview), tables });
  return new Response(new Uint8Array(pdf), { headers: headers('application/pdf', `${name}.pdf`) });
}
