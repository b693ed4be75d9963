// Challenging a grade (seed 000): a Head of Service or Assistant Director may
// challenge a Not Met grade given to a case of their own area, within a window
// after the grade was submitted. The auditor replies, the audit lead (a Senior
// Service Manager who did not grade the case) decides or refers it, and the
// National Service Director adjudicates a referral; that decision is final.
// Also the figures and the sentence the national report writes about them. Pure.
import { RuleError } from './errors';
import { can, inArea, NATIONAL } from './permissions';
import type { Role } from './roles';
import { rankOf, type RubricContent } from './rubric';

export const CHALLENGE_STATUSES = [
  'AWAITING_REPLY',
  'AWAITING_DECISION',
  'REFERRED',
  'DECIDED',
  'WITHDRAWN',
] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];
export const CHALLENGE_STATUS_LABELS: Record<ChallengeStatus, string> = {
  AWAITING_REPLY: "Awaiting the auditor's reply",
  AWAITING_DECISION: "Awaiting the audit lead's decision",
  REFERRED: 'Referred to the National Service Director',
  DECIDED: 'Decided',
  WITHDRAWN: 'Withdrawn',
};

/** The audit lead's decision. */
export const DECISIONS = ['UPHELD', 'UPHELD_DIFFERENT_REASON', 'REGRADED'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  UPHELD: 'Grade upheld',
  UPHELD_DIFFERENT_REASON: 'Grade upheld for a different reason',
  REGRADED: 'Re-graded',
};

/** The National Service Director's decision on a referral: final. */
export const ADJUDICATIONS = ['UPHELD', 'REGRADED'] as const;
export type Adjudication = (typeof ADJUDICATIONS)[number];
export const ADJUDICATION_LABELS: Record<Adjudication, string> = {
  UPHELD: 'Grade upheld',
  REGRADED: 'Re-graded',
};

export const DEFAULT_CHALLENGE_WINDOW_WORKING_DAYS = 10;
export const REPLY_WITHIN_WORKING_DAYS = 5;
export const DECIDE_WITHIN_WORKING_DAYS = 5;
export const ADJUDICATE_WITHIN_WORKING_DAYS = 10;

/** Roles that may raise a challenge, for a case of their own area. */
export const CHALLENGER_ROLES: readonly string[] = ['HEAD_OF_SERVICE', 'ASSISTANT_DIRECTOR'];

/** A challenge is open until it is decided or withdrawn. */
export function isOpenChallenge(status: ChallengeStatus): boolean {
  return status !== 'DECIDED' && status !== 'WITHDRAWN';
}

const DAY_MS = 24 * 60 * 60 * 1000;

function isWeekend(date: Date): boolean {
  const day = date.getUTCDay();
  return day === 0 || day === 6;
}

/**
 * Adds working days (Monday–Friday; no bank holidays), keeping the time of day.
 * Dates in UTC. Each day counted is a weekday: Friday + 1 is Monday, and so is
 * Saturday + 1 or Sunday + 1. Adding 0 returns the start unchanged.
 * Throws RangeError unless `days` is a whole number, 0 or more.
 */
export function addWorkingDays(start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`Working days must be a whole number, 0 or more (got ${days}).`);
  let time = start.getTime();
  let remaining = days;
  while (remaining > 0) {
    time += DAY_MS;
    if (!isWeekend(new Date(time))) remaining -= 1;
  }
  return new Date(time);
}

/** The moment the challenge window closes: a challenge must be raised before it. */
export function challengeWindowCloses(submittedAt: Date, windowWorkingDays: number): Date {
  return addWorkingDays(submittedAt, windowWorkingDays);
}

/** "Wednesday 12 November 2014 at 14:30 UTC": a deadline is a moment, not only a day. */
export function formatDeadline(date: Date): string {
  const day = date.toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const hours = String(date.getUTCHours()).padStart(2, '0');
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  return `${day.replace(',', '')} at ${hours}:${minutes} UTC`;
}

export type ChallengeContext = {
  actor: { userId: string; role: string; serviceAreaId: string | null };
  caseAudit: {
    serviceAreaId: string;
    auditorId: string;
    overallGrade: string | null;
    submittedAt: Date | null;
    isLowestGrade: boolean;
  };
  auditStatus: 'DRAFT' | 'SAMPLING' | 'GRADING' | 'REVIEW' | 'PUBLISHED';
  windowWorkingDays: number;
  openChallengeExists: boolean;
  now: Date;
};

/** Throws RuleError (plain-English message) unless the actor may raise a challenge. */
export function assertCanRaise(context: ChallengeContext): void {
  const { actor, caseAudit, auditStatus, windowWorkingDays, now } = context;
  if (!CHALLENGER_ROLES.includes(actor.role))
    throw new RuleError('Only a Head of Service or Assistant Director can challenge a grade.');
  if (actor.serviceAreaId === null || actor.serviceAreaId !== caseAudit.serviceAreaId)
    throw new RuleError('You can challenge grades only for cases in your own service area.');
  if (auditStatus === 'PUBLISHED') throw new RuleError('This audit is published: its grades are final.');
  if (auditStatus !== 'GRADING' && auditStatus !== 'REVIEW')
    throw new RuleError('Grades can be challenged only while the audit is in grading or review.');
  if (caseAudit.submittedAt === null || caseAudit.overallGrade === null)
    throw new RuleError('This case has not been submitted yet: only a submitted grade can be challenged.');
  if (!caseAudit.isLowestGrade)
    throw new RuleError('Only a case given the lowest grade (such as Not Met) can be challenged.');
  const closes = challengeWindowCloses(caseAudit.submittedAt, windowWorkingDays);
  if (now.getTime() >= closes.getTime())
    throw new RuleError(
      `A grade can be challenged within ${windowWorkingDays} working ${windowWorkingDays === 1 ? 'day' : 'days'} of being submitted: the window for this case closed on ${formatDeadline(closes)}.`,
    );
  if (context.openChallengeExists)
    throw new RuleError(
      'This case already has an open challenge: wait for its decision, or withdraw it, before raising another.',
    );
}

export type ChallengeState = {
  status: ChallengeStatus;
  raisedById: string;
  auditorId: string;
  decidedById: string | null;
};

type Actor = { userId: string; role: string };
type Step = 'reply' | 'decide' | 'refer' | 'adjudicate' | 'withdraw';

const ALLOWED_FROM: Record<Step, readonly ChallengeStatus[]> = {
  reply: ['AWAITING_REPLY'],
  decide: ['AWAITING_DECISION'],
  refer: ['AWAITING_DECISION'],
  adjudicate: ['REFERRED'],
  withdraw: ['AWAITING_REPLY', 'AWAITING_DECISION'],
};

/** Why `step` cannot happen while the challenge is `status`. */
function statusRefusal(step: Step, status: ChallengeStatus): string {
  if (status === 'DECIDED') return 'This challenge has been decided: the decision is final.';
  if (status === 'WITHDRAWN') return 'This challenge has been withdrawn.';
  if (status === 'REFERRED')
    return step === 'withdraw'
      ? 'This challenge has been referred to the National Service Director: it can no longer be withdrawn.'
      : 'This challenge has been referred to the National Service Director, who now decides it.';
  if (step === 'adjudicate')
    return 'Only a challenge the audit lead has referred to the National Service Director can be adjudicated.';
  if (step === 'reply') return 'The auditor has already replied to this challenge.';
  // decide or refer, while awaiting the auditor's reply
  return `The auditor must reply before the challenge can be ${step === 'decide' ? 'decided' : 'referred'}.`;
}

function assertStatus(state: ChallengeState, step: Step): void {
  if (!ALLOWED_FROM[step].includes(state.status)) throw new RuleError(statusRefusal(step, state.status));
}

function assertAuditLead(state: ChallengeState, actor: Actor, doing: string): void {
  if (actor.role !== 'SENIOR_SERVICE_MANAGER')
    throw new RuleError(`Only a Senior Service Manager (the audit lead) can ${doing} a challenge.`);
  if (actor.userId === state.auditorId)
    throw new RuleError(
      `You graded this case, so another Senior Service Manager must ${doing} the challenge.`,
    );
}

/** What a re-grade or an upholding does to the grade; reasons are always required. */
function assertOutcome(
  regrades: boolean,
  grades: { currentGrade: string; newGrade: string | null },
  reasons: string,
): void {
  const newGrade = grades.newGrade?.trim() ?? '';
  if (regrades) {
    if (newGrade === '') throw new RuleError('Choose the new grade.', 'newGrade');
    if (newGrade === grades.currentGrade)
      throw new RuleError(
        'The new grade is the same as the current grade: to keep the grade, uphold it instead.',
        'newGrade',
      );
  } else if (newGrade !== '' && newGrade !== grades.currentGrade) {
    throw new RuleError('Upholding a challenge keeps the grade: do not choose a new grade.', 'newGrade');
  }
  if (reasons.trim() === '') throw new RuleError('Give the reasons for the decision.', 'reasons');
}

/** AWAITING_REPLY → AWAITING_DECISION, only by the auditor who graded the case. */
export function assertCanReply(state: ChallengeState, actor: Actor): void {
  assertStatus(state, 'reply');
  if (actor.userId !== state.auditorId)
    throw new RuleError('Only the auditor who graded this case can reply to the challenge.');
}

/** AWAITING_DECISION → DECIDED, only by a Senior Service Manager who did not grade the case. */
export function assertCanDecide(
  state: ChallengeState,
  actor: Actor,
  decision: Decision,
  grades: { currentGrade: string; newGrade: string | null },
  reasons: string,
): void {
  assertStatus(state, 'decide');
  assertAuditLead(state, actor, 'decide');
  if (!(DECISIONS as readonly string[]).includes(decision))
    throw new RuleError(
      'Choose a decision: uphold the grade, uphold it for a different reason, or re-grade.',
      'decision',
    );
  assertOutcome(decision === 'REGRADED', grades, reasons);
}

/** AWAITING_DECISION → REFERRED, only by a Senior Service Manager who did not grade the case. */
export function assertCanRefer(state: ChallengeState, actor: Actor): void {
  assertStatus(state, 'refer');
  assertAuditLead(state, actor, 'refer');
}

/** REFERRED → DECIDED, only by the National Service Director; final. */
export function assertCanAdjudicate(
  state: ChallengeState,
  actor: Actor,
  adjudication: Adjudication,
  grades: { currentGrade: string; newGrade: string | null },
  reasons: string,
): void {
  assertStatus(state, 'adjudicate');
  if (actor.role !== 'NATIONAL_SERVICE_DIRECTOR')
    throw new RuleError('Only the National Service Director can adjudicate a challenge.');
  if (!(ADJUDICATIONS as readonly string[]).includes(adjudication))
    throw new RuleError('Choose an adjudication: uphold the grade or re-grade.', 'adjudication');
  assertOutcome(adjudication === 'REGRADED', grades, reasons);
}

/** AWAITING_REPLY | AWAITING_DECISION → WITHDRAWN, only by the person who raised it. */
export function assertCanWithdraw(state: ChallengeState, actor: Actor): void {
  assertStatus(state, 'withdraw');
  if (actor.userId !== state.raisedById)
    throw new RuleError('Only the person who raised this challenge can withdraw it.');
}

/**
 * Who may see a challenge at all (and so act on it): area leaders their own
 * area's; auditors only those on cases they graded; national leads every one.
 * Anyone else reads it as missing.
 */
export function canSeeChallenge(
  actor: { userId: string; role: Role; serviceAreaId: string | null },
  challenge: { serviceAreaId: string; auditorId: string },
): boolean {
  if (!can(actor, 'challenge.view', inArea(challenge.serviceAreaId))) return false;
  if (actor.role === 'IMPROVEMENT_MANAGER') return challenge.auditorId === actor.userId;
  return true;
}

/** The same rule as a list's filter: one area, one auditor's cases, or every area; null for none. */
export type ChallengeListScope = { serviceAreaId: string } | { auditorId: string } | { everyArea: true };

export function challengeListScope(actor: {
  userId: string;
  role: Role;
  serviceAreaId: string | null;
}): ChallengeListScope | null {
  if (actor.serviceAreaId !== null)
    return can(actor, 'challenge.view', inArea(actor.serviceAreaId))
      ? { serviceAreaId: actor.serviceAreaId }
      : null;
  if (!can(actor, 'challenge.view', inArea('*'))) return null;
  return actor.role === 'IMPROVEMENT_MANAGER' ? { auditorId: actor.userId } : { everyArea: true };
}

/** Once the audit is published no challenge step may change a grade. */
export function assertGradesNotFinal(auditStatus: string): void {
  if (auditStatus === 'PUBLISHED') throw new RuleError('This audit is published: its grades are final.');
}

/**
 * The same person sending the same challenge again (a resubmitted form, a
 * retry after a lost answer) gets the challenge they already raised: nothing new.
 */
export function isSameChallenge(
  open: { raisedById: string; proposedGrade: string; reasons: string; disputedSections: string[] },
  actorId: string,
  input: { disputedSections: string[]; proposedGrade: string; reasons: string },
): boolean {
  const sections = (keys: string[]) => [...new Set(keys)].sort().join(',');
  return (
    open.raisedById === actorId &&
    open.proposedGrade === input.proposedGrade &&
    open.reasons === input.reasons &&
    sections(open.disputedSections) === sections(input.disputedSections)
  );
}

/** A proposed or new grade must be on the rubric's scale and differ from the current one. */
export function assertGradeOnScale(
  content: RubricContent,
  grade: string | null,
  current: string,
  field: string,
): void {
  if (!grade || rankOf(content.scale, grade) < 0) throw new RuleError('Choose a grade from the scale', field);
  if (grade === current) throw new RuleError('Choose a grade different from the current one', field);
}

/** Disputed sections are the rubric's own. */
export function assertDisputedSections(content: RubricContent, disputedSections: string[]): void {
  const sectionKeys = new Set(content.sections.map((section) => section.key));
  if (disputedSections.some((key) => !sectionKeys.has(key)))
    throw new RuleError('Choose the disputed sections from the list', 'disputedSections');
}

export type NextStepOwner = 'auditor' | 'audit-lead' | 'national-service-director';
export const NEXT_STEP_OWNER_LABELS: Record<NextStepOwner, string> = {
  auditor: 'The auditor',
  'audit-lead': 'The audit lead',
  'national-service-director': 'The National Service Director',
};

/**
 * Who owns the next step and by when; null when finished. The reply is due 5
 * working days after raising, the decision 5 after the reply, the adjudication
 * 10 after the referral (each counted from the step before when a date is missing).
 */
export function nextStep(challenge: {
  status: ChallengeStatus;
  raisedAt: Date;
  repliedAt: Date | null;
  referredAt: Date | null;
  raisedById: string;
  auditorId: string;
}): { owner: NextStepOwner; dueBy: Date } | null {
  switch (challenge.status) {
    case 'AWAITING_REPLY':
      return { owner: 'auditor', dueBy: addWorkingDays(challenge.raisedAt, REPLY_WITHIN_WORKING_DAYS) };
    case 'AWAITING_DECISION':
      return {
        owner: 'audit-lead',
        dueBy: addWorkingDays(challenge.repliedAt ?? challenge.raisedAt, DECIDE_WITHIN_WORKING_DAYS),
      };
    case 'REFERRED':
      return {
        owner: 'national-service-director',
        dueBy: addWorkingDays(
          challenge.referredAt ?? challenge.repliedAt ?? challenge.raisedAt,
          ADJUDICATE_WITHIN_WORKING_DAYS,
        ),
      };
    case 'DECIDED':
    case 'WITHDRAWN':
      return null;
  }
}

/** Overdue from the moment the next step falls due (as a safeguarding acknowledgement is). */
export function isOverdue(challenge: Parameters<typeof nextStep>[0], now: Date): boolean {
  const step = nextStep(challenge);
  return step !== null && now.getTime() >= step.dueBy.getTime();
}

/** A challenge as its card shows it: the case, every step so far, and who owns the next. */
export type ChallengeView = {
  id: string;
  version: number;
  caseReference: string;
  sampledCaseId: string;
  auditName: string;
  areaCode: string;
  status: ChallengeStatus;
  raisedBy: string;
  raisedById: string;
  auditorId: string;
  raisedAt: Date;
  disputedSections: string[];
  proposedGrade: string;
  originalGrade: string;
  currentGrade: string;
  reasons: string;
  reply: string | null;
  decision: string | null;
  decisionReasons: string | null;
  adjudication: string | null;
  adjudicationReasons: string | null;
  referred: boolean;
  nextStep: { owner: string; dueBy: Date } | null;
  overdue: boolean;
  content: RubricContent;
};

/** The key `challengeFigures` counts a re-grade under: "not-met→met". */
export function regradeKey(fromGrade: string, toGrade: string): string {
  return `${fromGrade}→${toGrade}`;
}

export type ChallengeOutcome = {
  status: ChallengeStatus;
  decision: Decision | null;
  referred: boolean;
  adjudication: Adjudication | null;
  fromGrade: string;
  toGrade: string | null;
};

export type ChallengeFigures = {
  challenged: number;
  upheld: number;
  regraded: number;
  regradedFromTo: Record<string, number>;
  withdrawn: number;
  open: number;
  referred: number;
  adjudicatedUpheld: number;
  adjudicatedRegraded: number;
};

/**
 * Figures for a set of challenges (per audit or area). A decided challenge
 * counts once, by its final outcome (the adjudication when referred, else the
 * audit lead's decision), so challenged = upheld + regraded + withdrawn + open
 * and the referred-and-decided = adjudicatedUpheld + adjudicatedRegraded.
 */
export function challengeFigures(outcomes: ChallengeOutcome[]): ChallengeFigures {
  const figures: ChallengeFigures = {
    challenged: outcomes.length,
    upheld: 0,
    regraded: 0,
    regradedFromTo: {},
    withdrawn: 0,
    open: 0,
    referred: 0,
    adjudicatedUpheld: 0,
    adjudicatedRegraded: 0,
  };
  for (const outcome of outcomes) {
    if (outcome.referred) figures.referred += 1;
    if (outcome.status === 'WITHDRAWN') figures.withdrawn += 1;
    if (isOpenChallenge(outcome.status)) figures.open += 1;
    if (outcome.status !== 'DECIDED') continue;
    const regraded = (outcome.adjudication ?? outcome.decision) === 'REGRADED';
    if (regraded) {
      figures.regraded += 1;
      const key = regradeKey(outcome.fromGrade, outcome.toGrade ?? 'unknown');
      figures.regradedFromTo[key] = (figures.regradedFromTo[key] ?? 0) + 1;
    } else {
      figures.upheld += 1;
    }
    if (outcome.referred) {
      if (regraded) figures.adjudicatedRegraded += 1;
      else figures.adjudicatedUpheld += 1;
    }
  }
  return figures;
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** "a", "a and b", "a, b and c". */
function listOf(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** " to Met" or, when cases went to several grades, " (2 to Met and 1 to Good)". */
function regradedTo(regradedFromTo: Record<string, number>, label: (gradeKey: string) => string): string {
  const byTarget = new Map<string, number>();
  for (const [key, n] of Object.entries(regradedFromTo)) {
    if (n <= 0) continue;
    const target = key.slice(key.indexOf('→') + 1);
    byTarget.set(target, (byTarget.get(target) ?? 0) + n);
  }
  const targets = [...byTarget].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  const [only, ...others] = targets;
  if (only === undefined) return '';
  if (others.length === 0) return ` to ${label(only[0])}`;
  return ` (${listOf(targets.map(([key, n]) => `${count(n)} to ${label(key)}`))})`;
}

/**
 * Whose challenge figures a person sees on an audit's page. An area role (Head
 * of Service, Assistant Director) sees challenges of its own area only, so it
 * sees only its own area's counts (a challenge is of a lowest-grade case: other
 * areas' counts are other areas' grades). Those who read challenges or reports
 * nationally see every area's; anyone else (no challenges, no reports) none.
 */
export function challengeFiguresScope(actor: {
  role: Role;
  serviceAreaId: string | null;
}): { serviceAreaId: string | null } | null {
  if (can(actor, 'challenge.view', NATIONAL) || can(actor, 'report.view', NATIONAL))
    return { serviceAreaId: null };
  if (actor.serviceAreaId !== null && can(actor, 'challenge.view', inArea(actor.serviceAreaId)))
    return { serviceAreaId: actor.serviceAreaId };
  return null;
}

/**
 * The report's sentence, e.g. "14 Not Met cases were challenged; 3 were
 * re-graded to Met and 11 upheld. 1 was referred to the National Service
 * Director for adjudication: the grade remained unchanged."
 */
export function describeChallengeFigures(
  figures: ChallengeFigures,
  label: (gradeKey: string) => string,
  lowestLabel: string,
): string {
  const total = figures.challenged;
  if (total === 0) return `No ${lowestLabel} cases were challenged.`;
  const wasWere = (n: number) => (n === 1 ? 'was' : 'were');
  const isAre = (n: number) => (n === 1 ? 'is' : 'are');

  // Each part: [number, verb, rest]; a single part covering every case reads "it"/"all n".
  const parts: [number, string, string][] = [];
  if (figures.regraded > 0)
    parts.push([
      figures.regraded,
      wasWere(figures.regraded),
      `re-graded${regradedTo(figures.regradedFromTo, label)}`,
    ]);
  if (figures.upheld > 0) parts.push([figures.upheld, wasWere(figures.upheld), 'upheld']);
  if (figures.withdrawn > 0) parts.push([figures.withdrawn, wasWere(figures.withdrawn), 'withdrawn']);
  if (figures.open > 0) parts.push([figures.open, isAre(figures.open), 'still open']);

  const challenged = `${count(total)} ${lowestLabel} ${total === 1 ? 'case was' : 'cases were'} challenged`;
  if (parts.length === 0) return `${challenged}. ${describeReferrals(figures)}`;
  let outcomes: string;
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined && only[0] === total) {
    outcomes = total === 1 ? `it ${only[1]} ${only[2]}` : `all ${count(total)} ${only[1]} ${only[2]}`;
  } else {
    // "3 were re-graded to Met and 11 upheld": the verb is not repeated when it is the same.
    outcomes = listOf(
      parts.map(([n, verb, rest], index) =>
        parts[index - 1]?.[1] === verb ? `${count(n)} ${rest}` : `${count(n)} ${verb} ${rest}`,
      ),
    );
  }
  return `${challenged}; ${outcomes}. ${describeReferrals(figures)}`;
}

function describeReferrals(figures: ChallengeFigures): string {
  const { referred, adjudicatedUpheld: upheld, adjudicatedRegraded: regraded } = figures;
  const nsd = 'the National Service Director';
  if (referred === 0) return `None was referred to ${nsd}.`;
  const awaiting = Math.max(referred - upheld - regraded, 0);
  const opening = `${count(referred)} ${referred === 1 ? 'was' : 'were'} referred to ${nsd} for adjudication`;
  if (referred === 1) {
    if (upheld === 1) return `${opening}: the grade remained unchanged.`;
    if (regraded === 1) return `${opening}: the case was re-graded.`;
    return `${opening}: the adjudication is awaited.`;
  }
  if (upheld === referred) return `${opening}: the grades remained unchanged.`;
  if (regraded === referred) return `${opening}: all ${count(referred)} were re-graded.`;
  if (awaiting === referred) return `${opening}: the adjudications are awaited.`;
  const parts: string[] = [];
  if (upheld > 0)
    parts.push(`${count(upheld)} ${upheld === 1 ? 'grade remained' : 'grades remained'} unchanged`);
  if (regraded > 0) parts.push(`${count(regraded)} ${regraded === 1 ? 'was' : 'were'} re-graded`);
  if (awaiting > 0) parts.push(`${count(awaiting)} ${awaiting === 1 ? 'awaits' : 'await'} adjudication`);
  return `${opening}: ${listOf(parts)}.`;
}
