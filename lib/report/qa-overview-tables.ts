// Every table of the QA overview, once: the page, the CSV and XLSX downloads
// and the PDF all print these, so no two of them can disagree.
import {
  formatPercentOneDecimal,
  percentOneDecimal,
  QA_OVERVIEW_DENOMINATORS,
  QA_OVERVIEW_INDICATORS,
  QA_OVERVIEW_KIND_LABELS,
  QA_OVERVIEW_KINDS,
  QA_OVERVIEW_LABELS,
  type QaOverview,
  type QaOverviewFigures,
  type QaOverviewIndicator,
} from '@/lib/domain/qa-overview';
import type { QaOverviewTableId } from '@/lib/schemas/qa-overview';
import type { Cell, ReportTable, Tone } from './tables';

const SHORT_LABELS: Record<QaOverviewIndicator, string> = {
  collaborative: 'Collaborative',
  familyFeedback: 'Family feedback',
  managementOversight: 'Oversight where expected',
  supervision: 'Supervision recorded',
  supervisionImpact: 'Supervision with impact',
  localAuditsOnTarget: 'Local audits on target',
};

const toneOf = (figures: QaOverviewFigures, indicator: QaOverviewIndicator): Tone | null => {
  const share = figures.indicators[indicator];
  if (share.percent === null) return null;
  return share.priority ? 'red' : 'green';
};

export function indicatorsTable(overview: QaOverview): ReportTable {
  const { total } = overview;
  return {
    id: 'indicators',
    title: 'Indicators against their targets',
    header: ['Indicator', 'Count', 'Of', 'Of what', '%', 'Target', 'Status'],
    rows: QA_OVERVIEW_INDICATORS.map((indicator) => {
      const share = total.indicators[indicator];
      return [
        QA_OVERVIEW_LABELS[indicator],
        share.count,
        share.of,
        QA_OVERVIEW_DENOMINATORS[indicator],
        formatPercentOneDecimal(share.percent),
        `${share.target}%`,
        share.percent === null
          ? 'None to count'
          : share.priority
            ? 'Priority: below target'
            : 'At or above target',
      ];
    }),
    totals: [],
    notes: ['A priority is an indicator below its target; targets are set with the dashboards’ rules.'],
    tones: QA_OVERVIEW_INDICATORS.map((indicator) => {
      const tone = toneOf(total, indicator);
      return [null, null, null, null, tone, null, tone];
    }),
  };
}

export function auditsByKindTable(overview: QaOverview): ReportTable {
  const { total } = overview;
  const share = (count: number) => formatPercentOneDecimal(percentOneDecimal(count, total.totalAudits));
  return {
    id: 'audits-by-kind',
    title: 'Audits by kind',
    header: ['Kind of audit', 'Audits', '% of all audits'],
    rows: QA_OVERVIEW_KINDS.map((kind) => [
      QA_OVERVIEW_KIND_LABELS[kind],
      total.audits[kind],
      share(total.audits[kind]),
    ]),
    totals: [['All audits', total.totalAudits, total.totalAudits === 0 ? '–' : '100.0%']],
    notes: [
      `Also in the period: ${total.observations.toLocaleString('en-GB')} practice observations and ${total.moderations.toLocaleString('en-GB')} moderations by Heads of Practice.`,
    ],
  };
}

const GROUP_HEADER = [
  'Audits',
  ...QA_OVERVIEW_KINDS.map((kind) =>
    kind === 'LOCAL_QUALITY_IMPACT'
      ? 'Local'
      : kind === 'NATIONAL_PRACTICE_QUALITY'
        ? 'National'
        : 'Performance board',
  ),
  ...QA_OVERVIEW_INDICATORS.map((indicator) => SHORT_LABELS[indicator]),
  'Observations',
  'Moderations',
];

function groupCells(label: string, figures: QaOverviewFigures): Cell[] {
  return [
    label,
    figures.totalAudits,
    ...QA_OVERVIEW_KINDS.map((kind) => figures.audits[kind]),
    ...QA_OVERVIEW_INDICATORS.map((indicator) =>
      formatPercentOneDecimal(figures.indicators[indicator].percent),
    ),
    figures.observations,
    figures.moderations,
  ];
}

function groupTones(figures: QaOverviewFigures): (Tone | null)[] {
  return [
    null,
    null,
    ...QA_OVERVIEW_KINDS.map(() => null),
    ...QA_OVERVIEW_INDICATORS.map((indicator) => toneOf(figures, indicator)),
    null,
    null,
  ];
}

function groupTitles(figures: QaOverviewFigures): (string | null)[] {
  return [
    null,
    null,
    ...QA_OVERVIEW_KINDS.map(() => null),
    ...QA_OVERVIEW_INDICATORS.map((indicator) => {
      const share = figures.indicators[indicator];
      return `${share.count} of ${share.of} ${QA_OVERVIEW_DENOMINATORS[indicator]}; target ${share.target}%`;
    }),
    null,
    null,
  ];
}

const PERCENT_NOTE =
  'Percentages: collaborative of local audits; family feedback of all audits; oversight of audits where it was expected; supervision of audits where it was looked for; impact of audits with supervision recorded; on target of manager-months. Red is below target.';

export function byQuarterTable(overview: QaOverview): ReportTable {
  return {
    id: 'by-quarter',
    title: 'By quarter',
    header: ['Quarter', ...GROUP_HEADER],
    rows: overview.quarters.map((quarter) => groupCells(quarter.label, quarter.figures)),
    totals: [groupCells('Whole period', overview.total)],
    notes: [PERCENT_NOTE],
    tones: overview.quarters.map((quarter) => groupTones(quarter.figures)),
    titles: overview.quarters.map((quarter) => groupTitles(quarter.figures)),
  };
}

export function byAreaTable(overview: QaOverview): ReportTable {
  return {
    id: 'by-area',
    title: 'By service area',
    header: ['Service area', ...GROUP_HEADER],
    rows: overview.areas.map((area) => groupCells(area.label, area.figures)),
    totals: [groupCells(overview.scope.serviceAreaId === null ? 'National' : 'Area', overview.total)],
    notes: [PERCENT_NOTE],
    tones: overview.areas.map((area) => groupTones(area.figures)),
    titles: overview.areas.map((area) => groupTitles(area.figures)),
  };
}

export function qaOverviewTables(overview: QaOverview): ReportTable[] {
  return [
    indicatorsTable(overview),
    auditsByKindTable(overview),
    byQuarterTable(overview),
    byAreaTable(overview),
  ];
}

export function qaOverviewTable(overview: QaOverview, id: QaOverviewTableId): ReportTable {
  return qaOverviewTables(overview).find((table) => table.id === id) as ReportTable;
}
