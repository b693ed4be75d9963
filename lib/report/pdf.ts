// The report as a PDF that reads like the report page: sentences, narrative,
// every table from the same ReportTable[] as the page and the spreadsheets,
// then the key themes with examples. Built-in Helvetica only, so the text
// stays extractable and no font files ship. Server only: pdfkit reads Node
// built-ins and is kept out of the bundle (next.config.js serverExternalPackages).
import 'server-only';
import PDFDocument from 'pdfkit';
import type { AuditReport, ThemeSummary } from '@/lib/domain/report-view';
import { formatDate } from '@/lib/domain/dates';
import { reportCharts } from './charts';
import { chartHeight, drawGradeShareChart } from './pdf-charts';
import { reconciliationSentence, type Cell, type ReportTable } from './tables';

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const BODY_SIZE = 10;
/** Table text starts here and shrinks, half a point at a time, until the table fits the page. */
const TABLE_SIZES = [9, 8.5, 8, 7.5, 7, 6.5];
const NOTE_SIZE = 7.5;
const TITLE_SIZE = 11;
const CONTINUED_SIZE = 9;
const PAD_X = 3;
const PAD_Y = 2.5;
/** Cells this short never wrap: "65% of 23", "+16 points", "58–72%". */
const NO_WRAP_LENGTH = 16;
const HEADER_FILL = '#eeeeee';
const RULE = '#bbbbbb';
const TEXT = '#000000';
const MUTED = '#444444';
const EXAMPLES_PER_THEME = 3;

// The standard fonts carry the WinAnsi characters only; anything else would
// print as a wrong glyph, so it becomes its nearest WinAnsi form or "?".
const WIN_ANSI = /[\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/u;
export function printable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u2010\u2011\u2212]/g, '-')
    .replace(/./gsu, (char) => {
      if (WIN_ANSI.test(char)) return char;
      const plain = char.normalize('NFKD').replace(/\p{M}/gu, '');
      return [...plain].every((part) => WIN_ANSI.test(part)) && plain !== '' ? plain : '?';
    });
}

function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return printable(typeof cell === 'number' ? String(cell) : cell);
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const pageBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

function heading(doc: Doc, text: string, size = 13) {
  // Keep a heading with at least the first lines under it.
  ensureSpace(doc, size * 1.4 + BODY_SIZE * 4);
  doc
    .font(BOLD)
    .fontSize(size)
    .fillColor(TEXT)
    .text(printable(text), MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string, options: { size?: number; color?: string; font?: string } = {}) {
  doc
    .font(options.font ?? REGULAR)
    .fontSize(options.size ?? BODY_SIZE)
    .fillColor(options.color ?? TEXT)
    .text(printable(text), MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.5);
}

/** Paragraphs of a narrative field, split on blank lines. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

// Tables -------------------------------------------------------------------

type Measure = { min: number; preferred: number };
type Block = { columns: number[]; widths: number[] };
type Plan = { size: number; blocks: Block[] };

function longestWord(doc: Doc, text: string): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => doc.widthOfString(word)));
}

/** How narrow each column can go without breaking a word (or a short cell), and how wide it would like to be. */
function measureColumns(doc: Doc, header: string[], body: string[][], size: number): Measure[] {
  return header.map((label, column) => {
    // Measured bold throughout, so the header and totals rows fit too.
    doc.font(BOLD).fontSize(size);
    let min = longestWord(doc, label);
    let preferred = doc.widthOfString(label);
    for (const row of body) {
      const text = row[column] ?? '';
      const width = doc.widthOfString(text);
      min = Math.max(min, text.length <= NO_WRAP_LENGTH ? width : longestWord(doc, text));
      preferred = Math.max(preferred, width);
    }
    return { min: min + 2 * PAD_X + 0.5, preferred: preferred + 2 * PAD_X + 0.5 };
  });
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Widths for these columns within the page, sharing any slack by how much each would like; null when they cannot fit. */
function fitWidths(measures: Measure[], available: number): number[] | null {
  const min = sum(measures.map((measure) => measure.min));
  if (min > available) return null;
  const preferred = sum(measures.map((measure) => measure.preferred));
  if (preferred <= available) return measures.map((measure) => measure.preferred);
  const slack = available - min;
  return measures.map(
    (measure) => measure.min + (slack * (measure.preferred - measure.min)) / (preferred - min),
  );
}

/**
 * A column wider than the page on its own: the first column keeps up to a
 * third of the width, the rest share what is left and their words wrap.
 */
function squeeze(measures: Measure[], available: number): number[] {
  const [first, ...rest] = measures;
  if (!first) return [];
  if (rest.length === 0) return [available];
  const firstWidth = Math.min(first.min, available / 3);
  const restMin = sum(rest.map((measure) => measure.min));
  return [firstWidth, ...rest.map((measure) => ((available - firstWidth) * measure.min) / restMin)];
}

/**
 * The largest text size at which the whole table fits across the page; if
 * none does, the smallest size with the columns split into blocks, each
 * repeating the first column so a row can still be read across.
 */
function planTable(doc: Doc, header: string[], body: string[][], available: number): Plan {
  const all = header.map((_, index) => index);
  for (const size of TABLE_SIZES) {
    const widths = fitWidths(measureColumns(doc, header, body, size), available);
    if (widths) return { size, blocks: [{ columns: all, widths }] };
  }
  const size = TABLE_SIZES.at(-1)!;
  const measures = measureColumns(doc, header, body, size);
  const pick = (columns: number[]) => columns.map((column) => measures[column]!);
  const groups: number[][] = [];
  let current: number[] = [];
  for (const column of all.slice(1)) {
    if (current.length > 0 && !fitWidths(pick([0, ...current, column]), available)) {
      groups.push(current);
      current = [];
    }
    current.push(column);
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  // As many blocks as needed, evenly filled, so the last is not a lone column.
  const rest = all.slice(1);
  const even: number[][] = [];
  for (let index = 0, start = 0; index < groups.length; index++) {
    const count = Math.floor(rest.length / groups.length) + (index < rest.length % groups.length ? 1 : 0);
    even.push(rest.slice(start, start + count));
    start += count;
  }
  const balanced = even.every((group) => group.length > 0 && fitWidths(pick([0, ...group]), available))
    ? even
    : groups;
  const blocks = balanced.map((group) => {
    const columns = [0, ...group];
    return { columns, widths: fitWidths(pick(columns), available) ?? squeeze(pick(columns), available) };
  });
  return { size, blocks };
}

/** A column of counts and percentages reads right-aligned. */
function isNumeric(cell: Cell | undefined): boolean {
  if (cell === undefined || typeof cell === 'number') return true;
  return cell === '' || (cell.length <= NO_WRAP_LENGTH && /^[\d<>–+−-]/.test(cell));
}

type Row = { cells: string[]; bold: boolean; totals: boolean };

function rowHeight(doc: Doc, cells: string[], widths: number[], font: string, size: number): number {
  doc.font(font).fontSize(size);
  const heights = cells.map((text, index) =>
    doc.heightOfString(text === '' ? ' ' : text, { width: widths[index]! - 2 * PAD_X }),
  );
  return Math.max(...heights) + 2 * PAD_Y;
}

function drawRow(
  doc: Doc,
  y: number,
  height: number,
  cells: string[],
  widths: number[],
  aligns: ('left' | 'right')[],
  style: { font: string; size: number; fill?: string; ruleAbove?: boolean },
) {
  const width = sum(widths);
  if (style.fill) doc.rect(MARGIN, y, width, height).fill(style.fill);
  if (style.ruleAbove)
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(0.8)
      .strokeColor(MUTED)
      .stroke();
  doc.font(style.font).fontSize(style.size).fillColor(TEXT);
  let x = MARGIN;
  cells.forEach((text, index) => {
    const cellWidth = widths[index]!;
    if (text !== '')
      doc.text(text, x + PAD_X, y + PAD_Y, { width: cellWidth - 2 * PAD_X, align: aligns[index] ?? 'left' });
    x += cellWidth;
  });
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + width, y + height)
    .lineWidth(0.4)
    .strokeColor(RULE)
    .stroke();
  doc.x = MARGIN;
  doc.y = y + height;
}

function tableTitle(doc: Doc, text: string, size: number) {
  doc
    .font(BOLD)
    .fontSize(size)
    .fillColor(TEXT)
    .text(printable(text), MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.25);
}

function drawTable(doc: Doc, table: ReportTable) {
  const header = table.header.map((label) => cellText(label));
  const rows: Row[] = [
    ...table.rows.map((cells) => ({
      cells: header.map((_, i) => cellText(cells[i])),
      bold: false,
      totals: false,
    })),
    ...table.totals.map((cells) => ({
      cells: header.map((_, i) => cellText(cells[i])),
      bold: true,
      totals: true,
    })),
  ];
  const columnAligns = header.map((_, column): 'left' | 'right' =>
    column > 0 && [...table.rows, ...table.totals].every((cells) => isNumeric(cells[column]))
      ? 'right'
      : 'left',
  );
  const plan = planTable(
    doc,
    header,
    rows.map((row) => row.cells),
    contentWidth(doc),
  );
  plan.blocks.forEach((block, blockIndex) => {
    const pick = <T>(values: T[]) => block.columns.map((column) => values[column]!);
    const widths = block.widths;
    const aligns = pick(columnAligns);
    const headerCells = pick(header);
    const headerHeight = rowHeight(doc, headerCells, widths, BOLD, plan.size);
    const bodyRows = rows.map((row) => {
      const cells = pick(row.cells);
      return { ...row, cells, height: rowHeight(doc, cells, widths, row.bold ? BOLD : REGULAR, plan.size) };
    });
    const first = block.columns[1] ?? 0;
    const last = block.columns.at(-1) ?? 0;
    const title =
      blockIndex === 0
        ? table.title
        : `${table.title} (continued: ${first === last ? `column ${first + 1}` : `columns ${first + 1}–${last + 1}`} of ${header.length})`;
    const titleSize = blockIndex === 0 ? TITLE_SIZE : CONTINUED_SIZE;
    doc.font(BOLD).fontSize(titleSize);
    const titleHeight = doc.heightOfString(printable(title), { width: contentWidth(doc) }) + 4;
    // The title, header and first row go together.
    ensureSpace(doc, titleHeight + headerHeight + (bodyRows[0]?.height ?? 0));
    tableTitle(doc, title, titleSize);

    const drawHeader = () =>
      drawRow(doc, doc.y, headerHeight, headerCells, widths, aligns, {
        font: BOLD,
        size: plan.size,
        fill: HEADER_FILL,
      });
    drawHeader();
    for (const [index, row] of bodyRows.entries()) {
      // Never split a row: it moves whole to the next page, under the header again.
      if (doc.y + row.height > pageBottom(doc)) {
        doc.addPage();
        tableTitle(doc, `${table.title} (continued)`, CONTINUED_SIZE);
        drawHeader();
      }
      drawRow(doc, doc.y, row.height, row.cells, widths, aligns, {
        font: row.bold ? BOLD : REGULAR,
        size: plan.size,
        ruleAbove: row.totals && (index === 0 || !bodyRows[index - 1]!.totals),
      });
    }
    doc.moveDown(0.6);
  });

  for (const note of table.notes) paragraph(doc, note, { size: NOTE_SIZE, color: MUTED });
  doc.moveDown(0.4);
}

// Sections -----------------------------------------------------------------

function themes(doc: Doc, title: string, summaries: ThemeSummary[]) {
  heading(doc, title, 11);
  if (summaries.length === 0) {
    paragraph(doc, 'None recorded.', { color: MUTED });
    return;
  }
  for (const theme of summaries) {
    ensureSpace(doc, BODY_SIZE * 3);
    doc
      .font(BOLD)
      .fontSize(BODY_SIZE)
      .fillColor(TEXT)
      .text(printable(`${theme.label} (${theme.count})`), MARGIN, doc.y, { width: contentWidth(doc) });
    doc.moveDown(0.2);
    for (const example of theme.examples.slice(0, EXAMPLES_PER_THEME))
      doc
        .font(REGULAR)
        .fontSize(9)
        .fillColor(MUTED)
        .text(printable(`“${example}”`), MARGIN + 12, doc.y, { width: contentWidth(doc) - 12 });
    doc.moveDown(0.5);
  }
}

function footers(doc: Doc, left: string) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // The footer sits in the bottom margin; with the margin left in place pdfkit would start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 14;
    const width = contentWidth(doc);
    doc.font(REGULAR).fontSize(8).fillColor(MUTED);
    doc.text(printable(left), MARGIN, y, { width: width - 90, lineBreak: false, height: 10, ellipsis: true });
    doc.text(`Page ${index - range.start + 1} of ${range.count}`, MARGIN + width - 90, y, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * A new A4 document in the report's style with its title printed at the top,
 * and the promise of its bytes once `doc.end()` is called.
 */
function openDocument(meta: { title: string; subject: string; layout: 'portrait' | 'landscape' }): {
  doc: Doc;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    layout: meta.layout,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    displayTitle: true,
    lang: 'en-GB',
    font: REGULAR,
    info: { Title: meta.title, Author: 'Threshold', Subject: meta.subject },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc
    .font(BOLD)
    .fontSize(18)
    .fillColor(TEXT)
    .text(printable(meta.title), MARGIN, MARGIN, { width: contentWidth(doc) });
  doc.moveDown(0.2);
  return { doc, done };
}

export async function reportPdf(report: AuditReport, tables: ReportTable[]): Promise<Buffer> {
  const title = `${report.audit.name}: summary report`;
  const { doc, done } = openDocument({
    title,
    subject: `${report.scope.label} audit report`,
    layout: 'portrait',
  });
  paragraph(doc, report.scope.label === 'National' ? 'National' : `Service area ${report.scope.label}`, {
    font: BOLD,
    size: 11,
  });
  paragraph(
    doc,
    `Work filed ${formatDate(report.audit.windowFrom)} to ${formatDate(report.audit.windowTo)} · graded against ${report.audit.thresholdVersionLabel}`,
    { color: MUTED, size: 9 },
  );
  paragraph(doc, reconciliationSentence(report.reconciliation));

  const narrative: [string, string][] = [
    ['Strengths', report.narrative.strengths],
    ['Learning', report.narrative.learning],
    ['Conclusion', report.narrative.conclusion],
    ['Next steps', report.narrative.nextSteps],
  ];
  for (const [label, text] of narrative) {
    const parts = paragraphs(text);
    if (parts.length === 0) continue;
    heading(doc, label);
    for (const part of parts) paragraph(doc, part);
  }

  // The page's Fig. 1–3 charts, drawn above their tables (a chart with every bar hidden is left out, as on the page).
  const charts = new Map(reportCharts(report).map((chart) => [chart.tableId, chart]));
  const series = report.groups.map((group) => ({ key: group.key, label: group.label }));
  for (const table of tables) {
    const chart = charts.get(table.id);
    if (chart && chart.rows.length > 0) {
      ensureSpace(doc, TITLE_SIZE * 2 + chartHeight(chart.rows.length));
      tableTitle(doc, `Chart: ${chart.title}`, TITLE_SIZE);
      doc.y += drawGradeShareChart(
        doc,
        { rows: chart.rows, series },
        { left: MARGIN, top: doc.y, width: contentWidth(doc) },
        printable,
      );
      doc.x = MARGIN;
      doc.moveDown(0.5);
    }
    drawTable(doc, table);
  }

  heading(doc, 'Challenges and benchmarking');
  paragraph(doc, report.challengeSentence);
  paragraph(doc, report.benchmarkingSentence);

  heading(doc, 'Key themes');
  themes(doc, 'Strengths', report.strengths);
  themes(doc, 'Learning points', report.learningPoints);

  footers(doc, `${report.audit.name} — ${report.scope.label}`);
  doc.end();
  return done;
}

// Any printout built from ReportTables -------------------------------------

/** A block of a printed section: a sentence, a chart (drawn by the caller's pdfkit code) or a table. */
export type PdfBlock =
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | {
      kind: 'chart';
      title: string;
      height: number;
      draw: (
        doc: Doc,
        area: { left: number; top: number; width: number },
        text: (value: string) => string,
      ) => void;
    }
  | { kind: 'table'; table: ReportTable };

export type PdfSection = { heading: string; blocks: PdfBlock[] };

/**
 * A document of sections in the report's style (the board pack prints with
 * it): a title, lines under it, then each section's sentences, charts and
 * tables, a chart kept whole on its page above the table it illustrates.
 */
export async function sectionsPdf(
  meta: { title: string; lines: string[]; footer: string; subject: string },
  sections: PdfSection[],
): Promise<Buffer> {
  const { doc, done } = openDocument({ title: meta.title, subject: meta.subject, layout: 'portrait' });
  for (const line of meta.lines) paragraph(doc, line, { color: MUTED, size: 9 });
  for (const section of sections) {
    heading(doc, section.heading);
    for (const block of section.blocks) {
      if (block.kind === 'paragraph')
        paragraph(doc, block.text, block.muted ? { color: MUTED, size: 9 } : {});
      else if (block.kind === 'table') drawTable(doc, block.table);
      else {
        ensureSpace(doc, TITLE_SIZE * 2 + block.height);
        tableTitle(doc, `Chart: ${block.title}`, TITLE_SIZE);
        const top = doc.y;
        block.draw(doc, { left: MARGIN, top, width: contentWidth(doc) }, printable);
        doc.x = MARGIN;
        doc.y = top + block.height;
        doc.moveDown(0.5);
      }
    }
  }
  footers(doc, meta.footer);
  doc.end();
  return done;
}

/**
 * Any titled set of sentences and tables as a PDF in the report's style (the
 * QA overview prints through this): a title, a subtitle, the sentences, then
 * every table, with page footers.
 */
export async function tablesPdf(input: {
  title: string;
  subtitle: string;
  sentences: string[];
  tables: ReportTable[];
}): Promise<Buffer> {
  const { doc, done } = openDocument({ title: input.title, subject: input.subtitle, layout: 'landscape' });
  paragraph(doc, input.subtitle, { font: BOLD, size: 11 });
  for (const sentence of input.sentences) paragraph(doc, sentence);
  for (const table of input.tables) drawTable(doc, table);
  footers(doc, input.title);
  doc.end();
  return done;
}
