// The local audit form's indicators (seed 003): local quality-and-impact and
// performance-board audits ask more than the national form does: the
// practitioner's own reflection when the audit was done with them, what the
// child or family said, whether management oversight was expected as well as
// recorded, and whether recorded supervision had an impact. The national form
// stays as it was. Pure.
import type { AuditKind } from './audits';
import type { GradingAnswers, Problem, QaIndicator } from './grading';

/** The audits graded on the local form: managers' own quality-and-impact audits and the board's. */
export const LOCAL_FORM_KINDS = ['LOCAL_QUALITY_IMPACT', 'PERFORMANCE_BOARD'] as const satisfies AuditKind[];

export function usesLocalForm(kind: AuditKind): boolean {
  return (LOCAL_FORM_KINDS as readonly AuditKind[]).includes(kind);
}

/** What the local form adds to the four yes / no indicators every audit answers (answers.qa). */
export type LocalQaAnswers = {
  /** Optional: only when the audit was undertaken with the practitioner. */
  practitionerReflection: string;
  /** Required when feedback from the child or family was obtained. */
  familyFeedbackSaid: string;
  managementOversightExpected: boolean | null;
  /** Asked only when supervision is recorded. */
  supervisionImpact: boolean | null;
};

export const LOCAL_QA_LABELS = {
  collaborative: 'Audit done collaboratively with the practitioner',
  practitionerReflection: 'The practitioner’s own reflection (optional)',
  familyFeedback: 'Feedback from the child or family obtained',
  familyFeedbackSaid: 'What the child or family said',
  managementOversightExpected: 'Management oversight expected on this case',
  managementOversight: 'Management oversight recorded',
  supervision: 'Supervision recorded',
  supervisionImpact: 'The supervision had an impact on the work',
} as const satisfies Record<QaIndicator | keyof LocalQaAnswers, string>;

/** The local form's questions in the order it asks them; each is also the field id `qa-<key>`. */
export const LOCAL_QA_ORDER = [
  'collaborative',
  'practitionerReflection',
  'familyFeedback',
  'familyFeedbackSaid',
  'managementOversightExpected',
  'managementOversight',
  'supervision',
  'supervisionImpact',
] as const satisfies (keyof typeof LOCAL_QA_LABELS)[];

export const LOCAL_QA_TEXT_MAX = 4000;

export function emptyLocalQa(): LocalQaAnswers {
  return {
    practitionerReflection: '',
    familyFeedbackSaid: '',
    managementOversightExpected: null,
    supervisionImpact: null,
  };
}

/** Stored or sent local answers made to fit: wrong types become empty. */
export function normaliseLocalQa(given: unknown): LocalQaAnswers {
  const loose = (typeof given === 'object' && given !== null ? given : {}) as Partial<
    Record<string, unknown>
  >;
  const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
  const yesNo = (value: unknown) => (typeof value === 'boolean' ? value : null);
  return {
    practitionerReflection: textOf(loose.practitionerReflection),
    familyFeedbackSaid: textOf(loose.familyFeedbackSaid),
    managementOversightExpected: yesNo(loose.managementOversightExpected),
    supervisionImpact: yesNo(loose.supervisionImpact),
  };
}

/** The answers as the local form holds them: the local part filled in when a draft has none yet. */
export function localQaOf(answers: Pick<GradingAnswers, 'localQa'>): LocalQaAnswers {
  return answers.localQa ?? emptyLocalQa();
}

const isBlank = (value: string) => value.trim() === '';

/**
 * What stops a local audit's Submit beyond the national form's checks (the four
 * yes / no indicators are checked there): each names its field, for what is
 * missing and for answers that contradict each other.
 */
export function localQaProblems(answers: Pick<GradingAnswers, 'qa' | 'localQa'>): Problem[] {
  const { qa } = answers;
  const local = localQaOf(answers);
  const problems: Problem[] = [];
  if (qa.collaborative === false && !isBlank(local.practitionerReflection))
    problems.push({
      field: 'qa-practitionerReflection',
      message:
        'The audit is answered as not undertaken with the practitioner: remove their reflection, or answer yes',
    });
  if (local.practitionerReflection.length > LOCAL_QA_TEXT_MAX)
    problems.push({
      field: 'qa-practitionerReflection',
      message: `Keep the practitioner’s reflection under ${LOCAL_QA_TEXT_MAX} characters`,
    });
  if (qa.familyFeedback === true && isBlank(local.familyFeedbackSaid))
    problems.push({ field: 'qa-familyFeedbackSaid', message: 'Record what the child or family said' });
  else if (qa.familyFeedback === false && !isBlank(local.familyFeedbackSaid))
    problems.push({
      field: 'qa-familyFeedbackSaid',
      message:
        'Feedback from the child or family is answered as not obtained: remove what they said, or answer yes',
    });
  if (local.familyFeedbackSaid.length > LOCAL_QA_TEXT_MAX)
    problems.push({
      field: 'qa-familyFeedbackSaid',
      message: `Keep what the child or family said under ${LOCAL_QA_TEXT_MAX} characters`,
    });
  if (local.managementOversightExpected === null)
    problems.push({
      field: 'qa-managementOversightExpected',
      message: `Answer yes or no: ${LOCAL_QA_LABELS.managementOversightExpected}`,
    });
  if (qa.supervision === true && local.supervisionImpact === null)
    problems.push({
      field: 'qa-supervisionImpact',
      message: `Answer yes or no: ${LOCAL_QA_LABELS.supervisionImpact}`,
    });
  else if (qa.supervision === false && local.supervisionImpact !== null)
    problems.push({
      field: 'qa-supervisionImpact',
      message: 'Supervision is answered as not recorded, so whether it had an impact does not apply',
    });
  return problems;
}

/** The QA columns of case_audit (seed 003's indicators), as the grade writer stores them. */
export type QaColumns = {
  collaborative: boolean | null;
  familyFeedback: boolean | null;
  managementOversightExpected: boolean | null;
  managementOversight: boolean | null;
  supervision: boolean | null;
  supervisionImpact: boolean | null;
};

/**
 * The indicators a grading's answers hold, for case_audit.qa_*: the national
 * form's four, and the local form's two more (null when not asked). An impact
 * is only an impact of recorded supervision.
 */
export function qaColumns(answers: Pick<GradingAnswers, 'qa' | 'localQa'>): QaColumns {
  const local = answers.localQa;
  return {
    collaborative: answers.qa.collaborative,
    familyFeedback: answers.qa.familyFeedback,
    managementOversightExpected: local?.managementOversightExpected ?? null,
    managementOversight: answers.qa.managementOversight,
    supervision: answers.qa.supervision,
    supervisionImpact: answers.qa.supervision === true ? (local?.supervisionImpact ?? null) : null,
  };
}

/**
 * The answers as the audit's form asks them: a national audit asks none of the
 * local questions (whatever was sent for them is dropped); a local one always
 * holds its local part, so history and the QA columns see every answer.
 */
export function answersForForm(answers: GradingAnswers, isLocalForm: boolean): GradingAnswers {
  const { localQa, ...national } = answers;
  return isLocalForm ? { ...national, localQa: localQa ?? emptyLocalQa() } : national;
}
