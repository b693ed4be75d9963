import { ReportTableView } from '@/components/reports/report-table';
import type { AuditProgress } from '@/lib/domain/dashboard-views';
import { progressTable } from '@/lib/report/dashboard-tables';
import { exportHref, type WidgetProps } from './export-href';

export async function ProgressWidget(props: WidgetProps<AuditProgress[]>) {
  const progress = await props.figures;
  if (progress.length === 0) return <p className="card">No audit of this kind is under way.</p>;
  return (
    <ReportTableView
      table={progressTable(progress)}
      csvHref={exportHref(props.scope, props.filters, 'audits-under-way')}
    />
  );
}
