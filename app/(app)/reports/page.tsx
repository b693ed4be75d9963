import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable } from '@/components/ui/data-table';
import { requireActor } from '@/lib/auth/actor';
import { findReportableAudits } from '@/lib/db/reports';
import { AUDIT_STATUS_LABELS } from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';
import { can, inArea, NATIONAL } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'Reports' };
export const dynamic = 'force-dynamic';

export default async function ReportsPage() {
  const actor = await requireActor();
  const national = can(actor, 'report.view', NATIONAL);
  const ownArea = actor.serviceAreaId !== null && can(actor, 'report.view', inArea(actor.serviceAreaId));
  if (!national && !ownArea) notFound();
  const audits = await findReportableAudits();
  const canImport = can(actor, 'results.import', NATIONAL);
  return (
    <div className="space-y-6">
      <div>
        <h1>Reports</h1>
        <p className="mt-1 text-slate-700">
          {national
            ? 'Every figure is counted from the final grades of the graded cases, when you open the report.'
            : 'Your service area’s figures for each audit, counted from the final grades.'}
        </p>
      </div>
      {canImport && (
        <p>
          <Link href="/reports/import">Import the results of a past audit</Link>
        </p>
      )}
      <DataTable
        caption="Audits with reports"
        captionStyle="hidden"
        empty="No audits yet."
        emptyClassName="card"
        rows={audits}
        rowKey={(audit) => audit.id}
        columns={[
          {
            header: 'Audit',
            isRowHeader: true,
            className: 'font-normal',
            cell: (audit) =>
              audit.graded > 0 ? <Link href={`/reports/${audit.id}`}>{audit.name}</Link> : audit.name,
          },
          { header: 'Status', cell: (audit) => AUDIT_STATUS_LABELS[audit.status] },
          { header: 'Window ends', cell: (audit) => formatDate(audit.windowTo) },
          {
            header: 'Graded cases (all areas)',
            isNumeric: true,
            cell: (audit) => audit.graded.toLocaleString('en-GB'),
          },
        ]}
      />
    </div>
  );
}
