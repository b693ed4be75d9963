import { ReportTableView } from '@/components/reports/report-table';
import type { HeatMap } from '@/lib/domain/dashboard-views';
import { heatMapTable } from '@/lib/report/dashboard-tables';
import { exportHref, type WidgetProps } from './export-href';

export async function HeatMapWidget(props: WidgetProps<HeatMap> & { groupHeading: string }) {
  const heatMap = await props.figures;
  if (!heatMap.audit) return <p className="card">No published audit of this kind in the period yet.</p>;
  return (
    <ReportTableView
      table={heatMapTable(heatMap, props.groupHeading)}
      csvHref={exportHref(props.scope, props.filters, 'sections-heat-map')}
    />
  );
}
