import type { GradingAnswers, QaIndicator } from '@/lib/domain/grading';
import {
  LOCAL_QA_LABELS,
  LOCAL_QA_TEXT_MAX,
  localQaOf,
  type LocalQaAnswers,
} from '@/lib/domain/local-indicators';
import type { FieldProblems } from './field-problems';
import type { ChangeAnswers } from './use-autosave';

// The local form's quality assurance (seed 003): the national four, each with
// its follow-up, asked where it applies. A follow-up holding an answer stays in
// view even when its question no longer asks for it, so the auditor can see and
// remove what contradicts.
type Fields = { answers: GradingAnswers; onChange: ChangeAnswers; problems: FieldProblems };

function YesNo({
  field,
  legend,
  value,
  onSelect,
  problems,
}: {
  field: string;
  legend: string;
  value: boolean | null;
  onSelect: (value: boolean) => void;
  problems: FieldProblems;
}) {
  return (
    <fieldset id={field} tabIndex={-1}>
      <legend className="font-medium">{legend}</legend>
      {problems.errorText(field)}
      <div className="mt-1 flex gap-6">
        {[true, false].map((option) => (
          <div key={String(option)} className="flex items-center gap-2">
            <input
              type="radio"
              id={`${field}-${String(option)}`}
              name={field}
              className="h-4 w-4"
              checked={value === option}
              onChange={() => onSelect(option)}
            />
            <label htmlFor={`${field}-${String(option)}`}>{option ? 'Yes' : 'No'}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function FollowUpText({
  field,
  label,
  hint,
  value,
  onInput,
  problems,
}: {
  field: string;
  label: string;
  hint: string;
  value: string;
  onInput: (value: string) => void;
  problems: FieldProblems;
}) {
  const described = problems.invalid(field);
  return (
    <div className="field ml-6 border-l-4 border-slate-300 pl-4">
      <label htmlFor={field} className="block font-medium">
        {label}
      </label>
      <p id={`${field}-hint`} className="text-sm text-slate-700">
        {hint}
      </p>
      {problems.errorText(field)}
      <textarea
        id={field}
        rows={3}
        maxLength={LOCAL_QA_TEXT_MAX}
        className="input max-w-none"
        value={value}
        {...described}
        aria-describedby={[`${field}-hint`, described['aria-describedby']].filter(Boolean).join(' ')}
        onChange={(event) => onInput(event.target.value)}
      />
    </div>
  );
}

export function LocalQualityAssuranceFields({ answers, onChange, problems }: Fields) {
  const local = localQaOf(answers);
  const setQa = (indicator: QaIndicator, value: boolean, patch: Partial<LocalQaAnswers> = {}) =>
    onChange((draft) => ({
      ...draft,
      qa: { ...draft.qa, [indicator]: value },
      localQa: { ...localQaOf(draft), ...patch },
    }));
  const setLocal = (patch: Partial<LocalQaAnswers>) =>
    onChange((draft) => ({ ...draft, localQa: { ...localQaOf(draft), ...patch } }));
  const { qa } = answers;
  return (
    <section className="card space-y-4" aria-labelledby="qa-title">
      <h2 id="qa-title">Quality assurance</h2>
      <YesNo
        field="qa-collaborative"
        legend={LOCAL_QA_LABELS.collaborative}
        value={qa.collaborative}
        onSelect={(value) => setQa('collaborative', value)}
        problems={problems}
      />
      {(qa.collaborative === true || local.practitionerReflection !== '') && (
        <FollowUpText
          field="qa-practitionerReflection"
          label={LOCAL_QA_LABELS.practitionerReflection}
          hint="In the practitioner’s words, if they want it recorded."
          value={local.practitionerReflection}
          onInput={(value) => setLocal({ practitionerReflection: value })}
          problems={problems}
        />
      )}
      <YesNo
        field="qa-familyFeedback"
        legend={LOCAL_QA_LABELS.familyFeedback}
        value={qa.familyFeedback}
        onSelect={(value) => setQa('familyFeedback', value)}
        problems={problems}
      />
      {(qa.familyFeedback === true || local.familyFeedbackSaid !== '') && (
        <FollowUpText
          field="qa-familyFeedbackSaid"
          label={LOCAL_QA_LABELS.familyFeedbackSaid}
          hint="A short summary of their feedback on the service they received."
          value={local.familyFeedbackSaid}
          onInput={(value) => setLocal({ familyFeedbackSaid: value })}
          problems={problems}
        />
      )}
      <YesNo
        field="qa-managementOversightExpected"
        legend={LOCAL_QA_LABELS.managementOversightExpected}
        value={local.managementOversightExpected}
        onSelect={(value) => setLocal({ managementOversightExpected: value })}
        problems={problems}
      />
      <YesNo
        field="qa-managementOversight"
        legend={LOCAL_QA_LABELS.managementOversight}
        value={qa.managementOversight}
        onSelect={(value) => setQa('managementOversight', value)}
        problems={problems}
      />
      <YesNo
        field="qa-supervision"
        legend={LOCAL_QA_LABELS.supervision}
        value={qa.supervision}
        // No supervision recorded: whether it had an impact no longer applies.
        onSelect={(value) => setQa('supervision', value, value ? {} : { supervisionImpact: null })}
        problems={problems}
      />
      {(qa.supervision === true || local.supervisionImpact !== null) && (
        <div className="ml-6 border-l-4 border-slate-300 pl-4">
          <YesNo
            field="qa-supervisionImpact"
            legend={LOCAL_QA_LABELS.supervisionImpact}
            value={local.supervisionImpact}
            onSelect={(value) => setLocal({ supervisionImpact: value })}
            problems={problems}
          />
        </div>
      )}
    </section>
  );
}
