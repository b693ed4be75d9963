import { ActionForm } from '@/components/ui/action-form';
import { DataTable } from '@/components/ui/data-table';
import { lockSampleAction } from '@/lib/actions/sampling';
import { describeStratum } from '@/lib/domain/strata';

export type StratumCounts = {
  serviceAreaId: string;
  areaCode: string;
  stratumKey: string;
  population: number;
  selected: number;
  replaced: number;
};

/**
 * The drawn sample against its population, per area and stratum, with the
 * explained CSV; while it is not locked, whoever manages it can lock it.
 */
export function SampleBreakdown({
  auditId,
  sample,
  breakdown,
  canLock,
}: {
  auditId: string;
  sample: { seed: string; sharePercent: number; version: number };
  breakdown: StratumCounts[];
  canLock: boolean;
}) {
  const total = breakdown.reduce(
    (sum, row) => ({
      ...sum,
      population: sum.population + row.population,
      selected: sum.selected + row.selected,
      replaced: sum.replaced + row.replaced,
    }),
    { serviceAreaId: '', areaCode: 'Total', stratumKey: '', population: 0, selected: 0, replaced: 0 },
  );
  return (
    <section className="space-y-3" aria-labelledby="breakdown-title">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 id="breakdown-title">Population and sample by area and stratum</h2>
        <a className="btn btn-secondary" href={`/audits/${auditId}/sample/export`}>
          Download the sample with its explanation (CSV)
        </a>
      </div>
      <p className="text-sm text-slate-700">
        Seed “{sample.seed}”, {sample.sharePercent}% of practitioners:{' '}
        {total.selected.toLocaleString('en-GB')} cases from {total.population.toLocaleString('en-GB')}{' '}
        practitioners with eligible work.
      </p>
      {/* A tall table scrolls in its own box, so the lock button stays in reach. */}
      <div
        className="max-h-[32rem] overflow-auto"
        tabIndex={0}
        role="region"
        aria-label="Population and sample by area and stratum (scrollable)"
      >
        <DataTable
          rows={breakdown}
          rowKey={(row) => `${row.serviceAreaId}-${row.stratumKey}`}
          footRows={[total]}
          columns={[
            {
              header: 'Area',
              isRowHeader: true,
              className: (_row, _index, part) => (part === 'body' ? 'font-normal' : undefined),
              cell: (row) => row.areaCode,
            },
            {
              header: 'Law type',
              cell: (row) => (row.stratumKey ? describeStratum(row.stratumKey).lawType : ''),
            },
            { header: 'Band', cell: (row) => (row.stratumKey ? describeStratum(row.stratumKey).band : '') },
            { header: 'Practitioners', isNumeric: true, cell: (row) => row.population },
            { header: 'Sampled', isNumeric: true, cell: (row) => row.selected },
            { header: 'Replaced', isNumeric: true, cell: (row) => row.replaced },
          ]}
        />
      </div>
      {canLock && (
        <ActionForm
          action={lockSampleAction}
          values={{ auditId, version: sample.version }}
          submitLabel="Lock sample"
          successMessage="Sample locked."
          variant="danger"
          confirm={{
            title: 'Lock the sample?',
            body: 'After locking, a case can only be replaced by the next case on its stratum’s reserve list, with a reason.',
            confirmLabel: 'Yes, lock it',
          }}
        />
      )}
    </section>
  );
}
