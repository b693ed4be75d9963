// Every table of an audit report, once: the page, the CSV and XLSX exports
// and the PDF all print these, so no two of them can disagree.
import type { AuditReport } from '@/lib/domain/report-view';
import { suppressedGroups } from '@/lib/domain/dashboard';
import {
  formatChange,
  formatInterval,
  formatPercent,
  MIN_CASES_TO_COMPARE,
  totalsRow,
  wilsonInterval,
  type GradeRow,
  type Reconciliation,
} from '@/lib/domain/report';

/**
 * What the page, the workbook and the PDF say about the tables adding up; the
 * page, which prints it above its tables, says "every table below".
 */
export function reconciliationSentence(
  reconciliation: Reconciliation,
  options: { below?: boolean } = {},
): string {
  const cases = `${reconciliation.gradedCases.toLocaleString('en-GB')} graded case${reconciliation.gradedCases === 1 ? '' : 's'}`;
  if (reconciliation.agrees)
    return `Every table${options.below ? ' below' : ''} counts the same ${cases}, using each case’s final grade (after challenges). Percentages are rounded one by one, so a row may add up to 99% or 101%.`;
  return `These tables do not agree with the ${cases}: ${reconciliation.mismatches.join('; ')}.`;
}

export type Cell = string | number;
export type ReportTable = {
  id: string;
  title: string;
  header: string[];
  rows: Cell[][];
  /** Totals, printed bold and kept apart from the rows. */
  totals: Cell[][];
  notes: string[];
  /** On screen only: a colour per cell (red / amber / green, heat-map bands), always beside its text. */
  tones?: (Tone | null)[][];
  /** On screen only: where each row's first cell leads (drill-down). */
  rowLinks?: (string | null)[];
  /** On screen only: a hover title per cell, e.g. the rule behind a colour. */
  titles?: (string | null)[][];
};

export type Tone = 'green' | 'amber' | 'red' | 'heat-1' | 'heat-2' | 'heat-3' | 'heat-4';

/** What a hidden figure's cell says; the table's note says why. */
export const NOT_SHOWN = 'hidden';

/**
 * The groups (rows, or cells of one row) of a table whose figures this reader
 * does not see: the dashboards' small-group rule (groupShare, through
 * suppressedGroups), where the report applies it. A hidden group shows only its
 * number of cases; `totals` are the groups' numbers of cases, in order.
 */
export function hiddenGroups(
  report: Pick<AuditReport, 'smallGroups'>,
  totals: readonly number[],
): Set<number> {
  return report.smallGroups ? suppressedGroups(totals, report.smallGroups) : new Set();
}

/** Whether one figure on its own (an audit, an indicator, a table's total) is hidden. */
export function isHidden(report: Pick<AuditReport, 'smallGroups'>, total: number): boolean {
  return hiddenGroups(report, [total]).size > 0;
}

/** A percentage as the report prints it, or NOT_SHOWN. */
export function percentText(report: Pick<AuditReport, 'smallGroups'>, count: number, total: number): string {
  return isHidden(report, total) ? NOT_SHOWN : formatPercent(count, total);
}

/** The page's and the tables' sentence on hidden figures, or null when the reader sees every figure. */
export function smallGroupSentence(report: Pick<AuditReport, 'smallGroups'>): string | null {
  if (!report.smallGroups) return null;
  const floor = report.smallGroups.minGroupSize;
  return `A group of fewer than ${floor} graded cases shows only its number of cases, as on the dashboards: one case moves its percentage by ${Math.ceil(100 / floor)} points or more, and in a small team its grades can point to one practitioner. Where that would leave one group hidden, the next smallest is hidden too, so its figures cannot be worked out from the total. Totals are complete, so every table still adds up.`;
}

/** Adds the small-group note to a table that hid something. */
function withSmallGroupNote(report: AuditReport, table: ReportTable, hidSomething: boolean): ReportTable {
  const sentence = smallGroupSentence(report);
  if (!sentence || !hidSomething) return table;
  return { ...table, notes: [...table.notes, sentence] };
}

function gradeCells(row: GradeRow, hidden: boolean): Cell[] {
  if (hidden) return row.cells.flatMap(() => [NOT_SHOWN, NOT_SHOWN]);
  return row.cells.flatMap((cell) => [cell.count, cell.display]);
}

/** A Total row added up from the table's own rows, so a wrong total cannot hide (seed 000's Fig. 2 could). */
function totalOf(report: AuditReport, rows: GradeRow[]): GradeRow {
  return totalsRow(report.scale, rows);
}

function gradeHeader(report: AuditReport): string[] {
  return report.groups.flatMap((group) => [group.label, `% ${group.label}`]);
}

export function overallTable(report: AuditReport): ReportTable {
  // The audit and the earlier one are not parts of one whole: each is judged alone.
  const hidden = isHidden(report, report.total);
  const earlierHidden = report.earlier !== null && isHidden(report, report.earlier.overall.total);
  const rows: Cell[][] = [[report.audit.name, report.total, ...gradeCells(report.overall, hidden)]];
  if (report.earlier)
    rows.push([
      report.earlier.name,
      report.earlier.overall.total,
      ...gradeCells(report.earlier.overall, earlierHidden),
    ]);
  const notes: string[] = [];
  const good = report.groups.find((group) => group.isGoodOrAbove);
  if (report.audit.goodOrAboveTarget !== null && good)
    notes.push(
      `Target: ${report.audit.goodOrAboveTarget}% ${good.label}${report.audit.targetDate ? ` by ${report.audit.targetDate}` : ''}.`,
    );
  if (report.audit.lowestTarget !== null)
    notes.push(`Target: no more than ${report.audit.lowestTarget}% ${report.lowestLabel}.`);
  if (report.earlier && report.changeInGood !== null && !hidden && !earlierHidden)
    notes.push(
      `Change since ${report.earlier.name}: ${formatChange(report.changeInGood)} ${good?.label ?? 'Good'}, ${formatChange(report.changeInLowest)} ${report.lowestLabel}.`,
    );
  return withSmallGroupNote(
    report,
    {
      id: 'fig-1-overall',
      title: 'Fig. 1 Overall audit figures',
      header: ['Audit', 'Cases', ...gradeHeader(report)],
      rows,
      totals: [],
      notes,
    },
    hidden || earlierHidden,
  );
}

export function lawTypeTable(report: AuditReport): ReportTable {
  const hidden = hiddenGroups(
    report,
    report.byLawType.map((row) => row.total),
  );
  const total = totalOf(report, report.byLawType);
  const totalHidden = isHidden(report, total.total);
  return withSmallGroupNote(
    report,
    {
      id: 'fig-2-law-type',
      title: 'Fig. 2 By law type',
      header: ['Law type', 'Cases', '% of cases', ...gradeHeader(report)],
      rows: report.byLawType.map((row, index) => [
        row.label,
        row.total,
        percentText(report, row.total, report.total),
        ...gradeCells(row, hidden.has(index)),
      ]),
      totals: [
        [
          'Total',
          total.total,
          percentText(report, total.total, report.total),
          ...gradeCells(total, totalHidden),
        ],
      ],
      notes: [],
    },
    hidden.size > 0 || totalHidden,
  );
}

export function serviceAreaTable(report: AuditReport): ReportTable {
  const good = report.groups.find((group) => group.isGoodOrAbove)?.label ?? 'Good';
  const hidden = hiddenGroups(
    report,
    report.byServiceArea.map((row) => row.total),
  );
  const total = totalOf(report, report.byServiceArea);
  const totalHidden = isHidden(report, total.total);
  const changeHidden =
    totalHidden || (report.earlier !== null && isHidden(report, report.earlier.overall.total));
  const tooFew = report.byServiceArea
    .filter((row, index) => row.tooFewToCompare && !hidden.has(index))
    .map((row) => row.label);
  return withSmallGroupNote(
    report,
    {
      id: 'fig-3-service-area',
      title: 'Fig. 3 By service area',
      header: [
        'Service area',
        'Cases',
        ...gradeHeader(report),
        `Change in % ${good}`,
        `95% interval for % ${good}`,
        'Note',
      ],
      rows: report.byServiceArea.map((row, index) => [
        row.label,
        row.total,
        ...gradeCells(row, hidden.has(index)),
        hidden.has(index) ? NOT_SHOWN : formatChange(row.changeInGood),
        hidden.has(index) ? NOT_SHOWN : formatInterval(row.goodInterval),
        row.tooFewToCompare ? 'Too few cases to compare' : '',
      ]),
      totals: [
        [
          'Total',
          total.total,
          ...gradeCells(total, totalHidden),
          changeHidden ? NOT_SHOWN : formatChange(report.changeInGood),
          totalHidden ? NOT_SHOWN : formatInterval(wilsonInterval(report.overall.goodOrAbove, report.total)),
          '',
        ],
      ],
      notes: [
        ...(report.earlier ? [`Change is in percentage points since ${report.earlier.name}.`] : []),
        ...(tooFew.length > 0
          ? [
              `${tooFew.join(', ')}: fewer than ${MIN_CASES_TO_COMPARE} cases, so the interval is wide; do not rank these areas on this figure.`,
            ]
          : []),
      ],
    },
    hidden.size > 0 || totalHidden,
  );
}

export function childrenSeenTable(report: AuditReport): ReportTable {
  const line = (row: AuditReport['childrenSeen']['total'], hidden: boolean): Cell[] => {
    const notSeen = row.notSeenReasonRecorded + row.notSeenNoReason;
    const shown = (value: Cell): Cell => (hidden ? NOT_SHOWN : value);
    return [
      row.label,
      row.cases,
      row.eit,
      row.counted,
      shown(row.seen),
      shown(formatPercent(row.seen, row.counted)),
      shown(notSeen),
      shown(formatPercent(notSeen, row.counted)),
      shown(row.notSeenNoReason),
      shown(row.unclear),
    ];
  };
  // The group is the cases counted (EIT work left out); the other columns are its parts.
  const hidden = hiddenGroups(
    report,
    report.childrenSeen.rows.map((row) => row.counted),
  );
  const totalHidden = isHidden(report, report.childrenSeen.total.counted);
  return withSmallGroupNote(
    report,
    {
      id: 'fig-4-children-seen',
      title: 'Fig. 4 Children seen (excluding EIT work)',
      header: [
        'Service area',
        'Cases',
        'EIT cases',
        'Public and private (excl. EIT)',
        'Seen',
        '% seen',
        'Not seen',
        '% not seen',
        'Not seen, no reason recorded',
        'Unclear',
      ],
      rows: report.childrenSeen.rows.map((row, index) => line(row, hidden.has(index))),
      totals: [line(report.childrenSeen.total, totalHidden)],
      notes: ['Percentages are of public and private law cases excluding EIT work to first hearing.'],
    },
    hidden.size > 0 || totalHidden,
  );
}

export function employmentTable(report: AuditReport): ReportTable {
  const hidden = hiddenGroups(
    report,
    report.byEmployment.map((row) => row.total),
  );
  const total = totalOf(report, report.byEmployment);
  const totalHidden = isHidden(report, total.total);
  return withSmallGroupNote(
    report,
    {
      id: 'fig-5-employment',
      title: 'Fig. 5 Employed and agency staff',
      header: ['Employment', 'Cases', ...gradeHeader(report)],
      rows: report.byEmployment.map((row, index) => [
        row.label,
        row.total,
        ...gradeCells(row, hidden.has(index)),
      ]),
      totals: [['Total', total.total, ...gradeCells(total, totalHidden)]],
      notes: [],
    },
    hidden.size > 0 || totalHidden,
  );
}

function shareCell(share: { graded: number; goodOrAbove: number } | undefined, hidden: boolean): string {
  if (!share || share.graded === 0) return '–';
  if (hidden) return `${NOT_SHOWN}, ${share.graded} graded`;
  return `${formatPercent(share.goodOrAbove, share.graded)} of ${share.graded}`;
}

export function sectionsByAreaTable(report: AuditReport): ReportTable {
  const areas = report.byServiceArea.map((row) => ({ id: row.serviceAreaId, label: row.label }));
  let hidSomething = false;
  const rows = report.sections.map((section) => {
    // Within a section the areas are parts of "All cases": one hidden area is hidden with another.
    const shares = areas.map((area) => section.byArea.find((share) => share.key === area.id));
    const hidden = hiddenGroups(
      report,
      shares.map((share) => share?.graded ?? 0),
    );
    const overallHidden = isHidden(report, section.overall.graded);
    hidSomething ||= hidden.size > 0 || overallHidden;
    return [
      section.title,
      shareCell(section.overall, overallHidden),
      ...shares.map((share, index) => shareCell(share, hidden.has(index))),
    ];
  });
  return withSmallGroupNote(
    report,
    {
      id: 'sections-by-area',
      title: '% Good or above by section and service area',
      header: ['Section', 'All cases', ...areas.map((area) => area.label)],
      rows,
      totals: [],
      notes: ['Each cell: % graded Good or above, of the cases where the section was graded.'],
    },
    hidSomething,
  );
}

export function sectionsByTeamTable(report: AuditReport): ReportTable {
  const teams = [
    ...new Map(report.sections.flatMap((section) => section.byTeam.map((share) => [share.key, share.label]))),
  ]
    .map(([key, label]) => ({ key, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
  // Per section (a column here), the teams are parts of the section's "All cases".
  const columns = report.sections.map((section) => {
    const shares = teams.map((team) => section.byTeam.find((share) => share.key === team.key));
    const hidden = hiddenGroups(
      report,
      shares.map((share) => share?.graded ?? 0),
    );
    return shares.map((share, index) => shareCell(share, hidden.has(index)));
  });
  return withSmallGroupNote(
    report,
    {
      id: 'sections-by-team',
      title: '% Good or above by section and team',
      header: ['Team', ...report.sections.map((section) => section.title)],
      rows: teams.map((team, index) => [team.label, ...columns.map((column) => column[index]!)]),
      totals: [],
      notes: [],
    },
    columns.some((column) => column.some((cell) => cell.startsWith(NOT_SHOWN))),
  );
}

export function crossTabTable(report: AuditReport): ReportTable | null {
  const crossTab = report.crossTab;
  if (!crossTab) return null;
  // Too few cases in scope: the cross-tab's counts are their grades, so only the number of cases is shown.
  const hidden = isHidden(report, crossTab.total);
  const shown = (count: number): Cell => (hidden ? NOT_SHOWN : count);
  const table: ReportTable = {
    id: 'section-cross-tab',
    title: `${crossTab.rowSection.title} against ${crossTab.columnSection.title}`,
    header: [
      `${crossTab.rowSection.title} \\ ${crossTab.columnSection.title}`,
      ...crossTab.levels.map((level) => level.label),
      'Total',
    ],
    rows: crossTab.levels.map((level, r) => [
      level.label,
      ...crossTab.counts[r]!.map(shown),
      shown(crossTab.rowTotals[r]!),
    ]),
    totals: [['Total', ...crossTab.columnTotals.map(shown), crossTab.total]],
    notes: [`Cases where both sections were graded: ${crossTab.total}.`],
  };
  return withSmallGroupNote(report, table, hidden);
}

export function qaTable(report: AuditReport): ReportTable {
  const hidden = report.qa.map((figure) => isHidden(report, figure.answered));
  return withSmallGroupNote(
    report,
    {
      id: 'quality-assurance',
      title: 'Quality assurance indicators',
      header: ['Indicator', 'Yes', 'Answered', '% yes'],
      rows: report.qa.map((figure, index) => [
        figure.label,
        hidden[index] ? NOT_SHOWN : figure.yes,
        figure.answered,
        hidden[index] ? NOT_SHOWN : formatPercent(figure.yes, figure.answered),
      ]),
      totals: [],
      notes: ['Of the cases where the auditor answered the question.'],
    },
    hidden.includes(true),
  );
}

export function themesTable(report: AuditReport): ReportTable {
  const labels = [
    ...new Map([...report.strengths, ...report.learningPoints].map((t) => [t.themeKey, t.label])),
  ];
  return {
    id: 'key-themes',
    title: 'Key themes',
    header: ['Theme', 'Strengths', 'Learning points'],
    rows: labels.map(([key, label]) => [
      label,
      report.strengths.find((theme) => theme.themeKey === key)?.count ?? 0,
      report.learningPoints.find((theme) => theme.themeKey === key)?.count ?? 0,
    ]),
    totals: [],
    notes: [],
  };
}

export function trendTable(report: AuditReport): ReportTable {
  const good = report.groups.find((group) => group.isGoodOrAbove)?.label ?? 'Good';
  return withSmallGroupNote(
    report,
    {
      id: 'trend',
      title: 'Trend across audits',
      header: ['Audit', 'Ends', 'Cases', `% ${good}`, `% ${report.lowestLabel}`],
      rows: report.trend.map((point) => [
        point.name,
        point.windowTo,
        point.total,
        percentText(report, point.goodOrAbove, point.total),
        percentText(report, point.lowest, point.total),
      ]),
      totals: [],
      notes: [
        ...(report.audit.goodOrAboveTarget !== null
          ? [`Target: ${report.audit.goodOrAboveTarget}% ${good}.`]
          : []),
        ...(report.audit.lowestTarget !== null
          ? [`Target: no more than ${report.audit.lowestTarget}% ${report.lowestLabel}.`]
          : []),
      ],
    },
    report.trend.some((point) => isHidden(report, point.total)),
  );
}

export function reportTables(report: AuditReport): ReportTable[] {
  return [
    overallTable(report),
    lawTypeTable(report),
    serviceAreaTable(report),
    childrenSeenTable(report),
    employmentTable(report),
    sectionsByAreaTable(report),
    sectionsByTeamTable(report),
    crossTabTable(report),
    qaTable(report),
    themesTable(report),
    trendTable(report),
  ].filter((table) => table !== null);
}
