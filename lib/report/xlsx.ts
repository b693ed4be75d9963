// The report as a workbook: a Summary sheet with the sentences and narrative,
// then one sheet per report table, printed from the same ReportTable[] as the
// page, the CSVs and the PDF. Numbers stay numbers; every string is written
// as text that no spreadsheet will run as a formula.
import ExcelJS from 'exceljs';
import type { AuditReport } from '@/lib/domain/report-view';
import { neutraliseFormula, toCsv } from '@/lib/csv/write-csv';
import { reconciliationSentence, type Cell, type ReportTable } from './tables';

/** One table as CSV: header, rows, then totals. Notes are the page's, not the data's. */
export function tableCsv(table: ReportTable): string {
  return toCsv(table.header, [...table.rows, ...table.totals]);
}

/** What the report says about whether its tables add up, in the report page's words. */

const SHEET_NAME_LIMIT = 31;

/** Excel refuses these in a sheet name, and a name may not start or end with an apostrophe. */
function cleanSheetName(name: string): string {
  return name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
}

/** "fig-4-children-seen" → "Fig. 4 Children seen"; "sections-by-area" → "Sections by area". */
function nameFromId(id: string): string {
  const words = id.split('-').filter(Boolean);
  const figure = words[0] === 'fig' && words[1] ? `Fig. ${words[1]} ` : '';
  const rest = (figure ? words.slice(2) : words).join(' ');
  return `${figure}${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
}

/**
 * The table's title when it fits (its bracketed aside dropped), else a name
 * from its id; unique without regard to case, as Excel compares them.
 */
function sheetName(table: ReportTable, taken: Set<string>): string {
  const title = cleanSheetName(table.title.replace(/\s*\([^)]*\)/g, ''));
  const fromId = cleanSheetName(nameFromId(table.id));
  let base = title.length > 0 && title.length <= SHEET_NAME_LIMIT ? title : fromId;
  base = (base || 'Table').slice(0, SHEET_NAME_LIMIT).trim();
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, SHEET_NAME_LIMIT - suffix.length).trim()}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

function cellValue(cell: Cell | null | undefined): string | number | null {
  if (cell === null || cell === undefined || cell === '') return null;
  return typeof cell === 'number' ? cell : neutraliseFormula(cell);
}

function addRow(sheet: ExcelJS.Worksheet, cells: (Cell | null)[], font?: Partial<ExcelJS.Font>) {
  const row = sheet.addRow(cells.map(cellValue));
  if (font) row.font = font;
  return row;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const MAX_COLUMN_WIDTH = 50;

function tableSheet(workbook: ExcelJS.Workbook, table: ReportTable, name: string) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  addRow(sheet, [table.title], { bold: true, size: 12 });
  const header = addRow(sheet, table.header, { bold: true });
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  for (const cells of table.rows) addRow(sheet, cells);
  for (const cells of table.totals) addRow(sheet, cells, { bold: true });
  if (table.notes.length > 0) {
    sheet.addRow([]);
    for (const note of table.notes) addRow(sheet, [note], { italic: true });
  }
  // Width from the header and cells, not the title or notes, which may run on.
  table.header.forEach((label, index) => {
    const lengths = [label, ...[...table.rows, ...table.totals].map((cells) => cells[index] ?? '')].map(
      (cell) => String(cell).length,
    );
    sheet.getColumn(index + 1).width = Math.min(MAX_COLUMN_WIDTH, Math.max(8, ...lengths) + 2);
  });
}

function summarySheet(workbook: ExcelJS.Workbook, report: AuditReport) {
  const sheet = workbook.addWorksheet('Summary');
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 100;
  addRow(sheet, [`${report.audit.name} — summary report`], { bold: true, size: 14 });
  const lines: [string, Cell][] = [
    ['Audit', report.audit.name],
    ['Scope', report.scope.label],
    ['Cases from', report.audit.windowFrom],
    ['Cases to', report.audit.windowTo],
    ['Threshold version', report.audit.thresholdVersionLabel],
    ['Graded cases', report.total],
    ['Reconciliation', reconciliationSentence(report.reconciliation)],
    ['Challenges', report.challengeSentence],
    ['Benchmarking', report.benchmarkingSentence],
  ];
  const narrative: [string, string][] = [
    ['Strengths', report.narrative.strengths],
    ['Learning', report.narrative.learning],
    ['Conclusion', report.narrative.conclusion],
    ['Next steps', report.narrative.nextSteps],
  ];
  for (const [label, value] of lines) {
    const row = addRow(sheet, [label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  }
  sheet.addRow([]);
  for (const [label, text] of narrative) {
    const row = addRow(sheet, [label, text.trim() === '' ? null : text]);
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
}

/** Any set of tables as one workbook: a short summary sheet, then a sheet per table. */
export async function tablesWorkbook(
  title: string,
  summary: [string, Cell][],
  tables: ReportTable[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Threshold';
  workbook.title = title;
  const sheet = workbook.addWorksheet('Summary');
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 100;
  addRow(sheet, [title], { bold: true, size: 14 });
  for (const [label, value] of summary) {
    const row = addRow(sheet, [label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  }
  const taken = new Set(['summary', 'history']);
  for (const table of tables) tableSheet(workbook, table, sheetName(table, taken));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function reportWorkbook(report: AuditReport, tables: ReportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Threshold';
  workbook.title = `${report.audit.name} — summary report`;
  summarySheet(workbook, report);
  const taken = new Set(['summary', 'history']);
  for (const table of tables) tableSheet(workbook, table, sheetName(table, taken));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
