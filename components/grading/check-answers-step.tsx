import type { RefObject } from 'react';
import { answersToCheck } from '@/lib/domain/check-answers';
import type { GradingAnswers } from '@/lib/domain/grading';
import type { RubricContent } from '@/lib/domain/rubric';

/** Check your answers: the last look before grades become final; Change leads back to one field. */
export function CheckAnswersStep({
  content,
  answers,
  isLocalForm = false,
  headingRef,
  onChange,
}: {
  content: RubricContent;
  answers: GradingAnswers;
  isLocalForm?: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Back to the form, focus on this field. */
  onChange: (field: string) => void;
}) {
  return (
    <section className="card space-y-6" aria-labelledby="check-title">
      <div>
        <h2 id="check-title" ref={headingRef} tabIndex={-1}>
          Check your answers before submitting
        </h2>
        <p className="mt-1 text-slate-700">
          Submitted grades are final: they are counted in the audit’s figures and kept in the case’s history.
          Change anything that is not right, then submit.
        </p>
      </div>
      {answersToCheck(content, answers, { isLocalForm }).map((group) => (
        <div key={group.title}>
          <h3 className="text-lg font-semibold">{group.title}</h3>
          <dl className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
            {group.rows.map((row) => (
              <div key={row.field} className="grid gap-2 py-2 sm:grid-cols-[16rem_1fr_auto]">
                <dt className="font-medium">{row.question}</dt>
                <dd className="whitespace-pre-line">{row.answer}</dd>
                <dd>
                  <button type="button" className="link-button" onClick={() => onChange(row.field)}>
                    Change<span className="sr-only"> {`${group.title}: ${row.question}`}</span>
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}
