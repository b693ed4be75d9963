'use client';

import { ANSWER_LABELS, answersToCheck } from '@/lib/domain/check-answers';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import {
  CHILDREN_SEEN_LABELS,
  childrenSeenOptions,
  completenessProblems,
  diffAnswers,
  QA_INDICATOR_LABELS,
  QA_INDICATORS,
  rationaleRequired,
  sectionGrades,
  type Answer,
  type GradingAnswers,
  type Note,
  type Problem,
} from '@/lib/domain/grading';
import { draftCopyKey, restorableAnswers } from '@/lib/domain/device-copy';
import { suggestOverallGrade, type RubricContent } from '@/lib/domain/rubric';
import type { ActionResult } from '@/lib/actions/result';
import { clearDeviceCopies, saveOnSignOut } from './device-copy';

type SubmitResult =
  | { submitted: true; version: number; sentForAreaReview: boolean }
  | { submitted: false; problems: Problem[] };
type SaveState = 'saved' | 'dirty' | 'saving' | 'offline' | 'signed-out' | 'conflict' | 'error';
type Conflict = { currentVersion: number; yourVersion: number; savedAt: string; answers: GradingAnswers };

const AUTOSAVE_MS = 4000;
const newKey = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

export function GradingForm(props: {
  /** The signed-in person: the copy kept on this device is theirs alone (their own id is no secret to them). */
  userId: string;
  /** The record being graded: a sampled case (its auditor) or a benchmark (blind second grading). */
  recordId: string;
  submitKey: 'sampledCaseId' | 'benchmarkId';
  draftUrl: string;
  /** Where Submit leads; `&review=1` is added when the grade went to area review. */
  doneHref: string;
  content: RubricContent;
  isEitWorkToFirstHearing: boolean;
  initialAnswers: GradingAnswers;
  initialVersion: number;
  initialSavedAt: string | null;
  submissionId: string;
  submitAction: (input: unknown) => Promise<ActionResult<SubmitResult>>;
}) {
  const router = useRouter();
  const { content } = props;
  const [answers, setAnswers] = useState(props.initialAnswers);
  const [version, setVersion] = useState(props.initialVersion);
  const [state, setState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<string | null>(props.initialSavedAt);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  // Check your answers: the last look before grades become final.
  const [checking, setChecking] = useState(false);
  const checkRef = useRef<HTMLHeadingElement>(null);
  const changeField = useRef<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const copyKey = draftCopyKey(props.userId, props.recordId);
  // Set by a 401 until a save succeeds again: no copy is written meanwhile.
  const sessionEnded = useRef(false);
  const latest = useRef<{
    answers: GradingAnswers;
    version: number;
    dirty: boolean;
    saving: boolean;
    inflight: Promise<void> | null;
  }>({
    answers,
    version,
    dirty: false,
    saving: false,
    inflight: null,
  });
  latest.current.answers = answers;
  latest.current.version = version;

  useEffect(() => {
    if (checking) {
      checkRef.current?.focus();
      return;
    }
    // Back from checking to change one answer: straight to its field.
    const field = changeField.current;
    changeField.current = null;
    if (field) document.getElementById(field)?.focus();
  }, [checking]);
  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  // A reload or a dropped network must not lose text: every change is also
  // kept on this device, under this person's key, until the server has it.
  useEffect(() => {
    const restored = restorableAnswers(window.localStorage.getItem(copyKey), {
      version: props.initialVersion,
      answers: props.initialAnswers,
    });
    if (!restored) return;
    setAnswers(restored);
    latest.current.dirty = true;
    setState('dirty');
    setNotice(
      'Restored changes from this device that had not reached the server yet. They will be saved now.',
    );
  }, [copyKey, props.initialVersion, props.initialAnswers]);

  const save = useCallback(
    async (options: { keepalive?: boolean; overrideVersion?: number } = {}) => {
      const current = latest.current;
      if (current.saving || (!current.dirty && options.overrideVersion === undefined)) return;
      current.saving = true;
      let finished: () => void = () => undefined;
      current.inflight = new Promise<void>((resolve) => {
        finished = resolve;
      });
      const baseVersion = options.overrideVersion ?? current.version;
      const sent = current.answers;
      setState('saving');
      try {
        const response = await fetch(props.draftUrl, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ baseVersion, answers: sent }),
          keepalive: options.keepalive,
        });
        const body = (await response.json()) as {
          version?: number;
          savedAt?: string;
          error?: string;
        } & Partial<Conflict>;
        if (response.ok && body.version !== undefined) {
          sessionEnded.current = false;
          latest.current.version = body.version;
          setVersion(body.version);
          setSavedAt(body.savedAt ?? null);
          setConflict(null);
          if (latest.current.answers === sent) {
            latest.current.dirty = false;
            window.localStorage.removeItem(copyKey);
            setState('saved');
          } else {
            setState('dirty');
          }
        } else if (response.status === 401) {
          // The session ended (signed out elsewhere, timed out, revoked): someone
          // else may be at this computer next, so every Threshold copy on it goes.
          // What was typed stays in this page's memory, and the autosave keeps
          // trying: once the same person signs in again in another tab, it lands.
          sessionEnded.current = true;
          clearDeviceCopies();
          setState('signed-out');
        } else if (response.status === 409 && body.answers && body.currentVersion !== undefined) {
          setConflict({
            currentVersion: body.currentVersion,
            yourVersion: baseVersion,
            savedAt: body.savedAt ?? '',
            answers: body.answers,
          });
          setState('conflict');
        } else {
          setNotice(body.error ?? 'The draft was not saved.');
          setState('error');
        }
      } catch {
        setState('offline');
      } finally {
        latest.current.saving = false;
        latest.current.inflight = null;
        finished();
      }
    },
    [copyKey, props.draftUrl],
  );

  useEffect(
    () =>
      saveOnSignOut(async () => {
        while (latest.current.inflight) await latest.current.inflight;
        if (latest.current.dirty) await save();
        return !latest.current.dirty;
      }),
    [save],
  );

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (latest.current.dirty && !conflict) void save();
    }, AUTOSAVE_MS);
    const onLeave = () => {
      if (latest.current.dirty) void save({ keepalive: true });
    };
    window.addEventListener('pagehide', onLeave);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', onLeave);
    };
  }, [save, conflict]);

  function change(next: (draft: GradingAnswers) => GradingAnswers) {
    setAnswers((current) => {
      const updated = next(current);
      if (!sessionEnded.current)
        window.localStorage.setItem(
          copyKey,
          JSON.stringify({ baseVersion: latest.current.version, answers: updated }),
        );
      return updated;
    });
    latest.current.dirty = true;
    setState((current) => (current === 'conflict' ? current : 'dirty'));
  }

  /** Lists what is still to answer (and moves focus to that list); true when nothing is. */
  function isComplete(): boolean {
    setSubmitError(null);
    const found = completenessProblems(content, answers, {
      isEitWorkToFirstHearing: props.isEitWorkToFirstHearing,
    });
    setProblems(found);
    if (found.length > 0) setFailures((count) => count + 1);
    return found.length === 0;
  }

  /** Complete answers go to the check step, saved first so the check shows what the server holds. */
  async function check() {
    if (!isComplete()) return;
    while (latest.current.inflight) await latest.current.inflight;
    if (latest.current.dirty) await save();
    setChecking(true);
  }

  async function submit() {
    if (!isComplete()) return;
    setSubmitting(true);
    try {
      // Our own autosave must land first, or the submission would look stale.
      while (latest.current.inflight) await latest.current.inflight;
      if (latest.current.dirty) await save();
      const result = await props.submitAction({
        [props.submitKey]: props.recordId,
        baseVersion: latest.current.version,
        submissionId: props.submissionId,
        answersJson: JSON.stringify(answers),
      });
      if (!result.ok) {
        setSubmitError(result.error);
        setFailures((count) => count + 1);
      } else if (!result.data.submitted) {
        setProblems(result.data.problems);
        setFailures((count) => count + 1);
      } else {
        latest.current.dirty = false;
        window.localStorage.removeItem(copyKey);
        router.push(`${props.doneHref}${result.data.sentForAreaReview ? '&review=1' : ''}`);
      }
    } catch {
      setSubmitError(
        'The server could not be reached. Nothing was submitted; your answers are kept. Try again.',
      );
      setFailures((count) => count + 1);
    } finally {
      setSubmitting(false);
    }
  }

  const suggestion = suggestOverallGrade(content, sectionGrades(answers));
  const labelOf = (key: string | null) =>
    content.scale.levels.find((level) => level.key === key)?.label ?? null;
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const invalid = (field: string) =>
    problemFor(field) ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-error` } : {};
  const errorText = (field: string) =>
    problemFor(field) ? (
      <p id={`${field}-error`} className="text-sm font-semibold text-red-800">
        <span className="sr-only">Error: </span>
        {problemFor(field)}
      </p>
    ) : null;
  const childrenOptions = childrenSeenOptions({ isEitWorkToFirstHearing: props.isEitWorkToFirstHearing });
  const STATE_TEXT: Record<SaveState, string> = {
    saved: savedAt
      ? `All changes saved at ${new Date(savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`
      : 'No changes yet',
    dirty: 'Unsaved changes: saving in a few seconds',
    saving: 'Saving…',
    offline:
      'Not saved: no connection. Your work is kept on this device and will be saved when the connection returns.',
    'signed-out':
      'Not saved: your session has ended. What you typed is still on this page (and no longer kept on this device). Sign in again in a new tab, then come back here and press Save now. Do not reload this page.',
    conflict:
      'Not saved: someone else saved this case after you opened it. Choose below which answers to keep.',
    error: 'Not saved. Your work is kept on this device.',
  };

  const notes = (kind: 'strengths' | 'learningPoints', prefix: 'strength' | 'learning', title: string) => (
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
              onChange={(event) =>
                change((draft) => ({
                  ...draft,
                  [kind]: draft[kind].map((n) =>
                    n.key === note.key ? { ...n, themeKey: event.target.value } : n,
                  ),
                }))
              }
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
              {prefix === 'strength' ? 'Strength' : 'Learning point'} {index + 1}
            </label>
            <textarea
              id={`${prefix}-${index}-text`}
              rows={2}
              className="input max-w-none"
              value={note.text}
              {...invalid(`${prefix}-${index}-text`)}
              onChange={(event) =>
                change((draft) => ({
                  ...draft,
                  [kind]: draft[kind].map((n) =>
                    n.key === note.key ? { ...n, text: event.target.value } : n,
                  ),
                }))
              }
            />
            {errorText(`${prefix}-${index}-text`)}
          </div>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() =>
              change((draft) => ({ ...draft, [kind]: draft[kind].filter((n) => n.key !== note.key) }))
            }
          >
            Remove {prefix === 'strength' ? 'strength' : 'learning point'} {index + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        id={`add-${prefix}`}
        className="btn btn-secondary"
        onClick={() =>
          change((draft) => ({
            ...draft,
            [kind]: [...draft[kind], { key: newKey(prefix), themeKey: '', text: '' }],
          }))
        }
      >
        Add a {prefix === 'strength' ? 'strength' : 'learning point'}
      </button>
    </fieldset>
  );

  return (
    <form
      className="space-y-6"
      noValidate
      onBlur={() => {
        if (latest.current.dirty) void save();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void (checking ? submit() : check());
      }}
    >
      <p
        role="status"
        aria-live="polite"
        className={`sticky top-0 z-10 rounded-md border p-2 text-sm ${state === 'saved' ? 'border-green-700 bg-green-50' : state === 'dirty' || state === 'saving' ? 'border-slate-400 bg-white' : 'border-red-800 bg-red-50'}`}
      >
        {STATE_TEXT[state]}
      </p>
      {notice && <p className="card text-sm">{notice}</p>}
      {(problems.length > 0 || submitError) && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="error-summary">
          <h2 className="text-base font-semibold">
            {submitError ??
              `This case cannot be submitted yet: ${problems.length} answer${problems.length === 1 ? '' : 's'} to complete`}
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem.field}>
                <a href={`#${problem.field}`}>{problem.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {conflict && (
        <section className="error-summary space-y-3" aria-labelledby="conflict-title">
          <h2 id="conflict-title" className="text-base font-semibold">
            Someone else saved this case{' '}
            {conflict.savedAt ? `at ${new Date(conflict.savedAt).toLocaleTimeString('en-GB')}` : ''} (version{' '}
            {conflict.currentVersion}); your answers are based on version {conflict.yourVersion}.
          </h2>
          <table className="data-table bg-white text-slate-900">
            <caption className="text-left text-sm">Differences</caption>
            <thead>
              <tr>
                <th scope="col">Answer</th>
                <th scope="col">Saved version {conflict.currentVersion}</th>
                <th scope="col">Yours</th>
              </tr>
            </thead>
            <tbody>
              {diffAnswers(conflict.answers, answers, content).map((difference) => (
                <tr key={difference.field}>
                  <td>{difference.field}</td>
                  <td>{difference.from || '—'}</td>
                  <td>{difference.to || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void save({ overrideVersion: conflict.currentVersion })}
            >
              Keep my answers (replace version {conflict.currentVersion})
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setAnswers(conflict.answers);
                setVersion(conflict.currentVersion);
                latest.current.version = conflict.currentVersion;
                latest.current.dirty = false;
                window.localStorage.removeItem(copyKey);
                setConflict(null);
                setState('saved');
              }}
            >
              Use the saved version {conflict.currentVersion}
            </button>
          </div>
        </section>
      )}

      {checking ? (
        <section className="card space-y-6" aria-labelledby="check-title">
          <div>
            <h2 id="check-title" ref={checkRef} tabIndex={-1}>
              Check your answers before submitting
            </h2>
            <p className="mt-1 text-slate-700">
              Submitted grades are final: they are counted in the audit’s figures and kept in the case’s
              history. Change anything that is not right, then submit.
            </p>
          </div>
          {answersToCheck(content, answers).map((group) => (
            <div key={group.title}>
              <h3 className="text-lg font-semibold">{group.title}</h3>
              <dl className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
                {group.rows.map((row) => (
                  <div key={row.field} className="grid gap-2 py-2 sm:grid-cols-[16rem_1fr_auto]">
                    <dt className="font-medium">{row.question}</dt>
                    <dd className="whitespace-pre-line">{row.answer}</dd>
                    <dd>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          changeField.current = row.field;
                          setChecking(false);
                        }}
                      >
                        Change<span className="sr-only"> {`${group.title}: ${row.question}`}</span>
                      </button>
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </section>
      ) : (
        <>
          {content.sections.map((section, index) => {
            const sectionAnswers = answers.sections[section.key] ?? {
              grade: null,
              evidence: '',
              questions: {},
            };
            const gradeField = `section-${section.key}-grade`;
            const setSection = (patch: Partial<typeof sectionAnswers>) =>
              change((draft) => ({
                ...draft,
                sections: { ...draft.sections, [section.key]: { ...sectionAnswers, ...patch } },
              }));
            return (
              <section key={section.key} className="card space-y-4" aria-labelledby={`${section.key}-title`}>
                <h2 id={`${section.key}-title`}>
                  {index + 1}. {section.title}
                </h2>
                {section.guidance && <p className="text-slate-700">{section.guidance}</p>}
                <fieldset
                  id={gradeField}
                  tabIndex={-1}
                  {...(problemFor(gradeField) ? { 'aria-describedby': `${gradeField}-error` } : {})}
                >
                  <legend className="font-medium">Grade for {section.title}</legend>
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
                              {level.label}
                            </label>
                            <p id={`${inputId}-descriptor`} className="text-sm text-slate-700">
                              {section.descriptors[level.key]}
                            </p>
                          </div>
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
                <div className="field">
                  <label htmlFor={`section-${section.key}-evidence`} className="block font-medium">
                    Evidence for {section.title}
                  </label>
                  {errorText(`section-${section.key}-evidence`)}
                  <textarea
                    id={`section-${section.key}-evidence`}
                    rows={4}
                    className="input max-w-none"
                    value={sectionAnswers.evidence}
                    {...invalid(`section-${section.key}-evidence`)}
                    onChange={(event) => setSection({ evidence: event.target.value })}
                  />
                </div>
                {section.questions.map((question) => {
                  const field = `section-${section.key}-question-${question.key}`;
                  return (
                    <fieldset key={question.key} id={field} tabIndex={-1}>
                      <legend className="font-medium">{question.text}</legend>
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
                                setSection({
                                  questions: { ...sectionAnswers.questions, [question.key]: answer },
                                })
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
          })}

          {notes('strengths', 'strength', 'Strengths')}
          {notes('learningPoints', 'learning', 'Learning points')}

          <fieldset id="childrenSeen" tabIndex={-1} className="card space-y-2">
            <legend className="px-1 text-lg font-semibold">Children seen</legend>
            {props.isEitWorkToFirstHearing && (
              <p className="text-sm text-slate-700">
                Work to first hearing by an Early Intervention Team: children seen does not apply.
              </p>
            )}
            {errorText('childrenSeen')}
            {childrenOptions.map((option) => (
              <div key={option} className="flex items-center gap-2">
                <input
                  type="radio"
                  id={`childrenSeen-${option}`}
                  name="childrenSeen"
                  className="h-4 w-4"
                  checked={answers.childrenSeen === option}
                  onChange={() => change((draft) => ({ ...draft, childrenSeen: option }))}
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
                    change((draft) => ({ ...draft, childrenNotSeenReason: event.target.value }))
                  }
                />
              </div>
            )}
          </fieldset>

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
                          change((draft) => ({ ...draft, qa: { ...draft.qa, [indicator]: value } }))
                        }
                      />
                      <label htmlFor={`qa-${indicator}-${String(value)}`}>{value ? 'Yes' : 'No'}</label>
                    </div>
                  ))}
                </div>
              </fieldset>
            ))}
          </section>

          <section className="card space-y-4" aria-labelledby="overall-title">
            <h2 id="overall-title">Overall grade</h2>
            <p aria-live="polite">
              {suggestion ? (
                <>
                  Suggested from the section grades: <strong>{labelOf(suggestion)}</strong>. You decide.
                </>
              ) : (
                'Grade the sections to see the suggested overall grade.'
              )}
            </p>
            <div className="field">
              <label htmlFor="overallGrade" className="block font-medium">
                Overall grade
              </label>
              {errorText('overallGrade')}
              <select
                id="overallGrade"
                className="input"
                value={answers.overallGrade ?? ''}
                {...invalid('overallGrade')}
                onChange={(event) =>
                  change((draft) => ({ ...draft, overallGrade: event.target.value || null }))
                }
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
              <label htmlFor="overallRationale" className="block font-medium">
                Rationale
                {rationaleRequired(content, answers)
                  ? ' (required)'
                  : ' (required when the grade differs from the suggestion or is the lowest)'}
              </label>
              {errorText('overallRationale')}
              <textarea
                id="overallRationale"
                rows={4}
                className="input max-w-none"
                value={answers.overallRationale}
                {...invalid('overallRationale')}
                onChange={(event) => change((draft) => ({ ...draft, overallRationale: event.target.value }))}
              />
            </div>
          </section>
        </>
      )}

      <div className="flex flex-wrap items-center gap-3">
        {checking ? (
          <>
            <button type="submit" className="btn btn-primary" disabled={submitting}>
              {submitting ? 'Submitting…' : 'Confirm and submit grades'}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setChecking(false)}>
              Back to the form
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => void save({ overrideVersion: undefined })}
              disabled={state === 'saving'}
            >
              Save now
            </button>
            <button type="submit" className="btn btn-primary">
              Check your answers
            </button>
          </>
        )}
      </div>
    </form>
  );
}
