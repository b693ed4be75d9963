import { TrendLinesChart } from '@/components/dashboards/trend-chart';
import { QA_OVERVIEW_INDICATORS, QA_OVERVIEW_LABELS, type QaOverview } from '@/lib/domain/qa-overview';

/** The indicators quarter by quarter; decoration for sighted readers, the table under it carries every figure. */
export function QaOverviewTrend({ overview }: { overview: QaOverview }) {
  if (overview.quarters.length < 2) return null;
  return (
    <TrendLinesChart
      audits={overview.quarters.map((quarter) => quarter.label)}
      // The audits' own indicators; on-target (a share of manager-months) is in the table.
      series={QA_OVERVIEW_INDICATORS.filter((indicator) => indicator !== 'localAuditsOnTarget').map(
        (indicator) => ({
          label: QA_OVERVIEW_LABELS[indicator],
          values: overview.quarters.map((quarter) => quarter.figures.indicators[indicator].percent),
        }),
      )}
      targets={[]}
    />
  );
}
