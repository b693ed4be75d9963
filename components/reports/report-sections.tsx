import type { AuditReport } from '@/lib/domain/report-view';
import {
  crossTabTable,
  isHidden,
  sectionsByAreaTable,
  sectionsByTeamTable,
  themesTable,
  trendTable,
  type ReportTable,
} from '@/lib/report/tables';
import { goodLabelOf } from './overall-figures';
import { TrendChart } from './report-charts';
import { ReportFigure } from './report-figure';
import { ReportTableView } from './report-table';

type CsvHref = (table: ReportTable) => string;

/** Section grades by area and by team, and any two sections side by side. */
export function SectionAnalysis({
  report,
  areaId,
  csvHref,
}: {
  report: AuditReport;
  /** The area a national reader chose, kept when they change the sections. */
  areaId: string | null;
  csvHref: CsvHref;
}) {
  const byArea = sectionsByAreaTable(report);
  const byTeam = sectionsByTeamTable(report);
  const crossTab = crossTabTable(report);
  return (
    <ReportFigure id="sections" title="Section analysis" table={byArea} csvHref={csvHref(byArea)} breakBefore>
      <details>
        <summary className="cursor-pointer font-medium">By team</summary>
        <ReportTableView table={byTeam} csvHref={csvHref(byTeam)} />
      </details>
      <h3 id="cross-tab">Two sections side by side</h3>
      <form method="get" className="flex flex-wrap items-end gap-3 print:hidden">
        {areaId && <input type="hidden" name="area" value={areaId} />}
        {(
          [
            ['rows', 'Rows', report.crossTab?.rowSection.key],
            ['columns', 'Columns', report.crossTab?.columnSection.key],
          ] as const
        ).map(([name, label, selected]) => (
          <div key={name} className="field">
            <label htmlFor={name} className="block font-medium">
              {label}
            </label>
            <select id={name} name={name} defaultValue={selected} className="input">
              {report.sectionOptions.map((section) => (
                <option key={section.key} value={section.key}>
                  {section.title}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="btn btn-secondary">
          Compare
        </button>
      </form>
      {crossTab && <ReportTableView table={crossTab} csvHref={csvHref(crossTab)} />}
    </ReportFigure>
  );
}

/** The themes table, then each strength and learning point with the auditors' own examples. */
export function KeyThemes({ report, csvHref }: { report: AuditReport; csvHref: CsvHref }) {
  const table = themesTable(report);
  return (
    <ReportFigure id="themes" title="Key themes" table={table} csvHref={csvHref(table)} breakBefore>
      <div className="grid gap-6 md:grid-cols-2">
        {(
          [
            ['Strengths', report.strengths],
            ['Learning points', report.learningPoints],
          ] as const
        ).map(([title, themes]) => (
          <div key={title} className="space-y-3">
            <h3>{title}</h3>
            {themes.length === 0 ? (
              <p className="text-slate-700">None recorded.</p>
            ) : (
              themes.map((theme) => (
                <div key={theme.themeKey}>
                  <p className="font-medium">
                    {theme.label} ({theme.count})
                  </p>
                  <ul className="list-disc pl-5 text-sm">
                    {theme.examples.map((example) => (
                      <li key={example}>“{example}”</li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </div>
        ))}
      </div>
    </ReportFigure>
  );
}

/** % good or above and % lowest grade across audits, against the targets; hidden audits are gaps. */
export function ReportTrend({ report, csvHref }: { report: AuditReport; csvHref: CsvHref }) {
  const table = trendTable(report);
  const chart =
    report.trend.length > 1 ? (
      <TrendChart
        rows={report.trend.map((point) => ({
          label: point.name.replace(/^National Audit /, ''),
          good: isHidden(report, point.total) ? null : point.goodPercent,
          lowest: isHidden(report, point.total) ? null : point.lowestPercent,
        }))}
        goodLabel={goodLabelOf(report)}
        lowestLabel={report.lowestLabel}
        goodTarget={report.audit.goodOrAboveTarget}
        lowestTarget={report.audit.lowestTarget}
      />
    ) : null;
  return (
    <ReportFigure
      id="trend"
      title="Trend across audits"
      chart={chart}
      table={table}
      csvHref={csvHref(table)}
      breakBefore
    />
  );
}
