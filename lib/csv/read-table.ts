// One way in for tabular uploads: CSV (any encoding readCsv accepts) or
// XLSX (first worksheet). Cells arrive as text; a formula cell arrives as
// its formula so validation refuses it rather than trusting a cached result.
// Every import (browser and command line) reads through here, so the limits
// (bytes, rows, and for XLSX the unpacked size) hold for all of them.
import ExcelJS from 'exceljs';
import { fileTooLargeReason, readCsv, tooManyRowsReason, type CsvReadResult, type CsvRow } from './read-csv';
import { checkZipLimits, XLSX_LIMITS, type ZipLimits } from './zip-limits';

export const MAX_TABLE_BYTES = 20 * 1024 * 1024;

export type TableReadOptions = {
  /** Data rows (after the header) the import accepts. */
  maxRows: number;
  maxBytes?: number;
  zipLimits?: ZipLimits;
};

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value)
      return `=${String((value as { formula?: string }).formula ?? '')}`;
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  options: TableReadOptions,
): Promise<CsvReadResult> {
  const maxBytes = options.maxBytes ?? MAX_TABLE_BYTES;
  if (bytes.byteLength > maxBytes)
    return { ok: false, reason: fileTooLargeReason(bytes.byteLength, maxBytes) };
  if (!/\.xlsx$/i.test(fileName)) return readCsv(bytes, { maxBytes, maxRows: options.maxRows });

  const zip = await checkZipLimits(bytes, options.zipLimits ?? XLSX_LIMITS);
  if (!zip.ok) return { ok: false, reason: zip.reason };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'The file is not a readable XLSX workbook.' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0)
    return { ok: false, reason: 'The workbook’s first sheet is empty.' };
  if (sheet.actualRowCount - 1 > options.maxRows)
    return { ok: false, reason: tooManyRowsReason(options.maxRows) };
  const rows: CsvRow[] = [];
  let header: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // index 0 is unused by exceljs
    const cells = values.slice(1).map(cellText);
    if (header === null) header = cells.map((cell) => cell.trim());
    else rows.push({ line: rowNumber, cells });
  });
  return { ok: true, table: { header: header ?? [], rows } };
}
