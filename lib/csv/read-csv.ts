// Turns an uploaded CSV into header + rows with their line numbers. Accepts a
// byte-order mark, Windows-1252 text (what Excel saves on many desktops),
// quoted newlines; reports what it cannot read instead of guessing.
import { parse } from 'csv-parse/sync';
import { decodeText } from './decode';

export const MAX_CSV_BYTES = 5 * 1024 * 1024;

export type CsvTable = { header: string[]; rows: { line: number; cells: string[] }[] };
export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; reason: string };

export function readCsv(input: Uint8Array | string, options: { maxBytes?: number } = {}): CsvReadResult {
  const maxBytes = options.maxBytes ?? MAX_CSV_BYTES;
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > maxBytes) {
    return {
      ok: false,
      reason: `The file is too large (${(size / 1048576).toFixed(1)} MB; at most ${Math.round(maxBytes / 1048576)} MB).`,
    };
  }
  const text = (typeof input === 'string' ? input : decodeText(input)).replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, reason: 'The file is empty.' };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: 200_000,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `The file is not valid CSV: ${message}` };
  }
  const [first, ...rest] = records;
  if (!first) return { ok: false, reason: 'The file is empty.' };
  // info.lines is the line on which a record ends; a quoted newline inside a
  // cell moves the start back. People look for the line a record starts on.
  const rows = rest.map(({ record, info }) => {
    const embeddedNewlines = record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - embeddedNewlines, cells: record };
  });
  return { ok: true, table: { header: first.record.map((cell) => cell.trim()), rows } };
}
