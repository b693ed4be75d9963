import Link from 'next/link';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import type { Cell, ReportTable } from '@/lib/report/tables';

/**
 * One report table as the page shows it; the same `ReportTable` feeds the
 * CSV, XLSX and PDF, so what is downloaded is what is on screen.
 */
const isFigure = (value: Cell) => typeof value === 'number' || /^[<>]?\d/.test(value);

function toneClass(table: ReportTable, row: number, column: number): string | undefined {
  const tone = table.tones?.[row]?.[column];
  return tone ? `tone tone-${tone}` : undefined;
}

function reportColumns(table: ReportTable): DataColumn<Cell[]>[] {
  return table.header.map((heading, c) =>
    c === 0
      ? {
          header: heading,
          isRowHeader: true,
          className: (_row, _r, part) => (part === 'body' ? 'font-normal' : undefined),
          cell: (row, r) => {
            const href = table.rowLinks?.[r];
            return href ? <Link href={href}>{row[0]}</Link> : row[0];
          },
        }
      : {
          header: heading,
          headerClassName: 'text-right',
          className: (row, r, part) =>
            [
              isFigure(row[c] ?? '') ? 'text-right tabular-nums' : '',
              part === 'body' ? toneClass(table, r, c) : undefined,
            ]
              .filter(Boolean)
              .join(' ') || undefined,
          title: (_row, r) => table.titles?.[r]?.[c] ?? undefined,
          cell: (row) => row[c],
        },
  );
}

export function ReportTableView({ table, csvHref }: { table: ReportTable; csvHref?: string }) {
  return (
    <div className="space-y-2">
      <DataTable
        id={table.id}
        caption={table.title}
        captionStyle="hidden"
        columns={reportColumns(table)}
        rows={table.rows}
        rowKey={(_row, r) => r}
        footRows={table.totals}
        scroll={{ label: `${table.title} (scrollable table)` }}
      />
      {table.notes.map((note, index) => (
        <p key={index} className="text-sm text-slate-700">
          {note}
        </p>
      ))}
      {csvHref && (
        <p className="print:hidden">
          <a href={csvHref} download>
            Download “{table.title}” as CSV
          </a>
        </p>
      )}
    </div>
  );
}
