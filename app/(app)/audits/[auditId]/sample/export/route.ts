import { getActor } from '@/lib/auth/actor';
import { toCsv } from '@/lib/csv/write-csv';
import { sampleExportRows } from '@/lib/db/sample-export';
import { getSamplingContext } from '@/lib/db/sampling';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { describeStratum } from '@/lib/domain/strata';
import { isUuid } from '@/lib/schemas/fields';
import { recordDownload, refusedResponse } from '@/lib/http/access';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404 });

/** The sample with its explanation: seed, parameters, and each case's stratum. */
export async function GET(request: Request, { params }: { params: Promise<{ auditId: string }> }) {
  const actor = await getActor();
  if (!actor)
    return refusedResponse(
      request,
      null,
      'sample',
      new Response('Sign in to download the sample', { status: 401 }),
    );
  const { auditId } = await params;
  if (!isUuid(auditId)) return notFound();
  if (!can(actor, 'sample.view', NATIONAL)) return refusedResponse(request, actor, `audit:${auditId}`);
  const context = await getSamplingContext(auditId);
  if (!context?.sample) return notFound();
  await recordDownload(request, actor, { target: `audit:${auditId}`, table: 'sample', format: 'csv' });
  const rows = await sampleExportRows(auditId, context.windowFrom, context.windowTo);
  const csv = toCsv(
    [
      'audit',
      'seed',
      'share_percent',
      'window_from',
      'window_to',
      'locked',
      'service_area',
      'law_type',
      'performance_band',
      'stratum_population',
      'stratum_sample',
      'case_reference',
      'practitioner_ref',
      'latest_filing_in_window',
      'status',
      'reserve_rank',
      'assigned_to',
    ],
    rows.map((row) => {
      const stratum = describeStratum(row.stratumKey);
      return [
        context.auditName,
        context.sample?.seed,
        context.sample?.sharePercent,
        context.windowFrom,
        context.windowTo,
        context.sample?.lockedAt ? 'yes' : 'no',
        row.areaCode,
        stratum.lawType,
        stratum.band,
        row.stratumPopulation,
        row.stratumSelected,
        row.caseReference,
        row.practitionerReference,
        row.latestFiling,
        row.status.toLowerCase(),
        row.reserveRank,
        row.assignedTo,
      ];
    }),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="sample-${auditId}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
