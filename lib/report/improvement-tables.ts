// The improvement plan's and the board pack's tables, built once: the pages,
// the XLSX and the PDF print these, so no two of them can disagree.
import { formatDate } from '@/lib/domain/dates';
import { standingWords, type FunnelPoint } from '@/lib/domain/funnel';
import type { PlanActionView, TeamFunnel } from '@/lib/domain/improvement-plan';
import { formatInterval, formatPercent, wilsonInterval } from '@/lib/domain/report';
import type { AuditReport } from '@/lib/domain/report-view';
import type { ReportTable } from './tables';

const percentOf = (share: number) => `${Math.round(share * 1000) / 10}%`;
const limitText = (low: number, high: number) => `${percentOf(low)} to ${percentOf(high)}`;

/** An area's (or the nation's) grades in one audit: count, % and the 95% Wilson interval of each. */
export function gradeFiguresTable(
  report: Pick<AuditReport, 'overall' | 'total' | 'scope' | 'audit'>,
  id: string,
): ReportTable {
  const total = report.overall.total;
  return {
    id,
    title: `${report.audit.name}: ${report.scope.label === 'National' ? 'national figures' : report.scope.label}`,
    header: ['Grade', 'Cases', '%', '95% interval'],
    rows: report.overall.cells.map((cell) => [
      cell.label,
      cell.count,
      formatPercent(cell.count, total),
      formatInterval(wilsonInterval(cell.count, total)),
    ]),
    totals: [['Total', total, total > 0 ? '100%' : '–', '']],
    notes: [
      'The 95% interval (Wilson) is the range the share would be expected to fall in with another sample of the same size.',
    ],
  };
}

/** The grades of every area in one audit, % Good or above with its interval (the board pack's Fig. 3). */
export function areaFiguresTable(
  report: Pick<AuditReport, 'byServiceArea' | 'groups' | 'lowestLabel'>,
): ReportTable {
  const good = report.groups.find((group) => group.isGoodOrAbove);
  return {
    id: 'areas',
    title: 'By service area',
    header: [
      'Service area',
      'Cases',
      `% ${good?.label ?? 'Good'}`,
      '95% interval',
      `% ${report.lowestLabel}`,
    ],
    rows: report.byServiceArea.map((row) => [
      row.label,
      row.total,
      formatPercent(row.goodOrAbove, row.total),
      formatInterval(row.goodInterval),
      formatPercent(row.lowest, row.total),
    ]),
    totals: [],
    notes: [],
  };
}

export function actionsTable(
  actions: (PlanActionView & { recommendation: string })[],
  id: string,
  title: string,
): ReportTable {
  return {
    id,
    title,
    header: ['Priority', 'Action', 'Owner', 'Due', 'Status', 'Overdue'],
    rows: actions.map((action) => [
      action.recommendation,
      action.description,
      action.ownerName,
      formatDate(action.dueOn),
      action.status === 'DROPPED' && action.droppedReason
        ? `${action.statusLabel}: ${action.droppedReason}`
        : action.statusLabel,
      action.isOverdue ? `${action.daysOverdue} day${action.daysOverdue === 1 ? '' : 's'}` : '',
    ]),
    totals: [],
    notes: [],
  };
}

/** A funnel plot's figures: each team, its share, the limits for its size and where it stands. */
export function funnelTable(funnel: TeamFunnel, id: string, title: string): ReportTable {
  const row = (point: FunnelPoint) => [
    point.label,
    point.n,
    point.count,
    formatPercent(point.count, point.n),
    limitText(point.limits.lower95, point.limits.upper95),
    limitText(point.limits.lower998, point.limits.upper998),
    standingWords(point.standing),
  ];
  const notes = [
    funnel.p0 === null
      ? 'No graded cases to compare.'
      : `Limits drawn around ${funnel.centreLabel}; exact binomial limits (Spiegelhalter, 2005). Teams are listed by name, not ranked.`,
  ];
  if (funnel.smallTeamsLeftOut > 0)
    notes.push(
      `${funnel.smallTeamsLeftOut} team${funnel.smallTeamsLeftOut === 1 ? '' : 's'} with too few graded cases to show a percentage ${funnel.smallTeamsLeftOut === 1 ? 'is' : 'are'} left out.`,
    );
  return {
    id,
    title,
    header: ['Team', 'Cases', funnel.shareLabel, '%', '95% limits', '99.8% limits', 'Standing'],
    rows: funnel.points.map(row),
    totals: [],
    notes,
  };
}
