// What the report's grade-share charts show, for the page (recharts) and the
// PDF (drawn with pdfkit) alike, so the two cannot differ.
import type { AuditReport } from '@/lib/domain/report-view';
import type { GradeRow } from '@/lib/domain/report';
import { hiddenGroups, isHidden } from './tables';

export type ShareRow = { label: string } & Record<string, number | string | null>;

/**
 * One bar per row, its grades as exact shares to one decimal so each bar fills
 * 100% (the tables print the rounded figures). `partsOfOneWhole`: the rows split
 * one total (areas, law types), so the tables' secondary hiding applies; a group
 * whose table row is hidden has no bar either.
 */
export function gradeShareRows(report: AuditReport, rows: GradeRow[], partsOfOneWhole = true): ShareRow[] {
  const hidden = partsOfOneWhole
    ? hiddenGroups(
        report,
        rows.map((row) => row.total),
      )
    : new Set(rows.flatMap((row, index) => (isHidden(report, row.total) ? [index] : [])));
  return rows
    .filter((row, index) => row.total > 0 && !hidden.has(index))
    .map((row) => ({
      label: row.label,
      ...Object.fromEntries(
        row.cells.map((cell) => [cell.key, Math.round((cell.count * 1000) / row.total) / 10]),
      ),
    }));
}

/** The charts of Fig. 1–3, each with the id of the table it illustrates. */
export function reportCharts(report: AuditReport): { tableId: string; title: string; rows: ShareRow[] }[] {
  return [
    {
      tableId: 'fig-1-overall',
      title: 'Overall grades (Fig. 1)',
      rows: gradeShareRows(
        report,
        [report.overall, ...(report.earlier ? [report.earlier.overall] : [])],
        false,
      ),
    },
    {
      tableId: 'fig-2-law-type',
      title: 'Grades by law type (Fig. 2)',
      rows: gradeShareRows(report, report.byLawType),
    },
    {
      tableId: 'fig-3-service-area',
      title: 'Grades by service area (Fig. 3)',
      rows: gradeShareRows(report, report.byServiceArea),
    },
  ];
}
