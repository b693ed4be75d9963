// Check your answers (GOV.UK pattern): before a grading is submitted, every
// answer as the auditor gave it, in the form's order, each with the field to
// change it at. Grades are final once submitted, so this is the last look.
import {
  CHILDREN_SEEN_LABELS,
  QA_INDICATOR_LABELS,
  QA_INDICATORS,
  type Answer,
  type GradingAnswers,
  type Note,
} from './grading';
import { LOCAL_QA_LABELS, localQaOf } from './local-indicators';
import type { RubricContent } from './rubric';

export const ANSWER_LABELS: Record<Answer, string> = {
  yes: 'Yes',
  no: 'No',
  'not-applicable': 'Not applicable',
};

/** `field` is the id of the form control that changes this answer. */
export type CheckRow = { field: string; question: string; answer: string };
export type CheckGroup = { title: string; rows: CheckRow[] };

const NOT_ANSWERED = 'Not answered';

const yesNo = (value: boolean | null) => (value === null ? NOT_ANSWERED : value ? 'Yes' : 'No');

/**
 * The local form's indicators in its order. A follow-up shows when its
 * question asks for it or when it holds an answer (so a contradiction is seen).
 */
function localQaRows(answers: GradingAnswers): CheckRow[] {
  const { qa } = answers;
  const local = localQaOf(answers);
  const row = (key: keyof typeof LOCAL_QA_LABELS, answer: string): CheckRow => ({
    field: `qa-${key}`,
    question: LOCAL_QA_LABELS[key],
    answer,
  });
  const rows: CheckRow[] = [row('collaborative', yesNo(qa.collaborative))];
  if (qa.collaborative === true || local.practitionerReflection.trim())
    rows.push(row('practitionerReflection', local.practitionerReflection.trim() || 'None given'));
  rows.push(row('familyFeedback', yesNo(qa.familyFeedback)));
  if (qa.familyFeedback === true || local.familyFeedbackSaid.trim())
    rows.push(row('familyFeedbackSaid', local.familyFeedbackSaid.trim() || NOT_ANSWERED));
  rows.push(
    row('managementOversightExpected', yesNo(local.managementOversightExpected)),
    row('managementOversight', yesNo(qa.managementOversight)),
    row('supervision', yesNo(qa.supervision)),
  );
  if (qa.supervision === true || local.supervisionImpact !== null)
    rows.push(row('supervisionImpact', yesNo(local.supervisionImpact)));
  return rows;
}

export function answersToCheck(
  content: RubricContent,
  answers: GradingAnswers,
  form: { isLocalForm?: boolean } = {},
): CheckGroup[] {
  const level = (key: string | null) =>
    (key && content.scale.levels.find((candidate) => candidate.key === key)?.label) || NOT_ANSWERED;
  const theme = (key: string) =>
    content.themes.find((candidate) => candidate.key === key)?.label ?? 'No theme';
  const written = (text: string) => text.trim() || NOT_ANSWERED;

  const sections = content.sections.map((section, index): CheckGroup => {
    const given = answers.sections[section.key];
    return {
      title: `${index + 1}. ${section.title}`,
      rows: [
        { field: `section-${section.key}-grade`, question: 'Grade', answer: level(given?.grade ?? null) },
        {
          field: `section-${section.key}-evidence`,
          question: 'Evidence',
          answer: written(given?.evidence ?? ''),
        },
        ...section.questions.map((question) => {
          const answer = given?.questions[question.key] ?? null;
          return {
            field: `section-${section.key}-question-${question.key}`,
            question: question.text,
            answer: answer ? ANSWER_LABELS[answer] : NOT_ANSWERED,
          };
        }),
      ],
    };
  });
  const notes = (title: string, prefix: 'strength' | 'learning', list: Note[], noun: string): CheckGroup => ({
    title,
    rows:
      list.length === 0
        ? [{ field: `add-${prefix}`, question: title, answer: 'None' }]
        : list.map((note, index) => ({
            field: `${prefix}-${index}-text`,
            question: `${noun} ${index + 1} (${theme(note.themeKey)})`,
            answer: written(note.text),
          })),
  });
  const children: CheckRow[] = [
    {
      field: 'childrenSeen',
      question: 'Children seen',
      answer: answers.childrenSeen ? CHILDREN_SEEN_LABELS[answers.childrenSeen] : NOT_ANSWERED,
    },
    ...(answers.childrenNotSeenReason.trim()
      ? [
          {
            field: 'childrenNotSeenReason',
            question: 'Why not seen',
            answer: answers.childrenNotSeenReason.trim(),
          },
        ]
      : []),
  ];
  return [
    ...sections,
    notes('Strengths', 'strength', answers.strengths, 'Strength'),
    notes('Learning points', 'learning', answers.learningPoints, 'Learning point'),
    { title: 'Children seen', rows: children },
    {
      title: 'Quality assurance',
      rows: form.isLocalForm
        ? localQaRows(answers)
        : QA_INDICATORS.map((indicator) => ({
            field: `qa-${indicator}`,
            question: QA_INDICATOR_LABELS[indicator],
            answer: yesNo(answers.qa[indicator]),
          })),
    },
    {
      title: 'Overall grade',
      rows: [
        { field: 'overallGrade', question: 'Overall grade', answer: level(answers.overallGrade) },
        {
          field: 'overallRationale',
          question: 'Rationale',
          answer: answers.overallRationale.trim() || 'None given',
        },
      ],
    },
  ];
}
