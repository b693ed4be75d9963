// An area's improvement plan (seed 003) and the board pack (issue 16 §8),
// assembled from counts: which teams stand outside the funnel's limits, which
// actions are overdue, what each share is called. Pure; the database counts.
import { LAW_TYPE_LABELS, type LawType } from './audits';
import { buildFunnelPlot, describeOutlier, type FunnelPlot, type FunnelPoint } from './funnel';
import { describeShare } from './report';

export type ActionStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'DROPPED';

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  DROPPED: 'Dropped',
};

/** Overdue on `day` (yyyy-mm-dd): due before it and neither done nor dropped. */
export function isOverdue(action: { dueOn: string; status: ActionStatus }, day: string): boolean {
  return action.dueOn < day && action.status !== 'DONE' && action.status !== 'DROPPED';
}

/** How long overdue, in whole days, on `day`. */
export function daysOverdue(dueOn: string, day: string): number {
  return Math.max(
    0,
    Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000),
  );
}

export type ShareSpec = {
  sectionKey: string | null;
  share: 'GOOD_OR_ABOVE' | 'LOWEST';
  lawTypes: LawType[];
  employment: 'EMPLOYED' | 'AGENCY' | null;
};

/**
 * What the share is called in a sentence: "Good", "Not Met in voice of the
 * child", "Good (Private Law WAFH)". `goodLabel` and `lowestLabel` come from
 * the audit's scale ("Good", "Not Met"; "Good or Outstanding", "Inadequate").
 */
export function shareLabel(
  spec: ShareSpec,
  labels: { goodLabel: string; lowestLabel: string; sectionTitle: string | null },
): string {
  const grade = spec.share === 'GOOD_OR_ABOVE' ? labels.goodLabel : labels.lowestLabel;
  const section = spec.sectionKey ? ` in ${(labels.sectionTitle ?? spec.sectionKey).toLowerCase()}` : '';
  const qualifiers = [
    ...spec.lawTypes.map((lawType) => LAW_TYPE_LABELS[lawType]),
    ...(spec.employment ? [spec.employment === 'AGENCY' ? 'agency staff' : 'employed staff'] : []),
  ];
  return `${grade}${section}${qualifiers.length > 0 ? ` (${qualifiers.join(', ')})` : ''}`;
}

export type TeamCount = {
  teamId: string;
  teamName: string;
  serviceAreaId: string;
  areaCode: string;
  count: number;
  n: number;
};

export type TeamFunnel = FunnelPlot & {
  shareLabel: string;
  /** The outliers in words: "A4 East: 38% Good (n = 13), below the 95% limit". */
  outlierSentences: string[];
  /** Teams left off because the reader does not see small groups' percentages. */
  smallTeamsLeftOut: number;
  /** Each plotted team's service area code, by team id. */
  teamAreas: Record<string, string>;
};

/**
 * A funnel of teams (one area's, or every team's when `serviceAreaId` is
 * null) around the national share of the same cases: a team is compared with
 * what the whole service achieves on that measure, not with its neighbours, so
 * an area whose every team lags shows it.
 */
export function teamFunnel(
  shares: { total: { count: number; n: number }; teams: TeamCount[] },
  options: {
    serviceAreaId: string | null;
    teamIds?: string[];
    shareLabel: string;
    /** Set for a reader who does not see small groups' percentages (the dashboards' rule). */
    minGroupSize?: number | null;
  },
): TeamFunnel {
  const inScope = shares.teams.filter(
    (team) =>
      (options.serviceAreaId === null || team.serviceAreaId === options.serviceAreaId) &&
      (!options.teamIds || options.teamIds.length === 0 || options.teamIds.includes(team.teamId)),
  );
  const floor = options.minGroupSize ?? 0;
  const teams = inScope.filter((team) => team.n >= floor);
  const plot = buildFunnelPlot(
    teams.map((team) => ({ id: team.teamId, label: team.teamName, count: team.count, n: team.n })),
    {
      count: shares.total.count,
      n: shares.total.n,
      label: `the national share, ${describeShare(shares.total.count, shares.total.n)}`,
    },
  );
  return {
    ...plot,
    shareLabel: options.shareLabel,
    outlierSentences: plot.outliers.map((point) => describeOutlier(point, options.shareLabel)),
    smallTeamsLeftOut: inScope.length - teams.length,
    teamAreas: Object.fromEntries(teams.map((team) => [team.teamId, team.areaCode])),
  };
}

/** The board pack's outliers, area by area (areas in the order given), each in words. */
export function outliersByArea(
  funnel: TeamFunnel,
  teams: TeamCount[],
  areas: { id: string; code: string }[],
): { areaCode: string; outliers: FunnelPoint[]; sentences: string[] }[] {
  const areaOf = new Map(teams.map((team) => [team.teamId, team.serviceAreaId]));
  return areas.flatMap((area) => {
    const outliers = funnel.outliers.filter((point) => areaOf.get(point.id) === area.id);
    return outliers.length === 0
      ? []
      : [
          {
            areaCode: area.code,
            outliers,
            sentences: outliers.map((point) => describeOutlier(point, funnel.shareLabel)),
          },
        ];
  });
}

/** "The limits are drawn around …": said once beside each funnel plot. */
export function funnelMethodSentence(funnel: Pick<FunnelPlot, 'centreLabel' | 'p0'>): string {
  if (funnel.p0 === null) return 'No graded cases to compare.';
  return `Each team's share is set against limits drawn around ${funnel.centreLabel}: a team of few cases can lie further from it by chance, so its limits are wider. Outside the 95% limits, chance alone would put about 1 team in 20; outside the 99.8% limits, about 1 in 500. Exact binomial limits (Spiegelhalter, 2005).`;
}

export type PlanActionView = {
  id: string;
  description: string;
  ownerName: string;
  dueOn: string;
  status: ActionStatus;
  statusLabel: string;
  droppedReason: string | null;
  isOverdue: boolean;
  daysOverdue: number;
};

export function planActionView(
  action: {
    id: string;
    description: string;
    ownerName: string;
    dueOn: string;
    status: ActionStatus;
    droppedReason: string | null;
  },
  day: string,
): PlanActionView {
  const overdue = isOverdue(action, day);
  return {
    ...action,
    statusLabel: ACTION_STATUS_LABELS[action.status],
    isOverdue: overdue,
    daysOverdue: overdue ? daysOverdue(action.dueOn, day) : 0,
  };
}

export type PlanMeasureView = {
  id: string;
  label: string;
  shareLabel: string;
  target: string | null;
  /** Baseline → latest, with the interval for the change and whether the target is met, in words. */
  sentence: string;
  /** The area's teams on the latest audit; null when there is no latest audit. */
  funnel: TeamFunnel | null;
};

export type ImprovementPlanView = {
  id: string;
  title: string;
  serviceAreaId: string;
  areaCode: string;
  areaName: string;
  periodFrom: string | null;
  periodTo: string | null;
  baselineAudit: { id: string; name: string; windowTo: string } | null;
  latestAudit: { id: string; name: string; windowTo: string } | null;
  /** The day the plan is read on: actions due before it and still open are overdue. */
  asOf: string;
  priorities: {
    id: string;
    number: string;
    text: string;
    status: 'OPEN' | 'CLOSED';
    ownerName: string | null;
    dueOn: string | null;
    measures: PlanMeasureView[];
    actions: PlanActionView[];
  }[];
};
