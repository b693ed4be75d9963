'use client';

import type { ReactNode } from 'react';
import { fieldId, useFormErrors } from './action-form';

type Common = { name: string; label: string; hint?: string; required?: boolean };

function FieldShell(
  props: Common & {
    children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  },
) {
  const { fieldErrors, formId } = useFormErrors();
  const id = fieldId(formId, props.name);
  const error = fieldErrors[props.name];
  const describedBy =
    [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id} className="block font-medium">
        {props.label}
        {props.required === false ? <span className="font-normal text-slate-600"> (optional)</span> : null}
      </label>
      {props.hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {props.hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      {props.children({ id, describedBy, invalid: Boolean(error) })}
    </div>
  );
}

export function TextField(
  props: Common & {
    type?: 'text' | 'email' | 'password' | 'date' | 'number';
    defaultValue?: string;
    autoComplete?: string;
    maxLength?: number;
  },
) {
  return (
    <FieldShell {...props}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          defaultValue={props.defaultValue}
          autoComplete={props.autoComplete ?? 'off'}
          maxLength={props.maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          required={props.required !== false}
          className="input"
        />
      )}
    </FieldShell>
  );
}

export function SelectField(
  props: Common & {
    options: { value: string; label: string }[];
    defaultValue?: string;
    placeholder?: string;
  },
) {
  return (
    <FieldShell {...props}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={props.name}
          defaultValue={props.defaultValue ?? ''}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          required={props.required !== false}
          className="input"
        >
          {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function TextAreaField(props: Common & { defaultValue?: string; rows?: number }) {
  return (
    <FieldShell {...props}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 4}
          defaultValue={props.defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className="input"
        />
      )}
    </FieldShell>
  );
}

/** Several choices under one name; always sent as a list. */
export function CheckboxGroupField(
  props: Common & {
    options: { value: string; label: string }[];
    defaultValues?: string[];
    columns?: boolean;
  },
) {
  const { fieldErrors, formId } = useFormErrors();
  const id = fieldId(formId, props.name);
  const error = fieldErrors[props.name];
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      data-multiple={props.name}
      aria-describedby={error ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
    >
      <legend className="font-medium">{props.label}</legend>
      {props.hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {props.hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <div
        className={props.columns ? 'mt-2 grid grid-cols-3 gap-2 sm:grid-cols-6' : 'mt-2 flex flex-wrap gap-4'}
      >
        {props.options.map((option) => (
          <div key={option.value} className="flex items-center gap-2">
            <input
              type="checkbox"
              id={`${id}-${option.value}`}
              name={props.name}
              value={option.value}
              defaultChecked={props.defaultValues?.includes(option.value)}
              className="h-4 w-4"
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
