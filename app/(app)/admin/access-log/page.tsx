import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable } from '@/components/ui/data-table';
import { requireActor } from '@/lib/auth/actor';
import { ACCESS_LOG_PAGE_SIZE, findAccessLog } from '@/lib/db/access-log';
import {
  ACCESS_ACTION_LABELS,
  ACCESS_ACTIONS,
  DEFAULT_ACCESS_LOG_RETENTION_DAYS,
  describeAccessDetails,
} from '@/lib/domain/access-log';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { env } from '@/lib/env';
import { accessLogQuery, AccessLogSearchSchema } from '@/lib/schemas/access-log';

export const metadata: Metadata = { title: 'Access log' };
export const dynamic = 'force-dynamic';

const WHEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export default async function AccessLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, 'accessLog.view', NATIONAL)) notFound();
  const search = AccessLogSearchSchema.parse(await searchParams);
  const { rows, total } = await findAccessLog(search);
  const pages = Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE_SIZE));
  const retentionDays = env().ACCESS_LOG_RETENTION_DAYS;
  const isFiltered = Boolean(search.person || search.action || search.from || search.to);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>Access log</h1>
        <a href={`/admin/access-log/export${accessLogQuery(search)}`} className="btn btn-secondary" download>
          Download CSV
        </a>
      </div>
      <p className="text-sm text-slate-700">
        Sign-ins, refusals, downloads of personal data and changes to people&rsquo;s roles and areas. Rows are
        kept for {retentionDays.toLocaleString('en-GB')} days
        {retentionDays === DEFAULT_ACCESS_LOG_RETENTION_DAYS ? ' (two years)' : ''}; times are UK time.
      </p>
      <form
        method="get"
        role="search"
        aria-label="Search the access log"
        className="flex flex-wrap items-end gap-4"
      >
        <div className="field">
          <label htmlFor="person" className="block font-medium">
            Person (name or email)
          </label>
          <input id="person" name="person" defaultValue={search.person} maxLength={100} className="input" />
        </div>
        <div className="field">
          <label htmlFor="action" className="block font-medium">
            Action
          </label>
          <select id="action" name="action" defaultValue={search.action ?? ''} className="input">
            <option value="">All actions</option>
            {ACCESS_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {ACCESS_ACTION_LABELS[action]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from" className="block font-medium">
            From
          </label>
          <input id="from" name="from" type="date" defaultValue={search.from ?? ''} className="input" />
        </div>
        <div className="field">
          <label htmlFor="to" className="block font-medium">
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={search.to ?? ''} className="input" />
        </div>
        <button type="submit" className="btn btn-primary">
          Search
        </button>
      </form>
      <DataTable
        caption={`${total.toLocaleString('en-GB')} ${total === 1 ? 'entry' : 'entries'}, newest first · page ${search.page} of ${pages}`}
        empty={isFiltered ? 'Nothing in the access log matches this search.' : 'The access log is empty.'}
        scroll
        rows={rows}
        rowKey={(row) => row.id}
        columns={[
          {
            header: 'When',
            className: 'whitespace-nowrap',
            cell: (row) => <time dateTime={row.occurredAt.toISOString()}>{WHEN.format(row.occurredAt)}</time>,
          },
          {
            header: 'Person',
            cell: (row) => (
              <>
                {row.actorName ?? (row.actorEmail ? 'No account' : '—')}
                {row.actorEmail && <div className="text-sm text-slate-700">{row.actorEmail}</div>}
              </>
            ),
          },
          { header: 'Action', cell: (row) => ACCESS_ACTION_LABELS[row.action] },
          { header: 'What', className: 'break-all', cell: (row) => row.target ?? '—' },
          { header: 'Details', cell: (row) => describeAccessDetails(row.details) || '—' },
          { header: 'Address', cell: (row) => row.ip ?? '—' },
        ]}
      />
      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-4">
          {search.page > 1 && (
            <Link href={`/admin/access-log${accessLogQuery(search, search.page - 1)}`}>Previous page</Link>
          )}
          {search.page < pages && (
            <Link href={`/admin/access-log${accessLogQuery(search, search.page + 1)}`}>Next page</Link>
          )}
        </nav>
      )}
    </div>
  );
}
