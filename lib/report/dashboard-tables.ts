// The dashboards' tables, once: the page and the CSV downloads print these.
import type {
  AuditProgress,
  HeatMap,
  LatestStanding,
  PractitionerRow,
  QaTrend,
  RagRow,
  Trend,
} from '@/lib/domain/dashboard-views';
import type { GroupShare, RagResult } from '@/lib/domain/dashboard';
import type { Cell, ReportTable, Tone } from './tables';

const RAG_WORDS: Record<RagResult['status'], string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  none: '',
};

function shareText(share: GroupShare | null): string {
  return share === null ? 'not in this audit' : share.display;
}

function ragCell(share: GroupShare, rag: RagResult): string {
  return rag.status === 'none' ? share.display : `${share.display} (${RAG_WORDS[rag.status]})`;
}

function ragTone(rag: RagResult): Tone | null {
  return rag.status === 'none' ? null : rag.status;
}

export function standingTable(standing: LatestStanding, groupHeading: string): ReportTable {
  const rows: RagRow[] = standing.rows;
  const lines = (row: RagRow): Cell[] => [
    row.label,
    row.good.total,
    ragCell(row.good, row.goodRag),
    ragCell(row.lowest, row.lowestRag),
  ];
  const first = standing.overall;
  return {
    id: 'standing',
    title: standing.audit ? `${standing.audit.name}: against the targets` : 'Against the targets',
    header: [groupHeading, 'Graded cases', `% ${standing.goodLabel}`, `% ${standing.lowestLabel}`],
    rows: rows.map(lines),
    totals: first ? [lines(first)] : [],
    notes: first
      ? [first.goodRag.rule, first.lowestRag.rule].filter((rule, index, all) => all.indexOf(rule) === index)
      : [],
    tones: rows.map((row) => [null, null, ragTone(row.goodRag), ragTone(row.lowestRag)]),
    titles: rows.map((row) => [null, null, row.goodRag.reason, row.lowestRag.reason]),
  };
}

export function trendTable(trend: Trend, which: 'good' | 'lowest', metricLabel: string): ReportTable {
  const series = which === 'good' ? trend.good : trend.lowest;
  const target = which === 'good' ? trend.targets.good : trend.targets.lowest;
  return {
    id: which === 'good' ? 'trend-good' : 'trend-lowest',
    title: `% ${metricLabel} across audits`,
    header: ['', ...trend.audits.map((audit) => audit.name)],
    rows: series.map((line) => [line.label, ...line.points.map(shareText)]),
    totals: [],
    notes: [
      ...(target !== null
        ? [`Target in the latest audit: ${which === 'good' ? 'at least' : 'at most'} ${target}%.`]
        : []),
      '“not in this audit” marks a gap: the group had no graded cases in that audit.',
    ],
  };
}

export function qaTable(qa: QaTrend): ReportTable {
  return {
    id: 'quality-assurance',
    title: 'Quality-assurance indicators across audits',
    header: ['Indicator', 'Target', ...qa.audits.map((audit) => audit.name), 'Priority'],
    rows: qa.indicators.map((indicator) => [
      indicator.label,
      `${indicator.target}%`,
      ...indicator.points.map(shareText),
      indicator.priority ? 'Priority: below target' : '',
    ]),
    totals: [],
    notes: ['An indicator is a priority when its latest figure is below its target.'],
    tones: qa.indicators.map((indicator) => [
      null,
      null,
      ...indicator.points.map(() => null),
      indicator.priority ? ('red' as const) : null,
    ]),
  };
}

function heatTone(share: GroupShare): Tone | null {
  if (share.percent === null) return null;
  if (share.percent >= 75) return 'heat-4';
  if (share.percent >= 60) return 'heat-3';
  if (share.percent >= 45) return 'heat-2';
  return 'heat-1';
}

export function heatMapTable(heatMap: HeatMap, groupHeading: string): ReportTable {
  return {
    id: 'sections-heat-map',
    title: heatMap.audit ? `${heatMap.audit.name}: % Good or above by section` : '% Good or above by section',
    header: [groupHeading, ...heatMap.sections.map((section) => section.label)],
    rows: heatMap.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.display)]),
    totals: [],
    notes: [
      'Shading: 75% or more, 60–74%, 45–59%, below 45%; groups under the minimum show only their count.',
    ],
    tones: heatMap.rows.map((row) => [null, ...row.cells.map(heatTone)]),
  };
}

const WITHHELD = 'withheld';

export function progressTable(progress: AuditProgress[]): ReportTable {
  return {
    id: 'audits-under-way',
    title: 'Audits under way',
    header: ['Audit', 'Status', 'Sampled', 'Graded', 'Challenged', 'Benchmarked', 'Overdue challenges'],
    rows: progress.map((audit) => [
      audit.name,
      audit.status.charAt(0) + audit.status.slice(1).toLowerCase(),
      audit.sampled,
      audit.graded,
      audit.challenged ?? WITHHELD,
      audit.benchmarked,
      audit.overdue ?? WITHHELD,
    ]),
    totals: [],
    notes: progress.some((audit) => audit.challenged === null)
      ? [
          'Challenge counts are withheld for audits in which you still benchmark cases blind: a challenge is of a lowest-grade case. Submit your benchmark gradings to see them.',
        ]
      : [],
    tones: progress.map((audit) => [
      null,
      null,
      null,
      null,
      null,
      null,
      (audit.overdue ?? 0) > 0 ? 'red' : null,
    ]),
  };
}

export function practitionersTable(rows: PractitionerRow[], goodLabel: string): ReportTable {
  return {
    id: 'practitioners',
    title: 'Practitioners',
    header: ['Practitioner', 'Team', 'Graded cases', `% ${goodLabel}`, 'Latest grade', 'Latest audit'],
    rows: rows.map((row) => [
      `${row.reference} ${row.name}`,
      row.team,
      row.graded.total,
      row.graded.display,
      row.latestGrade ?? '',
      row.latestAudit ?? '',
    ]),
    totals: [],
    notes: ['A percentage shows only where a practitioner has enough graded cases in the period.'],
  };
}
