import { describe, expect, it } from 'vitest';
import {
  ADJUDICATE_WITHIN_WORKING_DAYS,
  ADJUDICATIONS,
  addWorkingDays,
  assertCanAdjudicate,
  assertCanDecide,
  assertCanRaise,
  assertCanRefer,
  assertCanReply,
  assertCanWithdraw,
  CHALLENGE_STATUSES,
  challengeFigures,
  challengeWindowCloses,
  DECIDE_WITHIN_WORKING_DAYS,
  DECISIONS,
  DEFAULT_CHALLENGE_WINDOW_WORKING_DAYS,
  describeChallengeFigures,
  formatDeadline,
  isOpenChallenge,
  isOverdue,
  nextStep,
  regradeKey,
  REPLY_WITHIN_WORKING_DAYS,
  type Adjudication,
  type ChallengeContext,
  type ChallengeFigures,
  type ChallengeOutcome,
  type ChallengeState,
  type ChallengeStatus,
  type Decision,
} from '@/lib/domain/challenges';
import { RuleError } from '@/lib/domain/errors';
import { ROLES } from '@/lib/domain/roles';
import { FOUR_POINT_SCALE, THREE_POINT_SCALE, type GradeScale } from '@/lib/domain/rubric';

function ruleError(run: () => void): RuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected a RuleError');
}

const at = (iso: string) => new Date(iso);
const weekday = (date: Date) => date.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });

describe('the rule constants', () => {
  it('are the ones agreed', () => {
    expect(CHALLENGE_STATUSES).toEqual([
      'AWAITING_REPLY',
      'AWAITING_DECISION',
      'REFERRED',
      'DECIDED',
      'WITHDRAWN',
    ]);
    expect(DECISIONS).toEqual(['UPHELD', 'UPHELD_DIFFERENT_REASON', 'REGRADED']);
    expect(ADJUDICATIONS).toEqual(['UPHELD', 'REGRADED']);
    expect(DEFAULT_CHALLENGE_WINDOW_WORKING_DAYS).toBe(10);
    expect(REPLY_WITHIN_WORKING_DAYS).toBe(5);
    expect(DECIDE_WITHIN_WORKING_DAYS).toBe(5);
    expect(ADJUDICATE_WITHIN_WORKING_DAYS).toBe(10);
  });

  it('treats only decided and withdrawn challenges as closed', () => {
    expect(CHALLENGE_STATUSES.filter(isOpenChallenge)).toEqual([
      'AWAITING_REPLY',
      'AWAITING_DECISION',
      'REFERRED',
    ]);
  });
});

describe('addWorkingDays', () => {
  // November 2014: Monday 3rd, Friday 7th, Saturday 8th, Sunday 9th, Monday 10th.
  it.each([
    ['Monday + 0 is the same moment', '2014-11-03T09:30:00Z', 0, '2014-11-03T09:30:00Z'],
    ['Monday + 1 is Tuesday', '2014-11-03T09:30:00Z', 1, '2014-11-04T09:30:00Z'],
    ['Monday + 4 is Friday', '2014-11-03T09:30:00Z', 4, '2014-11-07T09:30:00Z'],
    ['Monday + 5 is the next Monday', '2014-11-03T09:30:00Z', 5, '2014-11-10T09:30:00Z'],
    ['Monday + 10 is Monday fortnight', '2014-11-03T09:30:00Z', 10, '2014-11-17T09:30:00Z'],
    ['Thursday + 1 is Friday', '2014-11-06T12:00:00Z', 1, '2014-11-07T12:00:00Z'],
    ['Thursday + 2 is Monday', '2014-11-06T12:00:00Z', 2, '2014-11-10T12:00:00Z'],
    ['Thursday + 10 is Thursday fortnight', '2014-11-06T12:00:00Z', 10, '2014-11-20T12:00:00Z'],
    ['Friday + 1 is Monday', '2014-11-07T16:45:00Z', 1, '2014-11-10T16:45:00Z'],
    ['Friday + 5 is the next Friday', '2014-11-07T16:45:00Z', 5, '2014-11-14T16:45:00Z'],
    ['Friday late + 1 is Monday late', '2014-11-07T23:59:59.999Z', 1, '2014-11-10T23:59:59.999Z'],
    ['Saturday + 0 is left alone', '2014-11-08T10:00:00Z', 0, '2014-11-08T10:00:00Z'],
    ['Saturday + 1 is Monday', '2014-11-08T10:00:00Z', 1, '2014-11-10T10:00:00Z'],
    ['Saturday + 5 is Friday', '2014-11-08T10:00:00Z', 5, '2014-11-14T10:00:00Z'],
    ['Saturday + 6 is the Monday after', '2014-11-08T10:00:00Z', 6, '2014-11-17T10:00:00Z'],
    ['Sunday + 1 is Monday', '2014-11-09T00:00:00Z', 1, '2014-11-10T00:00:00Z'],
    ['Sunday + 5 is Friday', '2014-11-09T00:00:00Z', 5, '2014-11-14T00:00:00Z'],
    ['New Year is not a holiday here', '2014-12-31T09:00:00Z', 1, '2015-01-01T09:00:00Z'],
    ['across the year end', '2014-12-31T09:00:00Z', 3, '2015-01-05T09:00:00Z'],
    ['into a leap day', '2024-02-28T09:00:00Z', 1, '2024-02-29T09:00:00Z'],
    ['out of a leap day', '2024-02-29T09:00:00Z', 1, '2024-03-01T09:00:00Z'],
    // UK clocks went back on Sunday 26 October 2014: the UTC time of day is kept.
    ['across a clock change', '2014-10-24T08:00:00Z', 1, '2014-10-27T08:00:00Z'],
  ])('%s', (_label, start, days, expected) => {
    expect(addWorkingDays(at(start), days)).toEqual(at(expected));
  });

  // Every start day of a fortnight, every count to three weeks.
  const starts = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2014, 10, 3 + i, 14, 30)));
  const counts = Array.from({ length: 15 }, (_, i) => i + 1);
  it.each(starts.flatMap((start) => counts.map((days) => [weekday(start), start, days] as const)))(
    '%s %o + %i lands on a weekday with exactly that many weekdays passed',
    (_day, start, days) => {
      const end = addWorkingDays(start, days);
      expect(['Saturday', 'Sunday']).not.toContain(weekday(end));
      expect(end.getUTCHours()).toBe(14);
      expect(end.getUTCMinutes()).toBe(30);
      let passed = 0;
      for (let t = start.getTime() + 86_400_000; t <= end.getTime(); t += 86_400_000) {
        if (!['Saturday', 'Sunday'].includes(weekday(new Date(t)))) passed += 1;
      }
      expect(passed).toBe(days);
    },
  );

  it('does not change the date it is given', () => {
    const given = at('2014-11-07T16:45:00Z');
    addWorkingDays(given, 3);
    expect(given).toEqual(at('2014-11-07T16:45:00Z'));
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s days', (days) => {
    expect(() => addWorkingDays(at('2014-11-03T09:00:00Z'), days)).toThrow(RangeError);
  });
});

describe('challengeWindowCloses', () => {
  it.each([
    ['submitted on a Friday', '2014-11-07T14:30:00Z', 10, '2014-11-21T14:30:00Z'],
    ['submitted on a Monday', '2014-11-03T09:00:00Z', 10, '2014-11-17T09:00:00Z'],
    ['submitted on a Saturday', '2014-11-08T11:00:00Z', 10, '2014-11-21T11:00:00Z'],
    ['a one-day window from Friday', '2014-11-07T14:30:00Z', 1, '2014-11-10T14:30:00Z'],
    ['a five-day window', '2014-11-05T10:00:00Z', 5, '2014-11-12T10:00:00Z'],
  ])('%s with %i working days → %s', (_label, submitted, days, closes) => {
    expect(challengeWindowCloses(at(submitted), days)).toEqual(at(closes));
  });
});

describe('formatDeadline', () => {
  it('names the weekday, the date and the UTC time', () => {
    expect(formatDeadline(at('2014-11-21T14:30:00Z'))).toBe('Friday 21 November 2014 at 14:30 UTC');
    expect(formatDeadline(at('2015-01-05T09:05:00Z'))).toBe('Monday 5 January 2015 at 09:05 UTC');
  });
});

describe('assertCanRaise', () => {
  const submittedAt = at('2014-11-07T14:30:00Z'); // Friday
  const closes = at('2014-11-21T14:30:00Z'); // Friday fortnight, 10 working days on
  const allowed: ChallengeContext = {
    actor: { userId: 'hos-a1', role: 'HEAD_OF_SERVICE', serviceAreaId: 'a1' },
    caseAudit: {
      serviceAreaId: 'a1',
      auditorId: 'im-1',
      overallGrade: 'not-met',
      submittedAt,
      isLowestGrade: true,
    },
    auditStatus: 'GRADING',
    windowWorkingDays: DEFAULT_CHALLENGE_WINDOW_WORKING_DAYS,
    openChallengeExists: false,
    now: at('2014-11-10T09:00:00Z'),
  };
  const withActor = (actor: Partial<ChallengeContext['actor']>): ChallengeContext => ({
    ...allowed,
    actor: { ...allowed.actor, ...actor },
  });
  const withCase = (caseAudit: Partial<ChallengeContext['caseAudit']>): ChallengeContext => ({
    ...allowed,
    caseAudit: { ...allowed.caseAudit, ...caseAudit },
  });

  it.each([
    ['a Head of Service of the area', allowed],
    ['an Assistant Director of the area', withActor({ role: 'ASSISTANT_DIRECTOR', userId: 'ad-a1' })],
    ['while the audit is in review', { ...allowed, auditStatus: 'REVIEW' as const }],
    ['straight after submission', { ...allowed, now: submittedAt }],
    ['on the weekend after submission', { ...allowed, now: at('2014-11-09T20:00:00Z') }],
    ['a millisecond before the window closes', { ...allowed, now: new Date(closes.getTime() - 1) }],
    ['with a longer window, after ten working days', { ...allowed, windowWorkingDays: 15, now: closes }],
    ['when earlier challenges are closed', { ...allowed, openChallengeExists: false }],
  ])('allows %s', (_label, context) => {
    expect(() => assertCanRaise(context)).not.toThrow();
  });

  const otherRoles = ROLES.filter((role) => role !== 'HEAD_OF_SERVICE' && role !== 'ASSISTANT_DIRECTOR');
  it.each(otherRoles)('refuses the role %s', (role) => {
    expect(ruleError(() => assertCanRaise(withActor({ role }))).message).toBe(
      'Only a Head of Service or Assistant Director can challenge a grade.',
    );
  });

  it.each([
    ['another area’s case', withActor({ serviceAreaId: 'a2' }), /only for cases in your own service area/],
    [
      'a challenger with no area',
      withActor({ serviceAreaId: null }),
      /only for cases in your own service area/,
    ],
    [
      'an audit in draft',
      { ...allowed, auditStatus: 'DRAFT' as const },
      /only while the audit is in grading/,
    ],
    [
      'an audit in sampling',
      { ...allowed, auditStatus: 'SAMPLING' as const },
      /only while the audit is in grading/,
    ],
    [
      'a published audit',
      { ...allowed, auditStatus: 'PUBLISHED' as const },
      /published: its grades are final/,
    ],
    ['a case not yet submitted', withCase({ submittedAt: null }), /has not been submitted yet/],
    ['a case with no overall grade', withCase({ overallGrade: null }), /has not been submitted yet/],
    [
      'a grade above the lowest level',
      withCase({ overallGrade: 'met', isLowestGrade: false }),
      /lowest grade/,
    ],
    ['the moment the window closes', { ...allowed, now: closes }, /window for this case closed/],
    [
      'a month after the window closed',
      { ...allowed, now: at('2014-12-22T09:00:00Z') },
      /window for this case/,
    ],
    ['a second open challenge', { ...allowed, openChallengeExists: true }, /already has an open challenge/],
  ])('refuses %s', (_label, context, message) => {
    const error = ruleError(() => assertCanRaise(context));
    expect(error.message).toMatch(message);
    expect(error.field).toBeUndefined();
  });

  it('says when the window closed, and how long it was', () => {
    expect(ruleError(() => assertCanRaise({ ...allowed, now: closes })).message).toBe(
      'A grade can be challenged within 10 working days of being submitted: the window for this case closed on Friday 21 November 2014 at 14:30 UTC.',
    );
    expect(
      ruleError(() => assertCanRaise({ ...allowed, windowWorkingDays: 1, now: closes })).message,
    ).toMatch(
      /within 1 working day of being submitted: .* closed on Monday 10 November 2014 at 14:30 UTC\.$/,
    );
  });

  it('checks the role before the area, so a wrong role in the right area is told about the role', () => {
    expect(
      ruleError(() => assertCanRaise(withActor({ role: 'DIRECTOR', serviceAreaId: 'a2' }))).message,
    ).toMatch(/Only a Head of Service/);
  });
});

// People: the challenger (HoS of the area), the auditor who graded the case,
// the audit lead (an SSM who did not), the NSD, and others who may not act.
const ACTORS = {
  challenger: { userId: 'hos-a1', role: 'HEAD_OF_SERVICE' },
  otherHeadOfService: { userId: 'hos-a2', role: 'HEAD_OF_SERVICE' },
  auditor: { userId: 'im-1', role: 'IMPROVEMENT_MANAGER' },
  otherAuditor: { userId: 'im-2', role: 'IMPROVEMENT_MANAGER' },
  auditLead: { userId: 'ssm-1', role: 'SENIOR_SERVICE_MANAGER' },
  nsd: { userId: 'nsd-1', role: 'NATIONAL_SERVICE_DIRECTOR' },
  director: { userId: 'dir-1', role: 'DIRECTOR' },
  admin: { userId: 'admin-1', role: 'ADMIN' },
} as const;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

const stateIn = (status: ChallengeStatus): ChallengeState => ({
  status,
  raisedById: ACTORS.challenger.userId,
  auditorId: ACTORS.auditor.userId,
  decidedById: status === 'DECIDED' ? ACTORS.auditLead.userId : null,
});
const keep = { currentGrade: 'not-met', newGrade: null };
const toMet = { currentGrade: 'not-met', newGrade: 'met' };

type Step = 'reply' | 'decide' | 'refer' | 'adjudicate' | 'withdraw';
const STEPS: Record<Step, (state: ChallengeState, actor: { userId: string; role: string }) => void> = {
  reply: (state, actor) => assertCanReply(state, actor),
  decide: (state, actor) =>
    assertCanDecide(state, actor, 'UPHELD', keep, 'The threshold was applied correctly.'),
  refer: (state, actor) => assertCanRefer(state, actor),
  adjudicate: (state, actor) => assertCanAdjudicate(state, actor, 'UPHELD', keep, 'Not Met stands.'),
  withdraw: (state, actor) => assertCanWithdraw(state, actor),
};

/** The only (step, status, actor) combinations allowed. */
const LEGAL = new Set([
  'reply AWAITING_REPLY auditor',
  'decide AWAITING_DECISION auditLead',
  'refer AWAITING_DECISION auditLead',
  'adjudicate REFERRED nsd',
  'withdraw AWAITING_REPLY challenger',
  'withdraw AWAITING_DECISION challenger',
]);

describe('challenge transitions: every step × status × person', () => {
  const cases = (Object.keys(STEPS) as Step[]).flatMap((step) =>
    CHALLENGE_STATUSES.flatMap((status) => ACTOR_NAMES.map((actor) => [step, status, actor] as const)),
  );
  it.each(cases)('%s from %s by %s', (step, status, actor) => {
    const run = () => STEPS[step](stateIn(status), ACTORS[actor]);
    if (LEGAL.has(`${step} ${status} ${actor}`)) expect(run).not.toThrow();
    else expect(run).toThrow(RuleError);
  });
});

describe('assertCanReply', () => {
  it.each([
    ['another auditor', 'otherAuditor'],
    ['the audit lead', 'auditLead'],
    ['the challenger', 'challenger'],
    ['the National Service Director', 'nsd'],
  ] as const)('refuses a reply by %s', (_label, actor) => {
    expect(ruleError(() => assertCanReply(stateIn('AWAITING_REPLY'), ACTORS[actor])).message).toBe(
      'Only the auditor who graded this case can reply to the challenge.',
    );
  });

  it.each([
    ['AWAITING_DECISION', /already replied/],
    ['REFERRED', /referred to the National Service Director, who now decides it/],
    ['DECIDED', /decided: the decision is final/],
    ['WITHDRAWN', /has been withdrawn/],
  ] as const)('refuses a reply once %s', (status, message) => {
    expect(() => assertCanReply(stateIn(status), ACTORS.auditor)).toThrow(message);
  });
});

describe('assertCanDecide', () => {
  const awaiting = stateIn('AWAITING_DECISION');
  const reasons = 'The evidence was recorded after all.';

  it.each([
    ['UPHELD', keep],
    ['UPHELD', { currentGrade: 'not-met', newGrade: 'not-met' }],
    ['UPHELD', { currentGrade: 'not-met', newGrade: '' }],
    ['UPHELD_DIFFERENT_REASON', keep],
    ['REGRADED', toMet],
    ['REGRADED', { currentGrade: 'not-met', newGrade: 'good' }],
  ] as const)('allows %s with grades %o', (decision, grades) => {
    expect(() => assertCanDecide(awaiting, ACTORS.auditLead, decision, grades, reasons)).not.toThrow();
  });

  it.each(ROLES.filter((role) => role !== 'SENIOR_SERVICE_MANAGER'))('refuses the role %s', (role) => {
    expect(
      ruleError(() => assertCanDecide(awaiting, { userId: 'someone', role }, 'UPHELD', keep, reasons))
        .message,
    ).toBe('Only a Senior Service Manager (the audit lead) can decide a challenge.');
  });

  it('refuses a Senior Service Manager who graded the case', () => {
    const gradedByLead = { ...awaiting, auditorId: ACTORS.auditLead.userId };
    for (const decision of DECISIONS) {
      expect(
        ruleError(() => assertCanDecide(gradedByLead, ACTORS.auditLead, decision, toMet, reasons)).message,
      ).toBe('You graded this case, so another Senior Service Manager must decide the challenge.');
    }
    const otherLead = { userId: 'ssm-2', role: 'SENIOR_SERVICE_MANAGER' };
    expect(() => assertCanDecide(gradedByLead, otherLead, 'UPHELD', keep, reasons)).not.toThrow();
  });

  it.each([
    [
      'a re-grade to the same grade',
      'REGRADED',
      { currentGrade: 'not-met', newGrade: 'not-met' },
      reasons,
      'newGrade',
      /same as the current grade/,
    ],
    ['a re-grade with no grade', 'REGRADED', keep, reasons, 'newGrade', /Choose the new grade/],
    [
      'a re-grade with a blank grade',
      'REGRADED',
      { currentGrade: 'not-met', newGrade: '  ' },
      reasons,
      'newGrade',
      /Choose the new grade/,
    ],
    ['an upholding that changes the grade', 'UPHELD', toMet, reasons, 'newGrade', /keeps the grade/],
    [
      'an upholding for a different reason that changes the grade',
      'UPHELD_DIFFERENT_REASON',
      toMet,
      reasons,
      'newGrade',
      /keeps the grade/,
    ],
    ['empty reasons', 'UPHELD', keep, '', 'reasons', /Give the reasons/],
    ['blank reasons', 'UPHELD_DIFFERENT_REASON', keep, ' \n\t ', 'reasons', /Give the reasons/],
    ['a re-grade with blank reasons', 'REGRADED', toMet, '   ', 'reasons', /Give the reasons/],
    ['a decision not on the list', 'OVERTURNED' as Decision, keep, reasons, 'decision', /Choose a decision/],
  ] as const)('refuses %s', (_label, decision, grades, why, field, message) => {
    const error = ruleError(() => assertCanDecide(awaiting, ACTORS.auditLead, decision, grades, why));
    expect(error.message).toMatch(message);
    expect(error.field).toBe(field);
  });

  it.each([
    ['AWAITING_REPLY', 'The auditor must reply before the challenge can be decided.'],
    ['REFERRED', 'This challenge has been referred to the National Service Director, who now decides it.'],
    ['DECIDED', 'This challenge has been decided: the decision is final.'],
    ['WITHDRAWN', 'This challenge has been withdrawn.'],
  ] as const)('refuses a decision once %s', (status, message) => {
    expect(
      ruleError(() => assertCanDecide(stateIn(status), ACTORS.auditLead, 'UPHELD', keep, reasons)).message,
    ).toBe(message);
  });
});

describe('assertCanRefer', () => {
  const awaiting = stateIn('AWAITING_DECISION');

  it('allows the audit lead to refer a challenge they cannot settle', () => {
    expect(() => assertCanRefer(awaiting, ACTORS.auditLead)).not.toThrow();
  });

  it.each(ROLES.filter((role) => role !== 'SENIOR_SERVICE_MANAGER'))('refuses the role %s', (role) => {
    expect(ruleError(() => assertCanRefer(awaiting, { userId: 'someone', role })).message).toBe(
      'Only a Senior Service Manager (the audit lead) can refer a challenge.',
    );
  });

  it('refuses a Senior Service Manager who graded the case', () => {
    expect(
      ruleError(() => assertCanRefer({ ...awaiting, auditorId: ACTORS.auditLead.userId }, ACTORS.auditLead))
        .message,
    ).toBe('You graded this case, so another Senior Service Manager must refer the challenge.');
  });

  it.each([
    ['AWAITING_REPLY', 'The auditor must reply before the challenge can be referred.'],
    ['REFERRED', 'This challenge has been referred to the National Service Director, who now decides it.'],
    ['DECIDED', 'This challenge has been decided: the decision is final.'],
    ['WITHDRAWN', 'This challenge has been withdrawn.'],
  ] as const)('refuses a referral once %s', (status, message) => {
    expect(ruleError(() => assertCanRefer(stateIn(status), ACTORS.auditLead)).message).toBe(message);
  });
});

describe('assertCanAdjudicate', () => {
  const referred = stateIn('REFERRED');
  const reasons = 'Having read the file, the grade stands.';

  it.each([
    ['UPHELD', keep],
    ['UPHELD', { currentGrade: 'not-met', newGrade: 'not-met' }],
    ['REGRADED', toMet],
  ] as const)('allows %s with grades %o', (adjudication, grades) => {
    expect(() => assertCanAdjudicate(referred, ACTORS.nsd, adjudication, grades, reasons)).not.toThrow();
  });

  it.each(ROLES.filter((role) => role !== 'NATIONAL_SERVICE_DIRECTOR'))('refuses the role %s', (role) => {
    expect(
      ruleError(() => assertCanAdjudicate(referred, { userId: 'someone', role }, 'UPHELD', keep, reasons))
        .message,
    ).toBe('Only the National Service Director can adjudicate a challenge.');
  });

  it('refuses a second adjudication: the first is final', () => {
    const adjudicated: ChallengeState = { ...referred, status: 'DECIDED', decidedById: ACTORS.nsd.userId };
    for (const adjudication of ADJUDICATIONS) {
      expect(
        ruleError(() => assertCanAdjudicate(adjudicated, ACTORS.nsd, adjudication, toMet, reasons)).message,
      ).toBe('This challenge has been decided: the decision is final.');
    }
  });

  it.each([
    ['AWAITING_REPLY', /Only a challenge the audit lead has referred/],
    ['AWAITING_DECISION', /Only a challenge the audit lead has referred/],
    ['WITHDRAWN', /has been withdrawn/],
  ] as const)('refuses to adjudicate a challenge %s', (status, message) => {
    expect(() => assertCanAdjudicate(stateIn(status), ACTORS.nsd, 'UPHELD', keep, reasons)).toThrow(message);
  });

  it.each([
    [
      'a re-grade to the same grade',
      'REGRADED',
      { currentGrade: 'not-met', newGrade: 'not-met' },
      reasons,
      'newGrade',
    ],
    ['a re-grade with no grade', 'REGRADED', keep, reasons, 'newGrade'],
    ['an upholding that changes the grade', 'UPHELD', toMet, reasons, 'newGrade'],
    ['blank reasons', 'UPHELD', keep, '  ', 'reasons'],
    [
      'an adjudication not on the list',
      'UPHELD_DIFFERENT_REASON' as Adjudication,
      keep,
      reasons,
      'adjudication',
    ],
  ] as const)('refuses %s', (_label, adjudication, grades, why, field) => {
    expect(ruleError(() => assertCanAdjudicate(referred, ACTORS.nsd, adjudication, grades, why)).field).toBe(
      field,
    );
  });
});

describe('assertCanWithdraw', () => {
  it.each(['AWAITING_REPLY', 'AWAITING_DECISION'] as const)(
    'allows the challenger to withdraw while %s',
    (status) => {
      expect(() => assertCanWithdraw(stateIn(status), ACTORS.challenger)).not.toThrow();
    },
  );

  it.each(['otherHeadOfService', 'auditor', 'auditLead', 'nsd'] as const)(
    'refuses a withdrawal by %s',
    (actor) => {
      expect(ruleError(() => assertCanWithdraw(stateIn('AWAITING_REPLY'), ACTORS[actor])).message).toBe(
        'Only the person who raised this challenge can withdraw it.',
      );
    },
  );

  it.each([
    [
      'REFERRED',
      'This challenge has been referred to the National Service Director: it can no longer be withdrawn.',
    ],
    ['DECIDED', 'This challenge has been decided: the decision is final.'],
    ['WITHDRAWN', 'This challenge has been withdrawn.'],
  ] as const)('refuses a withdrawal once %s', (status, message) => {
    expect(ruleError(() => assertCanWithdraw(stateIn(status), ACTORS.challenger)).message).toBe(message);
  });
});

describe('nextStep and isOverdue', () => {
  const raisedAt = at('2014-11-07T10:00:00Z'); // Friday
  const repliedAt = at('2014-11-12T16:00:00Z'); // Wednesday
  const referredAt = at('2014-11-20T09:00:00Z'); // Thursday
  const base = {
    raisedAt,
    repliedAt: null,
    referredAt: null,
    raisedById: ACTORS.challenger.userId,
    auditorId: ACTORS.auditor.userId,
  };
  type Challenge = Parameters<typeof nextStep>[0];

  it.each([
    [
      'awaiting reply: the auditor, 5 working days after raising',
      { ...base, status: 'AWAITING_REPLY' },
      'auditor',
      '2014-11-14T10:00:00Z',
    ],
    [
      'awaiting reply, raised on a Saturday',
      { ...base, status: 'AWAITING_REPLY', raisedAt: at('2014-11-08T11:00:00Z') },
      'auditor',
      '2014-11-14T11:00:00Z',
    ],
    [
      'awaiting decision: the audit lead, 5 working days after the reply',
      { ...base, status: 'AWAITING_DECISION', repliedAt },
      'audit-lead',
      '2014-11-19T16:00:00Z',
    ],
    [
      'awaiting decision with no reply date: from raising',
      { ...base, status: 'AWAITING_DECISION' },
      'audit-lead',
      '2014-11-14T10:00:00Z',
    ],
    [
      'referred: the National Service Director, 10 working days after the referral',
      { ...base, status: 'REFERRED', repliedAt, referredAt },
      'national-service-director',
      '2014-12-04T09:00:00Z',
    ],
    [
      'referred with no referral date: from the reply',
      { ...base, status: 'REFERRED', repliedAt },
      'national-service-director',
      '2014-11-26T16:00:00Z',
    ],
  ] as const)('%s', (_label, challenge: Challenge, owner, dueBy) => {
    expect(nextStep(challenge)).toEqual({ owner, dueBy: at(dueBy) });
    const due = at(dueBy).getTime();
    expect(isOverdue(challenge, challenge.raisedAt)).toBe(false);
    expect(isOverdue(challenge, new Date(due - 1))).toBe(false);
    expect(isOverdue(challenge, new Date(due))).toBe(true);
    expect(isOverdue(challenge, new Date(due + 86_400_000))).toBe(true);
  });

  it.each(['DECIDED', 'WITHDRAWN'] as const)(
    'a %s challenge has no next step and is never overdue',
    (status) => {
      const challenge: Challenge = { ...base, status, repliedAt, referredAt };
      expect(nextStep(challenge)).toBeNull();
      expect(isOverdue(challenge, at('2020-01-01T00:00:00Z'))).toBe(false);
    },
  );

  it('moves the deadline on with each step', () => {
    const reply = nextStep({ ...base, status: 'AWAITING_REPLY' });
    const decide = nextStep({ ...base, status: 'AWAITING_DECISION', repliedAt });
    const adjudicate = nextStep({ ...base, status: 'REFERRED', repliedAt, referredAt });
    // The auditor was late on the 14th; once they reply the lead has their own five days.
    expect(isOverdue({ ...base, status: 'AWAITING_REPLY' }, at('2014-11-17T09:00:00Z'))).toBe(true);
    expect(isOverdue({ ...base, status: 'AWAITING_DECISION', repliedAt }, at('2014-11-17T09:00:00Z'))).toBe(
      false,
    );
    expect([reply?.owner, decide?.owner, adjudicate?.owner]).toEqual([
      'auditor',
      'audit-lead',
      'national-service-director',
    ]);
  });
});

const outcome = (overrides: Partial<ChallengeOutcome>): ChallengeOutcome => ({
  status: 'DECIDED',
  decision: 'UPHELD',
  referred: false,
  adjudication: null,
  fromGrade: 'not-met',
  toGrade: null,
  ...overrides,
});
const none: ChallengeFigures = {
  challenged: 0,
  upheld: 0,
  regraded: 0,
  regradedFromTo: {},
  withdrawn: 0,
  open: 0,
  referred: 0,
  adjudicatedUpheld: 0,
  adjudicatedRegraded: 0,
};
const times = (n: number, value: ChallengeOutcome) => Array.from({ length: n }, () => value);

/** Seed 000: 14 challenged; 3 re-graded to Met; 11 upheld, one of them by the NSD on referral. */
const SEED_000: ChallengeOutcome[] = [
  ...times(3, outcome({ decision: 'REGRADED', toGrade: 'met' })),
  ...times(6, outcome({ decision: 'UPHELD' })),
  ...times(4, outcome({ decision: 'UPHELD_DIFFERENT_REASON' })),
  outcome({ decision: null, referred: true, adjudication: 'UPHELD' }),
];

describe('challengeFigures', () => {
  it('counts nothing in an empty set', () => {
    expect(challengeFigures([])).toEqual(none);
  });

  it.each([
    ['awaiting a reply', outcome({ status: 'AWAITING_REPLY', decision: null }), { open: 1 }],
    ['awaiting a decision', outcome({ status: 'AWAITING_DECISION', decision: null }), { open: 1 }],
    [
      'referred, not yet adjudicated',
      outcome({ status: 'REFERRED', decision: null, referred: true }),
      { open: 1, referred: 1 },
    ],
    ['withdrawn', outcome({ status: 'WITHDRAWN', decision: null }), { withdrawn: 1 }],
    ['upheld by the lead', outcome({ decision: 'UPHELD' }), { upheld: 1 }],
    [
      'upheld by the lead for a different reason',
      outcome({ decision: 'UPHELD_DIFFERENT_REASON' }),
      { upheld: 1 },
    ],
    [
      're-graded by the lead',
      outcome({ decision: 'REGRADED', toGrade: 'met' }),
      { regraded: 1, regradedFromTo: { 'not-met→met': 1 } },
    ],
    [
      'referred and upheld by the NSD',
      outcome({ decision: null, referred: true, adjudication: 'UPHELD' }),
      { upheld: 1, referred: 1, adjudicatedUpheld: 1 },
    ],
    [
      'referred and re-graded by the NSD',
      outcome({ decision: null, referred: true, adjudication: 'REGRADED', toGrade: 'good' }),
      { regraded: 1, referred: 1, adjudicatedRegraded: 1, regradedFromTo: { 'not-met→good': 1 } },
    ],
    [
      'the adjudication, not an earlier decision, when both are stored',
      outcome({ decision: 'REGRADED', referred: true, adjudication: 'UPHELD', toGrade: null }),
      { upheld: 1, referred: 1, adjudicatedUpheld: 1 },
    ],
  ] as const)('counts a challenge %s', (_label, one, expected) => {
    expect(challengeFigures([one])).toEqual({ ...none, challenged: 1, ...expected });
  });

  it("gives seed 000's figures", () => {
    expect(challengeFigures(SEED_000)).toEqual({
      challenged: 14,
      upheld: 11,
      regraded: 3,
      regradedFromTo: { [regradeKey('not-met', 'met')]: 3 },
      withdrawn: 0,
      open: 0,
      referred: 1,
      adjudicatedUpheld: 1,
      adjudicatedRegraded: 0,
    });
  });

  it('reconciles: every challenge is counted once, and every adjudicated referral once', () => {
    const mixed = [
      ...SEED_000,
      outcome({ status: 'AWAITING_REPLY', decision: null }),
      outcome({ status: 'WITHDRAWN', decision: null }),
      outcome({ status: 'REFERRED', decision: null, referred: true }),
      outcome({ decision: null, referred: true, adjudication: 'REGRADED', toGrade: 'met' }),
      outcome({ decision: 'REGRADED', toGrade: 'good' }),
    ];
    const figures = challengeFigures(mixed);
    expect(figures.challenged).toBe(19);
    expect(figures.upheld + figures.regraded + figures.withdrawn + figures.open).toBe(figures.challenged);
    expect(Object.values(figures.regradedFromTo).reduce((a, b) => a + b, 0)).toBe(figures.regraded);
    expect(figures.referred).toBe(3);
    expect(figures.adjudicatedUpheld + figures.adjudicatedRegraded).toBe(2);
    expect(figures.regradedFromTo).toEqual({ 'not-met→met': 4, 'not-met→good': 1 });
  });
});

describe('describeChallengeFigures', () => {
  const labelOn = (scale: GradeScale) => (key: string) =>
    scale.levels.find((level) => level.key === key)?.label ?? key;
  const label = labelOn(THREE_POINT_SCALE);
  const describe3 = (figures: Partial<ChallengeFigures>) =>
    describeChallengeFigures({ ...none, ...figures }, label, 'Not Met');

  it("writes seed 000's sentence from the data", () => {
    expect(describeChallengeFigures(challengeFigures(SEED_000), label, 'Not Met')).toBe(
      '14 Not Met cases were challenged; 3 were re-graded to Met and 11 upheld. 1 was referred to the National Service Director for adjudication: the grade remained unchanged.',
    );
  });

  it.each([
    ['none challenged', {}, 'No Not Met cases were challenged.'],
    [
      'one, upheld',
      { challenged: 1, upheld: 1 },
      '1 Not Met case was challenged; it was upheld. None was referred to the National Service Director.',
    ],
    [
      'one, re-graded',
      { challenged: 1, regraded: 1, regradedFromTo: { 'not-met→met': 1 } },
      '1 Not Met case was challenged; it was re-graded to Met. None was referred to the National Service Director.',
    ],
    [
      'one, withdrawn',
      { challenged: 1, withdrawn: 1 },
      '1 Not Met case was challenged; it was withdrawn. None was referred to the National Service Director.',
    ],
    [
      'one, referred and awaiting adjudication',
      { challenged: 1, open: 1, referred: 1 },
      '1 Not Met case was challenged; it is still open. 1 was referred to the National Service Director for adjudication: the adjudication is awaited.',
    ],
    [
      'one, referred and re-graded',
      {
        challenged: 1,
        regraded: 1,
        regradedFromTo: { 'not-met→good': 1 },
        referred: 1,
        adjudicatedRegraded: 1,
      },
      '1 Not Met case was challenged; it was re-graded to Good. 1 was referred to the National Service Director for adjudication: the case was re-graded.',
    ],
    [
      'all upheld',
      { challenged: 3, upheld: 3 },
      '3 Not Met cases were challenged; all 3 were upheld. None was referred to the National Service Director.',
    ],
    [
      'one re-graded and one upheld',
      { challenged: 2, upheld: 1, regraded: 1, regradedFromTo: { 'not-met→met': 1 } },
      '2 Not Met cases were challenged; 1 was re-graded to Met and 1 upheld. None was referred to the National Service Director.',
    ],
    [
      'one re-graded and several upheld',
      { challenged: 3, upheld: 2, regraded: 1, regradedFromTo: { 'not-met→met': 1 } },
      '3 Not Met cases were challenged; 1 was re-graded to Met and 2 were upheld. None was referred to the National Service Director.',
    ],
    [
      're-grades to several grades, withdrawals and open challenges',
      {
        challenged: 10,
        regraded: 3,
        regradedFromTo: { 'not-met→good': 1, 'not-met→met': 2 },
        upheld: 4,
        withdrawn: 1,
        open: 2,
      },
      '10 Not Met cases were challenged; 3 were re-graded (2 to Met and 1 to Good), 4 upheld, 1 was withdrawn and 2 are still open. None was referred to the National Service Director.',
    ],
    [
      'several referred, all upheld',
      { challenged: 5, upheld: 5, referred: 2, adjudicatedUpheld: 2 },
      '5 Not Met cases were challenged; all 5 were upheld. 2 were referred to the National Service Director for adjudication: the grades remained unchanged.',
    ],
    [
      'several referred, all re-graded',
      {
        challenged: 2,
        regraded: 2,
        regradedFromTo: { 'not-met→met': 2 },
        referred: 2,
        adjudicatedRegraded: 2,
      },
      '2 Not Met cases were challenged; all 2 were re-graded to Met. 2 were referred to the National Service Director for adjudication: all 2 were re-graded.',
    ],
    [
      'several referred, all awaiting adjudication',
      { challenged: 4, upheld: 2, open: 2, referred: 2 },
      '4 Not Met cases were challenged; 2 were upheld and 2 are still open. 2 were referred to the National Service Director for adjudication: the adjudications are awaited.',
    ],
    [
      'several referred with every outcome',
      {
        challenged: 6,
        upheld: 3,
        regraded: 1,
        regradedFromTo: { 'not-met→met': 1 },
        open: 2,
        referred: 4,
        adjudicatedUpheld: 2,
        adjudicatedRegraded: 1,
      },
      '6 Not Met cases were challenged; 1 was re-graded to Met, 3 were upheld and 2 are still open. 4 were referred to the National Service Director for adjudication: 2 grades remained unchanged, 1 was re-graded and 1 awaits adjudication.',
    ],
    [
      'several referred, one upheld and several awaiting',
      { challenged: 3, upheld: 1, open: 2, referred: 3, adjudicatedUpheld: 1 },
      '3 Not Met cases were challenged; 1 was upheld and 2 are still open. 3 were referred to the National Service Director for adjudication: 1 grade remained unchanged and 2 await adjudication.',
    ],
  ] as const)('%s', (_label, figures, sentence) => {
    expect(describe3(figures)).toBe(sentence);
  });

  it('uses the labels of the scale it is given', () => {
    const figures = challengeFigures([
      outcome({ fromGrade: 'inadequate', decision: 'REGRADED', toGrade: 'requires-improvement' }),
      outcome({ fromGrade: 'inadequate' }),
    ]);
    expect(describeChallengeFigures(figures, labelOn(FOUR_POINT_SCALE), 'Inadequate')).toBe(
      '2 Inadequate cases were challenged; 1 was re-graded to Requires Improvement and 1 upheld. None was referred to the National Service Director.',
    );
  });
});
