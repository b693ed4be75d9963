import { getActor } from '@/lib/auth/actor';
import { toCsv } from '@/lib/csv/write-csv';
import { accessLogForExport, ACCESS_LOG_EXPORT_LIMIT } from '@/lib/db/access-log';
import { ACCESS_ACTION_LABELS, describeAccessDetails } from '@/lib/domain/access-log';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { recordDownload, refusedResponse } from '@/lib/http/access';
import { AccessLogSearchSchema } from '@/lib/schemas/access-log';

export const dynamic = 'force-dynamic';

/**
 * The access log for the page's search, all pages, as CSV (Admin only). The
 * download is itself logged: the log holds emails and addresses, so taking
 * it out is an export of personal data like any other.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor)
    return refusedResponse(request, null, 'access_log', new Response('Sign in to download', { status: 401 }));
  if (!can(actor, 'accessLog.view', NATIONAL)) return refusedResponse(request, actor, 'access_log');
  const url = new URL(request.url);
  const search = AccessLogSearchSchema.parse(Object.fromEntries(url.searchParams));
  await recordDownload(request, actor, {
    target: 'access_log',
    table: 'access_log',
    format: 'csv',
    filters: { person: search.person || null, action: search.action, from: search.from, to: search.to },
  });
  const { rows, total } = await accessLogForExport(search);
  const csv = toCsv(
    ['occurred_at', 'person', 'email', 'action', 'target', 'details', 'ip'],
    rows.map((row) => [
      row.occurredAt.toISOString(),
      row.actorName,
      row.actorEmail,
      ACCESS_ACTION_LABELS[row.action],
      row.target,
      describeAccessDetails(row.details),
      row.ip,
    ]),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="access-log.csv"',
      'Cache-Control': 'no-store',
      // Says when the file is cut short, without a second format to parse.
      'X-Threshold-Rows': `${String(rows.length)} of ${String(total)} (at most ${String(ACCESS_LOG_EXPORT_LIMIT)})`,
    },
  });
}
