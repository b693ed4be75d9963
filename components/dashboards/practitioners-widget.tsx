import { ReportTableView } from '@/components/reports/report-table';
import type { PractitionerRow } from '@/lib/domain/dashboard-views';
import { practitionersTable } from '@/lib/report/dashboard-tables';
import { exportHref, type WidgetProps } from './export-href';

export async function PractitionersWidget(props: WidgetProps<PractitionerRow[]>) {
  const rows = await props.figures;
  if (rows.length === 0)
    return <p className="card">No graded cases for these practitioners in the period.</p>;
  return (
    <ReportTableView
      table={practitionersTable(rows, 'Good or above')}
      csvHref={exportHref(props.scope, props.filters, 'practitioners')}
    />
  );
}
