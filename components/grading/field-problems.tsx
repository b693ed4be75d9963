import type { Problem } from '@/lib/domain/grading';

/**
 * What a field shows when the answers cannot be submitted yet: its message
 * (linked from the error summary by the field's id) and the aria attributes
 * that tie the message to the control. The preview has no problems.
 */
export function fieldProblems(problems: readonly Problem[] = []) {
  const messageFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  return {
    messageFor,
    invalid: (field: string) =>
      messageFor(field) ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-error` } : {},
    errorText: (field: string) =>
      messageFor(field) ? (
        <p id={`${field}-error`} className="text-sm font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {messageFor(field)}
        </p>
      ) : null,
  };
}

export type FieldProblems = ReturnType<typeof fieldProblems>;
