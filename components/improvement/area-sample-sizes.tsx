import { DataTable } from '@/components/ui/data-table';
import type { AreaSampleSize } from '@/lib/domain/measure-rules';

/** Per area in scope: the baseline, and the cases needed to tell the target change from chance. */
export function AreaSampleSizes({
  sizes,
  targetText,
}: {
  sizes: AreaSampleSize[];
  targetText: string | null;
}) {
  return (
    <DataTable
      caption={`Cases each area needs to detect the change to the target${targetText ? ` (${targetText})` : ''}: power 80%, 5% two-sided`}
      rows={sizes}
      rowKey={(size) => size.serviceAreaId}
      empty="Choose a measure with a baseline and a target to see the sample each area needs."
      scroll={{ label: 'Sample needed per area' }}
      columns={[
        { header: 'Area', isRowHeader: true, cell: (size) => size.code },
        {
          header: 'Baseline',
          isNumeric: true,
          cell: (size) =>
            size.baseline && size.baselinePercent !== null
              ? `${size.baselinePercent}% (n = ${size.baseline.total})`
              : '–',
        },
        { header: 'Cases needed', isNumeric: true, cell: (size) => size.needed ?? '–' },
        {
          header: 'Note',
          cell: (size) => size.note,
          className: (size) => (size.baselineTooSmall ? 'tone-amber' : undefined),
        },
      ]}
    />
  );
}
