import {
  CHILDREN_SEEN_LABELS,
  childrenSeenOptions,
  QA_INDICATOR_LABELS,
  QA_INDICATORS,
  type GradingAnswers,
  type Note,
} from '@/lib/domain/grading';
import type { RubricContent } from '@/lib/domain/rubric';
import type { FieldProblems } from './field-problems';
import type { ChangeAnswers } from './use-autosave';

// The fields every case has whatever the threshold document: strengths and
// learning points (on the document's themes), children seen and the quality
// assurance indicators.
type Fields = { answers: GradingAnswers; onChange: ChangeAnswers; problems: FieldProblems };

const newKey = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

/** Strengths or learning points: a theme and a sentence each, added and removed by the auditor. */
export function NoteFields({
  kind,
  content,
  answers,
  onChange,
  problems,
}: Fields & { kind: 'strengths' | 'learningPoints'; content: RubricContent }) {
  const { errorText, invalid } = problems;
  const prefix = kind === 'strengths' ? 'strength' : 'learning';
  const noun = kind === 'strengths' ? 'Strength' : 'Learning point';
  const title = kind === 'strengths' ? 'Strengths' : 'Learning points';
  const update = (key: string, patch: Partial<Note>) =>
    onChange((draft) => ({
      ...draft,
      [kind]: draft[kind].map((n) => (n.key === key ? { ...n, ...patch } : n)),
    }));
  return (
    <fieldset className="card space-y-3">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {answers[kind].length === 0 && <p className="text-sm text-slate-700">None yet.</p>}
      {answers[kind].map((note: Note, index) => (
        <div key={note.key} className="grid gap-2 sm:grid-cols-[14rem_1fr_auto] sm:items-end">
          <div className="field">
            <label htmlFor={`${prefix}-${index}-theme`} className="block font-medium">
              Theme {index + 1}
            </label>
            <select
              id={`${prefix}-${index}-theme`}
              className="input"
              value={note.themeKey}
              {...invalid(`${prefix}-${index}-theme`)}
              onChange={(event) => update(note.key, { themeKey: event.target.value })}
            >
              <option value="">Choose a theme</option>
              {content.themes.map((theme) => (
                <option key={theme.key} value={theme.key}>
                  {theme.label}
                </option>
              ))}
            </select>
            {errorText(`${prefix}-${index}-theme`)}
          </div>
          <div className="field">
            <label htmlFor={`${prefix}-${index}-text`} className="block font-medium">
              {noun} {index + 1}
            </label>
            <textarea
              id={`${prefix}-${index}-text`}
              rows={2}
              className="input max-w-none"
              value={note.text}
              {...invalid(`${prefix}-${index}-text`)}
              onChange={(event) => update(note.key, { text: event.target.value })}
            />
            {errorText(`${prefix}-${index}-text`)}
          </div>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() =>
              onChange((draft) => ({ ...draft, [kind]: draft[kind].filter((n) => n.key !== note.key) }))
            }
          >
            Remove {noun.toLowerCase()} {index + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        id={`add-${prefix}`}
        className="btn btn-secondary"
        onClick={() =>
          onChange((draft) => ({
            ...draft,
            [kind]: [...draft[kind], { key: newKey(prefix), themeKey: '', text: '' }],
          }))
        }
      >
        Add a {noun.toLowerCase()}
      </button>
    </fieldset>
  );
}

/** Children seen; for work to first hearing by an Early Intervention Team only "not applicable". */
export function ChildrenSeenFields({
  isEitWorkToFirstHearing,
  answers,
  onChange,
  problems,
}: Fields & { isEitWorkToFirstHearing: boolean }) {
  const { errorText, invalid } = problems;
  return (
    <fieldset id="childrenSeen" tabIndex={-1} className="card space-y-2">
      <legend className="px-1 text-lg font-semibold">Children seen</legend>
      {isEitWorkToFirstHearing && (
        <p className="text-sm text-slate-700">
          Work to first hearing by an Early Intervention Team: children seen does not apply.
        </p>
      )}
      {errorText('childrenSeen')}
      {childrenSeenOptions({ isEitWorkToFirstHearing }).map((option) => (
        <div key={option} className="flex items-center gap-2">
          <input
            type="radio"
            id={`childrenSeen-${option}`}
            name="childrenSeen"
            className="h-4 w-4"
            checked={answers.childrenSeen === option}
            onChange={() => onChange((draft) => ({ ...draft, childrenSeen: option }))}
          />
          <label htmlFor={`childrenSeen-${option}`}>{CHILDREN_SEEN_LABELS[option]}</label>
        </div>
      ))}
      {answers.childrenSeen === 'NOT_SEEN_REASON_RECORDED' && (
        <div className="field">
          <label htmlFor="childrenNotSeenReason" className="block font-medium">
            The reason recorded for not seeing the children
          </label>
          {errorText('childrenNotSeenReason')}
          <textarea
            id="childrenNotSeenReason"
            rows={2}
            className="input max-w-none"
            value={answers.childrenNotSeenReason}
            {...invalid('childrenNotSeenReason')}
            onChange={(event) =>
              onChange((draft) => ({ ...draft, childrenNotSeenReason: event.target.value }))
            }
          />
        </div>
      )}
    </fieldset>
  );
}

/** The quality assurance indicators, each yes or no. */
export function QualityAssuranceFields({ answers, onChange, problems }: Fields) {
  const { errorText } = problems;
  return (
    <section className="card space-y-3" aria-labelledby="qa-title">
      <h2 id="qa-title">Quality assurance</h2>
      {QA_INDICATORS.map((indicator) => (
        <fieldset key={indicator} id={`qa-${indicator}`} tabIndex={-1}>
          <legend className="font-medium">{QA_INDICATOR_LABELS[indicator]}</legend>
          {errorText(`qa-${indicator}`)}
          <div className="mt-1 flex gap-6">
            {[true, false].map((value) => (
              <div key={String(value)} className="flex items-center gap-2">
                <input
                  type="radio"
                  id={`qa-${indicator}-${String(value)}`}
                  name={`qa-${indicator}`}
                  className="h-4 w-4"
                  checked={answers.qa[indicator] === value}
                  onChange={() =>
                    onChange((draft) => ({ ...draft, qa: { ...draft.qa, [indicator]: value } }))
                  }
                />
                <label htmlFor={`qa-${indicator}-${String(value)}`}>{value ? 'Yes' : 'No'}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
    </section>
  );
}
