import { ActionForm } from '@/components/ui/action-form';
import { DataTable } from '@/components/ui/data-table';
import { autoAssignAction } from '@/lib/actions/sampling';

export type AuditorLoad = { auditorId: string; name: string; cases: number; areas: number };

/** Once the sample is locked: how many cases each Improvement Manager has, and assigning the rest. */
export function AssignmentSummary({
  auditId,
  selected,
  unassigned,
  loads,
  canAssign,
}: {
  auditId: string;
  selected: number;
  unassigned: number;
  loads: AuditorLoad[];
  canAssign: boolean;
}) {
  return (
    <section className="card space-y-4" aria-labelledby="assign-title">
      <h2 id="assign-title">Assignment to Improvement Managers</h2>
      <p>
        {selected - unassigned} of {selected} cases assigned
        {unassigned > 0 ? `; ${unassigned} waiting` : ''}.
      </p>
      {loads.length > 0 && (
        <DataTable
          rows={loads}
          rowKey={(load) => load.auditorId}
          columns={[
            { header: 'Improvement Manager', cell: (load) => load.name },
            { header: 'Cases', isNumeric: true, cell: (load) => load.cases },
            { header: 'Areas', isNumeric: true, cell: (load) => load.areas },
          ]}
        />
      )}
      {canAssign && unassigned > 0 && (
        <ActionForm
          action={autoAssignAction}
          values={{ auditId }}
          submitLabel={`Assign ${unassigned} cases automatically`}
          successMessage="Cases assigned."
        />
      )}
    </section>
  );
}

export type Replacement = {
  replacedAt: Date;
  replacedBy: string;
  reason: string;
  note: string;
  replacedCase: string;
  replacementCase: string;
};

/** Every case replaced after the sample was locked: when, by whom, with what, and why. */
export function ReplacementLog({ replacements }: { replacements: Replacement[] }) {
  return (
    <section className="space-y-3" aria-labelledby="replacements-title">
      <h2 id="replacements-title">Replacement log</h2>
      <DataTable
        rows={replacements}
        rowKey={(_replacement, index) => index}
        columns={[
          {
            header: 'When',
            cell: (replacement) =>
              replacement.replacedAt.toLocaleString('en-GB', { timeZone: 'Europe/London' }),
          },
          { header: 'Who', cell: (replacement) => replacement.replacedBy },
          { header: 'Replaced', cell: (replacement) => replacement.replacedCase },
          { header: 'By', cell: (replacement) => replacement.replacementCase },
          {
            header: 'Reason',
            cell: (replacement) => `${replacement.reason}${replacement.note ? `: ${replacement.note}` : ''}`,
          },
        ]}
      />
    </section>
  );
}
