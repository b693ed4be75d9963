import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GradeShareChart, TrendChart, type ChartRow } from '@/components/reports/report-charts';
import { ReportTableView } from '@/components/reports/report-table';
import { WithheldWhileBenchmarking } from '@/components/reports/withheld-while-benchmarking';
import { ActionForm } from '@/components/ui/action-form';
import { TextAreaField } from '@/components/ui/fields';
import { saveReportNarrativeAction } from '@/lib/actions/reports';
import { requireActor } from '@/lib/auth/actor';
import { findServiceAreaOptions } from '@/lib/db/organisation';
import type { AuditReport } from '@/lib/domain/report-view';
import { getAuditReport } from '@/lib/use-cases/reports/get-audit-report';
import { formatDate } from '@/lib/domain/dates';
import { NotFoundOrForbiddenError, WithheldWhileBenchmarkingError } from '@/lib/domain/errors';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { againstTarget, describeShare, formatChange } from '@/lib/domain/report';
import {
  childrenSeenTable,
  crossTabTable,
  employmentTable,
  isHidden,
  lawTypeTable,
  overallTable,
  qaTable,
  sectionsByAreaTable,
  sectionsByTeamTable,
  serviceAreaTable,
  smallGroupSentence,
  themesTable,
  trendTable,
} from '@/lib/report/tables';
import { gradeShareRows } from '@/lib/report/charts';
import { isUuid } from '@/lib/schemas/fields';

export const metadata: Metadata = { title: 'Audit report' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** No chart when every bar is hidden (small groups): the table below says why. */
function shareChart(
  rows: ChartRow[],
  series: { key: string; label: string }[],
  height: (bars: number) => number,
) {
  if (rows.length === 0) return null;
  return <GradeShareChart rows={rows} series={series} height={height(rows.length)} />;
}

export default async function AuditReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ auditId: string }>;
  searchParams: SearchParams;
}) {
  const actor = await requireActor();
  const { auditId } = await params;
  if (!isUuid(auditId)) notFound();
  const query = await searchParams;
  const requestedArea = single(query.area);
  const areaId = requestedArea && isUuid(requestedArea) ? requestedArea : null;
  const rowSection = single(query.rows);
  const columnSection = single(query.columns);
  let report: AuditReport;
  try {
    report = await getAuditReport(actor, auditId, areaId, {
      crossTab: rowSection && columnSection ? { rowSection, columnSection } : undefined,
    });
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) notFound();
    if (error instanceof WithheldWhileBenchmarkingError)
      return (
        <article className="space-y-6">
          <p>
            <Link href={`/audits/${auditId}`}>Back to the audit</Link>
          </p>
          <WithheldWhileBenchmarking headingLevel={1} />
        </article>
      );
    throw error;
  }
  const national = can(actor, 'report.view', NATIONAL);
  const areas = national ? await findServiceAreaOptions() : [];
  const canWrite = can(actor, 'report.write', NATIONAL);
  const scopeQuery = report.scope.serviceAreaId && national ? `area=${report.scope.serviceAreaId}` : '';
  const exportHref = (format: string, table?: string) =>
    `/reports/${auditId}/export?${new URLSearchParams({
      format,
      ...(table ? { table } : {}),
      ...(report.scope.serviceAreaId && national ? { area: report.scope.serviceAreaId } : {}),
      ...(report.crossTab
        ? { rows: report.crossTab.rowSection.key, columns: report.crossTab.columnSection.key }
        : {}),
    }).toString()}`;
  const goodGroup = report.groups.find((group) => group.isGoodOrAbove);
  const goodLabel = goodGroup?.label ?? 'Good';
  const headlineHidden = isHidden(report, report.total);
  const goodPercent = headlineHidden
    ? null
    : (report.overall.cells.find((cell) => cell.key === goodGroup?.key)?.percent ?? null);
  const lowestPercent = headlineHidden
    ? null
    : (report.overall.cells.find((cell) => cell.key === report.scale.lowestLevelKey)?.percent ?? null);
  const changeHidden =
    headlineHidden || (report.earlier !== null && isHidden(report, report.earlier.overall.total));
  const smallGroups = smallGroupSentence(report);
  const goodStanding = againstTarget(goodPercent, report.audit.goodOrAboveTarget, 'at-least');
  const lowestStanding = againstTarget(lowestPercent, report.audit.lowestTarget, 'at-most');
  const series = report.groups.map((group) => ({ key: group.key, label: group.label }));
  const crossTab = crossTabTable(report);

  return (
    <article className="report space-y-10">
      <p className="print:hidden">
        <Link href="/reports">Back to reports</Link>
      </p>
      <header className="space-y-2">
        <h1>{report.audit.name}: summary report</h1>
        <p className="text-slate-700">
          {report.scope.label === 'National' ? 'National figures' : `Service area ${report.scope.label}`} ·
          work filed {formatDate(report.audit.windowFrom)} to {formatDate(report.audit.windowTo)} · graded
          against {report.audit.thresholdVersionLabel}
        </p>
        <div
          role={report.reconciliation.agrees ? 'status' : 'alert'}
          className={report.reconciliation.agrees ? 'card' : 'error-summary'}
        >
          {report.reconciliation.agrees ? (
            <p>
              Every table below counts the same {report.total.toLocaleString('en-GB')} graded case
              {report.total === 1 ? '' : 's'}, using each case’s final grade (after challenges). Percentages
              are rounded one by one, so a row may add up to 99% or 101%.
            </p>
          ) : (
            <>
              <p>These tables do not agree with the {report.total} graded cases:</p>
              <ul className="list-disc pl-5">
                {report.reconciliation.mismatches.map((mismatch) => (
                  <li key={mismatch}>{mismatch}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        {smallGroups && (
          <p role="note" className="card">
            {smallGroups}
          </p>
        )}
      </header>

      <nav aria-label="Report tools" className="flex flex-wrap items-end gap-6 print:hidden">
        {national && (
          <form method="get" className="flex items-end gap-3">
            <div className="field">
              <label htmlFor="area" className="block font-medium">
                Figures for
              </label>
              <select id="area" name="area" defaultValue={report.scope.serviceAreaId ?? ''} className="input">
                <option value="">All areas (national)</option>
                {areas.map((area) => (
                  <option key={area.id} value={area.id}>
                    {area.code}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn btn-secondary">
              Show
            </button>
          </form>
        )}
        <p className="flex flex-wrap gap-4">
          <a href={exportHref('xlsx')} download>
            Download all tables (XLSX)
          </a>
          <a href={exportHref('pdf')} download>
            Download the report (PDF)
          </a>
        </p>
      </nav>

      {report.total === 0 ? (
        <p className="card">
          No graded cases yet{report.scope.label === 'National' ? '' : ` in ${report.scope.label}`}: the
          figures appear here as cases are submitted.
        </p>
      ) : (
        <>
          <section aria-labelledby="fig-1" className="space-y-3">
            <h2 id="fig-1">Overall audit figures (Fig. 1)</h2>
            {headlineHidden ? (
              <p>
                {report.total.toLocaleString('en-GB')} case{report.total === 1 ? ' was' : 's were'} graded:
                too few to show how, as the note above says.
              </p>
            ) : (
              <p>
                {report.total.toLocaleString('en-GB')} cases were graded:{' '}
                {report.overall.cells.map((cell, index) => (
                  <span key={cell.key}>
                    {index > 0 ? (index === report.overall.cells.length - 1 ? ' and ' : ', ') : ''}
                    {describeShare(cell.count, report.total)} {cell.label}
                  </span>
                ))}
                .
                {report.earlier && report.changeInGood !== null && !changeHidden && (
                  <>
                    {' '}
                    Since {report.earlier.name}, {goodLabel} is {formatChange(report.changeInGood)} and{' '}
                    {report.lowestLabel} {formatChange(report.changeInLowest)}.
                  </>
                )}
              </p>
            )}
            {(goodStanding || lowestStanding) && (
              <ul className="list-disc pl-5">
                {goodStanding && (
                  <li>
                    Target of {report.audit.goodOrAboveTarget}% {goodLabel}
                    {report.audit.targetDate ? ` by ${formatDate(report.audit.targetDate)}` : ''}:{' '}
                    <strong>{goodStanding === 'met' ? 'met' : 'not yet met'}</strong> ({goodPercent}%).
                  </li>
                )}
                {lowestStanding && (
                  <li>
                    Target of no more than {report.audit.lowestTarget}% {report.lowestLabel}:{' '}
                    <strong>{lowestStanding === 'met' ? 'met' : 'not yet met'}</strong> ({lowestPercent}%).
                  </li>
                )}
              </ul>
            )}
            {shareChart(
              gradeShareRows(
                report,
                [report.overall, ...(report.earlier ? [report.earlier.overall] : [])],
                false,
              ),
              series,
              () => 160,
            )}
            <ReportTableView table={overallTable(report)} csvHref={exportHref('csv', 'fig-1-overall')} />
          </section>

          <section aria-labelledby="fig-2" className="space-y-3 break-before-page">
            <h2 id="fig-2">Law type breakdown (Fig. 2)</h2>
            {shareChart(gradeShareRows(report, report.byLawType), series, () => 200)}
            <ReportTableView table={lawTypeTable(report)} csvHref={exportHref('csv', 'fig-2-law-type')} />
          </section>

          <section aria-labelledby="fig-3" className="space-y-3 break-before-page">
            <h2 id="fig-3">Breakdown per service area (Fig. 3)</h2>
            {shareChart(gradeShareRows(report, report.byServiceArea), series, (bars) =>
              Math.max(160, 28 * bars + 60),
            )}
            <ReportTableView
              table={serviceAreaTable(report)}
              csvHref={exportHref('csv', 'fig-3-service-area')}
            />
          </section>

          <section aria-labelledby="fig-4" className="space-y-3 break-before-page">
            <h2 id="fig-4">Children being seen (Fig. 4)</h2>
            <ReportTableView
              table={childrenSeenTable(report)}
              csvHref={exportHref('csv', 'fig-4-children-seen')}
            />
          </section>

          <section aria-labelledby="fig-5" className="space-y-3">
            <h2 id="fig-5">Employed and agency staff (Fig. 5)</h2>
            <ReportTableView
              table={employmentTable(report)}
              csvHref={exportHref('csv', 'fig-5-employment')}
            />
          </section>

          <section aria-labelledby="sections" className="space-y-3 break-before-page">
            <h2 id="sections">Section analysis</h2>
            <ReportTableView
              table={sectionsByAreaTable(report)}
              csvHref={exportHref('csv', 'sections-by-area')}
            />
            <details>
              <summary className="cursor-pointer font-medium">By team</summary>
              <ReportTableView
                table={sectionsByTeamTable(report)}
                csvHref={exportHref('csv', 'sections-by-team')}
              />
            </details>
            <h3 id="cross-tab">Two sections side by side</h3>
            <form method="get" className="flex flex-wrap items-end gap-3 print:hidden">
              {scopeQuery && <input type="hidden" name="area" value={report.scope.serviceAreaId ?? ''} />}
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
            {crossTab && (
              <ReportTableView table={crossTab} csvHref={exportHref('csv', 'section-cross-tab')} />
            )}
          </section>

          <section aria-labelledby="qa" className="space-y-3">
            <h2 id="qa">Quality assurance indicators</h2>
            <ReportTableView table={qaTable(report)} csvHref={exportHref('csv', 'quality-assurance')} />
          </section>

          <section aria-labelledby="challenges" className="space-y-3">
            <h2 id="challenges">Benchmarking and challenges</h2>
            <p>{report.benchmarkingSentence}</p>
            <p>{report.challengeSentence}</p>
          </section>

          <section aria-labelledby="themes" className="space-y-3 break-before-page">
            <h2 id="themes">Key themes</h2>
            <ReportTableView table={themesTable(report)} csvHref={exportHref('csv', 'key-themes')} />
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
          </section>
        </>
      )}

      <section aria-labelledby="trend" className="space-y-3 break-before-page">
        <h2 id="trend">Trend across audits</h2>
        {report.trend.length > 1 && (
          <TrendChart
            rows={report.trend.map((point) => ({
              label: point.name.replace(/^National Audit /, ''),
              good: isHidden(report, point.total) ? null : point.goodPercent,
              lowest: isHidden(report, point.total) ? null : point.lowestPercent,
            }))}
            goodLabel={goodLabel}
            lowestLabel={report.lowestLabel}
            goodTarget={report.audit.goodOrAboveTarget}
            lowestTarget={report.audit.lowestTarget}
          />
        )}
        <ReportTableView table={trendTable(report)} csvHref={exportHref('csv', 'trend')} />
      </section>

      <section aria-labelledby="narrative" className="space-y-4 break-before-page">
        <h2 id="narrative">Strengths, learning, conclusion and next steps</h2>
        {canWrite ? (
          <ActionForm
            action={saveReportNarrativeAction}
            values={{ auditId, baseVersion: report.narrative.version }}
            submitLabel="Save the narrative"
            successMessage="Saved with the report."
            className="space-y-4 print:hidden"
          >
            <TextAreaField
              name="strengths"
              label="Strengths"
              rows={5}
              defaultValue={report.narrative.strengths}
            />
            <TextAreaField
              name="learning"
              label="Key learning and recommendations"
              rows={5}
              defaultValue={report.narrative.learning}
            />
            <TextAreaField
              name="conclusion"
              label="Conclusion"
              rows={4}
              defaultValue={report.narrative.conclusion}
            />
            <TextAreaField
              name="nextSteps"
              label="Next steps"
              rows={4}
              defaultValue={report.narrative.nextSteps}
            />
          </ActionForm>
        ) : null}
        <div className={canWrite ? 'hidden print:block' : 'space-y-4'}>
          {(
            [
              ['Strengths', report.narrative.strengths],
              ['Key learning and recommendations', report.narrative.learning],
              ['Conclusion', report.narrative.conclusion],
              ['Next steps', report.narrative.nextSteps],
            ] as const
          ).map(([title, body]) => (
            <div key={title}>
              <h3>{title}</h3>
              <p className="whitespace-pre-line">{body || 'Not written yet.'}</p>
            </div>
          ))}
        </div>
        {report.narrative.updatedAt && (
          <p className="text-sm text-slate-700">
            Last saved {report.narrative.updatedAt.toLocaleString('en-GB', { timeZone: 'UTC' })} UTC
            {report.narrative.updatedBy ? ` by ${report.narrative.updatedBy}` : ''}.
          </p>
        )}
      </section>
    </article>
  );
}
