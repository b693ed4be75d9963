import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AreaFilter } from '@/components/ui/area-filter';
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
      {cases.length === 0 ? (
        <p>
          {all === 0
            ? 'No cases are assigned to you. When an audit lead assigns you cases, they appear here.'
            : 'No cases match these filters.'}
        </p>
      ) : (
        <table className="data-table">
          <caption className="mb-2 text-left text-sm text-slate-700">
            {total} case{total === 1 ? '' : 's'} · page {filter.page} of {pages}
          </caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Status</th>
              <th scope="col">Audit</th>
              <th scope="col">Practitioner · team</th>
              <th scope="col">Area</th>
              <th scope="col">Law type</th>
              <th scope="col">Filed documents</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((row) => (
              <tr key={row.sampledCaseId}>
                <td className="font-semibold">
                  {/* Submitted work is read on its feedback sheet; the form is for work still open. */}
                  <Link
                    href={
                      row.status === 'SUBMITTED'
                        ? `/cases/${row.sampledCaseId}/feedback`
                        : `/cases/${row.sampledCaseId}`
                    }
                  >
                    {row.caseReference}
                  </Link>
                </td>
                <td>{QUEUE_STATUS_LABELS[row.status]}</td>
                <td>{row.auditName}</td>
                <td>
                  {row.practitionerName}
                  {row.teamName ? ` · ${row.teamName}` : ''}
                </td>
                <td>{row.areaCode}</td>
                <td>{LAW_TYPE_LABELS[row.lawType]}</td>
                <td>
                  <ul>
                    {row.documents.map((document, index) => (
                      <li key={index}>
                        {document.documentType}, {formatDate(document.filedOn)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-4">
          {filter.page > 1 && <Link href={href(filter, { page: filter.page - 1 })}>Previous page</Link>}
          {filter.page < pages && <Link href={href(filter, { page: filter.page + 1 })}>Next page</Link>}
        </nav>
      )}
    </div>
  );
}
