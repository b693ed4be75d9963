import { z } from 'zod';
import { id, text, version } from './fields';

export const DrawSampleSchema = z.strictObject({
  auditId: id('audit'),
  seed: text(60).pipe(
    z.string().regex(/^[A-Za-z0-9 _-]+$/, 'Use letters, digits, spaces, hyphens and underscores'),
  ),
  sharePercent: z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^\d{1,3}$/, 'Enter a whole number from 1 to 100')
          .transform(Number),
      ],
      { error: 'Enter a whole number from 1 to 100' },
    )
    .pipe(
      z
        .number()
        .int('Enter a whole number from 1 to 100')
        .min(1, 'Enter a whole number from 1 to 100')
        .max(100, 'Enter a whole number from 1 to 100'),
    ),
});

export const LockSampleSchema = z.strictObject({ auditId: id('audit'), version });

export const ReplaceSampledCaseSchema = z.strictObject({
  sampledCaseId: id('sampled case'),
  version,
  reason: z.enum(['practitioner-left', 'case-sealed', 'included-in-error', 'other'], {
    error: 'Choose a reason',
  }),
  note: text(500, { required: false }),
});

export const AutoAssignSchema = z.strictObject({ auditId: id('audit') });

export const ReassignCaseSchema = z.strictObject({
  sampledCaseId: id('sampled case'),
  version,
  auditorId: id('Improvement Manager'),
});
