import type { ReactNode } from 'react';

// No 'use client' and no server-only imports: a server page and a client
// component (the results import preview) render the same table.

/** Where a cell sits, for the rare column whose cells look different in the totals. */
export type TablePart = 'body' | 'foot';

export type DataColumn<Row> = {
  /** The column heading: its text is the column's accessible name. */
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Figures: heading and cells right-aligned, digits in even columns. */
  isNumeric?: boolean;
  /** The cell names its row (`<th scope="row">`), so screen readers read it with every cell. */
  isRowHeader?: boolean;
  /** Classes for every cell of the column, or per cell. */
  className?: string | ((row: Row, index: number, part: TablePart) => string | undefined);
  headerClassName?: string;
  /** A hover title per cell, e.g. the rule behind a colour. */
  title?: (row: Row, index: number) => string | undefined;
};

const CAPTION_CLASSES = {
  /** A line above the table, e.g. "25 cases · page 1 of 2". */
  note: 'mb-2 text-left text-sm text-slate-700',
  /** The table's own title, when no heading above it names it. */
  title: 'mb-2 text-left font-semibold',
  /** Named for screen readers only: a heading or the figure title above already says what it is. */
  hidden: 'sr-only',
} as const;

export type DataTableProps<Row> = {
  caption?: ReactNode;
  captionStyle?: keyof typeof CAPTION_CLASSES;
  columns: readonly (DataColumn<Row> | false | null | undefined)[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  rowClassName?: (row: Row, index: number) => string | undefined;
  /** Totals, bold and kept apart from the rows in a `<tfoot>`. */
  footRows?: readonly Row[];
  /** The sentence shown instead of the table when there are no rows. */
  empty?: ReactNode;
  emptyClassName?: string;
  /**
   * Wide tables scroll sideways inside their own box; with a label the box is a
   * named, focusable region, so keyboard users can scroll it too.
   */
  scroll?: boolean | { label: string };
  id?: string;
};

function classes(...names: (string | false | null | undefined)[]): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}

export function DataTable<Row>({
  caption,
  captionStyle = 'note',
  columns: maybeColumns,
  rows,
  rowKey,
  rowClassName,
  footRows = [],
  empty,
  emptyClassName,
  scroll = false,
  id,
}: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p className={emptyClassName}>{empty}</p>;
  const columns = maybeColumns.filter((column): column is DataColumn<Row> => Boolean(column));
  const cells = (row: Row, index: number, part: TablePart) =>
    columns.map((column, c) => {
      const className = classes(
        column.isNumeric && 'text-right tabular-nums',
        typeof column.className === 'function' ? column.className(row, index, part) : column.className,
      );
      const title = part === 'body' ? column.title?.(row, index) : undefined;
      return column.isRowHeader ? (
        <th key={c} scope="row" className={className} title={title}>
          {column.cell(row, index)}
        </th>
      ) : (
        <td key={c} className={className} title={title}>
          {column.cell(row, index)}
        </td>
      );
    });
  const table = (
    <table className="data-table" id={id}>
      {caption !== undefined && <caption className={CAPTION_CLASSES[captionStyle]}>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, c) => (
            <th
              key={c}
              scope="col"
              className={classes(column.isNumeric && 'text-right', column.headerClassName)}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={rowKey(row, r)} className={rowClassName?.(row, r)}>
            {cells(row, r, 'body')}
          </tr>
        ))}
      </tbody>
      {footRows.length > 0 && (
        <tfoot>
          {footRows.map((row, r) => (
            <tr key={r} className="font-semibold">
              {cells(row, r, 'foot')}
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
  if (!scroll) return table;
  return typeof scroll === 'object' ? (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={scroll.label}>
      {table}
    </div>
  ) : (
    <div className="overflow-x-auto">{table}</div>
  );
}
