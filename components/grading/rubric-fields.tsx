import { ANSWER_LABELS } from '@/lib/domain/check-answers';
import {
  rationaleRequired,
  sectionGrades,
  type Answer,
  type GradingAnswers,
  type SectionAnswers,
} from '@/lib/domain/grading';
import {
  describeOverallRule,
  suggestOverallGrade,
  type RubricContent,
  type RubricSection,
} from '@/lib/domain/rubric';
import type { ChangeAnswers } from './use-autosave';
import type { FieldProblems } from './field-problems';

// The fields a threshold document asks for, rendered the same way in the
// grading form and in the document's preview, so the two cannot drift. The
// preview sits under its own h2 (so its headings are h3), prefixes its ids,
// states the overall rule and announces the suggestion as a status.
type Shared = {
  content: RubricContent;
  answers: GradingAnswers;
  onChange: ChangeAnswers;
  problems: FieldProblems;
  /** Prepended to every id: '' in the grading form (ids are the problems' field names). */
  idPrefix?: string;
  preview?: boolean;
};

const EMPTY_SECTION: SectionAnswers = { grade: null, evidence: '', questions: {} };

function Heading({ id, preview, children }: { id: string; preview: boolean; children: React.ReactNode }) {
  return preview ? (
    <h3 id={id} className="text-lg font-semibold">
      {children}
    </h3>
  ) : (
    <h2 id={id}>{children}</h2>
  );
}

/** One section: its grade on the document's scale, the evidence and its yes/no questions. */
export function SectionFields({
  section,
  index,
  content,
  answers,
  onChange,
  problems,
  idPrefix = '',
  preview = false,
}: Shared & { section: RubricSection; index: number }) {
  const { errorText, invalid, messageFor } = problems;
  const sectionAnswers = answers.sections[section.key] ?? EMPTY_SECTION;
  const gradeField = `${idPrefix}section-${section.key}-grade`;
  const evidenceField = `${idPrefix}section-${section.key}-evidence`;
  const setSection = (patch: Partial<SectionAnswers>) =>
    onChange((draft) => ({
      ...draft,
      sections: { ...draft.sections, [section.key]: { ...sectionAnswers, ...patch } },
    }));
  return (
    <section className="card space-y-4" aria-labelledby={`${idPrefix}${section.key}-title`}>
      <Heading id={`${idPrefix}${section.key}-title`} preview={preview}>
        {index + 1}. {section.title || 'Untitled section'}
      </Heading>
      {section.guidance && <p className="whitespace-pre-line text-slate-700">{section.guidance}</p>}
      <fieldset
        id={gradeField}
        tabIndex={-1}
        {...(messageFor(gradeField) ? { 'aria-describedby': `${gradeField}-error` } : {})}
      >
        <legend className="font-medium">Grade for {section.title || 'this section'}</legend>
        {errorText(gradeField)}
        <div className="mt-2 space-y-2">
          {content.scale.levels.map((level) => {
            const inputId = `${gradeField}-${level.key}`;
            return (
              <div key={level.key} className="flex gap-3 rounded-md border border-slate-300 p-3">
                <input
                  type="radio"
                  id={inputId}
                  name={gradeField}
                  value={level.key}
                  className="mt-1 h-5 w-5 shrink-0"
                  aria-describedby={`${inputId}-descriptor`}
                  checked={sectionAnswers.grade === level.key}
                  onChange={() => setSection({ grade: level.key })}
                />
                <div>
                  <label htmlFor={inputId} className="font-semibold">
                    {level.label || 'Unnamed level'}
                  </label>
                  <p id={`${inputId}-descriptor`} className="text-sm whitespace-pre-line text-slate-700">
                    {section.descriptors[level.key] || 'No descriptor yet.'}
                  </p>
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={evidenceField} className="block font-medium">
          Evidence for {section.title || 'this section'}
        </label>
        {errorText(evidenceField)}
        <textarea
          id={evidenceField}
          rows={4}
          className="input max-w-none"
          value={sectionAnswers.evidence}
          {...invalid(evidenceField)}
          onChange={(event) => setSection({ evidence: event.target.value })}
        />
      </div>
      {section.questions.map((question) => {
        const field = `${idPrefix}section-${section.key}-question-${question.key}`;
        return (
          <fieldset key={question.key} id={field} tabIndex={-1}>
            <legend className="font-medium">{question.text || 'Untitled question'}</legend>
            {errorText(field)}
            <div className="mt-1 flex flex-wrap gap-6">
              {(Object.keys(ANSWER_LABELS) as Answer[]).map((answer) => (
                <div key={answer} className="flex items-center gap-2">
                  <input
                    type="radio"
                    id={`${field}-${answer}`}
                    name={field}
                    className="h-4 w-4"
                    checked={sectionAnswers.questions[question.key] === answer}
                    onChange={() =>
                      setSection({ questions: { ...sectionAnswers.questions, [question.key]: answer } })
                    }
                  />
                  <label htmlFor={`${field}-${answer}`}>{ANSWER_LABELS[answer]}</label>
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
    </section>
  );
}

/** The overall grade: the suggestion from the section grades, the grade chosen and its rationale. */
export function OverallGradeFields({
  content,
  answers,
  onChange,
  problems,
  idPrefix = '',
  preview = false,
}: Shared) {
  const { errorText, invalid } = problems;
  const suggestion = suggestOverallGrade(content, sectionGrades(answers));
  const suggestionLabel = content.scale.levels.find((level) => level.key === suggestion)?.label ?? null;
  const required = rationaleRequired(content, answers);
  const gradeField = `${idPrefix}overallGrade`;
  const rationaleField = `${idPrefix}overallRationale`;
  return (
    <section className="card space-y-4" aria-labelledby={`${idPrefix}overall-title`}>
      <Heading id={`${idPrefix}overall-title`} preview={preview}>
        Overall grade
      </Heading>
      {preview && <p className="text-sm text-slate-700">Rule: {describeOverallRule(content)}.</p>}
      {/* The form's status line is the save state; the preview's is the suggestion. */}
      <p aria-live="polite" {...(preview ? { role: 'status' } : {})}>
        {suggestionLabel ? (
          <>
            Suggested from the section grades: <strong>{suggestionLabel}</strong>. You decide.
          </>
        ) : (
          'Grade the sections to see the suggested overall grade.'
        )}
      </p>
      <div className="field">
        <label htmlFor={gradeField} className="block font-medium">
          Overall grade
        </label>
        {errorText(gradeField)}
        <select
          id={gradeField}
          className="input"
          value={answers.overallGrade ?? ''}
          {...invalid(gradeField)}
          onChange={(event) => onChange((draft) => ({ ...draft, overallGrade: event.target.value || null }))}
        >
          <option value="">Choose a grade</option>
          {content.scale.levels.map((level) => (
            <option key={level.key} value={level.key}>
              {level.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={rationaleField} className="block font-medium">
          Rationale
          {required
            ? ' (required)'
            : ' (required when the grade differs from the suggestion or is the lowest)'}
        </label>
        {errorText(rationaleField)}
        <textarea
          id={rationaleField}
          rows={4}
          className="input max-w-none"
          value={answers.overallRationale}
          aria-required={required}
          {...invalid(rationaleField)}
          onChange={(event) => onChange((draft) => ({ ...draft, overallRationale: event.target.value }))}
        />
      </div>
    </section>
  );
}
