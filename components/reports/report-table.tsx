import Link from 'next/link';
import type { ReportTable } from '@/lib/report/tables';

/**
 * One report table as the page shows it; the same `ReportTable` feeds the
 * CSV, XLSX and PDF, so what is downloaded is what is on screen.
 */
function toneClass(table: ReportTable, row: number, column: number): string {
  const tone = table.tones?.[row]?.[column];
  return tone ? `tone tone-${tone}` : '';
}

export function ReportTableView({ table, csvHref }: { table: ReportTable; csvHref?: string }) {
  const numeric = (value: string | number) => typeof value === 'number' || /^[<>]?\d/.test(value);
  return (
    <div className="space-y-2">
      <div
        className="overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label={`${table.title} (scrollable table)`}
      >
        <table className="data-table" id={table.id}>
          <caption className="sr-only">{table.title}</caption>
          <thead>
            <tr>
              {table.header.map((heading, index) => (
                <th key={index} scope="col" className={index === 0 ? undefined : 'text-right'}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row" className="font-normal">
                      {table.rowLinks?.[r] ? <Link href={table.rowLinks[r]}>{cell}</Link> : cell}
                    </th>
                  ) : (
                    <td
                      key={c}
                      title={table.titles?.[r]?.[c] ?? undefined}
                      className={
                        [numeric(cell) ? 'text-right tabular-nums' : '', toneClass(table, r, c)]
                          .join(' ')
                          .trim() || undefined
                      }
                    >
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {table.totals.length > 0 && (
            <tfoot>
              {table.totals.map((row, r) => (
                <tr key={r} className="font-semibold">
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={c} className={numeric(cell) ? 'text-right tabular-nums' : undefined}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tfoot>
          )}
        </table>
      </div>
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
