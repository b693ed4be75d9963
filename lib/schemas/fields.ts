// Building blocks for input schemas: primitives only, text checked for what
// Postgres and people cannot safely store or read.
import { z } from 'zod';
import { describeTextProblem, textProblem } from '@/lib/domain/text';
import { isCalendarDate } from '@/lib/domain/dates';
import {
  isPasswordTooLong,
  MIN_PASSWORD_CHARACTERS,
  PASSWORD_TOO_LONG_MESSAGE,
} from '@/lib/domain/passwords';

/**
 * Free text. `label` names the field in its messages, as the person reads it
 * ("the person's full name" gives "Enter the person's full name"), so an error
 * summary says which field is wrong without looking back at the form.
 */
export function text(
  maxLength: number,
  options: { required?: boolean; multiline?: boolean; label?: string } = {},
) {
  const required = options.required ?? true;
  const enter = options.label ? `Enter ${options.label}` : 'Enter a value';
  const subject = options.label ? options.label.charAt(0).toUpperCase() + options.label.slice(1) : 'This';
  return z
    .string({ error: required ? enter : 'Must be text' })
    .max(maxLength * 4, `Must be at most ${maxLength.toLocaleString('en-GB')} characters`)
    .transform((value) => value.trim())
    .superRefine((value, context) => {
      const problem = textProblem(value, { maxLength, required, multiline: options.multiline });
      if (problem)
        context.addIssue({
          code: 'custom',
          message:
            problem === 'empty'
              ? enter
              : `${subject} ${describeTextProblem(problem, maxLength, value.length)}`,
        });
    });
}

export const id = (label = 'record') => z.string({ error: `Choose a ${label}` }).uuid(`Choose a ${label}`);

export const optionalId = (label = 'record') =>
  z
    .union([z.literal(''), z.string().uuid(`Choose a ${label}`)], { error: `Choose a ${label}` })
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

export const version = z.number({ error: 'Reload the page and try again' }).int().min(1).max(2_147_483_647);

export const email = z
  .string({ error: 'Enter an email address' })
  .trim()
  .max(254, 'Email must be at most 254 characters')
  .email('Enter an email address like name@example.org')
  .transform((value) => value.toLowerCase());

// bcrypt compares only the first 72 bytes; a longer password is refused with a
// message rather than silently shortened (counted in UTF-8 bytes, as bcrypt does).
export const newPassword = z
  .string({ error: 'Enter a password' })
  .min(MIN_PASSWORD_CHARACTERS, `Password must be at least ${String(MIN_PASSWORD_CHARACTERS)} characters`)
  .refine((value) => !isPasswordTooLong(value), PASSWORD_TOO_LONG_MESSAGE);

/** A yes/no from a form select ("true"/"false") or from code (a boolean). */
export const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')], {
  error: 'Choose yes or no',
});

/** For route params: a malformed id is simply "not found". */
export const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** yyyy-mm-dd, a real calendar date (refuses 2024-02-30 and anything with a time). */
export const calendarDate = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .refine((value) => isCalendarDate(value), `Enter ${label} as a real date`);

export const optionalCalendarDate = (label: string) =>
  z
    .union(
      [
        z.literal(''),
        z
          .string()
          .trim()
          .refine((value) => isCalendarDate(value), `Enter ${label} as a real date`),
      ],
      {
        error: `Enter ${label} as a real date`,
      },
    )
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

/** A whole-number percentage from a form ("60") or code (60); empty means none. */
export const optionalPercent = z
  .union(
    [
      z.literal(''),
      z.number(),
      z
        .string()
        .regex(/^\d{1,3}$/, 'Enter a whole number from 0 to 100')
        .transform(Number),
    ],
    {
      error: 'Enter a whole number from 0 to 100',
    },
  )
  .nullable()
  .optional()
  .transform((value) => (value === '' || value === null || value === undefined ? null : value))
  .pipe(
    z
      .number()
      .int('Enter a whole number from 0 to 100')
      .min(0, 'Enter a whole number from 0 to 100')
      .max(100, 'Enter a whole number from 0 to 100')
      .nullable(),
  );

/** Several values from a form: one string, or a list of them. */
export const stringList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z.preprocess((value) => (typeof value === 'string' ? [value] : (value ?? [])), z.array(item).max(max));
