// A progress review assembled for its page and its PDF/XLSX: each
// recommendation with what it arose from, the drafted evidence, a proposal,
// and its judgements (the latest counts; earlier ones stay as history), with
// the figures as judged beside the figures now.
import {
  figuresDiffer,
  judgementLabel,
  proposeJudgement,
  readStoredFigures,
  REVIEW_KIND_LABELS,
  SCALE_LABELS,
  SCALE_OPTIONS,
  type JudgementOption,
  type JudgementScale,
  type MeasureFigures,
  type Proposal,
  type ReviewKind,
  type StoredFigures,
} from './progress-reviews';
import { draftEvidence, measureSentence, type DraftAction, type DraftAudit } from './review-drafting';

export type JudgementView = {
  id: string;
  reviewId: string;
  judgement: string;
  label: string;
  reason: string;
  evidence: string;
  judgedBy: string;
  /** ISO instant. */
  judgedAt: string;
  figures: StoredFigures;
};

/** A judgement on a recommendation's page: which review, and whether it is the one that counts there. */
export type RecommendationJudgementView = JudgementView & {
  reviewTitle: string;
  reviewKind: string;
  reviewAsOf: string;
  /** The latest in its review: the one that counts. */
  counts: boolean;
};

export type FiguresComparison = { label: string; asJudged: string; now: string; differs: boolean };

export type ReviewItemView = {
  recommendationId: string;
  number: string;
  text: string;
  kindLabel: string;
  aroseFrom: string;
  draft: string;
  proposal: Proposal | null;
  /** The measures' figures now, as of the review's date, in words. */
  figuresNow: string[];
  latest: JudgementView | null;
  /** Earlier judgements in this review, newest first. */
  earlier: JudgementView[];
  /** Each measure as judged and now (only once judged). */
  comparison: FiguresComparison[];
};

export type ReviewView = {
  id: string;
  kind: ReviewKind;
  kindLabel: string;
  title: string;
  asOf: string;
  reviewer: string;
  source: { id: string; title: string; issuedBy: string; issuedOn: string; areaLabel: string };
  scale: JudgementScale;
  scaleLabel: string;
  options: readonly JudgementOption[];
  items: ReviewItemView[];
  canRecord: boolean;
};

export type ReviewInputs = {
  header: {
    id: string;
    kind: ReviewKind;
    title: string;
    asOf: string;
    reviewer: string;
    source: {
      id: string;
      title: string;
      issuedBy: string;
      issuedOn: string;
      scale: JudgementScale;
      areaCode: string | null;
    };
  };
  recommendations: {
    id: string;
    number: string;
    text: string;
    kind: 'RECOMMENDATION' | 'PRACTICE_IMPROVEMENT_POINT';
    aroseFrom: string;
    actions: DraftAction[];
    audits: DraftAudit[];
  }[];
  /** The measures' figures now, as of the review's date, by recommendation. */
  figures: Map<string, MeasureFigures[]>;
  /** This review's judgements, newest first. */
  judgements: {
    id: string;
    reviewId: string;
    recommendationId: string;
    judgement: string;
    reason: string;
    evidence: string;
    figures: unknown;
    judgedBy: string;
    judgedAt: Date;
  }[];
  canRecord: boolean;
};

export const KIND_LABELS = {
  RECOMMENDATION: 'Recommendation',
  PRACTICE_IMPROVEMENT_POINT: 'Practice improvement point',
} as const;

export function judgementView(scale: JudgementScale, row: ReviewInputs['judgements'][number]): JudgementView {
  return {
    id: row.id,
    reviewId: row.reviewId,
    judgement: row.judgement,
    label: judgementLabel(scale, row.judgement),
    reason: row.reason,
    evidence: row.evidence,
    judgedBy: row.judgedBy,
    judgedAt: row.judgedAt.toISOString(),
    figures: readStoredFigures(row.figures),
  };
}

/** Each measure kept with the judgement beside the same measure now (matched by label, then position). */
export function compareFigures(
  asJudged: StoredFigures,
  now: MeasureFigures[],
  asOf: string,
): FiguresComparison[] {
  const rest = [...now];
  const rows = asJudged.measures.map((judged) => {
    const index = rest.findIndex((candidate) => candidate.label === judged.label);
    const [current] = index >= 0 ? rest.splice(index, 1) : [undefined];
    return {
      label: judged.label,
      asJudged: measureSentence(judged),
      now: current ? measureSentence(current, asOf) : 'This measure has since been removed.',
      differs: current ? figuresDiffer(judged, current) : true,
    };
  });
  for (const added of rest)
    rows.push({
      label: added.label,
      asJudged: 'Not a measure when judged.',
      now: measureSentence(added, asOf),
      differs: true,
    });
  return rows;
}

export function buildReviewView(inputs: ReviewInputs): ReviewView {
  const { header } = inputs;
  const scale = header.source.scale;
  const items = inputs.recommendations.map((recommendation): ReviewItemView => {
    const measures = inputs.figures.get(recommendation.id) ?? [];
    const judgements = inputs.judgements
      .filter((row) => row.recommendationId === recommendation.id)
      .map((row) => judgementView(scale, row));
    const [latest = null, ...earlier] = judgements;
    return {
      recommendationId: recommendation.id,
      number: recommendation.number,
      text: recommendation.text,
      kindLabel: KIND_LABELS[recommendation.kind],
      aroseFrom: recommendation.aroseFrom.trim() || `Arises from ${header.source.title}.`,
      draft: draftEvidence({
        asOf: header.asOf,
        measures,
        actions: recommendation.actions,
        audits: recommendation.audits,
      }),
      proposal: proposeJudgement(scale, { measures, actions: recommendation.actions, asOf: header.asOf }),
      figuresNow: measures.map((measure) => measureSentence(measure, header.asOf)),
      latest,
      earlier,
      comparison: latest ? compareFigures(latest.figures, measures, header.asOf) : [],
    };
  });
  return {
    id: header.id,
    kind: header.kind,
    kindLabel: REVIEW_KIND_LABELS[header.kind],
    title: header.title,
    asOf: header.asOf,
    reviewer: header.reviewer,
    source: {
      id: header.source.id,
      title: header.source.title,
      issuedBy: header.source.issuedBy,
      issuedOn: header.source.issuedOn,
      areaLabel: header.source.areaCode ?? 'National',
    },
    scale,
    scaleLabel: SCALE_LABELS[scale],
    options: SCALE_OPTIONS[scale],
    items,
    canRecord: inputs.canRecord,
  };
}
