import { ReportTableView } from '@/components/reports/report-table';
import type { LatestStanding } from '@/lib/domain/dashboard-views';
import { standingTable } from '@/lib/report/dashboard-tables';
import { exportHref, type WidgetProps } from './export-href';

export async function StandingWidget(
  props: WidgetProps<LatestStanding> & { groupHeading: string; linkFor?: (key: string) => string | null },
) {
  const standing = await props.figures;
  if (!standing.audit) return <p className="card">No published audit of this kind in the period yet.</p>;
  const table = standingTable(standing, props.groupHeading);
  if (props.linkFor) table.rowLinks = standing.rows.map((row) => props.linkFor!(row.key));
  return (
    <>
      {standing.overall && (
        <p>
          {standing.overall.label}: {standing.overall.goodRag.reason} {standing.overall.lowestRag.reason}
        </p>
      )}
      <ReportTableView table={table} csvHref={exportHref(props.scope, props.filters, 'standing')} />
    </>
  );
}
