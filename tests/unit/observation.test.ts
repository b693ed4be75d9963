import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import {
  emptyObservationAnswers,
  isMonth,
  judgementProfile,
  mayAmendObservation,
  mayRecordObservation,
  mayViewObservation,
  monthBounds,
  normaliseObservationAnswers,
  OBSERVATION_CRITERIA,
  observationAnswersFrom,
  observationProblems,
  observationScope,
  type ObservationInput,
} from '@/lib/domain/observation';
import type { Role } from '@/lib/domain/roles';

const person = (role: Role, serviceAreaId: string | null = 'A1', userId = 'me'): Actor => ({
  userId,
  sessionId: 's',
  name: 'Someone',
  email: 'someone@example.org',
  role,
  serviceAreaId,
});

const valid: ObservationInput = {
  practitionerId: 'p1',
  observedOn: '2023-06-14',
  setting: 'COURT_HEARING',
  answers: {
    childsVoice: 'STRONG',
    purpose: 'DEVELOPING',
    riskAnalysis: 'NEEDS_SUPPORT',
    relationship: 'STRONG',
    recording: 'STRONG',
  },
  feedback: 'Clear to the court about the child’s wishes.',
};

describe('the observation rubric', () => {
  it('has 4 to 6 criteria, each judged on three points', () => {
    expect(OBSERVATION_CRITERIA.length).toBeGreaterThanOrEqual(4);
    expect(OBSERVATION_CRITERIA.length).toBeLessThanOrEqual(6);
    expect(Object.values(emptyObservationAnswers())).toEqual(OBSERVATION_CRITERIA.map(() => null));
  });

  it('accepts a complete observation', () => {
    expect(observationProblems(valid, '2023-06-14')).toEqual([]);
  });

  it('names the field of everything missing, in the form’s order', () => {
    const problems = observationProblems(
      { practitionerId: ' ', observedOn: '2023-02-30', setting: 'PHONE_CALL', answers: {}, feedback: '  ' },
      '2023-06-14',
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'practitionerId',
      'observedOn',
      'setting',
      ...OBSERVATION_CRITERIA.map((criterion) => `criterion-${criterion.key}`),
      'feedback',
    ]);
    expect(problems.find((problem) => problem.field === 'criterion-childsVoice')?.message).toBe(
      "Give a judgement for the child's voice",
    );
  });

  it.each([
    ['tomorrow', '2023-06-15', 'The date of the observation cannot be in the future'],
    ['a date with a time', '2023-06-14T10:00', 'Give the date of the observation as a real date'],
  ])('refuses %s', (_what, observedOn, message) => {
    expect(observationProblems({ ...valid, observedOn }, '2023-06-14')).toEqual([
      { field: 'observedOn', message },
    ]);
  });

  it('refuses feedback too long to keep as a note', () => {
    expect(observationProblems({ ...valid, feedback: 'x'.repeat(5001) }, '2023-06-14')[0]?.field).toBe(
      'feedback',
    );
  });

  it('keeps known judgements only, and profiles them', () => {
    const answers = normaliseObservationAnswers({ childsVoice: 'STRONG', purpose: 'GREAT', extra: 'STRONG' });
    expect(answers).toEqual({ ...emptyObservationAnswers(), childsVoice: 'STRONG' });
    expect(normaliseObservationAnswers(null)).toEqual(emptyObservationAnswers());
    expect(judgementProfile(normaliseObservationAnswers(valid.answers))).toEqual({
      STRONG: 3,
      DEVELOPING: 1,
      NEEDS_SUPPORT: 1,
    });
    expect(observationAnswersFrom({ ...valid.answers, feedback: 'x' } as never)).toEqual(valid.answers);
  });
});

describe('who observes whom', () => {
  const ownTeam = { serviceAreaId: 'A1', teamServiceManagerId: 'me' };
  const otherTeam = { serviceAreaId: 'A1', teamServiceManagerId: 'someone-else' };
  const otherArea = { serviceAreaId: 'A2', teamServiceManagerId: 'me' };

  it.each([
    ['a Service Manager, own team', person('SERVICE_MANAGER'), ownTeam, true],
    ['a Service Manager, another team of the area', person('SERVICE_MANAGER'), otherTeam, false],
    [
      'a Service Manager, a team with no manager',
      person('SERVICE_MANAGER'),
      { ...otherTeam, teamServiceManagerId: null },
      false,
    ],
    ['a Service Manager of another area', person('SERVICE_MANAGER', 'A2'), ownTeam, false],
    ['a Head of Practice, own area', person('HEAD_OF_PRACTICE'), otherTeam, true],
    ['a Head of Practice, another area', person('HEAD_OF_PRACTICE'), otherArea, false],
    ['a Head of Service', person('HEAD_OF_SERVICE'), otherTeam, false],
    ['a Senior Service Manager', person('SENIOR_SERVICE_MANAGER', null), otherTeam, false],
  ])('records: %s → %s', (_who, actor, practitioner, expected) => {
    expect(mayRecordObservation(actor, practitioner)).toBe(expected);
  });

  it.each([
    ['a Service Manager, own team', person('SERVICE_MANAGER'), { ...ownTeam, observerId: 'hop' }, true],
    [
      'a Service Manager, one they recorded',
      person('SERVICE_MANAGER'),
      { ...otherTeam, observerId: 'me' },
      true,
    ],
    [
      'a Service Manager, another team',
      person('SERVICE_MANAGER'),
      { ...otherTeam, observerId: 'hop' },
      false,
    ],
    ['a Head of Service, own area', person('HEAD_OF_SERVICE'), { ...otherTeam, observerId: 'hop' }, true],
    [
      'a Head of Service, another area',
      person('HEAD_OF_SERVICE', 'A2'),
      { ...otherTeam, observerId: 'hop' },
      false,
    ],
    [
      'the National Service Director',
      person('NATIONAL_SERVICE_DIRECTOR', null),
      { ...otherTeam, observerId: 'hop' },
      true,
    ],
    [
      'an Improvement Manager',
      person('IMPROVEMENT_MANAGER', null),
      { ...otherTeam, observerId: 'hop' },
      false,
    ],
  ])('views: %s → %s', (_who, actor, observation, expected) => {
    expect(mayViewObservation(actor, observation)).toBe(expected);
  });

  it('lets only the observer amend, while still in their area', () => {
    expect(mayAmendObservation(person('HEAD_OF_PRACTICE'), { ...otherTeam, observerId: 'me' })).toBe(true);
    expect(mayAmendObservation(person('HEAD_OF_PRACTICE'), { ...otherTeam, observerId: 'hop' })).toBe(false);
    expect(mayAmendObservation(person('HEAD_OF_PRACTICE', 'A2'), { ...otherTeam, observerId: 'me' })).toBe(
      false,
    );
  });

  it('scopes lists by role', () => {
    expect(observationScope(person('SERVICE_MANAGER'))).toEqual({
      serviceAreaId: 'A1',
      serviceManagerId: 'me',
    });
    expect(observationScope(person('HEAD_OF_PRACTICE'))).toEqual({
      serviceAreaId: 'A1',
      serviceManagerId: null,
    });
    expect(observationScope(person('HEAD_OF_PRACTICE'), 'A2')).toBeNull();
    expect(observationScope(person('SENIOR_SERVICE_MANAGER', null), 'A2')).toEqual({
      serviceAreaId: 'A2',
      serviceManagerId: null,
    });
    expect(observationScope(person('DIRECTOR', null))).toBeNull();
    expect(observationScope(person('HEAD_OF_SERVICE', null))).toBeNull();
  });
});

describe('months', () => {
  it.each([
    ['2023-04', true],
    ['2023-13', false],
    ['2023-4', false],
    ['1899-01', false],
  ])('%s is a month: %s', (value, expected) => {
    expect(isMonth(value)).toBe(expected);
  });

  it('bounds a month, leap years included', () => {
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthBounds('2023-11')).toEqual({ from: '2023-11-01', to: '2023-11-30' });
  });
});
