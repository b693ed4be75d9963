import { describe, expect, it } from 'vitest';
import { answersToCheck } from '@/lib/domain/check-answers';
import {
  completenessProblems,
  diffAnswers,
  emptyAnswers,
  normaliseAnswers,
  sectionGrades,
  type CaseContext,
  type GradingAnswers,
} from '@/lib/domain/grading';
import {
  answersForForm,
  emptyLocalQa,
  LOCAL_QA_LABELS,
  localQaProblems,
  qaColumns,
  usesLocalForm,
  type LocalQaAnswers,
} from '@/lib/domain/local-indicators';
import { suggestOverallGrade } from '@/lib/domain/rubric';
import { GradingAnswersSchema } from '@/lib/schemas/grading';
import { LOCAL_QUALITY_IMPACT_TOOL as content } from '../../prisma/seed/thresholds';

const local: CaseContext = { isEitWorkToFirstHearing: false, isLocalForm: true };
const national: CaseContext = { isEitWorkToFirstHearing: false };

/** A local audit answered in full: collaborative with a reflection, family feedback, supervision with impact. */
function completeLocal(overrides: Partial<LocalQaAnswers> = {}, qa: Partial<GradingAnswers['qa']> = {}) {
  const answers = emptyAnswers(content, 'local');
  for (const section of content.sections)
    answers.sections[section.key] = {
      grade: 'good',
      evidence: `Evidence for ${section.title}.`,
      questions: Object.fromEntries(section.questions.map((question) => [question.key, 'yes' as const])),
    };
  answers.childrenSeen = 'SEEN';
  answers.qa = {
    collaborative: true,
    familyFeedback: true,
    managementOversight: true,
    supervision: true,
    ...qa,
  };
  answers.localQa = {
    practitionerReflection: 'I would now share the plan with the child sooner.',
    familyFeedbackSaid: 'Mother felt listened to.',
    managementOversightExpected: true,
    supervisionImpact: false,
    ...overrides,
  };
  answers.overallGrade = suggestOverallGrade(content, sectionGrades(answers));
  answers.overallRationale = 'As suggested.';
  return answers;
}

const qaFields = (answers: GradingAnswers, context = local) =>
  completenessProblems(content, answers, context).filter((problem) => problem.field.startsWith('qa-'));

describe('the local audit form’s kinds', () => {
  it.each([
    ['LOCAL_QUALITY_IMPACT', true],
    ['PERFORMANCE_BOARD', true],
    ['NATIONAL_PRACTICE_QUALITY', false],
    ['THEMATIC', false],
  ] as const)('%s uses the local form: %s', (kind, expected) => {
    expect(usesLocalForm(kind)).toBe(expected);
  });
});

describe('the local form’s completeness rules', () => {
  it('accepts a complete local audit', () => {
    expect(completenessProblems(content, completeLocal(), local)).toEqual([]);
  });

  it('asks for every indicator, in the form’s order, naming each field', () => {
    const answers = completeLocal(
      { practitionerReflection: '', familyFeedbackSaid: '', managementOversightExpected: null },
      { collaborative: null, familyFeedback: null, managementOversight: null, supervision: null },
    );
    answers.localQa!.supervisionImpact = null;
    expect(qaFields(answers)).toEqual([
      {
        field: 'qa-collaborative',
        message: 'Answer yes or no: Audit done collaboratively with the practitioner',
      },
      { field: 'qa-familyFeedback', message: 'Answer yes or no: Feedback from the child or family obtained' },
      {
        field: 'qa-managementOversightExpected',
        message: `Answer yes or no: ${LOCAL_QA_LABELS.managementOversightExpected}`,
      },
      { field: 'qa-managementOversight', message: 'Answer yes or no: Management oversight recorded' },
      { field: 'qa-supervision', message: 'Answer yes or no: Supervision recorded' },
    ]);
  });

  it('treats a draft with no local part yet as unanswered', () => {
    const answers = completeLocal();
    delete answers.localQa;
    expect(qaFields(answers).map((problem) => problem.field)).toEqual([
      'qa-familyFeedbackSaid',
      'qa-managementOversightExpected',
      'qa-supervisionImpact',
    ]);
  });

  it('keeps the reflection optional', () => {
    expect(qaFields(completeLocal({ practitionerReflection: '  ' }))).toEqual([]);
  });

  it('needs what the family said when feedback was obtained', () => {
    expect(qaFields(completeLocal({ familyFeedbackSaid: ' ' }))).toEqual([
      { field: 'qa-familyFeedbackSaid', message: 'Record what the child or family said' },
    ]);
  });

  it('asks about impact only when supervision is recorded', () => {
    expect(qaFields(completeLocal({ supervisionImpact: null }))).toEqual([
      { field: 'qa-supervisionImpact', message: `Answer yes or no: ${LOCAL_QA_LABELS.supervisionImpact}` },
    ]);
    expect(qaFields(completeLocal({ supervisionImpact: null }, { supervision: false }))).toEqual([]);
  });

  it.each([
    [
      'a reflection on an audit not done with the practitioner',
      completeLocal({}, { collaborative: false }),
      'qa-practitionerReflection',
    ],
    [
      'what the family said when no feedback was obtained',
      completeLocal({}, { familyFeedback: false }),
      'qa-familyFeedbackSaid',
    ],
    [
      'an impact of supervision not recorded',
      completeLocal({}, { supervision: false }),
      'qa-supervisionImpact',
    ],
    [
      'a reflection too long to keep',
      completeLocal({ practitionerReflection: 'x'.repeat(4001) }),
      'qa-practitionerReflection',
    ],
  ])('names the field of %s', (_what, answers, field) => {
    const problems = localQaProblems(answers);
    expect(problems.map((problem) => problem.field)).toEqual([field]);
    expect(problems[0]!.message).not.toBe('');
  });

  it('accepts oversight recorded where it was not expected (that is not a contradiction)', () => {
    expect(qaFields(completeLocal({ managementOversightExpected: false }))).toEqual([]);
  });

  it('leaves the national form as it was: its four indicators only', () => {
    const answers = completeLocal({ managementOversightExpected: null, supervisionImpact: null });
    expect(qaFields(answers, national)).toEqual([]);
  });
});

describe('the local form’s answers', () => {
  it('round-trip through the schema and normalising, and old drafts without them still parse', () => {
    const answers = completeLocal();
    expect(normaliseAnswers(content, GradingAnswersSchema.parse(answers))).toEqual(answers);
    const old = emptyAnswers(content);
    expect(normaliseAnswers(content, GradingAnswersSchema.parse(old))).toEqual(old);
    expect(normaliseAnswers(content, old).localQa).toBeUndefined();
  });

  it('normalises wrong types to empty', () => {
    const loose = {
      ...completeLocal(),
      localQa: { practitionerReflection: 3, familyFeedbackSaid: 'ok', managementOversightExpected: 'yes' },
    } as unknown as GradingAnswers;
    expect(normaliseAnswers(content, loose).localQa).toEqual({
      ...emptyLocalQa(),
      familyFeedbackSaid: 'ok',
    });
  });

  it('refuses unknown local keys in the schema', () => {
    const sent = { ...completeLocal(), localQa: { ...emptyLocalQa(), extra: true } };
    expect(GradingAnswersSchema.safeParse(sent).success).toBe(false);
  });

  it('records every local change in the history, as yes / no and text', () => {
    const before = completeLocal();
    const after = completeLocal({ supervisionImpact: true, familyFeedbackSaid: 'Father disagreed.' });
    expect(diffAnswers(before, after, content)).toEqual([
      { field: 'qa-familyFeedbackSaid', from: 'Mother felt listened to.', to: 'Father disagreed.' },
      { field: 'qa-supervisionImpact', from: 'no', to: 'yes' },
    ]);
    const first = emptyAnswers(content);
    expect(diffAnswers(first, after, content).filter((change) => change.field.startsWith('qa-'))).toEqual([
      { field: 'qa-collaborative', from: '', to: 'yes' },
      { field: 'qa-familyFeedback', from: '', to: 'yes' },
      { field: 'qa-managementOversight', from: '', to: 'yes' },
      { field: 'qa-supervision', from: '', to: 'yes' },
      {
        field: 'qa-practitionerReflection',
        from: '',
        to: 'I would now share the plan with the child sooner.',
      },
      { field: 'qa-familyFeedbackSaid', from: '', to: 'Father disagreed.' },
      { field: 'qa-managementOversightExpected', from: '', to: 'yes' },
      { field: 'qa-supervisionImpact', from: '', to: 'yes' },
    ]);
  });

  it('adds nothing to a national audit’s history', () => {
    const before = emptyAnswers(content);
    const after = emptyAnswers(content);
    after.qa.collaborative = true;
    expect(diffAnswers(before, after, content)).toEqual([{ field: 'qa-collaborative', from: '', to: 'yes' }]);
  });

  it('fits the answers to the audit’s form', () => {
    const answers = completeLocal();
    expect(answersForForm(answers, false).localQa).toBeUndefined();
    expect(answersForForm(answers, true)).toEqual(answers);
    const draft = emptyAnswers(content);
    expect(answersForForm(draft, true).localQa).toEqual(emptyLocalQa());
  });
});

describe('the QA columns', () => {
  it('copies the six indicators from a local audit', () => {
    expect(qaColumns(completeLocal())).toEqual({
      collaborative: true,
      familyFeedback: true,
      managementOversightExpected: true,
      managementOversight: true,
      supervision: true,
      supervisionImpact: false,
    });
  });

  it('has no impact without recorded supervision, and no local answers on the national form', () => {
    expect(
      qaColumns(completeLocal({ supervisionImpact: true }, { supervision: false })).supervisionImpact,
    ).toBeNull();
    const nationalAnswers = answersForForm(completeLocal(), false);
    expect(qaColumns(nationalAnswers)).toEqual({
      collaborative: true,
      familyFeedback: true,
      managementOversightExpected: null,
      managementOversight: true,
      supervision: true,
      supervisionImpact: null,
    });
  });
});

describe('checking a local audit’s answers', () => {
  const rows = (answers: GradingAnswers, isLocalForm = true) =>
    answersToCheck(content, answers, { isLocalForm }).find((group) => group.title === 'Quality assurance')!
      .rows;

  it('lists the local indicators in the form’s order, each with its field', () => {
    expect(rows(completeLocal())).toEqual([
      { field: 'qa-collaborative', question: LOCAL_QA_LABELS.collaborative, answer: 'Yes' },
      {
        field: 'qa-practitionerReflection',
        question: LOCAL_QA_LABELS.practitionerReflection,
        answer: 'I would now share the plan with the child sooner.',
      },
      { field: 'qa-familyFeedback', question: LOCAL_QA_LABELS.familyFeedback, answer: 'Yes' },
      {
        field: 'qa-familyFeedbackSaid',
        question: LOCAL_QA_LABELS.familyFeedbackSaid,
        answer: 'Mother felt listened to.',
      },
      {
        field: 'qa-managementOversightExpected',
        question: LOCAL_QA_LABELS.managementOversightExpected,
        answer: 'Yes',
      },
      { field: 'qa-managementOversight', question: LOCAL_QA_LABELS.managementOversight, answer: 'Yes' },
      { field: 'qa-supervision', question: LOCAL_QA_LABELS.supervision, answer: 'Yes' },
      { field: 'qa-supervisionImpact', question: LOCAL_QA_LABELS.supervisionImpact, answer: 'No' },
    ]);
  });

  it('leaves out follow-ups that do not apply, and shows one that contradicts', () => {
    const answers = completeLocal(
      { practitionerReflection: '', familyFeedbackSaid: '', supervisionImpact: null },
      { collaborative: false, familyFeedback: false, supervision: false },
    );
    expect(rows(answers).map((row) => row.field)).toEqual([
      'qa-collaborative',
      'qa-familyFeedback',
      'qa-managementOversightExpected',
      'qa-managementOversight',
      'qa-supervision',
    ]);
    answers.localQa!.familyFeedbackSaid = 'Left over';
    expect(rows(answers).map((row) => row.field)).toContain('qa-familyFeedbackSaid');
  });

  it('keeps the national four on the national form', () => {
    expect(rows(completeLocal(), false).map((row) => row.field)).toEqual([
      'qa-collaborative',
      'qa-familyFeedback',
      'qa-managementOversight',
      'qa-supervision',
    ]);
  });
});
