// Grading one case against one threshold version: the answers an auditor
// gives, what Submit checks, when the overall grade needs explaining, and the
// field-by-field differences the append-only history records. Pure.
import {
  emptyLocalQa,
  LOCAL_QA_ORDER,
  localQaProblems,
  normaliseLocalQa,
  type LocalQaAnswers,
} from './local-indicators';
import { isLowestLevel, lowestLevel, rankOf, suggestOverallGrade, type RubricContent } from './rubric';

/** Seed 000 Fig. 4: how the children's being seen is recorded. */
export const CHILDREN_SEEN = [
  'SEEN',
  'NOT_SEEN_REASON_RECORDED',
  'NOT_SEEN_NO_REASON',
  'UNCLEAR',
  'NOT_APPLICABLE',
] as const;
export type ChildrenSeen = (typeof CHILDREN_SEEN)[number];

export const CHILDREN_SEEN_LABELS: Record<ChildrenSeen, string> = {
  SEEN: 'Seen',
  NOT_SEEN_REASON_RECORDED: 'Not seen – reason recorded',
  NOT_SEEN_NO_REASON: 'Not seen – no reason recorded',
  UNCLEAR: 'Unclear',
  NOT_APPLICABLE: 'Not applicable',
};

/** Seed 003: the quality-assurance indicators the board follows. */
export const QA_INDICATORS = [
  'collaborative',
  'familyFeedback',
  'managementOversight',
  'supervision',
] as const;
export type QaIndicator = (typeof QA_INDICATORS)[number];

export const QA_INDICATOR_LABELS: Record<QaIndicator, string> = {
  collaborative: 'Audit done collaboratively with the practitioner',
  familyFeedback: 'Feedback from the child or family obtained',
  managementOversight: 'Management oversight recorded',
  supervision: 'Supervision recorded',
};

export const ANSWERS = ['yes', 'no', 'not-applicable'] as const;
export type Answer = (typeof ANSWERS)[number];

export type Note = { key: string; themeKey: string; text: string };

export type SectionAnswers = {
  grade: string | null;
  evidence: string;
  /** Question key → answer. */
  questions: Record<string, Answer | null>;
};

export type GradingAnswers = {
  /** Section key → answers. */
  sections: Record<string, SectionAnswers>;
  strengths: Note[];
  learningPoints: Note[];
  childrenSeen: ChildrenSeen | null;
  childrenNotSeenReason: string;
  qa: Record<QaIndicator, boolean | null>;
  /** The local form's further indicators (lib/domain/local-indicators); absent on the national form. */
  localQa?: LocalQaAnswers;
  overallGrade: string | null;
  overallRationale: string;
};

/**
 * Private Law work to first hearing done by an Early Intervention Team; and
 * whether the audit is graded on the local form (a local quality-and-impact or
 * performance-board audit).
 */
export type CaseContext = { isEitWorkToFirstHearing: boolean; isLocalForm?: boolean };

export type Problem = { field: string; message: string };

export type AnswerChange = { field: string; from: string; to: string };

function emptySection(content: RubricContent, sectionKey: string): SectionAnswers {
  const section = content.sections.find((candidate) => candidate.key === sectionKey);
  return {
    grade: null,
    evidence: '',
    questions: Object.fromEntries((section?.questions ?? []).map((question) => [question.key, null])),
  };
}

function emptyQa(): Record<QaIndicator, boolean | null> {
  return { collaborative: null, familyFeedback: null, managementOversight: null, supervision: null };
}

export function emptyAnswers(
  content: RubricContent,
  form: 'national' | 'local' = 'national',
): GradingAnswers {
  return {
    ...(form === 'local' ? { localQa: emptyLocalQa() } : {}),
    sections: Object.fromEntries(
      content.sections.map((section) => [section.key, emptySection(content, section.key)]),
    ),
    strengths: [],
    learningPoints: [],
    childrenSeen: null,
    childrenNotSeenReason: '',
    qa: emptyQa(),
    overallGrade: null,
    overallRationale: '',
  };
}

export function isAnswer(value: unknown): value is Answer {
  return typeof value === 'string' && (ANSWERS as readonly string[]).includes(value);
}

export function isChildrenSeen(value: unknown): value is ChildrenSeen {
  return typeof value === 'string' && (CHILDREN_SEEN as readonly string[]).includes(value);
}

/** Work to first hearing by an EIT never records children seen (seed 000 Fig. 4 excludes it). */
export function childrenSeenOptions(context: CaseContext): ChildrenSeen[] {
  return context.isEitWorkToFirstHearing
    ? ['NOT_APPLICABLE']
    : CHILDREN_SEEN.filter((option) => option !== 'NOT_APPLICABLE');
}

export function sectionGrades(answers: GradingAnswers): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(answers.sections).map(([key, section]) => [key, section.grade ?? null]),
  );
}

/**
 * The auditor decides the overall grade; a grade other than the one the
 * document's rule suggests, or the lowest grade (which sends the case to
 * area review), must be explained. No suggestion means any choice differs.
 */
export function rationaleRequired(content: RubricContent, answers: GradingAnswers): boolean {
  const chosen = answers.overallGrade;
  if (chosen === null) return false;
  const suggested = suggestOverallGrade(content, sectionGrades(answers));
  return chosen !== suggested || isLowestLevel(content.scale, chosen);
}

function levelLabel(content: RubricContent, levelKey: string): string {
  return content.scale.levels.find((level) => level.key === levelKey)?.label ?? levelKey;
}

function isBlank(value: string | null | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function rationaleMessage(content: RubricContent, answers: GradingAnswers, chosen: string): string {
  const suggested = suggestOverallGrade(content, sectionGrades(answers));
  if (suggested !== null && suggested !== chosen)
    return `Explain why the overall grade differs from the suggested ${levelLabel(content, suggested)}`;
  if (isLowestLevel(content.scale, chosen))
    return `Explain the ${lowestLevel(content.scale)?.label ?? levelLabel(content, chosen)} grade`;
  return `Explain the overall grade of ${levelLabel(content, chosen)}: the threshold document suggests none`;
}

function noteProblems(
  content: RubricContent,
  notes: Note[],
  fieldPrefix: 'strength' | 'learning',
  name: 'strength' | 'learning point',
): Problem[] {
  const themeKeys = new Set(content.themes.map((theme) => theme.key));
  const problems: Problem[] = [];
  for (const [index, note] of notes.entries()) {
    const label = `${name} ${index + 1}`;
    if (isBlank(note.themeKey))
      problems.push({ field: `${fieldPrefix}-${index}-theme`, message: `Choose a theme for ${label}` });
    else if (!themeKeys.has(note.themeKey))
      problems.push({
        field: `${fieldPrefix}-${index}-theme`,
        message: `The theme of ${label} is not in this threshold document; choose another`,
      });
    if (isBlank(note.text))
      problems.push({ field: `${fieldPrefix}-${index}-text`, message: `Describe ${label}` });
  }
  return problems;
}

/**
 * Everything that stops Submit, in the order the form shows it: sections
 * (grade, evidence, questions), children seen, QA indicators, strengths,
 * learning points, overall grade and its rationale. Notes are optional.
 */
export function completenessProblems(
  content: RubricContent,
  answers: GradingAnswers,
  context: CaseContext,
): Problem[] {
  const problems: Problem[] = [];
  const { scale } = content;

  for (const section of content.sections) {
    const given = answers.sections[section.key];
    const grade = given?.grade ?? null;
    const gradeField = `section-${section.key}-grade`;
    if (grade === null) problems.push({ field: gradeField, message: `Choose a grade for ${section.title}` });
    else if (rankOf(scale, grade) < 0)
      problems.push({
        field: gradeField,
        message: `The grade for ${section.title} is not on this scale; choose a grade for ${section.title}`,
      });
    if (isBlank(given?.evidence))
      problems.push({
        field: `section-${section.key}-evidence`,
        message: `Give the evidence for ${section.title}`,
      });
    for (const question of section.questions) {
      if (!isAnswer(given?.questions[question.key]))
        problems.push({
          field: `section-${section.key}-question-${question.key}`,
          message: `Answer the question for ${section.title}: ${question.text}`,
        });
    }
  }

  const seen = answers.childrenSeen;
  if (seen === null || !isChildrenSeen(seen))
    problems.push({
      field: 'childrenSeen',
      message: context.isEitWorkToFirstHearing
        ? 'Record children seen as Not applicable for work to first hearing by an Early Intervention Team'
        : 'Say whether the children were seen',
    });
  else if (!childrenSeenOptions(context).includes(seen))
    problems.push({
      field: 'childrenSeen',
      message: context.isEitWorkToFirstHearing
        ? 'Children seen is Not applicable for work to first hearing by an Early Intervention Team'
        : 'Not applicable is only for work to first hearing by an Early Intervention Team; say whether the children were seen',
    });
  else if (seen === 'NOT_SEEN_REASON_RECORDED' && isBlank(answers.childrenNotSeenReason))
    problems.push({
      field: 'childrenNotSeenReason',
      message: 'Give the recorded reason the children were not seen',
    });

  for (const indicator of QA_INDICATORS) {
    if (typeof answers.qa[indicator] !== 'boolean')
      problems.push({
        field: `qa-${indicator}`,
        message: `Answer yes or no: ${QA_INDICATOR_LABELS[indicator]}`,
      });
  }
  if (context.isLocalForm) {
    problems.push(...localQaProblems(answers));
    // The local form asks its questions in its own order; Submit lists them as the form shows them.
    const rank = (field: string) => LOCAL_QA_ORDER.findIndex((key) => `qa-${key}` === field);
    const qaStart = problems.findIndex((problem) => problem.field.startsWith('qa-'));
    if (qaStart >= 0) {
      const qaProblems = problems.splice(qaStart).sort((a, b) => rank(a.field) - rank(b.field));
      problems.push(...qaProblems);
    }
  }

  problems.push(...noteProblems(content, answers.strengths, 'strength', 'strength'));
  problems.push(...noteProblems(content, answers.learningPoints, 'learning', 'learning point'));

  const overall = answers.overallGrade;
  if (overall === null) problems.push({ field: 'overallGrade', message: 'Choose an overall grade' });
  else if (rankOf(scale, overall) < 0)
    problems.push({
      field: 'overallGrade',
      message: 'The overall grade is not on this scale; choose an overall grade',
    });
  else if (rationaleRequired(content, answers) && isBlank(answers.overallRationale))
    problems.push({ field: 'overallRationale', message: rationaleMessage(content, answers, overall) });

  return problems;
}

function text(value: string | boolean | null | undefined): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return value ?? '';
}

/** Keys in the document's order first (when known), then the rest as first met. */
function orderedKeys(preferred: string[], ...records: Record<string, unknown>[]): string[] {
  const keys = [...preferred];
  const seen = new Set(keys);
  for (const record of records) {
    for (const key of Object.keys(record)) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  return keys;
}

function noteChanges(before: Note[], after: Note[], prefix: 'strength' | 'learning'): AnswerChange[] {
  const changes: AnswerChange[] = [];
  const beforeByKey = new Map(before.map((note) => [note.key, note]));
  const afterByKey = new Map(after.map((note) => [note.key, note]));
  const keys = [...new Set([...beforeByKey.keys(), ...afterByKey.keys()])];
  for (const key of keys) {
    const from = beforeByKey.get(key);
    const to = afterByKey.get(key);
    for (const part of ['themeKey', 'text'] as const) {
      const fromValue = text(from?.[part]);
      const toValue = text(to?.[part]);
      if (fromValue !== toValue)
        changes.push({
          field: `${prefix}-${key}-${part === 'themeKey' ? 'theme' : 'text'}`,
          from: fromValue,
          to: toValue,
        });
    }
  }
  return changes;
}

/**
 * Field-by-field differences for the append-only history. Order: sections
 * (grade, evidence, questions), strengths and learning points by note key,
 * children seen, the reason, QA indicators, overall grade, rationale. Section
 * and question keys follow `content` when given, then first appearance.
 * Empty and missing values read as ''; QA booleans as 'yes' / 'no'.
 */
export function diffAnswers(
  before: GradingAnswers,
  after: GradingAnswers,
  content?: RubricContent,
): AnswerChange[] {
  const changes: AnswerChange[] = [];
  const push = (
    field: string,
    from: string | boolean | null | undefined,
    to: string | boolean | null | undefined,
  ) => {
    const fromValue = text(from);
    const toValue = text(to);
    if (fromValue !== toValue) changes.push({ field, from: fromValue, to: toValue });
  };

  const sectionKeys = orderedKeys(
    content?.sections.map((section) => section.key) ?? [],
    before.sections,
    after.sections,
  );
  for (const key of sectionKeys) {
    const from = before.sections[key];
    const to = after.sections[key];
    push(`section-${key}-grade`, from?.grade, to?.grade);
    push(`section-${key}-evidence`, from?.evidence, to?.evidence);
    const questionKeys = orderedKeys(
      content?.sections.find((section) => section.key === key)?.questions.map((question) => question.key) ??
        [],
      from?.questions ?? {},
      to?.questions ?? {},
    );
    for (const question of questionKeys)
      push(`section-${key}-question-${question}`, from?.questions[question], to?.questions[question]);
  }

  changes.push(...noteChanges(before.strengths, after.strengths, 'strength'));
  changes.push(...noteChanges(before.learningPoints, after.learningPoints, 'learning'));
  push('childrenSeen', before.childrenSeen, after.childrenSeen);
  push('childrenNotSeenReason', before.childrenNotSeenReason, after.childrenNotSeenReason);
  for (const indicator of QA_INDICATORS) push(`qa-${indicator}`, before.qa[indicator], after.qa[indicator]);
  if (before.localQa || after.localQa) {
    const from = before.localQa ?? emptyLocalQa();
    const to = after.localQa ?? emptyLocalQa();
    for (const key of Object.keys(from) as (keyof LocalQaAnswers)[]) push(`qa-${key}`, from[key], to[key]);
  }
  push('overallGrade', before.overallGrade, after.overallGrade);
  push('overallRationale', before.overallRationale, after.overallRationale);
  return changes;
}

function onScale(content: RubricContent, grade: unknown): string | null {
  return typeof grade === 'string' && rankOf(content.scale, grade) >= 0 ? grade : null;
}

function normaliseNotes(content: RubricContent, notes: unknown): Note[] {
  if (!Array.isArray(notes)) return [];
  const themeKeys = new Set(content.themes.map((theme) => theme.key));
  return (notes as Partial<Note>[]).map((note) => ({
    key: typeof note.key === 'string' ? note.key : '',
    themeKey: typeof note.themeKey === 'string' && themeKeys.has(note.themeKey) ? note.themeKey : '',
    text: typeof note.text === 'string' ? note.text : '',
  }));
}

/**
 * Makes stored or client-sent answers fit the content: sections and questions
 * in the document's order, unknown ones dropped, missing ones added empty;
 * grades not on the scale, answers that are not yes / no / not applicable,
 * unknown children-seen values and non-boolean QA answers become null; a
 * note's theme not in the document becomes '' so the auditor chooses again.
 */
export function normaliseAnswers(content: RubricContent, answers: GradingAnswers): GradingAnswers {
  // Stored JSON and client input may be partial whatever the type says.
  const loose = answers as Partial<GradingAnswers>;
  const givenSections: Partial<Record<string, Partial<SectionAnswers>>> = loose.sections ?? {};
  const givenQa: Partial<Record<QaIndicator, unknown>> = loose.qa ?? {};
  const qa = emptyQa();
  for (const indicator of QA_INDICATORS) {
    const value = givenQa[indicator];
    qa[indicator] = typeof value === 'boolean' ? value : null;
  }
  return {
    sections: Object.fromEntries(
      content.sections.map((section) => {
        const given = givenSections[section.key];
        const givenQuestions: Partial<Record<string, unknown>> = given?.questions ?? {};
        return [
          section.key,
          {
            grade: onScale(content, given?.grade),
            evidence: typeof given?.evidence === 'string' ? given.evidence : '',
            questions: Object.fromEntries(
              section.questions.map((question) => {
                const answer = givenQuestions[question.key];
                return [question.key, isAnswer(answer) ? answer : null];
              }),
            ),
          },
        ];
      }),
    ),
    strengths: normaliseNotes(content, loose.strengths),
    learningPoints: normaliseNotes(content, loose.learningPoints),
    childrenSeen: isChildrenSeen(loose.childrenSeen) ? loose.childrenSeen : null,
    childrenNotSeenReason: typeof loose.childrenNotSeenReason === 'string' ? loose.childrenNotSeenReason : '',
    qa,
    ...(loose.localQa === undefined ? {} : { localQa: normaliseLocalQa(loose.localQa) }),
    overallGrade: onScale(content, loose.overallGrade),
    overallRationale: typeof loose.overallRationale === 'string' ? loose.overallRationale : '',
  };
}
