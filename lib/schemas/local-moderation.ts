import { z } from 'zod';
import { id, text, version } from './fields';
import { answersJson } from './grading';

// A month (2023-04) or a quarter (2023-Q2); the domain checks the calendar.
const period = z
  .string({ error: 'Choose a month or a quarter' })
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'Choose a month (2023-04) or a quarter (2023-Q2)');

export const DrawModerationsSchema = z.strictObject({
  serviceAreaId: id('service area'),
  period,
});

export const SubmitModerationSchema = z.strictObject({
  moderationId: id('moderation'),
  baseVersion: z.number().int().min(0).max(2_147_483_647),
  submissionId: z.string().uuid('Reload the page and try again'),
  answersJson,
});

// The agreed grades arrive as fields named agreed.overall and agreed.<sectionKey>.
export const AgreeModerationSchema = z
  .object({
    moderationId: id('moderation'),
    version,
    reason: text(2000, { multiline: true, label: 'why this grade was agreed' }),
  })
  .catchall(z.string().max(100))
  .superRefine((value, context) => {
    for (const key of Object.keys(value))
      if (!['moderationId', 'version', 'reason'].includes(key) && !key.startsWith('agreed.'))
        context.addIssue({ code: 'custom', path: [key], message: 'This form does not accept that field.' });
  })
  .transform(({ moderationId, version: baseVersion, reason, ...rest }) => ({
    moderationId,
    version: baseVersion,
    reason,
    agreed: Object.fromEntries(
      Object.entries(rest)
        .filter(([key]) => key.startsWith('agreed.'))
        .map(([key, value]) => [key.slice('agreed.'.length), value]),
    ),
  }));

/** The calibration page's query: months from and to (inclusive), and an area for the national roles. */
export const LocalCalibrationQuerySchema = z.strictObject({
  from: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  area: z.string().uuid().optional().catch(undefined),
});
