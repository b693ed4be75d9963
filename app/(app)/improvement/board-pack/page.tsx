import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FunnelFigure } from '@/components/improvement/funnel-figure';
import { ShareChart } from '@/components/reports/report-figure';
import { ReportTableView } from '@/components/reports/report-table';
import { requireActor } from '@/lib/auth/actor';
import { formatDate, isoDay } from '@/lib/domain/dates';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { boardPackTables } from '@/lib/report/board-pack-tables';
import { reportCharts } from '@/lib/report/charts';
import { BoardPackQuerySchema, boardPackExportHref } from '@/lib/schemas/improvement-plans';
import { getBoardPack } from '@/lib/use-cases/improvement/get-board-pack';

export const metadata: Metadata = { title: 'Board pack' };
export const dynamic = 'force-dynamic';

export default async function BoardPackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, 'boardPack.view', NATIONAL)) notFound();
  const query = BoardPackQuerySchema.parse(await searchParams);
  const date = query.date ?? isoDay(new Date());
  const { view, report } = await getBoardPack(actor, date);
  const tables = boardPackTables(view, report);
  const table = (id: string) => tables.find((candidate) => candidate.id === id);
  const charts = report ? new Map(reportCharts(report).map((chart) => [chart.tableId, chart])) : null;
  const series = report?.groups.map((group) => ({ key: group.key, label: group.label })) ?? [];
  const headline = table('headline');
  const areas = table('areas');

  return (
    <article className="space-y-10">
      <header className="space-y-2">
        <h1>Board pack, {formatDate(date)}</h1>
        <p className="text-slate-700">
          The figures, recommendations and actions as they stood on the date: the latest national audit
          published by then, each recommendation’s latest judgement made by then, and the actions overdue on
          that day.
        </p>
      </header>
      <form method="get" className="flex flex-wrap items-end gap-3 print:hidden">
        <div>
          <label htmlFor="date" className="block font-semibold">
            Date
          </label>
          <input id="date" name="date" type="date" defaultValue={date} className="input" required />
        </div>
        <button type="submit" className="btn btn-primary">
          Show the board pack
        </button>
      </form>
      {!query.valid && (
        <p role="alert" className="card">
          That is not a real date, so the board pack shows today’s.
        </p>
      )}
      <p className="print:hidden">
        Download the board pack: <a href={boardPackExportHref('pdf', date)}>PDF</a> ·{' '}
        <a href={boardPackExportHref('xlsx', date)}>spreadsheet (XLSX)</a>
      </p>

      <section aria-labelledby="headline-figures" className="space-y-3">
        <h2 id="headline-figures">Headline audit figures</h2>
        {report && view.audit && headline ? (
          <>
            <p>
              <Link href={`/reports/${view.audit.id}`}>{view.audit.name}</Link>: {report.total} graded cases,
              work filed up to {formatDate(view.audit.windowTo)}.
            </p>
            <ShareChart rows={charts?.get('fig-1-overall')?.rows ?? []} series={series} height={160} />
            <ReportTableView table={headline} />
            {areas && (
              <>
                <ShareChart rows={charts?.get('fig-3-service-area')?.rows ?? []} series={series} />
                <ReportTableView table={areas} />
              </>
            )}
          </>
        ) : (
          <p>No national audit had been published by {formatDate(date)}.</p>
        )}
      </section>

      <section aria-labelledby="recommendations" className="space-y-6">
        <h2 id="recommendations">Recommendations by status</h2>
        {view.byStatus.map((group) => {
          const groupTable = table(`recommendations-${group.status.toLowerCase()}`);
          return group.recommendations.length === 0 || !groupTable ? (
            <p key={group.status}>No {group.label.toLowerCase()} recommendations.</p>
          ) : (
            <div key={group.status} className="space-y-2">
              <h3>{groupTable.title}</h3>
              <ReportTableView table={groupTable} />
            </div>
          );
        })}
      </section>

      <section aria-labelledby="overdue" className="space-y-3">
        <h2 id="overdue">Overdue actions</h2>
        {view.overdueActions.length === 0 ? (
          <p>No action was overdue on {formatDate(date)}.</p>
        ) : (
          <ReportTableView table={table('overdue-actions')!} />
        )}
      </section>

      <section aria-labelledby="outlier-teams" className="space-y-6">
        <h2 id="outlier-teams">Outlier teams</h2>
        {view.funnels.length === 0 && <p>No audit to compare teams in.</p>}
        {view.outliers.map((entry, index) => (
          <div key={entry.shareLabel} className="space-y-3">
            <h3>% {entry.shareLabel}, area by area</h3>
            {entry.areas.length === 0 ? (
              <p>Every team is within the 95% limits.</p>
            ) : (
              <ul className="list-disc pl-6">
                {entry.areas.map((area) => (
                  <li key={area.areaCode}>
                    {area.areaCode}: {area.sentences.join('; ')}
                  </li>
                ))}
              </ul>
            )}
            {view.funnels[index] && (
              <FunnelFigure
                funnel={view.funnels[index]}
                id={`funnel-${index + 1}`}
                title={`Funnel plot: % ${entry.shareLabel}, every team`}
                headingLevel={4}
              />
            )}
          </div>
        ))}
      </section>
    </article>
  );
}
