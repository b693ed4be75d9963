import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AreaFilter } from '@/components/ui/area-filter';
import { DataTable } from '@/components/ui/data-table';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import { QUEUE_PAGE_SIZE, QUEUE_STATUS_LABELS, QUEUE_STATUSES, type QueueFilter } from '@/lib/domain/queue';
import { findQueue } from '@/lib/use-cases/sampling/find-queue';
import { LAW_TYPE_LABELS, LAW_TYPES } from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { QueueFilterSchema } from '@/lib/schemas/queue';

export const metadata: Metadata = { title: 'My cases' };
export const dynamic = 'force-dynamic';

function href(filter: QueueFilter, change: Partial<QueueFilter>): string {
  const next = { ...filter, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.status) params.set('status', next.status);
  if (next.serviceAreaId) params.set('area', next.serviceAreaId);
  if (next.lawType) params.set('lawType', next.lawType);
  if (next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return query ? `/queue?${query}` : '/queue';
}

export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, 'queue.view', NATIONAL)) notFound();
  const filter = QueueFilterSchema.parse(await searchParams);
  const [{ cases, total, counts }, areas] = await Promise.all([
    findQueue(actor, filter),
    findServiceAreaOptions(),
  ]);
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const all = QUEUE_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  return (
    <div className="space-y-6">
      <h1>My cases</h1>
      <nav aria-label="Case status">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              href={href(filter, { status: null })}
              aria-current={filter.status === null ? 'page' : undefined}
              className="btn btn-secondary"
            >
              All ({all})
            </Link>
          </li>
          {QUEUE_STATUSES.map((status) => (
            <li key={status}>
              <Link
                href={href(filter, { status })}
                aria-current={filter.status === status ? 'page' : undefined}
                className="btn btn-secondary"
              >
                {QUEUE_STATUS_LABELS[status]} ({counts[status]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-4" aria-label="Filter cases">
        {filter.status && <input type="hidden" name="status" value={filter.status} />}
        <AreaFilter areas={areas} selected={filter.serviceAreaId} />
        <div className="field">
          <label htmlFor="lawType" className="block font-medium">
            Law type
          </label>
          <select id="lawType" name="lawType" defaultValue={filter.lawType ?? ''} className="input">
            <option value="">All law types</option>
            {LAW_TYPES.map((lawType) => (
              <option key={lawType} value={lawType}>
                {LAW_TYPE_LABELS[lawType]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary">
          Filter
        </button>
      </form>
      <DataTable
        caption={`${total} case${total === 1 ? '' : 's'} · page ${filter.page} of ${pages}`}
        empty={
          all === 0
            ? 'No cases are assigned to you. When an audit lead assigns you cases, they appear here.'
            : 'No cases match these filters.'
        }
        rows={cases}
        rowKey={(row) => row.sampledCaseId}
        columns={[
          {
            header: 'Case',
            className: 'font-semibold',
            // Submitted work is read on its feedback sheet; the form is for work still open.
            cell: (row) => (
              <Link
                href={
                  row.status === 'SUBMITTED'
                    ? `/cases/${row.sampledCaseId}/feedback`
                    : `/cases/${row.sampledCaseId}`
                }
              >
                {row.caseReference}
              </Link>
            ),
          },
          { header: 'Status', cell: (row) => QUEUE_STATUS_LABELS[row.status] },
          { header: 'Audit', cell: (row) => row.auditName },
          {
            header: 'Practitioner · team',
            cell: (row) => `${row.practitionerName}${row.teamName ? ` · ${row.teamName}` : ''}`,
          },
          { header: 'Area', cell: (row) => row.areaCode },
          { header: 'Law type', cell: (row) => LAW_TYPE_LABELS[row.lawType] },
          {
            header: 'Filed documents',
            cell: (row) => (
              <ul>
                {row.documents.map((document, index) => (
                  <li key={index}>
                    {document.documentType}, {formatDate(document.filedOn)}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-4">
          {filter.page > 1 && <Link href={href(filter, { page: filter.page - 1 })}>Previous page</Link>}
          {filter.page < pages && <Link href={href(filter, { page: filter.page + 1 })}>Next page</Link>}
        </nav>
      )}
    </div>
  );
}
