import { DataTable } from '@/components/ui/data-table';
import { monthLabel } from '@/lib/domain/local-draw';
import type { OnTargetShare, OnTargetView } from '@/lib/domain/local-quota';

const percent = (share: OnTargetShare) => (share.percent === null ? '—' : `${share.percent.toFixed(1)}%`);

function ShareTable(props: {
  title: string;
  rows: OnTargetShare[];
  header: string;
  label?: (row: OnTargetShare) => string;
}) {
  return (
    <DataTable
      caption={props.title}
      captionStyle="title"
      scroll
      empty="No month has finished yet."
      rows={props.rows}
      rowKey={(row) => row.key}
      columns={[
        {
          header: props.header,
          isRowHeader: true,
          cell: (row) => (props.label ? props.label(row) : row.label),
        },
        { header: 'Manager-months', isNumeric: true, cell: (row) => row.managerMonths },
        { header: 'On target', isNumeric: true, cell: (row) => row.onTarget },
        { header: '% on target', isNumeric: true, cell: (row) => percent(row) },
      ]}
    />
  );
}

/**
 * Seed 003's "local quality & impact audits on target": finished months by
 * area, team and month, and the month under way manager by manager.
 */
export function OnTargetTables({ view }: { view: OnTargetView }) {
  return (
    <section aria-labelledby="on-target-title" className="space-y-6">
      <div>
        <h2 id="on-target-title">On target</h2>
        <p className="mt-1 text-slate-700">
          A manager is on target for a month when they submitted at least {view.quota} of that month’s audits.{' '}
          {view.national.managerMonths === 0 ? (
            'No month has finished yet, so no manager-month is judged.'
          ) : (
            <strong>
              Finished months: {percent(view.national)} of{' '}
              {view.national.managerMonths.toLocaleString('en-GB')} manager-months on target.
            </strong>
          )}
        </p>
      </div>
      {view.national.managerMonths > 0 && (
        <>
          <ShareTable title="By area" header="Area" rows={view.byArea} />
          <ShareTable title="By team" header="Team" rows={view.byTeam} />
          <ShareTable
            title="By month"
            header="Month"
            rows={view.byMonth}
            label={(row) => monthLabel(row.key)}
          />
        </>
      )}
      {view.current.length === 0 ? (
        <p className="text-slate-700">
          {monthLabel(view.currentMonth)} so far: no cases are assigned this month.
        </p>
      ) : (
        <DataTable
          caption={`${monthLabel(view.currentMonth)} so far`}
          captionStyle="title"
          scroll
          rows={view.current}
          rowKey={(row) => row.managerId}
          columns={[
            { header: 'Service Manager', isRowHeader: true, cell: (row) => row.managerName },
            { header: 'Area', cell: (row) => row.areaCode },
            { header: 'Teams', cell: (row) => row.teamNames },
            { header: 'Assigned', isNumeric: true, cell: (row) => row.assigned },
            { header: 'Submitted', isNumeric: true, cell: (row) => row.submitted },
            { header: 'Due by today', isNumeric: true, cell: (row) => row.expectedSoFar },
            {
              header: 'Standing',
              cell: (row) => (row.isOnTarget ? 'On target' : row.isOnTrack ? 'On track' : 'Behind'),
            },
          ]}
        />
      )}
    </section>
  );
}
