import { z } from 'zod';
import { calendarDate, id, optionalId, text, version } from './fields';

/** A whole number from a form ("2") or code (2), in a range, with one message for every way it can be wrong. */
const wholeNumber = (min: number, max: number, message: string, fallback: number) =>
  z
    .union(
      [
        z.literal(''),
        z.number(),
        z
          .string()
          .regex(/^\d{1,4}$/, message)
          .transform(Number),
      ],
      { error: message },
    )
    .optional()
    .transform((value) => (value === '' || value === undefined ? fallback : value))
    .pipe(z.number().int(message).min(min, message).max(max, message));

const month = z
  .string({ error: 'Choose a month' })
  .trim()
  .regex(/^\d{4}-\d{2}(-01)?$/, 'Choose a month');

export const CreateLocalProgrammeSchema = z.strictObject({
  name: text(120, { label: 'the programme’s name' }),
  kind: z.enum(['LOCAL_QUALITY_IMPACT', 'PERFORMANCE_BOARD'], { error: 'Choose the kind of audit' }),
  // One area, or "national" (every area).
  serviceAreaId: z
    .union([z.literal('national'), z.string().uuid('Choose the area from the list')], {
      error: 'Choose the area from the list',
    })
    .transform((value) => (value === 'national' ? null : value)),
  thresholdVersionId: id('threshold version'),
  windowFrom: calendarDate('the first day of the programme'),
  windowTo: calendarDate('the last day of the programme'),
  quota: wholeNumber(1, 50, 'Enter a quota from 1 to 50 cases per manager per month', 2),
  moderationSharePercent: wholeNumber(0, 100, 'Enter a moderation share from 0 to 100%', 10),
  recentDays: wholeNumber(1, 730, 'Enter how far back recent work reaches, from 1 to 730 days', 90),
});

export const DrawLocalMonthSchema = z.strictObject({
  auditId: id('programme'),
  month,
  seed: text(64, { required: false, label: 'a seed' })
    .optional()
    .transform((value) => value ?? ''),
});

export const PickLocalCaseSchema = z.strictObject({
  auditId: id('programme'),
  caseFileId: id('case'),
  month,
  reason: text(1000, { multiline: true, label: 'why you picked this case' }),
});

export const SetTeamServiceManagerSchema = z.strictObject({
  teamId: id('team'),
  version,
  serviceManagerId: optionalId('Service Manager'),
});
