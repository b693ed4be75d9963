// A funnel plot drawn into a PDF with pdfkit's vector shapes: the 95% (dashed)
// and 99.8% (solid) limits, the centre line, each team a dot, outliers a
// labelled diamond. The same TeamFunnel as the page's chart and table.
import 'server-only';
import type { TeamFunnel } from '@/lib/domain/improvement-plan';

type Doc = PDFKit.PDFDocument;

export const FUNNEL_CHART_HEIGHT = 210;
const AXIS_LEFT = 34;
const AXIS_BOTTOM = 26;
const LEGEND_HEIGHT = 14;
const LIMIT_95 = '#b45309';
const LIMIT_998 = '#1e3a8a';
const POINT = '#334155';
const OUTLIER = '#b91c1c';

export function drawFunnelChart(
  doc: Doc,
  funnel: TeamFunnel,
  area: { left: number; top: number; width: number },
  text: (value: string) => string,
): void {
  if (funnel.p0 === null || funnel.lines.length === 0) return;
  const plotLeft = area.left + AXIS_LEFT;
  const plotTop = area.top + LEGEND_HEIGHT + 4;
  const plotWidth = area.width - AXIS_LEFT - 10;
  const plotHeight = FUNNEL_CHART_HEIGHT - LEGEND_HEIGHT - AXIS_BOTTOM - 4;
  const maxN = funnel.lines.at(-1)!.n;
  const x = (n: number) => plotLeft + (plotWidth * n) / maxN;
  const y = (share: number) => plotTop + plotHeight * (1 - Math.max(0, Math.min(1, share)));
  doc.save();

  // Legend.
  doc.font('Helvetica').fontSize(7.5);
  let legendX = plotLeft;
  const legend: [string, string, number[] | null][] = [
    ['95% limits', LIMIT_95, [4, 2]],
    ['99.8% limits', LIMIT_998, null],
    ['Centre', POINT, [1, 2]],
  ];
  for (const [label, colour, dash] of legend) {
    doc.lineWidth(1.2).strokeColor(colour);
    if (dash) doc.dash(dash[0]!, { space: dash[1]! });
    doc
      .moveTo(legendX, area.top + 6)
      .lineTo(legendX + 16, area.top + 6)
      .stroke();
    doc.undash();
    doc.fillColor('#000000').text(text(label), legendX + 19, area.top + 2, { lineBreak: false });
    legendX += 19 + doc.widthOfString(text(label)) + 14;
  }
  doc.circle(legendX + 3, area.top + 6, 2.5).fill(POINT);
  doc.fillColor('#000000').text(text('Team'), legendX + 9, area.top + 2, { lineBreak: false });
  legendX += 9 + doc.widthOfString('Team') + 14;
  doc.rect(legendX, area.top + 3.5, 5, 5).fill(OUTLIER);
  doc.fillColor('#000000').text(text('Outside a limit'), legendX + 9, area.top + 2, { lineBreak: false });

  // Axes and grid.
  doc.lineWidth(0.4).strokeColor('#cccccc');
  for (const tick of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    doc
      .moveTo(plotLeft, y(tick))
      .lineTo(plotLeft + plotWidth, y(tick))
      .stroke();
    doc
      .fillColor('#444444')
      .fontSize(6.5)
      .text(`${tick * 100}%`, area.left, y(tick) - 3, {
        width: AXIS_LEFT - 4,
        align: 'right',
        lineBreak: false,
      });
  }
  const step = Math.max(1, Math.ceil(maxN / 10 / 5) * 5);
  for (let n = 0; n <= maxN; n += step)
    doc
      .fillColor('#444444')
      .fontSize(6.5)
      .text(String(n), x(n) - 10, plotTop + plotHeight + 3, { width: 20, align: 'center', lineBreak: false });
  doc.fontSize(7).text(text('Graded cases in the team'), plotLeft, plotTop + plotHeight + 13, {
    width: plotWidth,
    align: 'center',
    lineBreak: false,
  });

  // Limits and centre.
  const line = (values: number[], colour: string, dash: [number, number] | null) => {
    doc.lineWidth(1).strokeColor(colour);
    if (dash) doc.dash(dash[0], { space: dash[1] });
    funnel.lines.forEach((limit, index) => {
      const px = x(limit.n);
      const py = y(values[index]!);
      if (index === 0) doc.moveTo(px, py);
      else doc.lineTo(px, py);
    });
    doc.stroke();
    doc.undash();
  };
  line(
    funnel.lines.map((limit) => limit.upper998),
    LIMIT_998,
    null,
  );
  line(
    funnel.lines.map((limit) => limit.lower998),
    LIMIT_998,
    null,
  );
  line(
    funnel.lines.map((limit) => limit.upper95),
    LIMIT_95,
    [4, 2],
  );
  line(
    funnel.lines.map((limit) => limit.lower95),
    LIMIT_95,
    [4, 2],
  );
  doc.lineWidth(0.8).strokeColor(POINT).dash(1, { space: 2 });
  doc
    .moveTo(plotLeft, y(funnel.p0))
    .lineTo(plotLeft + plotWidth, y(funnel.p0))
    .stroke();
  doc.undash();

  // Teams.
  for (const point of funnel.points) {
    const px = x(point.n);
    const py = y(point.count / point.n);
    if (point.standing === 'within') doc.circle(px, py, 2.2).fill(POINT);
    else {
      doc.polygon([px, py - 3.5], [px + 3.5, py], [px, py + 3.5], [px - 3.5, py]).fill(OUTLIER);
      doc
        .fillColor('#000000')
        .fontSize(6.5)
        .text(text(point.label), px + 5, py - 3, { lineBreak: false });
    }
  }
  doc.restore();
}
