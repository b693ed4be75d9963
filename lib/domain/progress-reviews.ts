// Progress reviews of a source's recommendations (issue 16 §4; seed 001, seed
// 000 §6): the scales judgements are recorded on, what Threshold may propose
// (never record), and the figures kept with each judgement as they stood.
import type { MeasureView } from './measures';
import { roundedPercent } from './report';

export const JUDGEMENT_SCALES = ['MET_ONGOING', 'SATISFACTORY_INADEQUATE', 'INSPECTION_FOUR_POINT'] as const;
export type JudgementScale = (typeof JUDGEMENT_SCALES)[number];

export const REVIEW_KINDS = ['MID_POINT', 'FINAL', 'OTHER'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  MID_POINT: 'Mid-point review',
  FINAL: 'Final review',
  OTHER: 'Other review',
};

export type JudgementOption = { value: string; label: string };

/** Each source's own scale, in its own words (seed 000 §6, seed 001, seed 004). */
export const SCALE_OPTIONS: Record<JudgementScale, readonly JudgementOption[]> = {
  MET_ONGOING: [
    { value: 'met', label: 'Met' },
    { value: 'ongoing', label: 'Ongoing' },
  ],
  SATISFACTORY_INADEQUATE: [
    { value: 'satisfactory', label: 'Satisfactory progress' },
    { value: 'inadequate', label: 'Inadequate progress' },
  ],
  INSPECTION_FOUR_POINT: [
    { value: 'outstanding', label: 'Outstanding' },
    { value: 'good', label: 'Good' },
    { value: 'requires-improvement', label: 'Requires improvement' },
    { value: 'inadequate', label: 'Inadequate' },
  ],
};

export const SCALE_LABELS: Record<JudgementScale, string> = {
  MET_ONGOING: 'Met / ongoing',
  SATISFACTORY_INADEQUATE: 'Satisfactory / inadequate progress',
  INSPECTION_FOUR_POINT: 'Outstanding / good / requires improvement / inadequate',
};

export function isJudgementOn(scale: JudgementScale, value: string): boolean {
  return SCALE_OPTIONS[scale].some((option) => option.value === value);
}

/** The judgement's label on its scale; an unknown value is shown as stored. */
export function judgementLabel(scale: JudgementScale, value: string): string {
  return SCALE_OPTIONS[scale].find((option) => option.value === value)?.label ?? value;
}

// ─── Figures ────────────────────────────────────────────────────────────────

/** One published audit's figure for a measure. */
export type MeasurePoint = {
  auditName: string;
  /** yyyy-mm-dd: the end of the audit's window, which dates its figures. */
  on: string;
  /** The month the audit is known by ("September 2013"); absent: the month of `on`. */
  period?: string;
  /** The measure's baseline audit: the change is counted from it. */
  isBaseline?: boolean;
  /** Cases counted by the measure (e.g. graded Good or above) of `total` graded. */
  count: number;
  total: number;
};

export type MeasureTarget = { percent: number; direction: 'AT_LEAST' | 'AT_MOST' };

/** A measure's figures as they stand on a date: the series, the change from baseline, the target. */
export type MeasureFigures = {
  label: string;
  series: MeasurePoint[];
  /** Baseline to latest, in percentage points, with its 95% interval (Newcombe's method 10). */
  change: { points: number; low: number; high: number } | null;
  target: MeasureTarget | null;
  /** Null: no target, or no figure yet. */
  targetMet: boolean | null;
};

/** What a judgement keeps: the measures' figures as they stood when it was recorded. */
export type StoredFigures = { asOf: string; measures: MeasureFigures[] };

export function percentOf(point: Pick<MeasurePoint, 'count' | 'total'>): number | null {
  return roundedPercent(point.count, point.total);
}

/** A measure's figures to keep with a judgement, from the measure as lib/domain/measures assembles it. */
export function figuresOf(view: MeasureView): MeasureFigures {
  return {
    label: view.label.trim() || view.subject,
    series: view.series.map((point) => ({
      auditName: point.auditName,
      on: point.windowTo,
      period: point.period,
      ...(point.isBaseline ? { isBaseline: true } : {}),
      count: point.count,
      total: point.total,
    })),
    change:
      view.change && view.change.points !== null && view.change.interval
        ? {
            points: view.change.points,
            low: Math.round(view.change.interval.low * 10) / 10,
            high: Math.round(view.change.interval.high * 10) / 10,
          }
        : null,
    target: view.target ? { percent: view.target.percent, direction: view.target.direction } : null,
    targetMet: view.target?.met ?? null,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function readPoint(value: unknown): MeasurePoint | null {
  if (!isRecord(value)) return null;
  const { auditName, on, count, total, period, isBaseline } = value;
  if (typeof auditName !== 'string' || typeof on !== 'string' || !isNumber(count) || !isNumber(total))
    return null;
  return {
    auditName,
    on,
    ...(typeof period === 'string' ? { period } : {}),
    ...(isBaseline === true ? { isBaseline } : {}),
    count,
    total,
  };
}

function readMeasure(value: unknown): MeasureFigures | null {
  if (!isRecord(value) || typeof value.label !== 'string' || !Array.isArray(value.series)) return null;
  const series = value.series.map(readPoint).filter((point): point is MeasurePoint => point !== null);
  const change =
    isRecord(value.change) &&
    isNumber(value.change.points) &&
    isNumber(value.change.low) &&
    isNumber(value.change.high)
      ? { points: value.change.points, low: value.change.low, high: value.change.high }
      : null;
  const direction = isRecord(value.target) ? value.target.direction : null;
  const target: MeasureTarget | null =
    isRecord(value.target) &&
    isNumber(value.target.percent) &&
    (direction === 'AT_LEAST' || direction === 'AT_MOST')
      ? { percent: value.target.percent, direction }
      : null;
  const targetMet = typeof value.targetMet === 'boolean' ? value.targetMet : null;
  return { label: value.label, series, change, target, targetMet };
}

/** A judgement's stored figures, read defensively: a row is never rewritten, so old shapes must still read. */
export function readStoredFigures(json: unknown): StoredFigures {
  if (!isRecord(json)) return { asOf: '', measures: [] };
  const measures = Array.isArray(json.measures)
    ? json.measures.map(readMeasure).filter((measure): measure is MeasureFigures => measure !== null)
    : [];
  return { asOf: typeof json.asOf === 'string' ? json.asOf : '', measures };
}

/** Whether a measure's figures now differ from those kept with a judgement. */
export function figuresDiffer(asJudged: MeasureFigures, now: MeasureFigures): boolean {
  const key = (figures: MeasureFigures) =>
    JSON.stringify([
      figures.series.map((point) => [point.auditName, point.on, point.count, point.total]),
      figures.targetMet,
    ]);
  return key(asJudged) !== key(now);
}

// ─── Proposals: shown with their reason, never recorded by themselves ───────

export type ProposalInput = {
  measures: MeasureFigures[];
  actions: { status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'DROPPED'; dueOn: string }[];
  asOf: string;
};

export type Proposal = { judgement: string; label: string; why: string };

const POSITIVE: Partial<Record<JudgementScale, string>> = {
  MET_ONGOING: 'met',
  SATISFACTORY_INADEQUATE: 'satisfactory',
};
const NEGATIVE: Partial<Record<JudgementScale, string>> = {
  MET_ONGOING: 'ongoing',
  SATISFACTORY_INADEQUATE: 'inadequate',
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * A suggestion for the reviewer, with why: from the measures' targets first,
 * else from the actions. The four-point inspection scale judges more than
 * targets and actions can show, so nothing is proposed on it.
 */
export function proposeJudgement(scale: JudgementScale, input: ProposalInput): Proposal | null {
  const positive = POSITIVE[scale];
  const negative = NEGATIVE[scale];
  if (!positive || !negative) return null;
  const make = (judgement: string, why: string): Proposal => ({
    judgement,
    label: judgementLabel(scale, judgement),
    why,
  });
  const judged = input.measures.filter((measure) => measure.targetMet !== null);
  if (judged.length > 0) {
    const missed = judged.filter((measure) => measure.targetMet === false).length;
    if (missed === 0)
      return make(
        positive,
        judged.length === 1 ? "the measure's target is met" : "all measures' targets met",
      );
    return make(
      negative,
      `${missed} of ${plural(judged.length, "measure's target", "measures' targets")} not met`,
    );
  }
  if (input.actions.length === 0) return null;
  const open = input.actions.filter((action) => action.status !== 'DONE' && action.status !== 'DROPPED');
  const overdue = open.filter((action) => action.dueOn < input.asOf).length;
  if (overdue > 0) return make(negative, `${plural(overdue, 'action is', 'actions are')} overdue`);
  if (open.length === 0) return make(positive, 'every action is done (or dropped with a reason)');
  return null;
}
