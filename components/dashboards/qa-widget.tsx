import { ReportTableView } from '@/components/reports/report-table';
import type { QaTrend } from '@/lib/domain/dashboard-views';
import { qaTable } from '@/lib/report/dashboard-tables';
import { exportHref, type WidgetProps } from './export-href';
import { TrendLinesChart } from './trend-chart';

export async function QaWidget(props: WidgetProps<QaTrend>) {
  const qa = await props.figures;
  if (qa.audits.length === 0) return <p className="card">No published audits in the period.</p>;
  const priorities = qa.indicators.filter((indicator) => indicator.priority);
  return (
    <>
      <p>
        {priorities.length === 0
          ? 'Every indicator is at or above its target in the latest audit.'
          : `Priorities (below target in the latest audit): ${priorities.map((indicator) => indicator.label).join('; ')}.`}
      </p>
      <TrendLinesChart
        audits={qa.audits.map((audit) => audit.name)}
        series={qa.indicators.map((indicator) => ({
          label: indicator.label,
          values: indicator.points.map((point) => point?.percent ?? null),
        }))}
        targets={[]}
      />
      <ReportTableView
        table={qaTable(qa)}
        csvHref={exportHref(props.scope, props.filters, 'quality-assurance')}
      />
    </>
  );
}
