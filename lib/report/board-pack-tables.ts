// The board pack's tables, once, for its page, XLSX and PDF.
import type { BoardPackView } from '@/lib/domain/board-pack';
import { judgementWords } from '@/lib/domain/board-pack';
import { formatDate } from '@/lib/domain/dates';
import { standingWords } from '@/lib/domain/funnel';
import { ACTION_STATUS_LABELS, type TeamFunnel } from '@/lib/domain/improvement-plan';
import { formatPercent } from '@/lib/domain/report';
import type { AuditReport } from '@/lib/domain/report-view';
import { areaFiguresTable, gradeFiguresTable } from './improvement-tables';
import type { ReportTable } from './tables';

export function recommendationsTable(group: BoardPackView['byStatus'][number]): ReportTable {
  return {
    id: `recommendations-${group.status.toLowerCase()}`,
    title: `${group.label} recommendations (${group.recommendations.length})`,
    header: ['Source', 'No.', 'Recommendation', 'Owner', 'Due', 'Latest judgement', 'Measures'],
    rows: group.recommendations.map((rec) => [
      rec.areaCode ? `${rec.sourceTitle} (${rec.areaCode})` : rec.sourceTitle,
      rec.number,
      rec.text,
      rec.ownerName ?? '',
      rec.dueOn ? formatDate(rec.dueOn) : '',
      judgementWords(rec.judgement, formatDate),
      rec.measureSentences.join('; '),
    ]),
    totals: [],
    notes: [],
  };
}

export function overdueActionsTable(view: BoardPackView): ReportTable {
  return {
    id: 'overdue-actions',
    title: `Overdue actions on ${formatDate(view.date)} (${view.overdueActions.length})`,
    header: ['Source', 'No.', 'Action', 'Owner', 'Due', 'Days overdue', 'Status'],
    rows: view.overdueActions.map((action) => [
      action.areaCode ? `${action.sourceTitle} (${action.areaCode})` : action.sourceTitle,
      action.recommendationNumber,
      action.description,
      action.ownerName,
      formatDate(action.dueOn),
      action.daysOverdue,
      ACTION_STATUS_LABELS[action.status],
    ]),
    totals: [],
    notes: ['Due before the date and neither done nor dropped.'],
  };
}

/** The teams outside a limit, area by area: words for the board, not a ranking. */
export function outlierTeamsTable(funnel: TeamFunnel, index: number): ReportTable {
  return {
    id: `outliers-${index + 1}`,
    title: `Outlier teams: % ${funnel.shareLabel}`,
    header: ['Service area', 'Team', 'Cases', `% ${funnel.shareLabel}`, 'Standing'],
    rows: funnel.outliers
      .map((point) => [
        funnel.teamAreas[point.id] ?? '',
        point.label,
        point.n,
        formatPercent(point.count, point.n),
        standingWords(point.standing),
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'en-GB', { numeric: true })),
    totals: [],
    notes: [
      funnel.p0 === null
        ? 'No graded cases to compare.'
        : `Each team against limits drawn around ${funnel.centreLabel} (exact binomial, Spiegelhalter 2005); teams within both limits are not listed.`,
      ...(funnel.smallTeamsLeftOut > 0
        ? [`${funnel.smallTeamsLeftOut} teams with too few graded cases to show a percentage are left out.`]
        : []),
    ],
  };
}

export function boardPackTables(view: BoardPackView, report: AuditReport | null): ReportTable[] {
  return [
    ...(report ? [gradeFiguresTable(report, 'headline'), areaFiguresTable(report)] : []),
    ...view.byStatus.map(recommendationsTable),
    overdueActionsTable(view),
    ...view.funnels.map((funnel, index) => outlierTeamsTable(funnel, index)),
  ];
}
