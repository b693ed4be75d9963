import { getActor } from '@/lib/auth/actor';
import { getAuditReport } from '@/lib/use-cases/reports/get-audit-report';
import { NotFoundOrForbiddenError, WithheldWhileBenchmarkingError } from '@/lib/domain/errors';
import { reportJson } from '@/lib/report/json';
import { reportPdf } from '@/lib/report/pdf';
import { reportTables } from '@/lib/report/tables';
import { reportWorkbook, tableCsv } from '@/lib/report/xlsx';
import { isUuid } from '@/lib/schemas/fields';
import { queryOf, ReportQuerySchema } from '@/lib/schemas/reports';
import { recordDownload, refusedResponse } from '@/lib/http/access';
import { withheldWhileBenchmarkingResponse } from '@/lib/http/withheld';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404 });

/** A file name that says what it is and is safe in a header. */
function fileName(auditName: string, scope: string, suffix: string): string {
  const slug = `${auditName} ${scope} ${suffix}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug.slice(0, 120);
}

/**
 * The report's tables as CSV (one table), XLSX (all), PDF (the whole
 * report) or JSON (the figures, as the `report` command prints them). The same scope rules as the page: a Head of Service gets their own
 * area's figures only.
 */
export async function GET(request: Request, { params }: { params: Promise<{ auditId: string }> }) {
  const actor = await getActor();
  if (!actor)
    return refusedResponse(
      request,
      null,
      'report',
      new Response('Sign in to download the report', { status: 401 }),
    );
  const { auditId } = await params;
  const query = ReportQuerySchema.safeParse(queryOf(new URL(request.url).searchParams));
  if (!isUuid(auditId) || !query.success) return notFound();
  const { areaId: area, crossTab, format, table: tableId } = query.data;
  if (format === null) return notFound();
  let report;
  try {
    report = await getAuditReport(actor, auditId, area, { crossTab });
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) return refusedResponse(request, actor, `audit:${auditId}`);
    if (error instanceof WithheldWhileBenchmarkingError) return withheldWhileBenchmarkingResponse();
    throw error;
  }
  // Logged before the file is built: a download that cannot be logged does not happen.
  const download = (table: string) =>
    recordDownload(request, actor, {
      target: `audit:${auditId}`,
      table,
      format,
      filters: { area, rows: crossTab?.rowSection ?? null, columns: crossTab?.columnSection ?? null },
    });
  if (format === 'json') {
    await download('figures');
    // The same JSON as `npm run report -- --format json`, for the actor's scope.
    return Response.json(reportJson(report), { headers: { 'Cache-Control': 'no-store' } });
  }
  const tables = reportTables(report);
  const headers = (type: string, name: string) => ({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  });
  if (format === 'csv') {
    const table = tables.find((candidate) => candidate.id === tableId);
    if (!table) return notFound();
    await download(table.id);
    return new Response(tableCsv(table), {
      headers: headers(
        'text/csv; charset=utf-8',
        `${fileName(report.audit.name, report.scope.label, table.id)}.csv`,
      ),
    });
  }
  await download('report');
  if (format === 'xlsx') {
    const workbook = await reportWorkbook(report, tables);
    return new Response(new Uint8Array(workbook), {
      headers: headers(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        `${fileName(report.audit.name, report.scope.label, 'report')}.xlsx`,
      ),
    });
  }
  const pdf = await reportPdf(report, tables);
  return new Response(new Uint8Array(pdf), {
    headers: headers('application/pdf', `${fileName(report.audit.name, report.scope.label, 'report')}.pdf`),
  });
}
