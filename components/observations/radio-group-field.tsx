'use client';

import { fieldId, useFormErrors } from '@/components/ui/action-form';

/** One choice from a few, as radios under a legend; its errors link to the group. */
export function RadioGroupField(props: {
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  const { fieldErrors, formId } = useFormErrors();
  const id = fieldId(formId, props.name);
  const error = fieldErrors[props.name];
  const describedBy =
    [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy}>
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
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
        {props.options.map((option) => (
          <div key={option.value} className="flex items-center gap-2">
            <input
              type="radio"
              id={`${id}-${option.value}`}
              name={props.name}
              value={option.value}
              defaultChecked={props.defaultValue === option.value}
              aria-invalid={error ? true : undefined}
              className="h-4 w-4"
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
