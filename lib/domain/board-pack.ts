// The board pack for a date (issue 16 §8): the latest national figures, the
// recommendations by status with their latest judgement and measures, the
// overdue actions and the outlier teams. Assembled from records; pure.
import { daysOverdue, type ActionStatus, type TeamFunnel } from './improvement-plan';
import { judgementLabel, type JudgementScale } from './progress-reviews';

export type BoardRecommendationRecord = {
  id: string;
  sourceTitle: string;
  areaCode: string | null;
  number: string;
  text: string;
  status: 'OPEN' | 'CLOSED';
  ownerName: string | null;
  dueOn: string | null;
  judgement: {
    judgement: string;
    /** The source's scale, which names the judgement ("met" is "Met"). */
    scale: JudgementScale;
    reason: string;
    judgedOn: string;
    judgedBy: string;
    reviewTitle: string;
  } | null;
};

export type OverdueActionRecord = {
  id: string;
  description: string;
  ownerName: string;
  dueOn: string;
  status: ActionStatus;
  recommendationNumber: string;
  sourceTitle: string;
  areaCode: string | null;
};

export type BoardRecommendation = BoardRecommendationRecord & {
  /** Each measure in words as it stood on the date ("A5 WAFH: 27% Good … → 67% …; target met"). */
  measureSentences: string[];
};

export type BoardPackView = {
  date: string;
  audit: { id: string; name: string; windowTo: string } | null;
  byStatus: { status: 'OPEN' | 'CLOSED'; label: string; recommendations: BoardRecommendation[] }[];
  overdueActions: (OverdueActionRecord & { daysOverdue: number })[];
  /** One funnel of every team per share (Good or above, the lowest grade) on the latest audit. */
  funnels: TeamFunnel[];
  /** The funnels' outliers, area by area. */
  outliers: { shareLabel: string; areas: { areaCode: string; sentences: string[] }[] }[];
};

const STATUS_LABELS = { OPEN: 'Open', CLOSED: 'Closed' } as const;

export function groupByStatus(recommendations: BoardRecommendation[]): BoardPackView['byStatus'] {
  return (['OPEN', 'CLOSED'] as const).map((status) => ({
    status,
    label: STATUS_LABELS[status],
    recommendations: recommendations.filter((rec) => rec.status === status),
  }));
}

export function overdueOn(actions: OverdueActionRecord[], day: string): BoardPackView['overdueActions'] {
  return actions
    .filter((action) => action.dueOn < day && action.status !== 'DONE' && action.status !== 'DROPPED')
    .map((action) => ({ ...action, daysOverdue: daysOverdue(action.dueOn, day) }));
}

/** "Judged ongoing on 3 March 2015 by Nadia Das (Final review)": the latest judgement, or that there is none. */
export function judgementWords(
  judgement: BoardRecommendationRecord['judgement'],
  formatDay: (day: string) => string,
): string {
  if (!judgement) return 'Not yet judged';
  return `${judgementLabel(judgement.scale, judgement.judgement)} (${formatDay(judgement.judgedOn)}, ${judgement.judgedBy}, ${judgement.reviewTitle})`;
}
