// What the dashboards show, as plain view types: the read models in lib/db
// count, the assembly in dashboard-assembly.ts builds these, and the pages,
// widgets, CSV tables and query schema only ever see these.
import type { AuditKind, LawType } from './audits';
import type { GroupShare, QaDashboardIndicator, RagResult, TrendAudit, TrendSeries } from './dashboard';

export type DashboardFilters = {
  kind: AuditKind;
  /** yyyy-mm, inclusive; on the audit's window end. */
  from: string | null;
  to: string | null;
  lawType: LawType | null;
};

/** Where a dashboard looks: the nation, one area, or one team of an area. */
export type DashboardScope =
  | { level: 'national' }
  | { level: 'area'; serviceAreaId: string }
  | { level: 'team'; serviceAreaId: string; teamId: string };

/** How a dashboard's figures are grouped: one line for the scope, by area, or by team. */
export type DashboardGrouping = 'all' | 'area' | 'team';

export type Labelled = { key: string; label: string };

/** The group of cases graded with no team recorded: a row of its own, never a link to a team. */
export const NO_TEAM_KEY = 'none';

export type PublishedAudit = TrendAudit & {
  thresholdVersionId: string;
  goodOrAboveTarget: number | null;
  lowestTarget: number | null;
};

export type RagRow = {
  key: string;
  label: string;
  good: GroupShare;
  lowest: GroupShare;
  goodRag: RagResult;
  lowestRag: RagResult;
};

export type LatestStanding = {
  audit: PublishedAudit | null;
  goodLabel: string;
  lowestLabel: string;
  overall: RagRow | null;
  rows: RagRow[];
};

export type Trend = {
  audits: TrendAudit[];
  good: TrendSeries[];
  lowest: TrendSeries[];
  targets: { good: number | null; lowest: number | null };
};

export type QaTrend = {
  audits: TrendAudit[];
  indicators: {
    key: QaDashboardIndicator;
    label: string;
    target: number;
    points: (GroupShare | null)[];
    priority: boolean;
  }[];
};

export type HeatMap = {
  audit: TrendAudit | null;
  sections: Labelled[];
  rows: { key: string; label: string; cells: GroupShare[] }[];
};

export type AuditProgress = {
  auditId: string;
  name: string;
  status: string;
  sampled: number;
  graded: number;
  /** Null while the reader benchmarks blind in the audit: a challenge is of a lowest-grade case. */
  challenged: number | null;
  benchmarked: number;
  overdue: number | null;
};

export type PractitionerRow = {
  practitionerId: string;
  reference: string;
  name: string;
  team: string;
  graded: GroupShare;
  latestGrade: string | null;
  latestAudit: string | null;
};
