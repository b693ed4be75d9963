// The report's grade-share charts drawn into the PDF with pdfkit's own
// vector shapes (no browser on the server): a stacked bar per group, a
// legend and a 0–100% axis, the same rows the page's charts show.
import 'server-only';
import type { ShareRow } from './charts';

type Doc = PDFKit.PDFDocument;

// The page's colours (components/reports/report-charts.tsx): 3:1 against white.
const COLOURS = ['#14532d', '#15803d', '#b45309', '#b91c1c', '#1e3a8a'];
const GRADE_COLOURS: Record<number, string[]> = {
  3: ['#15803d', '#b45309', '#b91c1c'],
  4: ['#14532d', '#15803d', '#b45309', '#b91c1c'],
};
const LABEL_WIDTH = 110;
const BAR_HEIGHT = 12;
const ROW_GAP = 4;
const LEGEND_HEIGHT = 14;
const AXIS_HEIGHT = 14;
const TICKS = [0, 20, 40, 60, 80, 100];

/** The height a chart of `rows` takes, so the caller can keep it on one page. */
export function chartHeight(rows: number): number {
  return LEGEND_HEIGHT + rows * (BAR_HEIGHT + ROW_GAP) + AXIS_HEIGHT + 6;
}

/** Draws the chart at (left, top) across `width`; returns the height used. */
export function drawGradeShareChart(
  doc: Doc,
  chart: { rows: ShareRow[]; series: { key: string; label: string }[] },
  area: { left: number; top: number; width: number },
  text: (value: string) => string,
): number {
  const colours = GRADE_COLOURS[chart.series.length] ?? COLOURS;
  const barLeft = area.left + LABEL_WIDTH;
  const barWidth = area.width - LABEL_WIDTH;
  doc.save();
  let x = barLeft;
  doc.fontSize(7.5).font('Helvetica');
  chart.series.forEach((entry, index) => {
    doc.rect(x, area.top + 2, 8, 8).fill(colours[index % colours.length] ?? '#444444');
    doc.fillColor('#000000').text(text(entry.label), x + 11, area.top + 2, { lineBreak: false });
    x += 11 + doc.widthOfString(text(entry.label)) + 14;
  });
  let y = area.top + LEGEND_HEIGHT;
  for (const row of chart.rows) {
    doc
      .fillColor('#000000')
      .fontSize(7.5)
      .text(text(row.label), area.left, y + 2, { width: LABEL_WIDTH - 6, lineBreak: false, ellipsis: true });
    let segment = barLeft;
    chart.series.forEach((entry, index) => {
      const value = row[entry.key];
      const share = typeof value === 'number' ? Math.max(0, Math.min(100, value)) : 0;
      const widthOf = (barWidth * share) / 100;
      if (widthOf > 0)
        doc.rect(segment, y, widthOf, BAR_HEIGHT).fill(colours[index % colours.length] ?? '#444444');
      segment += widthOf;
    });
    y += BAR_HEIGHT + ROW_GAP;
  }
  doc.lineWidth(0.5).strokeColor('#888888');
  for (const tick of TICKS) {
    const tickX = barLeft + (barWidth * tick) / 100;
    doc
      .moveTo(tickX, y)
      .lineTo(tickX, y + 3)
      .stroke();
    doc
      .fillColor('#444444')
      .fontSize(6.5)
      .text(`${tick}%`, tickX - 10, y + 4, { width: 20, align: 'center', lineBreak: false });
  }
  doc
    .moveTo(barLeft, y)
    .lineTo(barLeft + barWidth, y)
    .stroke();
  doc.restore();
  return chartHeight(chart.rows.length);
}
