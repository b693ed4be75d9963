// A practice observation (seed 003: "1,364 practice observations"): a manager
// watches a practitioner at work (direct work with a child, a meeting, a court
// hearing), judges it against a short rubric drawn from the practice themes the
// audits follow, and gives the practitioner feedback. No case grade: it is
// counted and reported beside the audits, never mixed into their grades. Pure.
import type { Actor } from './actor';
import { isCalendarDate } from './dates';
import { can, inArea, NATIONAL } from './permissions';

export const OBSERVATION_SETTINGS = ['DIRECT_WORK_WITH_CHILD', 'MEETING', 'COURT_HEARING'] as const;
export type ObservationSetting = (typeof OBSERVATION_SETTINGS)[number];

export const OBSERVATION_SETTING_LABELS: Record<ObservationSetting, string> = {
  DIRECT_WORK_WITH_CHILD: 'Direct work with a child',
  MEETING: 'A meeting',
  COURT_HEARING: 'A court hearing',
};

/** Three points for each criterion: enough to tell strong practice from practice needing support. */
export const OBSERVATION_JUDGEMENTS = ['STRONG', 'DEVELOPING', 'NEEDS_SUPPORT'] as const;
export type ObservationJudgement = (typeof OBSERVATION_JUDGEMENTS)[number];

export const OBSERVATION_JUDGEMENT_LABELS: Record<ObservationJudgement, string> = {
  STRONG: 'Strong',
  DEVELOPING: 'Developing',
  NEEDS_SUPPORT: 'Needs support',
};

/**
 * The observation rubric: the themes seed 003's learning and the threshold
 * documents return to (the child's voice, purposeful work, risk analysed,
 * relationships with the family, recording).
 */
export const OBSERVATION_CRITERIA = [
  {
    key: 'childsVoice',
    label: "The child's voice",
    hint: "The child's wishes, feelings and experience are sought, heard and shape the work.",
  },
  {
    key: 'purpose',
    label: 'Clarity of purpose',
    hint: 'Everyone present understands why the work is happening and what it is for.',
  },
  {
    key: 'riskAnalysis',
    label: 'Analysis of risk',
    hint: 'Risks (including domestic abuse) are explored and weighed, not only listed.',
  },
  {
    key: 'relationship',
    label: 'Relationship with the family',
    hint: 'Respectful, clear and child-focused; difficult messages are given honestly.',
  },
  {
    key: 'recording',
    label: 'Recording',
    hint: 'What was seen and decided is recorded promptly and accurately.',
  },
] as const;
export type ObservationCriterion = (typeof OBSERVATION_CRITERIA)[number]['key'];

export type ObservationAnswers = Record<ObservationCriterion, ObservationJudgement | null>;

export type ObservationInput = {
  practitionerId: string;
  observedOn: string;
  setting: string;
  answers: Partial<Record<string, string | null>>;
  feedback: string;
};

export type ObservationProblem = { field: string; message: string };

export function isObservationSetting(value: unknown): value is ObservationSetting {
  return typeof value === 'string' && (OBSERVATION_SETTINGS as readonly string[]).includes(value);
}

export function isObservationJudgement(value: unknown): value is ObservationJudgement {
  return typeof value === 'string' && (OBSERVATION_JUDGEMENTS as readonly string[]).includes(value);
}

export function emptyObservationAnswers(): ObservationAnswers {
  return Object.fromEntries(
    OBSERVATION_CRITERIA.map((criterion) => [criterion.key, null]),
  ) as ObservationAnswers;
}

/** Stored or sent answers made to fit the rubric: unknown criteria dropped, unknown judgements null. */
export function normaliseObservationAnswers(given: unknown): ObservationAnswers {
  const loose = (typeof given === 'object' && given !== null ? given : {}) as Record<string, unknown>;
  const answers = emptyObservationAnswers();
  for (const criterion of OBSERVATION_CRITERIA) {
    const value = Object.prototype.hasOwnProperty.call(loose, criterion.key) ? loose[criterion.key] : null;
    answers[criterion.key] = isObservationJudgement(value) ? value : null;
  }
  return answers;
}

/** An observation as its form sends it: one field per rubric criterion. */
export type ObservationFields = {
  observedOn: string;
  setting: ObservationSetting;
  feedback: string;
} & Record<ObservationCriterion, ObservationJudgement>;

/** The rubric's answers out of the form's one-field-per-criterion shape. */
export function observationAnswersFrom(
  fields: Partial<Record<ObservationCriterion, unknown>>,
): ObservationAnswers {
  return normaliseObservationAnswers(
    Object.fromEntries(OBSERVATION_CRITERIA.map((criterion) => [criterion.key, fields[criterion.key]])),
  );
}

/** Feedback long enough to say something, short enough to stay a note. */
export const FEEDBACK_MAX = 5000;

/**
 * What stops an observation being recorded, each naming its field: who was
 * observed, when (a real day, not in the future), where, every criterion
 * judged, and the feedback given to the practitioner.
 */
export function observationProblems(input: ObservationInput, today: string): ObservationProblem[] {
  const problems: ObservationProblem[] = [];
  if (input.practitionerId.trim() === '')
    problems.push({ field: 'practitionerId', message: 'Choose the practitioner observed' });
  if (!isCalendarDate(input.observedOn))
    problems.push({ field: 'observedOn', message: 'Give the date of the observation as a real date' });
  else if (input.observedOn > today)
    problems.push({ field: 'observedOn', message: 'The date of the observation cannot be in the future' });
  if (!isObservationSetting(input.setting))
    problems.push({ field: 'setting', message: 'Choose what was observed' });
  for (const criterion of OBSERVATION_CRITERIA) {
    if (!isObservationJudgement(input.answers[criterion.key]))
      problems.push({
        field: `criterion-${criterion.key}`,
        message: `Give a judgement for ${criterion.label.charAt(0).toLowerCase()}${criterion.label.slice(1)}`,
      });
  }
  const feedback = input.feedback.trim();
  if (feedback === '')
    problems.push({ field: 'feedback', message: 'Record the feedback given to the practitioner' });
  else if (feedback.length > FEEDBACK_MAX)
    problems.push({ field: 'feedback', message: `Keep the feedback under ${FEEDBACK_MAX} characters` });
  return problems;
}

/** How many criteria were judged strong, developing or needing support: the observation's profile. */
export function judgementProfile(answers: ObservationAnswers): Record<ObservationJudgement, number> {
  const profile: Record<ObservationJudgement, number> = { STRONG: 0, DEVELOPING: 0, NEEDS_SUPPORT: 0 };
  for (const criterion of OBSERVATION_CRITERIA) {
    const judgement = answers[criterion.key];
    if (judgement) profile[judgement] += 1;
  }
  return profile;
}

// ─── Who may observe whom, and see what ─────────────────────────────────────

/** The practitioner as the scope rules need them: their area and their team's Service Manager. */
export type ObservedPractitioner = { serviceAreaId: string; teamServiceManagerId: string | null };

/**
 * Recording is granted in the practitioner's area (observation.record); a
 * Service Manager observes only the practitioners of the teams they manage, a
 * Head of Practice anyone in their area.
 */
export function mayRecordObservation(
  actor: Pick<Actor, 'userId' | 'role' | 'serviceAreaId'>,
  practitioner: ObservedPractitioner,
): boolean {
  if (!can(actor, 'observation.record', inArea(practitioner.serviceAreaId))) return false;
  if (actor.role === 'SERVICE_MANAGER') return practitioner.teamServiceManagerId === actor.userId;
  return true;
}

/**
 * Which observations a person may list: national roles any area's (or one
 * area's), area roles their own area's; a Service Manager only those of their
 * own teams' practitioners and those they recorded. Null: none at all.
 */
export type ObservationScope = { serviceAreaId: string | null; serviceManagerId: string | null };

export function observationScope(
  actor: Pick<Actor, 'userId' | 'role' | 'serviceAreaId'>,
  requestedAreaId: string | null = null,
): ObservationScope | null {
  if (can(actor, 'observation.view', NATIONAL))
    return { serviceAreaId: requestedAreaId, serviceManagerId: null };
  const area = actor.serviceAreaId;
  if (!area || !can(actor, 'observation.view', inArea(area))) return null;
  if (requestedAreaId !== null && requestedAreaId !== area) return null;
  return { serviceAreaId: area, serviceManagerId: actor.role === 'SERVICE_MANAGER' ? actor.userId : null };
}

/** One observation, as the view rules need it. */
export function mayViewObservation(
  actor: Pick<Actor, 'userId' | 'role' | 'serviceAreaId'>,
  observation: ObservedPractitioner & { observerId: string },
): boolean {
  if (!can(actor, 'observation.view', inArea(observation.serviceAreaId))) return false;
  if (actor.role === 'SERVICE_MANAGER')
    return observation.teamServiceManagerId === actor.userId || observation.observerId === actor.userId;
  return true;
}

/** Only the person who recorded an observation amends it (it is their judgement and their feedback). */
export function mayAmendObservation(
  actor: Pick<Actor, 'userId' | 'role' | 'serviceAreaId'>,
  observation: ObservedPractitioner & { observerId: string },
): boolean {
  return (
    observation.observerId === actor.userId &&
    can(actor, 'observation.record', inArea(observation.serviceAreaId))
  );
}

/** A month filter, yyyy-mm, within the years the service could hold. */
export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && isCalendarDate(`${value}-01`);
}

/** The first and last day of a yyyy-mm month. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

// ─── Counting (lib/db/observation-counts.ts counts; these are its shapes) ──

/** A period of observation dates, both ends included, yyyy-mm-dd; an area, or the nation (null). */
export type ObservationCountQuery = { from: string; to: string; serviceAreaId: string | null };

/**
 * Observations in a period, counted in one pass: in all, by area, by month
 * (yyyy-mm) and by quarter (its first month, yyyy-mm: 2023-04 is April to
 * June, a financial year's first quarter), and by area within each month and
 * quarter. Months and quarters with none are absent; the reader fills gaps.
 */
export type ObservationCounts = {
  total: number;
  byArea: Record<string, number>;
  byMonth: Record<string, number>;
  byQuarter: Record<string, number>;
  byAreaMonth: Record<string, Record<string, number>>;
  byAreaQuarter: Record<string, Record<string, number>>;
};

export function emptyObservationCounts(): ObservationCounts {
  return { total: 0, byArea: {}, byMonth: {}, byQuarter: {}, byAreaMonth: {}, byAreaQuarter: {} };
}
