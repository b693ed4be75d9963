import { getActor } from '@/lib/auth/actor';
import { NotFoundOrForbiddenError, WithheldWhileBenchmarkingError } from '@/lib/domain/errors';
import { calibrationTables } from '@/lib/report/calibration-tables';
import { tableCsv, tablesWorkbook } from '@/lib/report/xlsx';
import { isUuid } from '@/lib/schemas/fields';
import { recordDownload, refusedResponse } from '@/lib/http/access';
import { withheldWhileBenchmarkingResponse } from '@/lib/http/withheld';
import { getCalibration } from '@/lib/use-cases/benchmarks/get-calibration';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404 });

/** The calibration report's tables: one as CSV, or all as XLSX. */
export async function GET(request: Request, { params }: { params: Promise<{ auditId: string }> }) {
  const actor = await getActor();
  if (!actor)
    return refusedResponse(
      request,
      null,
      'calibration',
      new Response('Sign in to download', { status: 401 }),
    );
  const { auditId } = await params;
  const url = new URL(request.url);
  const format = url.searchParams.get('format');
  if (!isUuid(auditId)) return notFound();
  let found;
  try {
    found = await getCalibration(actor, auditId);
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) return refusedResponse(request, actor, `audit:${auditId}`);
    if (error instanceof WithheldWhileBenchmarkingError) return withheldWhileBenchmarkingResponse();
    throw error;
  }
  const levels = found.content.scale.levels.map((level) => ({ key: level.key, label: level.label }));
  const tables = calibrationTables(found.calibration, found.acrossAudits, levels);
  const headers = (type: string, name: string) => ({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  });
  if (format === 'csv') {
    const table = tables.find((candidate) => candidate.id === url.searchParams.get('table'));
    if (!table) return notFound();
    await recordDownload(request, actor, {
      target: `audit:${auditId}`,
      table: `calibration:${table.id}`,
      format,
    });
    return new Response(tableCsv(table), {
      headers: headers('text/csv; charset=utf-8', `calibration-${table.id}.csv`),
    });
  }
  if (format === 'xlsx') {
    await recordDownload(request, actor, { target: `audit:${auditId}`, table: 'calibration', format });
    const workbook = await tablesWorkbook(
      `${found.auditName}: calibration report`,
      [
        ['Audit', found.auditName],
        ['Benchmarked cases', found.calibration.pairs],
        ['Agreement', found.calibration.overall.percentAgreement.words],
        ['Direction', found.calibration.direction.words],
      ],
      tables,
    );
    return new Response(new Uint8Array(workbook), {
      headers: headers(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'calibration.xlsx',
      ),
    });
  }
  return notFound();
}
