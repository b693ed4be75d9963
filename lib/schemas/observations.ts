import { z } from 'zod';
import {
  FEEDBACK_MAX,
  OBSERVATION_CRITERIA,
  OBSERVATION_JUDGEMENTS,
  OBSERVATION_SETTINGS,
} from '@/lib/domain/observation';
import { calendarDate, id, text, version } from './fields';

// A practice observation as its form sends it: one field per rubric criterion,
// so each error names the criterion's own radio group.
const judgement = (label: string) =>
  z.enum(OBSERVATION_JUDGEMENTS, { error: `Give a judgement for ${label.toLowerCase()}` });

const criteria = Object.fromEntries(
  OBSERVATION_CRITERIA.map((criterion) => [criterion.key, judgement(criterion.label)]),
) as Record<(typeof OBSERVATION_CRITERIA)[number]['key'], ReturnType<typeof judgement>>;

const observation = {
  observedOn: calendarDate('the date of the observation'),
  setting: z.enum(OBSERVATION_SETTINGS, { error: 'Choose what was observed' }),
  ...criteria,
  feedback: text(FEEDBACK_MAX, { multiline: true, label: 'the feedback given to the practitioner' }),
};

export const RecordObservationSchema = z.strictObject({
  practitionerId: id('practitioner'),
  ...observation,
});
export type RecordObservationInput = z.output<typeof RecordObservationSchema>;

export const AmendObservationSchema = z.strictObject({
  observationId: id('observation'),
  version,
  ...observation,
});
export type AmendObservationInput = z.output<typeof AmendObservationSchema>;

/** The list's filters, from the query string: a month (yyyy-mm) and a team. */
export const ObservationFiltersSchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  team: z.string().uuid().optional().catch(undefined),
  area: z.string().uuid().optional().catch(undefined),
});
