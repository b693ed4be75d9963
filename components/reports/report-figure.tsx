import type { ReactNode } from 'react';
import type { ReportTable } from '@/lib/report/tables';
import { GradeShareChart, type ChartRow, type ChartSeries } from './report-charts';
import { ReportTableView } from './report-table';

/**
 * One figure of the report: its numbered title, what it says in words, the
 * chart, and the table that carries the same figures (for screen readers,
 * print and anyone who wants the numbers) with its CSV download.
 */
export function ReportFigure({
  id,
  title,
  figure,
  intro,
  chart,
  table,
  csvHref,
  breakBefore = false,
  children,
}: {
  /** The heading's id, which the section is labelled by (fig-1, trend, …). */
  id: string;
  title: string;
  /** The figure number in the printed report (Fig. 1–5); sections have none. */
  figure?: number;
  intro?: ReactNode;
  chart?: ReactNode;
  table?: ReportTable;
  csvHref?: string;
  /** Starts a new page when printed. */
  breakBefore?: boolean;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={breakBefore ? 'space-y-3 break-before-page' : 'space-y-3'}>
      <h2 id={id}>{figure === undefined ? title : `${title} (Fig. ${figure})`}</h2>
      {intro}
      {chart}
      {table && <ReportTableView table={table} csvHref={csvHref} />}
      {children}
    </section>
  );
}

/**
 * Stacked grade shares, one bar per row; no chart when every bar is hidden
 * (small groups): the table below says why. Without a height, each bar gets
 * its own room (Fig. 3 has a bar per area).
 */
export function ShareChart({
  rows,
  series,
  height,
}: {
  rows: ChartRow[];
  series: ChartSeries[];
  height?: number;
}) {
  if (rows.length === 0) return null;
  return (
    <GradeShareChart rows={rows} series={series} height={height ?? Math.max(160, 28 * rows.length + 60)} />
  );
}
