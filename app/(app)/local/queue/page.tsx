import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField, TextAreaField } from '@/components/ui/fields';
import { DataTable } from '@/components/ui/data-table';
import { pickLocalCaseAction } from '@/lib/actions/local-programmes';
import { requireActor } from '@/lib/auth/actor';
import { LAW_TYPE_LABELS } from '@/lib/domain/audits';
import { monthLabel } from '@/lib/domain/local-draw';
import { can, inArea } from '@/lib/domain/permissions';
import { QUEUE_STATUS_LABELS } from '@/lib/domain/queue';
import { findLocalQueue } from '@/lib/use-cases/local-audits/find-local-queue';

export const metadata: Metadata = { title: 'My local audits' };
export const dynamic = 'force-dynamic';

export default async function LocalQueuePage() {
  const actor = await requireActor();
  if (!actor.serviceAreaId || !can(actor, 'localAudit.grade', inArea(actor.serviceAreaId))) notFound();
  const queue = await findLocalQueue(actor, new Date());
  const months = [...new Set(queue.cases.map((row) => row.month))];
  if (!months.includes(queue.currentMonth)) months.unshift(queue.currentMonth);
  return (
    <div className="space-y-8">
      <div>
        <h1>My local audits</h1>
        <p className="mt-1 text-slate-700">
          Your teams’ cases to audit each month: drawn at random from recently filed work, or picked by you.
        </p>
      </div>
      {months.map((month) => {
        const rows = queue.cases.filter((row) => row.month === month);
        const waiting = rows.filter((row) => row.status !== 'SUBMITTED').length;
        return (
          <section key={month} aria-labelledby={`month-${month}`} className="space-y-2">
            <h2 id={`month-${month}`}>
              {monthLabel(month)}
              {month === queue.currentMonth ? ' (this month)' : ''}
            </h2>
            <p className="text-slate-700">
              {rows.length === 0
                ? 'No local audits are assigned to you this month.'
                : `${rows.length} case${rows.length === 1 ? '' : 's'}, ${waiting} still to submit.`}
            </p>
            {rows.length > 0 && (
              <DataTable
                caption={`Local audits for ${monthLabel(month)}`}
                captionStyle="hidden"
                scroll
                rows={rows}
                rowKey={(row) => row.sampledCaseId}
                columns={[
                  {
                    header: 'Case',
                    isRowHeader: true,
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
                  {
                    header: 'Chosen',
                    cell: (row) =>
                      row.pickedBy === 'manager' ? `Your pick: ${row.pickReason ?? ''}` : 'Drawn',
                  },
                  {
                    header: 'Practitioner · team',
                    cell: (row) => `${row.practitionerName}${row.teamName ? ` · ${row.teamName}` : ''}`,
                  },
                  { header: 'Law type', cell: (row) => LAW_TYPE_LABELS[row.lawType] },
                  { header: 'Programme', cell: (row) => row.auditName },
                ]}
              />
            )}
          </section>
        );
      })}
      {queue.programmes.map((programme) => (
        <section key={programme.auditId} className="card" aria-labelledby={`pick-${programme.auditId}`}>
          <h2 id={`pick-${programme.auditId}`}>Pick a case for {monthLabel(queue.currentMonth)}</h2>
          <p className="mt-1 text-sm text-slate-700">
            {programme.name}. A case you pick counts towards this month’s quota; say why you chose it.
          </p>
          {programme.pickable.length === 0 ? (
            <p className="mt-2 text-slate-700">Your teams have no case left to pick in this programme.</p>
          ) : (
            <ActionForm
              action={pickLocalCaseAction}
              values={{ auditId: programme.auditId, month: queue.currentMonth }}
              submitLabel="Pick this case"
              successMessage="Case added to this month’s audits."
              resetOnSuccess
              className="mt-2 space-y-4"
            >
              <SelectField
                name="caseFileId"
                label="Case"
                options={programme.pickable.map((row) => ({ value: row.caseFileId, label: row.label }))}
                placeholder="Choose one of your teams’ cases"
              />
              <TextAreaField name="reason" label="Why this case" rows={3} />
            </ActionForm>
          )}
        </section>
      ))}
    </div>
  );
}
