// Drafts a recommendation's evidence of progress for a review, in the words
// of seed 000 §6 ("% Good in Private Law WAFH in A5 was 27% in September 2013
// and is 67% in November 2014: the target is met.") and the bullet points of
// seed 001. A draft only: the reviewer edits it, and it is never a judgement.
import { formatDate } from './dates';
import { percentOf, type MeasureFigures, type MeasurePoint } from './progress-reviews';

export type DraftAction = {
  description: string;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'DROPPED';
  /** yyyy-mm-dd */
  dueOn: string;
  droppedReason: string | null;
  /** The latest progress update on or before the review's date. */
  latestUpdate: { on: string; text: string } | null;
};

export type DraftAudit = {
  name: string;
  /** yyyy-mm-dd: the end of the audit's window. */
  on: string;
  isPublished: boolean;
  /** Commissioned from this recommendation to test one of its measures. */
  commissioned: boolean;
};

export type DraftInput = {
  /** yyyy-mm-dd: the review's as-of date; nothing later is drafted. */
  asOf: string;
  measures: MeasureFigures[];
  actions: DraftAction[];
  audits: DraftAudit[];
};

/** "September 2013" */
export function monthOf(day: string): string {
  const [year, month] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function figure(point: MeasurePoint): string {
  const percent = percentOf(point);
  return percent === null ? 'not measured (no graded cases)' : `${percent}% (n = ${point.total})`;
}

const when = (point: MeasurePoint) => point.period ?? monthOf(point.on);

function signed(value: number): string {
  const points = Math.round(value);
  return points > 0 ? `+${points}` : String(points);
}

function targetWords(measure: MeasureFigures, targetMet: boolean | null): string {
  if (!measure.target) return '';
  const wanted = `${measure.target.direction === 'AT_LEAST' ? 'at least' : 'at most'} ${measure.target.percent}%`;
  if (targetMet === null) return `: the target is ${wanted}`;
  return `: the target (${wanted}) ${targetMet ? 'is met' : 'is not yet met'}`;
}

/** Whether a point meets the target, on the unrounded share. */
export function meetsTarget(point: MeasurePoint, target: MeasureFigures['target']): boolean | null {
  if (!target || point.total === 0) return null;
  const share = (100 * point.count) / point.total;
  return target.direction === 'AT_LEAST' ? share >= target.percent : share <= target.percent;
}

/** One measure in a sentence, from its points on or before the date. */
export function measureSentence(measure: MeasureFigures, asOf?: string): string {
  const series = asOf === undefined ? measure.series : measure.series.filter((point) => point.on <= asOf);
  // The change is counted from the baseline audit (else the first).
  const first = series.find((point) => point.isBaseline) ?? series[0];
  const last = series.at(-1);
  if (!first || !last) return `${measure.label}: no published audit has measured it yet.`;
  // Figures computed over later audits than the date no longer apply: the
  // change is left out and the target read from the last point kept.
  const isWhole = series.length === measure.series.length;
  const targetMet = isWhole ? measure.targetMet : meetsTarget(last, measure.target);
  if (first === last)
    return `${measure.label} is ${figure(last)} in ${when(last)}${targetWords(measure, targetMet)}.`;
  const change = isWhole ? measure.change : null;
  const changeWords = change
    ? `, ${change.points === 0 ? 'no change' : `${change.points > 0 ? 'up' : 'down'} ${Math.abs(change.points)} points`} (95% interval ${signed(change.low)} to ${signed(change.high)} points${change.low <= 0 && change.high >= 0 ? ', so the change could be chance' : ''})`
    : '';
  return `${measure.label} was ${figure(first)} in ${when(first)} and is ${figure(last)} in ${when(last)}${changeWords}${targetWords(measure, targetMet)}.`;
}

const STATUS_WORDS: Record<DraftAction['status'], string> = {
  NOT_STARTED: 'not started',
  IN_PROGRESS: 'in progress',
  DONE: 'done',
  DROPPED: 'dropped',
};

function actionLine(action: DraftAction, asOf: string): string {
  const description = action.description.trim().replace(/\.$/, '');
  let line: string;
  if (action.status === 'DONE') line = `Done: ${description}.`;
  else if (action.status === 'DROPPED')
    line = `Dropped: ${description}${action.droppedReason ? ` (${action.droppedReason.trim().replace(/\.$/, '')})` : ''}.`;
  else if (action.dueOn < asOf)
    line = `Overdue since ${formatDate(action.dueOn)} (${STATUS_WORDS[action.status]}): ${description}.`;
  else
    line = `${STATUS_WORDS[action.status] === 'in progress' ? 'In progress' : 'Not started'}, due ${formatDate(action.dueOn)}: ${description}.`;
  const update = action.latestUpdate;
  if (update && update.on <= asOf && update.text.trim() !== '')
    line += ` Latest update (${formatDate(update.on)}): ${update.text.trim()}`;
  return `- ${line}`;
}

function actionsSummary(actions: DraftAction[], asOf: string): string {
  const count = (status: DraftAction['status']) =>
    actions.filter((action) => action.status === status).length;
  const overdue = actions.filter(
    (action) => action.status !== 'DONE' && action.status !== 'DROPPED' && action.dueOn < asOf,
  ).length;
  const parts = [
    `${count('DONE')} of ${actions.length} done`,
    count('IN_PROGRESS') > 0 ? `${count('IN_PROGRESS')} in progress` : null,
    count('NOT_STARTED') > 0 ? `${count('NOT_STARTED')} not started` : null,
    count('DROPPED') > 0 ? `${count('DROPPED')} dropped` : null,
    overdue > 0 ? `${overdue} overdue` : null,
  ].filter((part): part is string => part !== null);
  return `Actions: ${parts.join(', ')}.`;
}

function auditLine(audit: DraftAudit): string {
  const state = audit.isPublished ? `published, cases to ${formatDate(audit.on)}` : 'not yet published';
  return `${audit.name} (${state}${audit.commissioned ? '; commissioned to test this recommendation' : ''})`;
}

/**
 * The evidence of progress as of the review's date: the measures' figures,
 * then the actions (done, dropped with the reason, overdue, latest updates),
 * then the audits linked to the recommendation. Paragraphs are separated by a
 * blank line, as the PDF prints them.
 */
export function draftEvidence(input: DraftInput): string {
  const paragraphs: string[] = [];
  const measures = input.measures.map((measure) => measureSentence(measure, input.asOf));
  if (measures.length > 0) paragraphs.push(measures.join(' '));
  if (input.actions.length > 0)
    paragraphs.push(
      [
        actionsSummary(input.actions, input.asOf),
        ...input.actions.map((action) => actionLine(action, input.asOf)),
      ].join('\n'),
    );
  const audits = input.audits.filter((audit) => audit.on <= input.asOf || !audit.isPublished);
  if (audits.length > 0) paragraphs.push(`Audits linked as evidence: ${audits.map(auditLine).join('; ')}.`);
  if (paragraphs.length === 0)
    return 'No measures, actions or audits are recorded for this recommendation yet: add the evidence of progress here.';
  return paragraphs.join('\n\n');
}
