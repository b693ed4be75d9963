import { DataTable } from '@/components/ui/data-table';
import type { Statistic } from '@/lib/domain/agreement';
import type { CalibrationGroup } from '@/lib/domain/local-calibration';
import { formatInterval, formatSteps } from '@/lib/domain/grading-bias';

const percent = (value: number) => `${Math.round(value * 100)}%`;
const two = (value: number) => {
  const rounded = Math.round(value * 100) / 100;
  return rounded < 0 ? `−${(-rounded).toFixed(2)}` : rounded.toFixed(2);
};

function coefficient(statistic: Statistic): string {
  if (statistic.value === null) return '—';
  const interval = statistic.interval
    ? ` (${two(statistic.interval.low)} to ${two(statistic.interval.high)})`
    : '';
  return `${two(statistic.value)}${interval}`;
}

function agreement(statistic: Statistic): string {
  if (statistic.value === null) return '—';
  const interval = statistic.interval
    ? ` (${percent(statistic.interval.low)}–${percent(statistic.interval.high)})`
    : '';
  return `${percent(statistic.value)}${interval}`;
}

/**
 * Agreement and bias for a list of groups (areas, teams or managers): one row
 * each, every figure with its 95% interval, the flag in words.
 */
export function CalibrationGroupsTable({
  caption,
  groupHeader,
  groups,
}: {
  caption: string;
  groupHeader: string;
  groups: CalibrationGroup[];
}) {
  return (
    <DataTable
      caption={caption}
      captionStyle="title"
      empty="No pairs in this period."
      rows={groups}
      rowKey={(group) => group.key}
      rowClassName={(group) => (group.bias.isMoreGenerous ? 'tone-amber' : undefined)}
      scroll={{ label: caption }}
      columns={[
        { header: groupHeader, isRowHeader: true, className: 'font-normal', cell: (group) => group.label },
        { header: 'Pairs', isNumeric: true, cell: (group) => group.pairs },
        { header: 'Agreement (95% CI)', cell: (group) => agreement(group.agreement.percentAgreement) },
        { header: 'Weighted κ (95% CI)', cell: (group) => coefficient(group.agreement.weightedKappa) },
        { header: 'AC1 (95% CI)', cell: (group) => coefficient(group.agreement.gwetsAc1) },
        {
          header: 'Mean difference, grade steps (95% CI)',
          cell: (group) =>
            group.bias.meanDifference === null
              ? '—'
              : `${formatSteps(group.bias.meanDifference)}${
                  group.bias.interval ? ` (${formatInterval(group.bias.interval)})` : ''
                }`,
        },
        {
          header: 'Graded higher (95% CI)',
          cell: (group) =>
            group.bias.shareHigher.value === null
              ? '—'
              : `${percent(group.bias.shareHigher.value)}${
                  group.bias.shareHigher.interval
                    ? ` (${percent(group.bias.shareHigher.interval.low)}–${percent(group.bias.shareHigher.interval.high)})`
                    : ''
                }`,
        },
        {
          header: 'Flag',
          cell: (group) =>
            group.bias.isMoreGenerous ? (
              <strong>More generous beyond noise</strong>
            ) : group.bias.isHarsher ? (
              'Harsher beyond noise'
            ) : (
              ''
            ),
        },
      ]}
    />
  );
}
