// Every table of an audit report, once: the page, the CSV and XLSX exports
// and the PDF all print these, so no two of them can disagree.
import type { AuditReport } from '@/lib/db/reports';
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

/** What the page, the workbook and the PDF say about the tables adding up. */
export function reconciliationSentence(reconciliation: Reconciliation): string {
  const cases = `${reconciliation.gradedCases.toLocaleString('en-GB')} graded case${reconciliation.gradedCases === 1 ? '' : 's'}`;
  if (reconciliation.agrees)
    return `Every table counts the same ${cases}, using each case’s final grade (after challenges). Percentages are rounded one by one, so a row may add up to 99% or 101%.`;
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

function gradeCells(row: GradeRow): Cell[] {
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
  const rows: Cell[][] = [[report.audit.name, report.total, ...gradeCells(report.overall)]];
  if (report.earlier)
    rows.push([report.earlier.name, report.earlier.overall.total, ...gradeCells(report.earlier.overall)]);
  const notes: string[] = [];
  const good = report.groups.find((group) => group.isGoodOrAbove);
  if (report.audit.goodOrAboveTarget !== null && good)
    notes.push(
      `Target: ${report.audit.goodOrAboveTarget}% ${good.label}${report.audit.targetDate ? ` by ${report.audit.targetDate}` : ''}.`,
    );
  if (report.audit.lowestTarget !== null)
    notes.push(`Target: no more than ${report.audit.lowestTarget}% ${report.lowestLabel}.`);
  if (report.earlier && report.changeInGood !== null)
    notes.push(
      `Change since ${report.earlier.name}: ${formatChange(report.changeInGood)} ${good?.label ?? 'Good'}, ${formatChange(report.changeInLowest)} ${report.lowestLabel}.`,
    );
  return {
    id: 'fig-1-overall',
    title: 'Fig. 1 Overall audit figures',
    header: ['Audit', 'Cases', ...gradeHeader(report)],
    rows,
    totals: [],
    notes,
  };
}

export function lawTypeTable(report: AuditReport): ReportTable {
  return {
    id: 'fig-2-law-type',
    title: 'Fig. 2 By law type',
    header: ['Law type', 'Cases', '% of cases', ...gradeHeader(report)],
    rows: report.byLawType.map((row) => [
      row.label,
      row.total,
      formatPercent(row.total, report.total),
      ...gradeCells(row),
    ]),
    totals: [
      [
        'Total',
        totalOf(report, report.byLawType).total,
        formatPercent(totalOf(report, report.byLawType).total, report.total),
        ...gradeCells(totalOf(report, report.byLawType)),
      ],
    ],
    notes: [],
  };
}

export function serviceAreaTable(report: AuditReport): ReportTable {
  const good = report.groups.find((group) => group.isGoodOrAbove)?.label ?? 'Good';
  const tooFew = report.byServiceArea.filter((row) => row.tooFewToCompare).map((row) => row.label);
  return {
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
    rows: report.byServiceArea.map((row) => [
      row.label,
      row.total,
      ...gradeCells(row),
      formatChange(row.changeInGood),
      formatInterval(row.goodInterval),
      row.tooFewToCompare ? 'Too few cases to compare' : '',
    ]),
    totals: [
      [
        'Total',
        totalOf(report, report.byServiceArea).total,
        ...gradeCells(totalOf(report, report.byServiceArea)),
        formatChange(report.changeInGood),
        formatInterval(wilsonInterval(report.overall.goodOrAbove, report.total)),
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
  };
}

export function childrenSeenTable(report: AuditReport): ReportTable {
  const line = (row: AuditReport['childrenSeen']['total']): Cell[] => {
    const notSeen = row.notSeenReasonRecorded + row.notSeenNoReason;
    return [
      row.label,
      row.cases,
      row.eit,
      row.counted,
      row.seen,
      formatPercent(row.seen, row.counted),
      notSeen,
      formatPercent(notSeen, row.counted),
      row.notSeenNoReason,
      row.unclear,
    ];
  };
  return {
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
    rows: report.childrenSeen.rows.map(line),
    totals: [line(report.childrenSeen.total)],
    notes: ['Percentages are of public and private law cases excluding EIT work to first hearing.'],
  };
}

export function employmentTable(report: AuditReport): ReportTable {
  return {
    id: 'fig-5-employment',
    title: 'Fig. 5 Employed and agency staff',
    header: ['Employment', 'Cases', ...gradeHeader(report)],
    rows: report.byEmployment.map((row) => [row.label, row.total, ...gradeCells(row)]),
    totals: [
      [
        'Total',
        totalOf(report, report.byEmployment).total,
        ...gradeCells(totalOf(report, report.byEmployment)),
      ],
    ],
    notes: [],
  };
}

function shareCell(share: { graded: number; goodOrAbove: number } | undefined): string {
  if (!share || share.graded === 0) return '–';
  return `${formatPercent(share.goodOrAbove, share.graded)} of ${share.graded}`;
}

export function sectionsByAreaTable(report: AuditReport): ReportTable {
  const areas = report.byServiceArea.map((row) => ({ id: row.serviceAreaId, label: row.label }));
  return {
    id: 'sections-by-area',
    title: '% Good or above by section and service area',
    header: ['Section', 'All cases', ...areas.map((area) => area.label)],
    rows: report.sections.map((section) => [
      section.title,
      shareCell(section.overall),
      ...areas.map((area) => shareCell(section.byArea.find((share) => share.key === area.id))),
    ]),
    totals: [],
    notes: ['Each cell: % graded Good or above, of the cases where the section was graded.'],
  };
}

export function sectionsByTeamTable(report: AuditReport): ReportTable {
  const teams = [
    ...new Map(report.sections.flatMap((section) => section.byTeam.map((share) => [share.key, share.label]))),
  ]
    .map(([key, label]) => ({ key, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return {
    id: 'sections-by-team',
    title: '% Good or above by section and team',
    header: ['Team', ...report.sections.map((section) => section.title)],
    rows: teams.map((team) => [
      team.label,
      ...report.sections.map((section) => shareCell(section.byTeam.find((share) => share.key === team.key))),
    ]),
    totals: [],
    notes: [],
  };
}

export function crossTabTable(report: AuditReport): ReportTable | null {
  const crossTab = report.crossTab;
  if (!crossTab) return null;
  return {
    id: 'section-cross-tab',
    title: `${crossTab.rowSection.title} against ${crossTab.columnSection.title}`,
    header: [
      `${crossTab.rowSection.title} \\ ${crossTab.columnSection.title}`,
      ...crossTab.levels.map((level) => level.label),
      'Total',
    ],
    rows: crossTab.levels.map((level, r) => [level.label, ...crossTab.counts[r]!, crossTab.rowTotals[r]!]),
    totals: [['Total', ...crossTab.columnTotals, crossTab.total]],
    notes: [`Cases where both sections were graded: ${crossTab.total}.`],
  };
}

export function qaTable(report: AuditReport): ReportTable {
  return {
    id: 'quality-assurance',
    title: 'Quality assurance indicators',
    header: ['Indicator', 'Yes', 'Answered', '% yes'],
    rows: report.qa.map((figure) => [
      figure.label,
      figure.yes,
      figure.answered,
      formatPercent(figure.yes, figure.answered),
    ]),
    totals: [],
    notes: ['Of the cases where the auditor answered the question.'],
  };
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
  return {
    id: 'trend',
    title: 'Trend across audits',
    header: ['Audit', 'Ends', 'Cases', `% ${good}`, `% ${report.lowestLabel}`],
    rows: report.trend.map((point) => [
      point.name,
      point.windowTo,
      point.total,
      formatPercent(point.goodOrAbove, point.total),
      formatPercent(point.lowest, point.total),
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
  };
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
