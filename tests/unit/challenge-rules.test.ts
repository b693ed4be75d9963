import { describe, expect, it } from 'vitest';
import {
  challengeRaisedMessage,
  challengeReferredMessage,
  challengeRepliedMessage,
  challengeSettledMessage,
  challengeWithdrawnMessage,
} from '@/lib/domain/challenge-messages';
import {
  assertDisputedSections,
  assertGradeOnScale,
  assertGradesNotFinal,
  canSeeChallenge,
  challengeListScope,
  isSameChallenge,
} from '@/lib/domain/challenges';
import { RuleError } from '@/lib/domain/errors';
import { THREE_POINT_SCALE, type RubricContent } from '@/lib/domain/rubric';
import type { Role } from '@/lib/domain/roles';

const AREA = 'area-1';
const OTHER = 'area-2';
const AUDITOR = 'auditor-1';

const person = (role: Role, serviceAreaId: string | null = null, userId = 'user-1') => ({
  userId,
  role,
  serviceAreaId,
});

describe('canSeeChallenge', () => {
  const challenge = { serviceAreaId: AREA, auditorId: AUDITOR };
  it.each<[string, ReturnType<typeof person>, boolean]>([
    ['a Head of Service of its area', person('HEAD_OF_SERVICE', AREA), true],
    ['an Assistant Director of its area', person('ASSISTANT_DIRECTOR', AREA), true],
    ['a Head of Service of another area', person('HEAD_OF_SERVICE', OTHER), false],
    ['the auditor who graded the case', person('IMPROVEMENT_MANAGER', null, AUDITOR), true],
    ['another auditor', person('IMPROVEMENT_MANAGER', null, 'auditor-2'), false],
    ['a Senior Service Manager', person('SENIOR_SERVICE_MANAGER'), true],
    ['the National Service Director', person('NATIONAL_SERVICE_DIRECTOR'), true],
    ['a Director', person('DIRECTOR'), false],
    ['an Improvement Assistant', person('IMPROVEMENT_ASSISTANT'), false],
    ['an administrator', person('ADMIN'), false],
  ])('%s: %s', (_who, actor, expected) => {
    expect(canSeeChallenge(actor, challenge)).toBe(expected);
  });
});

describe('challengeListScope', () => {
  it.each<[string, ReturnType<typeof person>, ReturnType<typeof challengeListScope>]>([
    ['an area leader: their own area', person('HEAD_OF_SERVICE', AREA), { serviceAreaId: AREA }],
    ['an Assistant Director: their own area', person('ASSISTANT_DIRECTOR', AREA), { serviceAreaId: AREA }],
    [
      'an auditor: the cases they graded',
      person('IMPROVEMENT_MANAGER', null, AUDITOR),
      { auditorId: AUDITOR },
    ],
    ['a Senior Service Manager: every area', person('SENIOR_SERVICE_MANAGER'), { everyArea: true }],
    ['the National Service Director: every area', person('NATIONAL_SERVICE_DIRECTOR'), { everyArea: true }],
    ['a Director: none', person('DIRECTOR'), null],
    ['an administrator: none', person('ADMIN'), null],
  ])('%s', (_who, actor, expected) => {
    expect(challengeListScope(actor)).toEqual(expected);
  });
});

describe('assertGradesNotFinal', () => {
  it('refuses every step once the audit is published', () => {
    expect(() => assertGradesNotFinal('PUBLISHED')).toThrow('This audit is published: its grades are final.');
  });
  it.each(['GRADING', 'REVIEW'])('lets a %s audit through', (status) => {
    expect(() => assertGradesNotFinal(status)).not.toThrow();
  });
});

describe('isSameChallenge', () => {
  const open = {
    raisedById: 'hos',
    proposedGrade: 'met',
    reasons: 'Plan on time.',
    disputedSections: ['a', 'b'],
  };
  const input = { proposedGrade: 'met', reasons: 'Plan on time.', disputedSections: ['b', 'a', 'a'] };
  it('is the same challenge from the same person, whatever the order of the sections', () => {
    expect(isSameChallenge(open, 'hos', input)).toBe(true);
  });
  it.each([
    ['another person', 'ad', input],
    ['another grade', 'hos', { ...input, proposedGrade: 'good' }],
    ['other reasons', 'hos', { ...input, reasons: 'Plan was late.' }],
    ['other sections', 'hos', { ...input, disputedSections: ['a'] }],
  ])('is a different challenge with %s', (_what, actorId, other) => {
    expect(isSameChallenge(open, actorId, other)).toBe(false);
  });
});

const content: RubricContent = {
  scale: THREE_POINT_SCALE,
  sections: ['plans', 'voice'].map((key) => ({
    key,
    title: key,
    guidance: '',
    descriptors: {},
    questions: [],
    replaces: [],
  })),
  themes: [],
  overallRule: { kind: 'none' },
};

describe('assertGradeOnScale', () => {
  it('accepts another grade on the scale', () => {
    expect(() => assertGradeOnScale(content, 'met', 'not-met', 'newGrade')).not.toThrow();
  });
  it.each<[string, string | null, string]>([
    ['no grade', null, 'Choose a grade from the scale'],
    ['a grade off the scale', 'excellent', 'Choose a grade from the scale'],
    ['the current grade', 'not-met', 'Choose a grade different from the current one'],
  ])('refuses %s, naming the field', (_what, grade, message) => {
    const error = (() => {
      try {
        assertGradeOnScale(content, grade, 'not-met', 'proposedGrade');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RuleError);
    expect(error).toMatchObject({ message, field: 'proposedGrade' });
  });
});

describe('assertDisputedSections', () => {
  it('accepts the rubric’s own sections', () => {
    expect(() => assertDisputedSections(content, ['plans', 'voice'])).not.toThrow();
  });
  it('refuses a section the rubric does not have', () => {
    expect(() => assertDisputedSections(content, ['plans', 'budget'])).toThrow(
      'Choose the disputed sections from the list',
    );
  });
});

describe('challenge messages', () => {
  it('tells the auditor and the audit lead who challenged, and what happens next', () => {
    expect(challengeRaisedMessage('c-1', 'AB-1', 'Hana Head')).toEqual({
      title: 'Grade challenged: case AB-1',
      body: 'Hana Head challenged the grade of case AB-1. The auditor replies first; then the audit lead decides.',
      link: '/challenges/c-1',
    });
  });
  it('says the audit lead decides after the reply', () => {
    expect(challengeRepliedMessage('c-1', 'AB-1').body).toBe(
      'The auditor replied to the challenge on case AB-1. The audit lead decides next.',
    );
  });
  it.each([
    [
      'audit-lead',
      false,
      'Challenge decided: case AB-1',
      'The audit lead decided the challenge on case AB-1: grade upheld.',
    ],
    [
      'audit-lead',
      true,
      'Challenge decided: case AB-1',
      'The audit lead decided the challenge on case AB-1: re-graded.',
    ],
    [
      'national-service-director',
      false,
      'Challenge adjudicated: case AB-1',
      'The National Service Director adjudicated the challenge on case AB-1: grade unchanged. This is final.',
    ],
    [
      'national-service-director',
      true,
      'Challenge adjudicated: case AB-1',
      'The National Service Director adjudicated the challenge on case AB-1: re-graded.',
    ],
  ] as const)('settled by %s (re-graded %s)', (by, regraded, title, body) => {
    expect(challengeSettledMessage('c-1', 'AB-1', by, regraded)).toEqual({
      title,
      body,
      link: '/challenges/c-1',
    });
  });
  it('says a referral’s adjudication is final, and a withdrawal plainly', () => {
    expect(challengeReferredMessage('c-1', 'AB-1').body).toContain('whose adjudication is final');
    expect(challengeWithdrawnMessage('c-1', 'AB-1')).toEqual({
      title: 'Challenge withdrawn: case AB-1',
      body: 'The challenge on case AB-1 was withdrawn.',
      link: '/challenges/c-1',
    });
  });
});
