'use client';

import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { completenessProblems, type GradingAnswers, type Problem } from '@/lib/domain/grading';
import type { RubricContent } from '@/lib/domain/rubric';
import type { ActionResult } from '@/lib/actions/result';
import { ChildrenSeenFields, NoteFields, QualityAssuranceFields } from './case-fields';
import { CheckAnswersStep } from './check-answers-step';
import { ConflictPanel } from './conflict-panel';
import { LocalQualityAssuranceFields } from './local-qa-fields';
import { fieldProblems } from './field-problems';
import { OverallGradeFields, SectionFields } from './rubric-fields';
import { SaveStatus } from './save-status';
import { useAutosave } from './use-autosave';

type SubmitResult =
  | { submitted: true; version: number; sentForAreaReview: boolean }
  | { submitted: false; problems: Problem[] };

export function GradingForm(props: {
  /** The signed-in person: the copy kept on this device is theirs alone (their own id is no secret to them). */
  userId: string;
  /** The record being graded: a sampled case (its auditor), a benchmark or a moderation (blind second gradings). */
  recordId: string;
  submitKey: 'sampledCaseId' | 'benchmarkId' | 'moderationId';
  draftUrl: string;
  /** Where Submit leads; `&review=1` is added when the grade went to area review. */
  doneHref: string;
  content: RubricContent;
  isEitWorkToFirstHearing: boolean;
  /** A local quality-and-impact or performance-board audit: the local form's indicators. */
  isLocalForm?: boolean;
  initialAnswers: GradingAnswers;
  initialVersion: number;
  initialSavedAt: string | null;
  submissionId: string;
  submitAction: (input: unknown) => Promise<ActionResult<SubmitResult>>;
}) {
  const router = useRouter();
  const { content } = props;
  const draft = useAutosave(props);
  const { answers, change } = draft;
  const [problems, setProblems] = useState<Problem[]>([]);
  // Check your answers: the last look before grades become final.
  const [checking, setChecking] = useState(false);
  const checkRef = useRef<HTMLHeadingElement>(null);
  const changeField = useRef<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

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

  /** Lists what is still to answer (and moves focus to that list); true when nothing is. */
  function isComplete(): boolean {
    setSubmitError(null);
    const found = completenessProblems(content, answers, {
      isEitWorkToFirstHearing: props.isEitWorkToFirstHearing,
      isLocalForm: props.isLocalForm === true,
    });
    setProblems(found);
    if (found.length > 0) setFailures((count) => count + 1);
    return found.length === 0;
  }

  /** Complete answers go to the check step, saved first so the check shows what the server holds. */
  async function check() {
    if (!isComplete()) return;
    await draft.flush();
    setChecking(true);
  }

  async function submit() {
    if (!isComplete()) return;
    setSubmitting(true);
    try {
      // Our own autosave must land first, or the submission would look stale.
      await draft.flush();
      const result = await props.submitAction({
        [props.submitKey]: props.recordId,
        baseVersion: draft.currentVersion(),
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
        draft.forgetDraft();
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

  const fields = { content, answers, onChange: change, problems: fieldProblems(problems) };
  const conflict = draft.conflict;

  return (
    <form
      className="space-y-6"
      noValidate
      onBlur={draft.saveIfDirty}
      onSubmit={(event) => {
        event.preventDefault();
        void (checking ? submit() : check());
      }}
    >
      <SaveStatus state={draft.state} savedAt={draft.savedAt} />
      {draft.notice && <p className="card text-sm">{draft.notice}</p>}
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
        <ConflictPanel
          conflict={conflict}
          answers={answers}
          content={content}
          onKeepMine={() => draft.keepMyAnswers(conflict.currentVersion)}
          onUseSaved={() => draft.takeSavedVersion(conflict)}
        />
      )}

      {checking ? (
        <CheckAnswersStep
          content={content}
          answers={answers}
          isLocalForm={props.isLocalForm === true}
          headingRef={checkRef}
          onChange={(field) => {
            changeField.current = field;
            setChecking(false);
          }}
        />
      ) : (
        <>
          {content.sections.map((section, index) => (
            <SectionFields key={section.key} section={section} index={index} {...fields} />
          ))}
          <NoteFields kind="strengths" {...fields} />
          <NoteFields kind="learningPoints" {...fields} />
          <ChildrenSeenFields isEitWorkToFirstHearing={props.isEitWorkToFirstHearing} {...fields} />
          {props.isLocalForm ? (
            <LocalQualityAssuranceFields {...fields} />
          ) : (
            <QualityAssuranceFields {...fields} />
          )}
          <OverallGradeFields {...fields} />
        </>
      )}

      {/* Keyed: were React to reuse "Back to the form" as the "Check your answers" submit button,
          the browser would finish the click by submitting, straight back to the check step. */}
      <div className="flex flex-wrap items-center gap-3">
        {checking ? (
          <>
            <button key="confirm" type="submit" className="btn btn-primary" disabled={submitting}>
              {submitting ? 'Submitting…' : 'Confirm and submit grades'}
            </button>
            <button key="back" type="button" className="btn btn-secondary" onClick={() => setChecking(false)}>
              Back to the form
            </button>
          </>
        ) : (
          <>
            <button
              key="save"
              type="button"
              className="btn btn-secondary"
              onClick={draft.saveNow}
              disabled={draft.state === 'saving'}
            >
              Save now
            </button>
            <button key="check" type="submit" className="btn btn-primary">
              Check your answers
            </button>
          </>
        )}
      </div>
    </form>
  );
}
