// What an audit report shows, as the page, the exports (CSV, XLSX, PDF, JSON)
// and the `report` command read it. Built from counts by buildAuditReport
// (report-assembly.ts); declared here so printers never import the database.
import type { AuditKind, AuditStatus } from './audits';
import type { DashboardRules } from './dashboard';
import type { GradeGroup, GradeRow, Interval, Reconciliation } from './report';
import type { GradeScale } from './rubric';

/** Whose figures: one service area's, or (null) the nation's. */
export type ReportScope = { serviceAreaId: string | null };

/** Which two sections the cross-tabulation compares (the page's `rows`/`columns`). */
export type ReportOptions = { crossTab?: { rowSection: string; columnSection: string } };

export type AreaGradeRow = GradeRow & {
  serviceAreaId: string;
  goodInterval: Interval | null;
  tooFewToCompare: boolean;
  changeInGood: number | null;
};

export type ChildrenSeenRow = {
  key: string;
  label: string;
  cases: number;
  eit: number;
  counted: number;
  seen: number;
  notSeenReasonRecorded: number;
  notSeenNoReason: number;
  unclear: number;
  notApplicable: number;
};

export type SectionShare = { key: string; label: string; graded: number; goodOrAbove: number };
export type SectionAnalysis = {
  key: string;
  title: string;
  overall: SectionShare;
  byArea: SectionShare[];
  byTeam: SectionShare[];
};

export type CrossTab = {
  rowSection: { key: string; title: string };
  columnSection: { key: string; title: string };
  levels: { key: string; label: string }[];
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
};

export type QaFigure = { key: string; label: string; yes: number; answered: number };
export type ThemeSummary = { themeKey: string; label: string; count: number; examples: string[] };
export type TrendPoint = {
  auditId: string;
  name: string;
  windowTo: string;
  total: number;
  goodOrAbove: number;
  lowest: number;
  goodPercent: number | null;
  lowestPercent: number | null;
};

export type Narrative = {
  strengths: string;
  learning: string;
  conclusion: string;
  nextSteps: string;
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
};

export type AuditReport = {
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
  scope: { serviceAreaId: string | null; label: string };
  scale: GradeScale;
  groups: GradeGroup[];
  lowestLabel: string;
  total: number;
  overall: GradeRow;
  earlier: { id: string; name: string; overall: GradeRow } | null;
  changeInGood: number | null;
  changeInLowest: number | null;
  byLawType: GradeRow[];
  byServiceArea: AreaGradeRow[];
  byEmployment: GradeRow[];
  childrenSeen: { rows: ChildrenSeenRow[]; total: ChildrenSeenRow };
  sections: SectionAnalysis[];
  sectionOptions: { key: string; title: string }[];
  crossTab: CrossTab | null;
  qa: QaFigure[];
  strengths: ThemeSummary[];
  learningPoints: ThemeSummary[];
  challengeSentence: string;
  benchmarkingSentence: string;
  trend: TrendPoint[];
  reconciliation: Reconciliation;
  narrative: Narrative;
  /**
   * Set when small groups' percentages are hidden from the reader (the
   * dashboards' rule, groupShare): every table prints such a group's count and
   * no percentage. Null: every percentage is shown.
   */
  smallGroups: Pick<DashboardRules, 'minGroupSize'> | null;
};
