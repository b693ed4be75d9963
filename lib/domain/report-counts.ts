// Everything the database counts for one audit report, as plain data: the
// input of buildAuditReport (report-assembly.ts). lib/db fills it (live from
// case_audit, or from a published audit's summaries); a test can write it by
// hand. Dates are yyyy-mm-dd; ids are whatever identifies the row.
import type { AuditKind, AuditStatus } from './audits';
import type { ChallengeFigures } from './challenges';
import type { DashboardRules } from './dashboard';
import type { QaIndicator } from './grading';
import type { GradeScale } from './rubric';
import type { Narrative, ReportOptions, ReportScope } from './report-view';

/** Cases per grade level key. */
export type GradeCounts = Record<string, number>;

/** Fig. 1, 2, 3 and 5 of the audit under report: cases per grade, overall and by each dimension. */
export type AuditGradeCounts = {
  overall: GradeCounts;
  byLawType: Record<string, GradeCounts>;
  byServiceArea: Record<string, GradeCounts>;
  byEmployment: Record<string, GradeCounts>;
};

/** Fig. 4: graded cases of one area by EIT and whether the children were seen (null: not recorded). */
export type ChildrenSeenCount = {
  serviceAreaId: string;
  isEit: boolean;
  childrenSeen: string | null;
  cases: number;
};

/** One section's graded cases and those at Good or above, overall, in one area or in one team (null: none recorded). */
export type SectionCount = {
  sectionKey: string;
  by: 'overall' | 'area' | 'team';
  groupId: string | null;
  graded: number;
  goodOrAbove: number;
};

export type CrossTabCounts = {
  rowSection: string;
  columnSection: string;
  /** Cases per (row section grade, column section grade); null: that section was not graded. */
  cells: { row: string | null; column: string | null; count: number }[];
};

export type QaCount = { key: QaIndicator; yes: number; answered: number };
export type ThemeCount = { themeKey: string; count: number; examples: string[] };

/** One audit of the trend: its cases per grade on its own scale. */
export type TrendCount = {
  auditId: string;
  name: string;
  windowTo: string;
  scale: GradeScale;
  counts: GradeCounts;
};

export type ReportCounts = {
  audit: {
    id: string;
    name: string;
    kind: AuditKind;
    status: AuditStatus;
    windowFrom: string;
    windowTo: string;
    goodOrAboveTarget: number | null;
    lowestTarget: number | null;
    targetDate: string | null;
    thresholdVersionLabel: string;
  };
  scope: ReportScope;
  /** What the report needs of the audit's rubric: its scale, sections and themes. */
  rubric: {
    scale: GradeScale;
    sections: { key: string; title: string }[];
    themes: { key: string; label: string }[];
  };
  grades: AuditGradeCounts;
  /** The audit compared with, on its own scale; null when there is none (or it is withheld). */
  earlier: {
    id: string;
    name: string;
    scale: GradeScale;
    overall: GradeCounts;
    byServiceArea: Record<string, GradeCounts>;
  } | null;
  childrenSeen: ChildrenSeenCount[];
  sections: SectionCount[];
  crossTab: CrossTabCounts | null;
  qa: QaCount[];
  strengths: ThemeCount[];
  learningPoints: ThemeCount[];
  /** Earlier published audits of the kind and this one, oldest first. */
  trend: TrendCount[];
  /** Every service area: its code and place in the tables. */
  areas: Record<string, { code: string; sortOrder: number }>;
  /** The teams named in the section counts. */
  teams: Record<string, string>;
  challenges: ChallengeFigures;
  /** Benchmarkers with the cases they benchmarked, most first, and how many of those were moderated. */
  benchmarking: { name: string; cases: number; moderated: number }[];
  narrative: Narrative;
  smallGroups: Pick<DashboardRules, 'minGroupSize'> | null;
};

/**
 * The two sections the cross-tabulation compares: the ones asked for, else
 * Supervision against the first other section; null when either is not a
 * section of the rubric.
 */
export function crossTabSections(
  sectionKeys: string[],
  options: ReportOptions,
): { rowSection: string; columnSection: string } | null {
  const rowSection = options.crossTab?.rowSection ?? sectionKeys.find((key) => key === 'supervision');
  const columnSection =
    options.crossTab?.columnSection ?? sectionKeys.find((key) => key !== rowSection && key !== undefined);
  if (!rowSection || !columnSection) return null;
  if (!sectionKeys.includes(rowSection) || !sectionKeys.includes(columnSection)) return null;
  return { rowSection, columnSection };
}
