import { ReportTableView } from '@/components/reports/report-table';
import type { Trend } from '@/lib/domain/dashboard-views';
import { trendTable } from '@/lib/report/dashboard-tables';
import { exportHref, type WidgetProps } from './export-href';
import { TrendLinesChart } from './trend-chart';

export async function TrendWidget(props: WidgetProps<Trend> & { linkFor?: (key: string) => string | null }) {
  const figures = await props.figures;
  const linked = (table: ReturnType<typeof trendTable>, series: typeof figures.good) => {
    if (props.linkFor) table.rowLinks = series.map((line) => props.linkFor!(line.key));
    return table;
  };
  if (figures.audits.length === 0) return <p className="card">No published audits in the period.</p>;
  const overallGood = figures.good[0];
  const overallLowest = figures.lowest[0];
  return (
    <>
      {overallGood && overallLowest && (
        <TrendLinesChart
          audits={figures.audits.map((audit) => audit.name)}
          series={[
            {
              label: `% Good or above (${overallGood.label})`,
              values: overallGood.points.map((point) => point?.percent ?? null),
            },
            {
              label: `% lowest grade (${overallLowest.label})`,
              values: overallLowest.points.map((point) => point?.percent ?? null),
            },
          ]}
          targets={[
            ...(figures.targets.good !== null
              ? [{ label: `Target ${figures.targets.good}%`, value: figures.targets.good }]
              : []),
            ...(figures.targets.lowest !== null
              ? [{ label: `Target ${figures.targets.lowest}%`, value: figures.targets.lowest }]
              : []),
          ]}
        />
      )}
      <ReportTableView
        table={linked(trendTable(figures, 'good', 'Good or above'), figures.good)}
        csvHref={exportHref(props.scope, props.filters, 'trend-good')}
      />
      <ReportTableView
        table={linked(trendTable(figures, 'lowest', 'lowest grade'), figures.lowest)}
        csvHref={exportHref(props.scope, props.filters, 'trend-lowest')}
      />
    </>
  );
}
