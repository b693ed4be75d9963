import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditFields } from '@/components/audits/audit-fields';
import { ActionForm } from '@/components/ui/action-form';
import { DataTable } from '@/components/ui/data-table';
import { createAuditAction } from '@/lib/actions/audits';
import { requireActor } from '@/lib/auth/actor';
import { auditFormOptions } from '@/lib/db/audit-form-options';
import { findAudits } from '@/lib/db/audits';
import { AUDIT_KIND_LABELS, AUDIT_STATUS_LABELS } from '@/lib/domain/audits';
import { formatDate } from '@/lib/domain/dates';
import { can, NATIONAL } from '@/lib/domain/permissions';

export const metadata: Metadata = { title: 'Audits' };
export const dynamic = 'force-dynamic';

export default async function AuditsPage() {
  const actor = await requireActor();
  if (!can(actor, 'audit.view', NATIONAL)) notFound();
  const canManage = can(actor, 'audit.manage', NATIONAL);
  const [audits, options] = await Promise.all([findAudits(), canManage ? auditFormOptions() : null]);
  return (
    <div className="space-y-8">
      <h1>Audits</h1>
      <DataTable
        caption={`${audits.length} audits, newest filing window first`}
        empty="No audits yet."
        scroll
        rows={audits}
        rowKey={(audit) => audit.id}
        columns={[
          { header: 'Audit', cell: (audit) => <Link href={`/audits/${audit.id}`}>{audit.name}</Link> },
          { header: 'Kind', cell: (audit) => AUDIT_KIND_LABELS[audit.kind] },
          {
            header: 'Filing window',
            cell: (audit) => `${formatDate(audit.windowFrom)} to ${formatDate(audit.windowTo)}`,
          },
          { header: 'Threshold', cell: (audit) => audit.thresholdName },
          { header: 'Status', cell: (audit) => AUDIT_STATUS_LABELS[audit.status] },
        ]}
      />
      {options && (
        <section className="card" aria-labelledby="new-audit-title">
          <h2 id="new-audit-title">New audit</h2>
          {options.thresholdVersions.length === 0 ? (
            <p className="mt-2">
              Publish a threshold document first: <Link href="/thresholds">threshold documents</Link>.
            </p>
          ) : (
            <ActionForm
              action={createAuditAction}
              submitLabel="Create audit"
              successMessage="Audit created."
              resetOnSuccess
            >
              <AuditFields options={options} />
            </ActionForm>
          )}
        </section>
      )}
    </div>
  );
}
