'use client';

import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';

type Result =
  { ok: true; data: unknown } | { ok: false; error: string; fieldErrors?: Record<string, string> };

type FormState = { fieldErrors: Record<string, string>; formId: string };
const FormContext = createContext<FormState>({ fieldErrors: {}, formId: '' });
export const useFormErrors = () => useContext(FormContext);

/** Stable id for a field inside one form, so error links can find it. */
export const fieldId = (formId: string, name: string) => `${formId}-${name}`;

/**
 * The summary lists problems in the order the fields appear (GOV.UK error
 * summary), not the order the server happened to check them.
 */
function inFormOrder(form: HTMLFormElement, errors: Record<string, string>): Record<string, string> {
  const order = new Map<string, number>();
  Array.from(form.elements).forEach((element, index) => {
    const name = element.getAttribute('name');
    if (name && !order.has(name)) order.set(name, index);
  });
  const rank = (name: string) => order.get(name) ?? Number.MAX_SAFE_INTEGER;
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

function fillFromResult(path: string, data: unknown): string {
  const values = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    return typeof value === 'string' || typeof value === 'number' ? encodeURIComponent(value) : '';
  });
}

export type ConfirmSpec = { title: string; body: string; confirmLabel: string };

/**
 * A form that sends its fields (plus fixed `values`, e.g. ids and versions)
 * to a server action, then shows a summary of errors linking to each field,
 * or a success message, and refreshes the page's server data.
 */
export function ActionForm(props: {
  action: (input: unknown) => Promise<Result>;
  values?: Record<string, unknown>;
  submitLabel: string;
  successMessage: string;
  confirm?: ConfirmSpec;
  resetOnSuccess?: boolean;
  /**
   * Where to go on success, when the page itself no longer applies (a replaced
   * case). `{name}` is filled from the action's result, e.g.
   * `/challenges/{challengeId}` goes to the challenge just raised.
   */
  redirectTo?: string;
  className?: string;
  variant?: 'primary' | 'danger' | 'secondary';
  children?: ReactNode;
}) {
  const formId = useId().replace(/:/g, '');
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [success, setSuccess] = useState<string | null>(null);
  // Bumped on every failure so focus moves to the summary even when the
  // message is the same as last time (WCAG 3.3.1: errors are announced).
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  async function submit() {
    const form = formRef.current;
    if (!form || pending) return;
    const input: Record<string, unknown> = {};
    const data = new FormData(form);
    for (const key of new Set(data.keys())) {
      // Checkbox groups send several values under one name.
      const values = data.getAll(key).filter((value): value is string => typeof value === 'string');
      input[key] = form.querySelector(`[data-multiple="${key}"]`) ? values : values[0];
    }
    Object.assign(input, props.values);
    setPending(true);
    setSuccess(null);
    try {
      const result = await props.action(input);
      if (result.ok) {
        setError(null);
        setFieldErrors({});
        setSuccess(props.successMessage);
        if (props.resetOnSuccess) form.reset();
        if (props.redirectTo) router.push(fillFromResult(props.redirectTo, result.data));
        else router.refresh();
      } else {
        setError(result.error);
        setFieldErrors(inFormOrder(form, result.fieldErrors ?? {}));
        setFailures((count) => count + 1);
      }
    } catch {
      setError('The server could not be reached. Nothing was saved; check your connection and try again.');
      setFailures((count) => count + 1);
    } finally {
      setPending(false);
    }
  }

  const buttonClass =
    props.variant === 'danger'
      ? 'btn btn-danger'
      : props.variant === 'secondary'
        ? 'btn btn-secondary'
        : 'btn btn-primary';
  const fieldEntries = Object.entries(fieldErrors);

  return (
    <FormContext.Provider value={{ fieldErrors, formId }}>
      <form
        ref={formRef}
        className={props.className ?? 'space-y-4'}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (props.confirm) dialogRef.current?.showModal();
          else void submit();
        }}
      >
        {error && (
          <div
            ref={summaryRef}
            tabIndex={-1}
            role="alert"
            className="error-summary"
            aria-labelledby={`${formId}-error-title`}
          >
            <h2 id={`${formId}-error-title`} className="text-base font-semibold">
              {error}
            </h2>
            {fieldEntries.length > 0 && (
              <ul className="mt-2 list-disc pl-5">
                {fieldEntries.map(([name, message]) => (
                  <li key={name}>
                    <a href={`#${fieldId(formId, name)}`}>{message}</a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {props.children}
        <div className="flex items-center gap-3">
          <button type="submit" className={buttonClass} disabled={pending} aria-disabled={pending}>
            {pending ? 'Saving…' : props.submitLabel}
          </button>
          <p role="status" aria-live="polite" className="text-sm text-green-800">
            {success}
          </p>
        </div>
      </form>
      {props.confirm && (
        <dialog ref={dialogRef} className="dialog" aria-labelledby={`${formId}-confirm-title`}>
          <h2 id={`${formId}-confirm-title`} className="text-lg font-semibold">
            {props.confirm.title}
          </h2>
          <p className="mt-2">{props.confirm.body}</p>
          <div className="mt-4 flex gap-3">
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => {
                dialogRef.current?.close();
                void submit();
              }}
            >
              {props.confirm.confirmLabel}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
          </div>
        </dialog>
      )}
    </FormContext.Provider>
  );
}
