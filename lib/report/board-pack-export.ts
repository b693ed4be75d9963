// The board pack as a PDF (charts beside their tables, as the report prints)
// and as a workbook, from the same tables as its page.
import 'server-only';
import type { BoardPackView } from '@/lib/domain/board-pack';
import { formatDate } from '@/lib/domain/dates';
import type { AuditReport } from '@/lib/domain/report-view';
import { boardPackTables } from './board-pack-tables';
import { reportCharts } from './charts';
import { chartHeight, drawGradeShareChart } from './pdf-charts';
import { drawFunnelChart, FUNNEL_CHART_HEIGHT } from './pdf-funnel';
import { sectionsPdf, type PdfBlock, type PdfSection } from './pdf';
import type { ReportTable } from './tables';
import { tablesWorkbook } from './xlsx';

export function boardPackTitle(view: BoardPackView): string {
  return `Board pack, ${formatDate(view.date)}`;
}

export function boardPackFileName(view: BoardPackView, extension: 'pdf' | 'xlsx'): string {
  return `board-pack-${view.date}.${extension}`;
}

export async function boardPackPdf(view: BoardPackView, report: AuditReport | null): Promise<Buffer> {
  const tables = boardPackTables(view, report);
  const byId = (id: string) => tables.find((table) => table.id === id);
  const tableBlock = (table: ReportTable | undefined): PdfBlock[] =>
    table ? [{ kind: 'table', table }] : [];
  const series = report?.groups.map((group) => ({ key: group.key, label: group.label })) ?? [];
  const charts = new Map(report ? reportCharts(report).map((chart) => [chart.tableId, chart] as const) : []);
  const shareChart = (tableId: string): PdfBlock[] => {
    const chart = charts.get(tableId);
    if (!chart || chart.rows.length === 0) return [];
    return [
      {
        kind: 'chart',
        title: chart.title.replace(/ \(Fig\. \d\)$/, ''),
        height: chartHeight(chart.rows.length),
        draw: (doc, area, text) => drawGradeShareChart(doc, { rows: chart.rows, series }, area, text),
      },
    ];
  };
  const sections: PdfSection[] = [
    {
      heading: 'Headline audit figures',
      blocks:
        report && view.audit
          ? [
              {
                kind: 'paragraph',
                text: `${view.audit.name}: ${report.total} graded cases, work filed up to ${formatDate(view.audit.windowTo)}.`,
              },
              ...shareChart('fig-1-overall'),
              ...tableBlock(byId('headline')),
              ...shareChart('fig-3-service-area'),
              ...tableBlock(byId('areas')),
            ]
          : [
              {
                kind: 'paragraph',
                text: `No national audit had been published by ${formatDate(view.date)}.`,
              },
            ],
    },
    {
      heading: 'Recommendations by status',
      blocks: view.byStatus.flatMap((group): PdfBlock[] =>
        group.recommendations.length === 0
          ? [{ kind: 'paragraph', text: `No ${group.label.toLowerCase()} recommendations.` }]
          : tableBlock(byId(`recommendations-${group.status.toLowerCase()}`)),
      ),
    },
    {
      heading: 'Overdue actions',
      blocks:
        view.overdueActions.length === 0
          ? [{ kind: 'paragraph', text: `No action was overdue on ${formatDate(view.date)}.` }]
          : tableBlock(byId('overdue-actions')),
    },
    {
      heading: 'Outlier teams',
      blocks: view.funnels.flatMap((funnel, index): PdfBlock[] => [
        ...(view.outliers[index]?.areas ?? []).map((area): PdfBlock => ({
          kind: 'paragraph',
          text: `${area.areaCode}: ${area.sentences.join('; ')}`,
        })),
        ...(funnel.p0 === null
          ? []
          : [
              {
                kind: 'chart' as const,
                title: `Funnel plot: % ${funnel.shareLabel}, every team`,
                height: FUNNEL_CHART_HEIGHT,
                draw: (
                  doc: PDFKit.PDFDocument,
                  area: { left: number; top: number; width: number },
                  text: (value: string) => string,
                ) => drawFunnelChart(doc, funnel, area, text),
              },
            ]),
        ...tableBlock(byId(`outliers-${index + 1}`)),
      ]),
    },
  ];
  return sectionsPdf(
    {
      title: boardPackTitle(view),
      lines: [
        'As things stood on the date: the latest national audit published by then, each recommendation’s latest judgement made by then, and the actions overdue on that day.',
      ],
      footer: boardPackTitle(view),
      subject: 'Board pack',
    },
    sections,
  );
}

export async function boardPackWorkbook(view: BoardPackView, report: AuditReport | null): Promise<Buffer> {
  const overdue = view.overdueActions.length;
  return tablesWorkbook(
    boardPackTitle(view),
    [
      ['Date', view.date],
      ['Latest national audit', view.audit?.name ?? 'None published by then'],
      ['Graded cases', report?.total ?? 0],
      [
        'Recommendations',
        view.byStatus
          .map((group) => `${group.recommendations.length} ${group.label.toLowerCase()}`)
          .join(', '),
      ],
      ['Overdue actions', overdue],
      [
        'Outlier teams',
        view.outliers
          .map(
            (entry) =>
              `${entry.areas.reduce((sum, area) => sum + area.sentences.length, 0)} on % ${entry.shareLabel}`,
          )
          .join(', '),
      ],
    ],
    boardPackTables(view, report),
  );
}
