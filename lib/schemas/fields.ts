// Building blocks for input schemas: primitives only, text checked for what
// Postgres and people cannot safely store or read.
import { z } from 'zod';
import { describeTextProblem, textProblem } from '@/lib/domain/text';

export function text(maxLength: number, options: { required?: boolean; multiline?: boolean } = {}) {
  const required = options.required ?? true;
  return z
    .string({ error: required ? 'Enter a value' : 'Must be text' })
    .max(maxLength * 4, `Must be at most ${maxLength.toLocaleString('en-GB')} characters`)
    .transform((value) => value.trim())
    .superRefine((value, context) => {
      const problem = textProblem(value, { maxLength, required, multiline: options.multiline });
      if (problem)
        context.addIssue({
          code: 'custom',
          message:
            problem === 'empty'
              ? 'Enter a value'
              : `This ${describeTextProblem(problem, maxLength, value.length)}`,
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

export const newPassword = z
  .string({ error: 'Enter a password' })
  .min(12, 'Password must be at least 12 characters')
  .max(200, 'Password must be at most 200 characters');

/** A yes/no from a form select ("true"/"false") or from code (a boolean). */
export const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')], {
  error: 'Choose yes or no',
});

/** For route params: a malformed id is simply "not found". */
export const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
