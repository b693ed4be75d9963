import { describe, expect, it } from 'vitest';
import {
  CHILDREN_SEEN,
  CHILDREN_SEEN_LABELS,
  childrenSeenOptions,
  completenessProblems,
  diffAnswers,
  emptyAnswers,
  normaliseAnswers,
  QA_INDICATOR_LABELS,
  QA_INDICATORS,
  rationaleRequired,
  sectionGrades,
  type CaseContext,
  type ChildrenSeen,
  type GradingAnswers,
  type Problem,
} from '@/lib/domain/grading';
import {
  FOUR_POINT_SCALE,
  suggestOverallGrade,
  THREE_POINT_SCALE,
  type RubricContent,
  type RubricSection,
} from '@/lib/domain/rubric';
import { LOCAL_QUALITY_IMPACT_TOOL, NATIONAL_THRESHOLD_OCTOBER_2014 } from '../../prisma/seed/thresholds';

const section = (key: string, title: string, questionKeys: string[]): RubricSection => ({
  key,
  title,
  guidance: `Look at ${title}.`,
  descriptors: { good: 'g', met: 'm', 'not-met': 'n' },
  questions: questionKeys.map((questionKey) => ({ key: questionKey, text: `Is ${questionKey} done?` })),
  replaces: [],
});

const rubric = (overrides: Partial<RubricContent> = {}): RubricContent => ({
  scale: THREE_POINT_SCALE,
  sections: [
    section('planning', 'Case planning', ['at-outset', 'reviewed']),
    section('safeguarding', 'Safeguarding', ['checks']),
    section('reporting', 'Reporting to court', []),
  ],
  themes: [
    { key: 'planning', label: 'Planning' },
    { key: 'voice', label: 'Voice of the child' },
  ],
  overallRule: { kind: 'lowest-of', sectionKeys: ['planning', 'safeguarding'] },
  ...overrides,
});

const notEit: CaseContext = { isEitWorkToFirstHearing: false };
const eit: CaseContext = { isEitWorkToFirstHearing: true };

/** Every field answered, every section at `grade`, the overall grade as suggested. */
function complete(content: RubricContent, context: CaseContext = notEit, grade?: string): GradingAnswers {
  const level = grade ?? content.scale.levels[0]?.key ?? null;
  const answers = emptyAnswers(content);
  for (const rubricSection of content.sections) {
    answers.sections[rubricSection.key] = {
      grade: level,
      evidence: `Evidence for ${rubricSection.title}.`,
      questions: Object.fromEntries(rubricSection.questions.map((question) => [question.key, 'yes'])),
    };
  }
  answers.childrenSeen = context.isEitWorkToFirstHearing ? 'NOT_APPLICABLE' : 'SEEN';
  answers.qa = { collaborative: true, familyFeedback: false, managementOversight: true, supervision: false };
  answers.overallGrade = suggestOverallGrade(content, sectionGrades(answers)) ?? level;
  answers.overallRationale = 'Because.';
  return answers;
}

/** Sets every section's grade, and optionally the overall grade. */
function graded(
  content: RubricContent,
  grades: Record<string, string | null>,
  overallGrade: string | null,
): GradingAnswers {
  const answers = emptyAnswers(content);
  for (const [key, grade] of Object.entries(grades)) {
    const existing = answers.sections[key];
    if (existing) existing.grade = grade;
  }
  answers.overallGrade = overallGrade;
  return answers;
}

const fields = (problems: Problem[]) => problems.map((problem) => problem.field);

describe('labels', () => {
  it('names every children-seen value and QA indicator in the users’ words', () => {
    expect(CHILDREN_SEEN.map((value) => CHILDREN_SEEN_LABELS[value])).toEqual([
      'Seen',
      'Not seen – reason recorded',
      'Not seen – no reason recorded',
      'Unclear',
      'Not applicable',
    ]);
    expect(QA_INDICATORS.map((indicator) => QA_INDICATOR_LABELS[indicator])).toEqual([
      'Audit done collaboratively with the practitioner',
      'Feedback from the child or family obtained',
      'Management oversight recorded',
      'Supervision recorded',
    ]);
  });
});

describe('emptyAnswers', () => {
  it.each([
    ['the October 2014 Threshold Document', NATIONAL_THRESHOLD_OCTOBER_2014],
    ['the local Quality and Impact Audit Tool', LOCAL_QUALITY_IMPACT_TOOL],
  ])('has every section and question of %s, unanswered', (_label, content) => {
    const answers = emptyAnswers(content);
    expect(Object.keys(answers.sections)).toEqual(content.sections.map((s) => s.key));
    for (const rubricSection of content.sections) {
      expect(answers.sections[rubricSection.key]).toEqual({
        grade: null,
        evidence: '',
        questions: Object.fromEntries(rubricSection.questions.map((question) => [question.key, null])),
      });
    }
    expect(answers).toMatchObject({
      strengths: [],
      learningPoints: [],
      childrenSeen: null,
      childrenNotSeenReason: '',
      qa: { collaborative: null, familyFeedback: null, managementOversight: null, supervision: null },
      overallGrade: null,
      overallRationale: '',
    });
  });

  it('gives each call its own objects', () => {
    const first = emptyAnswers(rubric());
    const second = emptyAnswers(rubric());
    first.qa.collaborative = true;
    first.sections.planning!.grade = 'good';
    expect(second.qa.collaborative).toBeNull();
    expect(second.sections.planning!.grade).toBeNull();
  });
});

describe('childrenSeenOptions', () => {
  it.each([
    [eit, ['NOT_APPLICABLE']],
    [notEit, ['SEEN', 'NOT_SEEN_REASON_RECORDED', 'NOT_SEEN_NO_REASON', 'UNCLEAR']],
  ] as const)('%o → %o', (context, expected) => {
    expect(childrenSeenOptions(context)).toEqual(expected);
  });
});

describe('sectionGrades', () => {
  it('maps each section to its grade, null when ungraded', () => {
    const answers = graded(rubric(), { planning: 'good', safeguarding: 'not-met' }, null);
    expect(sectionGrades(answers)).toEqual({ planning: 'good', safeguarding: 'not-met', reporting: null });
  });
});

describe('rationaleRequired', () => {
  const all = (grade: string) => ({ planning: grade, safeguarding: grade, reporting: grade });
  it.each([
    ['no overall grade yet', rubric(), all('met'), null, false],
    ['same as the suggested Good', rubric(), all('good'), 'good', false],
    ['same as the suggested Met', rubric(), all('met'), 'met', false],
    [
      'same as the suggested Not Met: the lowest is always explained',
      rubric(),
      all('not-met'),
      'not-met',
      true,
    ],
    [
      'higher than suggested',
      rubric(),
      { planning: 'met', safeguarding: 'good', reporting: 'good' },
      'good',
      true,
    ],
    ['lower than suggested', rubric(), all('good'), 'met', true],
    ['lowest and lower than suggested', rubric(), all('good'), 'not-met', true],
    ['no suggestion yet (a named section ungraded)', rubric(), { planning: 'good' }, 'good', true],
    ['no suggestion: the rule is none', rubric({ overallRule: { kind: 'none' } }), all('good'), 'good', true],
    ['grade not on the scale differs', rubric(), all('good'), 'excellent', true],
    [
      'a scale without a lowest level: same as suggested',
      rubric({ scale: { ...THREE_POINT_SCALE, lowestLevelKey: null } }),
      all('not-met'),
      'not-met',
      false,
    ],
    [
      '4-point, most common: same as suggested Requires Improvement',
      rubric({ scale: FOUR_POINT_SCALE, overallRule: { kind: 'most-common' } }),
      { planning: 'requires-improvement', safeguarding: 'requires-improvement', reporting: 'good' },
      'requires-improvement',
      false,
    ],
    [
      '4-point, most common: Good against suggested Requires Improvement',
      rubric({ scale: FOUR_POINT_SCALE, overallRule: { kind: 'most-common' } }),
      { planning: 'requires-improvement', safeguarding: 'requires-improvement', reporting: 'good' },
      'good',
      true,
    ],
    [
      '4-point: Inadequate as suggested',
      rubric({ scale: FOUR_POINT_SCALE, overallRule: { kind: 'lowest-section' } }),
      { planning: 'inadequate', safeguarding: 'good', reporting: 'good' },
      'inadequate',
      true,
    ],
  ])('%s → %s', (_label, content, grades, overall, expected) => {
    expect(rationaleRequired(content, graded(content, grades, overall))).toBe(expected);
  });

  it('follows the seeded October 2014 rule (lowest of case planning and safeguarding)', () => {
    const content = NATIONAL_THRESHOLD_OCTOBER_2014;
    const answers = complete(content, notEit, 'good');
    answers.sections['case-planning']!.grade = 'met';
    answers.overallGrade = 'met';
    expect(rationaleRequired(content, answers)).toBe(false);
    answers.overallGrade = 'good';
    expect(rationaleRequired(content, answers)).toBe(true);
  });
});

describe('completenessProblems', () => {
  it.each([
    ['October 2014, not EIT', NATIONAL_THRESHOLD_OCTOBER_2014, notEit],
    ['October 2014, EIT work to first hearing', NATIONAL_THRESHOLD_OCTOBER_2014, eit],
    ['local tool, 4-point', LOCAL_QUALITY_IMPACT_TOOL, notEit],
    ['small rubric', rubric(), notEit],
  ])('a complete grading has no problems: %s', (_label, content, context) => {
    expect(completenessProblems(content, complete(content, context), context)).toEqual([]);
  });

  it('lists everything missing from an empty grading, in form order', () => {
    expect(completenessProblems(rubric(), emptyAnswers(rubric()), notEit)).toEqual([
      { field: 'section-planning-grade', message: 'Choose a grade for Case planning' },
      { field: 'section-planning-evidence', message: 'Give the evidence for Case planning' },
      {
        field: 'section-planning-question-at-outset',
        message: 'Answer the question for Case planning: Is at-outset done?',
      },
      {
        field: 'section-planning-question-reviewed',
        message: 'Answer the question for Case planning: Is reviewed done?',
      },
      { field: 'section-safeguarding-grade', message: 'Choose a grade for Safeguarding' },
      { field: 'section-safeguarding-evidence', message: 'Give the evidence for Safeguarding' },
      {
        field: 'section-safeguarding-question-checks',
        message: 'Answer the question for Safeguarding: Is checks done?',
      },
      { field: 'section-reporting-grade', message: 'Choose a grade for Reporting to court' },
      { field: 'section-reporting-evidence', message: 'Give the evidence for Reporting to court' },
      { field: 'childrenSeen', message: 'Say whether the children were seen' },
      {
        field: 'qa-collaborative',
        message: 'Answer yes or no: Audit done collaboratively with the practitioner',
      },
      { field: 'qa-familyFeedback', message: 'Answer yes or no: Feedback from the child or family obtained' },
      { field: 'qa-managementOversight', message: 'Answer yes or no: Management oversight recorded' },
      { field: 'qa-supervision', message: 'Answer yes or no: Supervision recorded' },
      { field: 'overallGrade', message: 'Choose an overall grade' },
    ]);
  });

  it('gives every field a distinct id usable in HTML', () => {
    const problems = completenessProblems(
      NATIONAL_THRESHOLD_OCTOBER_2014,
      emptyAnswers(NATIONAL_THRESHOLD_OCTOBER_2014),
      notEit,
    );
    expect(new Set(fields(problems)).size).toBe(problems.length);
    for (const field of fields(problems)) expect(field).toMatch(/^[A-Za-z][\w-]*$/);
  });

  type Change = (answers: GradingAnswers) => void;
  const cases: [string, Change, CaseContext, Problem[]][] = [
    // sections
    [
      'a section without a grade',
      (a) => (a.sections.safeguarding!.grade = null),
      notEit,
      // The rule now suggests nothing, so Good needs a reason: complete() gave one.
      [{ field: 'section-safeguarding-grade', message: 'Choose a grade for Safeguarding' }],
    ],
    [
      'a section graded off the scale',
      (a) => (a.sections.reporting!.grade = 'outstanding'),
      notEit,
      [
        {
          field: 'section-reporting-grade',
          message:
            'The grade for Reporting to court is not on this scale; choose a grade for Reporting to court',
        },
      ],
    ],
    [
      'blank evidence',
      (a) => (a.sections.planning!.evidence = '  \n\t '),
      notEit,
      [{ field: 'section-planning-evidence', message: 'Give the evidence for Case planning' }],
    ],
    [
      'an unanswered question',
      (a) => (a.sections.planning!.questions.reviewed = null),
      notEit,
      [
        {
          field: 'section-planning-question-reviewed',
          message: 'Answer the question for Case planning: Is reviewed done?',
        },
      ],
    ],
    [
      'a question missing from the answers',
      (a) => delete a.sections.safeguarding!.questions.checks,
      notEit,
      [
        {
          field: 'section-safeguarding-question-checks',
          message: 'Answer the question for Safeguarding: Is checks done?',
        },
      ],
    ],
    [
      'an answer that is not yes, no or not applicable',
      (a) => ((a.sections.safeguarding!.questions as Record<string, string>).checks = 'maybe'),
      notEit,
      [
        {
          field: 'section-safeguarding-question-checks',
          message: 'Answer the question for Safeguarding: Is checks done?',
        },
      ],
    ],
    [
      'not applicable and no are answers',
      (a) => {
        a.sections.planning!.questions['at-outset'] = 'not-applicable';
        a.sections.planning!.questions.reviewed = 'no';
      },
      notEit,
      [],
    ],
    [
      'a whole section missing from the answers',
      (a) => delete a.sections.reporting,
      notEit,
      [
        { field: 'section-reporting-grade', message: 'Choose a grade for Reporting to court' },
        { field: 'section-reporting-evidence', message: 'Give the evidence for Reporting to court' },
      ],
    ],
    [
      'answers for a section not in the document are ignored',
      (a) => (a.sections.extra = { grade: null, evidence: '', questions: { x: null } }),
      notEit,
      [],
    ],
    // children seen
    [
      'children seen not answered',
      (a) => (a.childrenSeen = null),
      notEit,
      [{ field: 'childrenSeen', message: 'Say whether the children were seen' }],
    ],
    [
      'children seen not answered (EIT)',
      (a) => (a.childrenSeen = null),
      eit,
      [
        {
          field: 'childrenSeen',
          message:
            'Record children seen as Not applicable for work to first hearing by an Early Intervention Team',
        },
      ],
    ],
    [
      'Not applicable outside EIT work to first hearing',
      (a) => (a.childrenSeen = 'NOT_APPLICABLE'),
      notEit,
      [
        {
          field: 'childrenSeen',
          message:
            'Not applicable is only for work to first hearing by an Early Intervention Team; say whether the children were seen',
        },
      ],
    ],
    [
      'a value that is not a children-seen option',
      (a) => ((a as { childrenSeen: string }).childrenSeen = 'MAYBE'),
      notEit,
      [{ field: 'childrenSeen', message: 'Say whether the children were seen' }],
    ],
    [
      'not seen with a recorded reason but no reason given',
      (a) => {
        a.childrenSeen = 'NOT_SEEN_REASON_RECORDED';
        a.childrenNotSeenReason = '   ';
      },
      notEit,
      [{ field: 'childrenNotSeenReason', message: 'Give the recorded reason the children were not seen' }],
    ],
    [
      'not seen with the recorded reason given',
      (a) => {
        a.childrenSeen = 'NOT_SEEN_REASON_RECORDED';
        a.childrenNotSeenReason = 'The child was in hospital.';
      },
      notEit,
      [],
    ],
    [
      'not seen, no reason recorded: nothing to give',
      (a) => (a.childrenSeen = 'NOT_SEEN_NO_REASON'),
      notEit,
      [],
    ],
    ['unclear: nothing to give', (a) => (a.childrenSeen = 'UNCLEAR'), notEit, []],
    // QA indicators
    ...QA_INDICATORS.map((indicator): [string, Change, CaseContext, Problem[]] => [
      `QA indicator ${indicator} unanswered`,
      (a) => (a.qa[indicator] = null),
      notEit,
      [{ field: `qa-${indicator}`, message: `Answer yes or no: ${QA_INDICATOR_LABELS[indicator]}` }],
    ]),
    [
      'every QA indicator answered no',
      (a) =>
        (a.qa = {
          collaborative: false,
          familyFeedback: false,
          managementOversight: false,
          supervision: false,
        }),
      notEit,
      [],
    ],
    // strengths and learning points
    [
      'good notes',
      (a) => {
        a.strengths = [{ key: 's1', themeKey: 'planning', text: 'A clear plan.' }];
        a.learningPoints = [{ key: 'l1', themeKey: 'voice', text: 'Quote the child.' }];
      },
      notEit,
      [],
    ],
    [
      'a strength without a theme or text',
      (a) => {
        a.strengths = [
          { key: 's1', themeKey: 'planning', text: 'A clear plan.' },
          { key: 's2', themeKey: '', text: ' ' },
        ];
      },
      notEit,
      [
        { field: 'strength-1-theme', message: 'Choose a theme for strength 2' },
        { field: 'strength-1-text', message: 'Describe strength 2' },
      ],
    ],
    [
      'a strength whose theme is not in the document',
      (a) => (a.strengths = [{ key: 's1', themeKey: 'diversity', text: 'Culture considered.' }]),
      notEit,
      [
        {
          field: 'strength-0-theme',
          message: 'The theme of strength 1 is not in this threshold document; choose another',
        },
      ],
    ],
    [
      'a learning point without a theme or text',
      (a) => (a.learningPoints = [{ key: 'l1', themeKey: '', text: '' }]),
      notEit,
      [
        { field: 'learning-0-theme', message: 'Choose a theme for learning point 1' },
        { field: 'learning-0-text', message: 'Describe learning point 1' },
      ],
    ],
    [
      'a learning point whose theme is not in the document',
      (a) => (a.learningPoints = [{ key: 'l1', themeKey: 'Planning', text: 'Review the plan.' }]),
      notEit,
      [
        {
          field: 'learning-0-theme',
          message: 'The theme of learning point 1 is not in this threshold document; choose another',
        },
      ],
    ],
    // overall grade and rationale
    [
      'no overall grade',
      (a) => (a.overallGrade = null),
      notEit,
      [{ field: 'overallGrade', message: 'Choose an overall grade' }],
    ],
    [
      'an overall grade off the scale',
      (a) => (a.overallGrade = 'excellent'),
      notEit,
      [{ field: 'overallGrade', message: 'The overall grade is not on this scale; choose an overall grade' }],
    ],
    ['the suggested grade with no rationale', (a) => (a.overallRationale = ''), notEit, []],
    [
      'a grade differing from the suggestion with no rationale',
      (a) => {
        a.overallGrade = 'met';
        a.overallRationale = ' ';
      },
      notEit,
      [
        {
          field: 'overallRationale',
          message: 'Explain why the overall grade differs from the suggested Good',
        },
      ],
    ],
    [
      'the lowest grade differing from the suggestion with no rationale',
      (a) => {
        a.overallGrade = 'not-met';
        a.overallRationale = '';
      },
      notEit,
      [
        {
          field: 'overallRationale',
          message: 'Explain why the overall grade differs from the suggested Good',
        },
      ],
    ],
    [
      'the lowest grade as suggested with no rationale',
      (a) => {
        a.sections.safeguarding!.grade = 'not-met';
        a.overallGrade = 'not-met';
        a.overallRationale = '';
      },
      notEit,
      [{ field: 'overallRationale', message: 'Explain the Not Met grade' }],
    ],
    [
      'the lowest grade with its rationale',
      (a) => {
        a.sections.safeguarding!.grade = 'not-met';
        a.overallGrade = 'not-met';
        a.overallRationale = 'Risks to a non-subject child were not acted on.';
      },
      notEit,
      [],
    ],
    [
      'a grade with no suggestion and no rationale',
      (a) => {
        a.sections.planning!.grade = null;
        a.overallRationale = '';
      },
      notEit,
      [
        { field: 'section-planning-grade', message: 'Choose a grade for Case planning' },
        {
          field: 'overallRationale',
          message: 'Explain the overall grade of Good: the threshold document suggests none',
        },
      ],
    ],
  ];

  it.each(cases)('%s', (_label, change, context, expected) => {
    const content = rubric();
    const answers = complete(content, context);
    change(answers);
    expect(completenessProblems(content, answers, context)).toEqual(expected);
  });

  const seenValues: ChildrenSeen[] = [...CHILDREN_SEEN];
  it.each(seenValues.flatMap((value) => [[value, eit] as const, [value, notEit] as const]))(
    'children seen %s for %o is allowed exactly when it is an option',
    (value, context) => {
      const content = rubric();
      const answers = complete(content, context);
      answers.childrenSeen = value;
      answers.childrenNotSeenReason = 'Recorded on the file.';
      const refused = completenessProblems(content, answers, context).some((p) => p.field === 'childrenSeen');
      expect(refused).toBe(!childrenSeenOptions(context).includes(value));
    },
  );

  it('an EIT case answered Seen is told to record Not applicable', () => {
    const content = rubric();
    const answers = complete(content, eit);
    answers.childrenSeen = 'SEEN';
    expect(completenessProblems(content, answers, eit)).toEqual([
      {
        field: 'childrenSeen',
        message: 'Children seen is Not applicable for work to first hearing by an Early Intervention Team',
      },
    ]);
  });

  it('uses the scale’s own labels (4-point)', () => {
    const content = LOCAL_QUALITY_IMPACT_TOOL;
    const answers = complete(content, notEit, 'good');
    answers.sections.chronology!.grade = 'inadequate';
    // Most common is still Good; Inadequate differs from it.
    answers.overallGrade = 'inadequate';
    answers.overallRationale = '';
    expect(completenessProblems(content, answers, notEit)).toEqual([
      { field: 'overallRationale', message: 'Explain why the overall grade differs from the suggested Good' },
    ]);
    for (const rubricSection of content.sections) answers.sections[rubricSection.key]!.grade = 'inadequate';
    expect(completenessProblems(content, answers, notEit)).toEqual([
      { field: 'overallRationale', message: 'Explain the Inadequate grade' },
    ]);
  });

  it('does not require any strengths or learning points', () => {
    const answers = complete(rubric());
    expect(answers.strengths).toEqual([]);
    expect(answers.learningPoints).toEqual([]);
    expect(completenessProblems(rubric(), answers, notEit)).toEqual([]);
  });
});

describe('diffAnswers', () => {
  const content = rubric();

  it('finds nothing between equal answers', () => {
    expect(diffAnswers(complete(content), complete(content))).toEqual([]);
    expect(diffAnswers(emptyAnswers(content), emptyAnswers(content))).toEqual([]);
  });

  it('lists every changed field in a stable order, empty as ""', () => {
    const before = complete(content);
    before.strengths = [
      { key: 'a', themeKey: 'planning', text: 'Kept.' },
      { key: 'b', themeKey: 'planning', text: 'Removed.' },
    ];
    before.learningPoints = [{ key: 'c', themeKey: 'voice', text: 'Old words.' }];
    const after = structuredClone(before);
    after.overallRationale = 'Risk not acted on.';
    after.overallGrade = 'not-met';
    after.qa.supervision = true;
    after.qa.collaborative = null;
    after.childrenNotSeenReason = 'In hospital.';
    after.childrenSeen = 'NOT_SEEN_REASON_RECORDED';
    after.learningPoints = [{ key: 'c', themeKey: 'planning', text: 'New words.' }];
    after.strengths = [
      { key: 'a', themeKey: 'planning', text: 'Kept.' },
      { key: 'd', themeKey: 'voice', text: 'Added.' },
    ];
    after.sections.safeguarding!.questions.checks = 'no';
    after.sections.safeguarding!.grade = 'not-met';
    after.sections.planning!.evidence = 'More evidence.';

    expect(diffAnswers(before, after)).toEqual([
      { field: 'section-planning-evidence', from: 'Evidence for Case planning.', to: 'More evidence.' },
      { field: 'section-safeguarding-grade', from: 'good', to: 'not-met' },
      { field: 'section-safeguarding-question-checks', from: 'yes', to: 'no' },
      { field: 'strength-b-theme', from: 'planning', to: '' },
      { field: 'strength-b-text', from: 'Removed.', to: '' },
      { field: 'strength-d-theme', from: '', to: 'voice' },
      { field: 'strength-d-text', from: '', to: 'Added.' },
      { field: 'learning-c-theme', from: 'voice', to: 'planning' },
      { field: 'learning-c-text', from: 'Old words.', to: 'New words.' },
      { field: 'childrenSeen', from: 'SEEN', to: 'NOT_SEEN_REASON_RECORDED' },
      { field: 'childrenNotSeenReason', from: '', to: 'In hospital.' },
      { field: 'qa-collaborative', from: 'yes', to: '' },
      { field: 'qa-supervision', from: 'no', to: 'yes' },
      { field: 'overallGrade', from: 'good', to: 'not-met' },
      { field: 'overallRationale', from: 'Because.', to: 'Risk not acted on.' },
    ]);
  });

  it('records a first grading from empty answers', () => {
    const changes = diffAnswers(emptyAnswers(content), complete(content));
    expect(changes[0]).toEqual({ field: 'section-planning-grade', from: '', to: 'good' });
    expect(changes.at(-1)).toEqual({ field: 'overallRationale', from: '', to: 'Because.' });
    expect(changes.map((change) => change.field)).toEqual([
      'section-planning-grade',
      'section-planning-evidence',
      'section-planning-question-at-outset',
      'section-planning-question-reviewed',
      'section-safeguarding-grade',
      'section-safeguarding-evidence',
      'section-safeguarding-question-checks',
      'section-reporting-grade',
      'section-reporting-evidence',
      'childrenSeen',
      'qa-collaborative',
      'qa-familyFeedback',
      'qa-managementOversight',
      'qa-supervision',
      'overallGrade',
      'overallRationale',
    ]);
  });

  it('matches notes by key, not position', () => {
    const before = complete(content);
    before.strengths = [
      { key: 'a', themeKey: 'planning', text: 'First.' },
      { key: 'b', themeKey: 'voice', text: 'Second.' },
    ];
    const after = structuredClone(before);
    after.strengths.reverse();
    expect(diffAnswers(before, after)).toEqual([]);
  });

  it('orders sections and questions by the document when given, whatever the stored key order', () => {
    const before = emptyAnswers(content);
    // Stored JSON (jsonb) may come back with keys in another order.
    const after: GradingAnswers = {
      ...emptyAnswers(content),
      sections: {
        reporting: { grade: 'met', evidence: '', questions: {} },
        safeguarding: { grade: null, evidence: '', questions: { checks: 'yes' } },
        planning: { grade: 'good', evidence: '', questions: { reviewed: 'no', 'at-outset': 'yes' } },
      },
    };
    expect(diffAnswers(before, after, content).map((change) => change.field)).toEqual([
      'section-planning-grade',
      'section-planning-question-at-outset',
      'section-planning-question-reviewed',
      'section-safeguarding-question-checks',
      'section-reporting-grade',
    ]);
    // Without the document: the order the keys were first met.
    expect(diffAnswers(before, after).map((change) => change.field)).toEqual([
      'section-planning-grade',
      'section-planning-question-at-outset',
      'section-planning-question-reviewed',
      'section-safeguarding-question-checks',
      'section-reporting-grade',
    ]);
    expect(diffAnswers(after, before).map((change) => change.field)).toEqual([
      'section-reporting-grade',
      'section-safeguarding-question-checks',
      'section-planning-grade',
      'section-planning-question-reviewed',
      'section-planning-question-at-outset',
    ]);
  });

  it('records sections that appear or disappear', () => {
    const before = emptyAnswers(content);
    const after = structuredClone(before);
    delete after.sections.reporting;
    after.sections.extra = { grade: 'met', evidence: 'x', questions: { q: 'yes' } };
    expect(diffAnswers(before, after, content)).toEqual([
      { field: 'section-extra-grade', from: '', to: 'met' },
      { field: 'section-extra-evidence', from: '', to: 'x' },
      { field: 'section-extra-question-q', from: '', to: 'yes' },
    ]);
  });
});

describe('normaliseAnswers', () => {
  const content = rubric();

  it('leaves answers that already fit unchanged', () => {
    const answers = complete(content);
    answers.strengths = [{ key: 's1', themeKey: 'planning', text: 'Clear plan.' }];
    expect(normaliseAnswers(content, answers)).toEqual(answers);
    expect(normaliseAnswers(content, emptyAnswers(content))).toEqual(emptyAnswers(content));
  });

  it('drops unknown sections and questions, adds missing ones, nulls what is not on the scale', () => {
    const answers: GradingAnswers = {
      ...emptyAnswers(content),
      sections: {
        removed: { grade: 'good', evidence: 'Gone.', questions: { q: 'yes' } },
        planning: {
          grade: 'outstanding',
          evidence: 'Kept.',
          questions: { reviewed: 'no', old: 'yes', 'at-outset': 'maybe' as 'yes' },
        },
        reporting: { grade: 'met', evidence: '', questions: {} },
      },
      overallGrade: 'inadequate',
    };
    const normalised = normaliseAnswers(content, answers);
    expect(normalised.sections).toEqual({
      planning: { grade: null, evidence: 'Kept.', questions: { 'at-outset': null, reviewed: 'no' } },
      safeguarding: { grade: null, evidence: '', questions: { checks: null } },
      reporting: { grade: 'met', evidence: '', questions: {} },
    });
    expect(Object.keys(normalised.sections)).toEqual(['planning', 'safeguarding', 'reporting']);
    expect(normalised.overallGrade).toBeNull();
  });

  it('clears values that are not options and themes not in the document', () => {
    const answers = {
      ...complete(content),
      strengths: [
        { key: 's1', themeKey: 'planning', text: 'Kept.' },
        { key: 's2', themeKey: 'diversity', text: 'Theme gone.' },
      ],
      learningPoints: [{ key: 'l1', themeKey: 'nope', text: 'Theme gone.' }],
      childrenSeen: 'MAYBE',
      qa: { collaborative: 'yes', familyFeedback: true, managementOversight: null, extra: true },
    } as unknown as GradingAnswers;
    const normalised = normaliseAnswers(content, answers);
    expect(normalised.strengths).toEqual([
      { key: 's1', themeKey: 'planning', text: 'Kept.' },
      { key: 's2', themeKey: '', text: 'Theme gone.' },
    ]);
    expect(normalised.learningPoints).toEqual([{ key: 'l1', themeKey: '', text: 'Theme gone.' }]);
    expect(normalised.childrenSeen).toBeNull();
    expect(normalised.qa).toEqual({
      collaborative: null,
      familyFeedback: true,
      managementOversight: null,
      supervision: null,
    });
  });

  it('fills in a partial stored draft', () => {
    const partial = { sections: { planning: { grade: 'good' } } } as unknown as GradingAnswers;
    const expected = emptyAnswers(content);
    expected.sections.planning!.grade = 'good';
    expect(normaliseAnswers(content, partial)).toEqual(expected);
  });

  it('is idempotent and never mutates its input', () => {
    const answers = complete(content);
    answers.sections.planning!.grade = 'outstanding';
    const copy = structuredClone(answers);
    const once = normaliseAnswers(content, answers);
    expect(answers).toEqual(copy);
    expect(normaliseAnswers(content, once)).toEqual(once);
  });

  it('fits a draft to the seeded documents', () => {
    const fromOtherVersion = complete(NATIONAL_THRESHOLD_OCTOBER_2014);
    const normalised = normaliseAnswers(LOCAL_QUALITY_IMPACT_TOOL, fromOtherVersion);
    expect(Object.keys(normalised.sections)).toEqual(LOCAL_QUALITY_IMPACT_TOOL.sections.map((s) => s.key));
    // 'supervision' exists in both; its 3-point Good is also on the 4-point scale.
    expect(normalised.sections.supervision).toEqual({
      grade: 'good',
      evidence: 'Evidence for Supervision.',
      questions: { 'within-timescale': null, reflective: 'yes', 'next-steps': null },
    });
    expect(normalised.sections.chronology?.grade).toBeNull();
  });
});
