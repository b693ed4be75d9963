import type { AuditReport } from '@/lib/domain/report-view';
import { gradeShareRows } from '@/lib/report/charts';
import {
  childrenSeenTable,
  employmentTable,
  lawTypeTable,
  overallTable,
  serviceAreaTable,
  type ReportTable,
} from '@/lib/report/tables';
import { OverallFigures } from './overall-figures';
import { ReportFigure, ShareChart } from './report-figure';

/** Fig. 1–5: how the cases were graded overall, by law type, by area, children seen and staff employment. */
export function GradeFigures({
  report,
  csvHref,
}: {
  report: AuditReport;
  csvHref: (table: ReportTable) => string;
}) {
  const series = report.groups.map((group) => ({ key: group.key, label: group.label }));
  const tables = {
    overall: overallTable(report),
    lawType: lawTypeTable(report),
    serviceArea: serviceAreaTable(report),
    childrenSeen: childrenSeenTable(report),
    employment: employmentTable(report),
  };
  const overallRows = [report.overall, ...(report.earlier ? [report.earlier.overall] : [])];
  return (
    <>
      <ReportFigure
        id="fig-1"
        figure={1}
        title="Overall audit figures"
        intro={<OverallFigures report={report} />}
        chart={<ShareChart rows={gradeShareRows(report, overallRows, false)} series={series} height={160} />}
        table={tables.overall}
        csvHref={csvHref(tables.overall)}
      />
      <ReportFigure
        id="fig-2"
        figure={2}
        title="Law type breakdown"
        chart={<ShareChart rows={gradeShareRows(report, report.byLawType)} series={series} height={200} />}
        table={tables.lawType}
        csvHref={csvHref(tables.lawType)}
        breakBefore
      />
      <ReportFigure
        id="fig-3"
        figure={3}
        title="Breakdown per service area"
        chart={<ShareChart rows={gradeShareRows(report, report.byServiceArea)} series={series} />}
        table={tables.serviceArea}
        csvHref={csvHref(tables.serviceArea)}
        breakBefore
      />
      <ReportFigure
        id="fig-4"
        figure={4}
        title="Children being seen"
        table={tables.childrenSeen}
        csvHref={csvHref(tables.childrenSeen)}
        breakBefore
      />
      <ReportFigure
        id="fig-5"
        figure={5}
        title="Employed and agency staff"
        table={tables.employment}
        csvHref={csvHref(tables.employment)}
      />
    </>
  );
}
