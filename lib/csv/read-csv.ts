// Turns an uploaded CSV into header + rows with their line numbers. Accepts a
// byte-order mark, Windows-1252 text (what Excel saves on many desktops),
// quoted newlines; reports what it cannot read instead of guessing.
// Limits bite before work: the byte cap before decoding, and the parse
// streams and stops at the first row over the cap, so a file of millions of
// short rows costs no more than the cap's worth of rows.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { decodeChunks } from './decode';

export const MAX_CSV_BYTES = 5 * 1024 * 1024;
const STRING_CHUNK = 64 * 1024;

export type CsvRow = { line: number; cells: string[] };
export type CsvTable = { header: string[]; rows: CsvRow[] };
export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; reason: string };
export type CsvReadOptions = {
  /** Data rows (after the header) an import accepts; the read stops at the first row past it. */
  maxRows: number;
  maxBytes?: number;
};

const megabytes = (bytes: number) => bytes / 1048576;

export function fileTooLargeReason(size: number, maxBytes: number): string {
  return `The file is too large (${megabytes(size).toFixed(1)} MB; at most ${Math.round(megabytes(maxBytes))} MB).`;
}

export function tooManyRowsReason(maxRows: number): string {
  const cap = maxRows.toLocaleString('en-GB');
  return `The file has more than ${cap} rows; split it into files of at most ${cap} rows each.`;
}

export async function readCsv(input: Uint8Array | string, options: CsvReadOptions): Promise<CsvReadResult> {
  const maxBytes = options.maxBytes ?? MAX_CSV_BYTES;
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > maxBytes) return { ok: false, reason: fileTooLargeReason(size, maxBytes) };
  return readCsvChunks(
    typeof input === 'string' ? stringChunks(input) : decodeChunks(input),
    options.maxRows,
  );
}

function* stringChunks(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += STRING_CHUNK)
    yield text.slice(start, start + STRING_CHUNK);
}

/**
 * csv-parse builds a full error (stack trace, deep copy of the row) for every
 * row whose cell count differs from the first row's, even when told to accept
 * such rows: a file of short rows then costs about ten times as much to
 * read, an easy way to tie up the server. Rows of any length are fine here (a
 * missing cell reads as blank), so each row is made to expect its own length.
 * If a csv-parse upgrade renames this state, rows are still accepted
 * (relax_column_count), only slower; a unit test times ragged rows.
 */
function acceptRowsOfAnyLength(parser: object): void {
  const state = (parser as { state?: { record?: unknown[] } }).state;
  if (!state || !Array.isArray(state.record)) return;
  Object.defineProperty(state, 'expectedRecordLength', {
    get: () => state.record?.length,
    set: () => undefined,
  });
}

/**
 * Reads text pulled from `chunks` as it parses, and stops pulling at the
 * first data row past `maxRows` (the source may be endless).
 */
export async function readCsvChunks(
  chunks: Iterable<string> | AsyncIterable<string>,
  maxRows: number,
): Promise<CsvReadResult> {
  const source = Readable.from(chunks);
  // Lines are counted here rather than with csv-parse's `info`, which costs
  // four times the parse itself; so empty lines come through and are skipped below.
  const parser = parse({ bom: true, relax_column_count: true, max_record_size: 200_000 });
  acceptRowsOfAnyLength(parser);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let header: string[] | null = null;
  const rows: CsvRow[] = [];
  let hasText = false;
  let nextLine = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      // People look for the line a record starts on; a quoted newline inside
      // a cell makes the record span more than one.
      const line = nextLine;
      for (const cell of record) if (cell.includes('\n')) nextLine += cell.split('\n').length - 1;
      nextLine += 1;
      if (record.length === 1 && record[0] === '') continue; // an empty line
      if (!hasText) hasText = record.some((cell) => cell.trim() !== '');
      if (header === null) {
        header = record.map((cell) => cell.trim());
        continue;
      }
      if (rows.length === maxRows) return { ok: false, reason: tooManyRowsReason(maxRows) };
      rows.push({ line, cells: record });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `The file is not valid CSV: ${message}` };
  } finally {
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
  if (header === null || !hasText) return { ok: false, reason: 'The file is empty.' };
  return { ok: true, table: { header, rows } };
}
