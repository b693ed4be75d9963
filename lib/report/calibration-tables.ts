// The calibration report's tables, once: the page, CSV and XLSX print these.
import type { Agreement } from '@/lib/domain/agreement';
import type { Calibration, GroupAgreement } from '@/lib/domain/benchmarking';
import type { Cell, ReportTable } from './tables';

const figure = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));
const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
const interval = (statistic: Agreement['cohensKappa']) =>
  statistic.interval ? `${figure(statistic.interval.low)} to ${figure(statistic.interval.high)}` : '–';

function agreementCells(agreement: Agreement): Cell[] {
  return [
    agreement.pairs,
    percent(agreement.percentAgreement.value),
    figure(agreement.cohensKappa.value),
    interval(agreement.cohensKappa),
    figure(agreement.weightedKappa.value),
    figure(agreement.gwetsAc1.value),
  ];
}

const AGREEMENT_HEADER = ['Pairs', 'Same grade', 'Cohen’s κ', 'κ 95% interval', 'Weighted κ', 'Gwet’s AC1'];

export function overallAgreementTable(calibration: Calibration): ReportTable {
  const agreement = calibration.overall;
  return {
    id: 'agreement-overall',
    title: 'Agreement on the overall grade',
    header: ['Statistic', 'Value', '95% interval', 'In words'],
    rows: [
      ['Pairs', agreement.pairs, '', ''],
      [
        'Same grade',
        percent(agreement.percentAgreement.value),
        agreement.percentAgreement.interval
          ? `${percent(agreement.percentAgreement.interval.low)}–${percent(agreement.percentAgreement.interval.high)}`
          : '–',
        agreement.percentAgreement.words,
      ],
      [
        'Cohen’s kappa',
        figure(agreement.cohensKappa.value),
        interval(agreement.cohensKappa),
        agreement.cohensKappa.words,
      ],
      [
        'Quadratic-weighted kappa',
        figure(agreement.weightedKappa.value),
        interval(agreement.weightedKappa),
        agreement.weightedKappa.words,
      ],
      [
        'Gwet’s AC1',
        figure(agreement.gwetsAc1.value),
        interval(agreement.gwetsAc1),
        agreement.gwetsAc1.words,
      ],
    ],
    totals: [],
    notes: [
      ...(agreement.warning ? [agreement.warning] : []),
      calibration.direction.words,
      'Read the share of cases graded the same beside kappa: kappa falls when nearly every grade is the same, even when graders agree.',
    ],
  };
}

export function confusionTable(
  calibration: Calibration,
  levels: { key: string; label: string }[],
): ReportTable {
  const matrix = calibration.overall.confusion;
  return {
    id: 'confusion-matrix',
    title: 'Original grade (rows) against benchmark grade (columns)',
    header: ['Original \\ Benchmark', ...levels.map((level) => level.label), 'Total'],
    rows: levels.map((level, r) => [
      level.label,
      ...levels.map((_, c) => matrix[r]?.[c] ?? 0),
      (matrix[r] ?? []).reduce((sum, count) => sum + count, 0),
    ]),
    totals: [
      [
        'Total',
        ...levels.map((_, c) => matrix.reduce((sum, row) => sum + (row[c] ?? 0), 0)),
        calibration.overall.pairs,
      ],
    ],
    notes: ['The diagonal holds the cases graded the same.'],
  };
}

function groupTable(id: string, title: string, heading: string, groups: GroupAgreement[]): ReportTable {
  return {
    id,
    title,
    header: [heading, ...AGREEMENT_HEADER, 'Graded higher', 'Graded lower', 'Mean difference (steps)'],
    rows: groups.map((group) => [
      group.label,
      ...agreementCells(group.overall),
      group.direction.higher,
      group.direction.lower,
      figure(group.direction.meanDifference),
    ]),
    totals: [],
    notes: [
      'Higher: the original grade was better than the benchmark grade. A positive mean difference means grading more generously than the benchmarkers.',
      ...groups
        .filter((group) => group.overall.warning)
        .map((group) => `${group.label}: ${group.overall.warning}`),
    ],
  };
}

export const auditorTable = (calibration: Calibration) =>
  groupTable(
    'agreement-by-auditor',
    'By auditor: agreement and direction of disagreement',
    'Auditor',
    calibration.byAuditor,
  );
export const areaTable = (calibration: Calibration) =>
  groupTable('agreement-by-area', 'By service area', 'Service area', calibration.byArea);
export const auditTable = (calibration: Calibration) =>
  groupTable('agreement-by-audit', 'Across audits over time', 'Audit', calibration.byAudit);

export function sectionTable(calibration: Calibration): ReportTable {
  return {
    id: 'agreement-by-section',
    title: 'By section, most disagreement first',
    header: ['Section', ...AGREEMENT_HEADER],
    rows: calibration.sections.map((section) => [section.title, ...agreementCells(section.agreement)]),
    totals: [],
    notes: ['Only pairs where both graders graded the section.'],
  };
}

export function moderationTable(calibration: Calibration): ReportTable {
  return {
    id: 'moderations',
    title: 'Moderations by moderator',
    header: ['Moderator', 'Moderations'],
    rows: calibration.moderations.map((moderator) => [moderator.name, moderator.count]),
    totals: [['Total', calibration.moderations.reduce((sum, moderator) => sum + moderator.count, 0)]],
    notes: [],
  };
}

export function calibrationTables(
  calibration: Calibration,
  acrossAudits: Calibration,
  levels: { key: string; label: string }[],
): ReportTable[] {
  return [
    overallAgreementTable(calibration),
    confusionTable(calibration, levels),
    auditorTable(calibration),
    areaTable(calibration),
    sectionTable(calibration),
    moderationTable(calibration),
    auditTable(acrossAudits),
  ];
}
