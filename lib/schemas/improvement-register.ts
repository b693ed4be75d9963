import { z } from 'zod';
import { LAW_TYPES } from '@/lib/domain/audits';
import {
  evidenceUrlProblem,
  JUDGEMENT_SCALES,
  RECOMMENDATION_KINDS,
  RECOMMENDATION_STATUSES,
  SOURCE_KINDS,
} from '@/lib/domain/improvement';
import { calendarDate, id, optionalCalendarDate, optionalId, stringList, text, version } from './fields';

const sourceFields = {
  title: text(200, { label: 'the source’s title' }),
  kind: z.enum(SOURCE_KINDS, { error: 'Choose the kind of source' }),
  issuedBy: text(200, { label: 'who issued it' }),
  issuedOn: calendarDate('the date it was issued'),
  document: text(500, { required: false }),
  scale: z.enum(JUDGEMENT_SCALES, { error: 'Choose the scale its progress is judged on' }),
  serviceAreaId: optionalId('service area'),
  auditId: optionalId('audit'),
  periodFrom: optionalCalendarDate('the first day of the period'),
  periodTo: optionalCalendarDate('the last day of the period'),
};

export const CreateSourceSchema = z.strictObject(sourceFields);
export type SourceFieldsInput = z.output<typeof CreateSourceSchema>;
export const UpdateSourceSchema = z.strictObject({ sourceId: id('source'), version, ...sourceFields });

const recommendationFields = {
  number: text(20, { label: 'its number' }),
  text: text(4000, { multiline: true, label: 'the recommendation' }),
  kind: z.enum(RECOMMENDATION_KINDS, { error: 'Choose recommendation or practice improvement point' }),
  scope: z.enum(['NATIONAL', 'AREAS'], { error: 'Choose national or named areas' }),
  serviceAreaIds: stringList(z.string().uuid('Choose service areas from the list'), 50),
  lawTypes: stringList(z.enum(LAW_TYPES, { error: 'Choose law types from the list' }), 3),
  ownerId: optionalId('owner'),
  dueOn: optionalCalendarDate('the due date'),
};

const withAreasWhenScoped = <T extends { scope: 'NATIONAL' | 'AREAS'; serviceAreaIds: string[] }>(
  value: T,
  context: z.RefinementCtx,
) => {
  if (value.scope === 'AREAS' && value.serviceAreaIds.length === 0)
    context.addIssue({
      code: 'custom',
      path: ['serviceAreaIds'],
      message: 'Choose at least one service area',
    });
};

export const CreateRecommendationSchema = z
  .strictObject({ sourceId: id('source'), ...recommendationFields })
  .superRefine(withAreasWhenScoped);
export type RecommendationFieldsInput = Omit<z.output<typeof CreateRecommendationSchema>, 'sourceId'>;
export const UpdateRecommendationSchema = z
  .strictObject({ recommendationId: id('recommendation'), version, ...recommendationFields })
  .superRefine(withAreasWhenScoped);

export const SetRecommendationStatusSchema = z.strictObject({
  recommendationId: id('recommendation'),
  version,
  status: z.enum(RECOMMENDATION_STATUSES, { error: 'Choose open or closed' }),
});

const actionFields = {
  description: text(2000, { multiline: true, label: 'what will be done' }),
  ownerId: id('owner'),
  dueOn: calendarDate('the due date'),
};

export const CreateActionSchema = z.strictObject({ recommendationId: id('recommendation'), ...actionFields });
export const UpdateActionSchema = z.strictObject({ actionId: id('action'), version, ...actionFields });
export type ActionFieldsInput = z.output<typeof UpdateActionSchema>;

export const ChangeActionStatusSchema = z.strictObject({
  actionId: id('action'),
  version,
  status: z.enum(['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DROPPED'], { error: 'Choose a status' }),
  droppedReason: text(1000, { required: false, multiline: true }).optional(),
});

export const RecordActionUpdateSchema = z
  .strictObject({
    actionId: id('action'),
    version,
    text: text(4000, { multiline: true, label: 'what has happened' }),
    auditIds: stringList(z.string().uuid('Choose audits from the list'), 20),
    reportAuditIds: stringList(z.string().uuid('Choose reports from the list'), 20),
    linkLabel: text(200, { required: false }).optional(),
    linkUrl: z
      .string({ error: 'Enter a web address' })
      .trim()
      .max(2000, 'The address must be at most 2,000 characters')
      .optional(),
  })
  .superRefine((value, context) => {
    const url = value.linkUrl ?? '';
    const label = value.linkLabel ?? '';
    if (url) {
      const problem = evidenceUrlProblem(url);
      if (problem) context.addIssue({ code: 'custom', path: ['linkUrl'], message: problem });
      if (!label)
        context.addIssue({
          code: 'custom',
          path: ['linkLabel'],
          message: 'Say what the link is, e.g. “Minutes of the March board”',
        });
    } else if (label) {
      context.addIssue({
        code: 'custom',
        path: ['linkUrl'],
        message: 'Enter the link’s web address, or clear its label',
      });
    }
  });
export type RecordActionUpdateInput = z.output<typeof RecordActionUpdateSchema>;

export const ImportRecommendationsSchema = z.strictObject({
  fileName: text(200).pipe(z.string().regex(/\.(csv|xlsx)$/i, 'Choose a .csv or .xlsx file')),
  contentBase64: z
    .string({ error: 'Choose a file' })
    .min(1, 'Choose a file')
    .max(7 * 1024 * 1024, 'The file is too large (at most 5 MB)')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read; choose it again'),
  commit: z.boolean(),
});

const first = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);

/** The register's filters in the address: anything odd falls back to "no filter". */
export const RegisterFilterSchema = z
  .object({
    source: z.preprocess(first, z.string().uuid().optional().catch(undefined)),
    status: z.preprocess(first, z.enum(RECOMMENDATION_STATUSES).optional().catch(undefined)),
    area: z.preprocess(first, z.string().uuid().optional().catch(undefined)),
  })
  .transform(({ source, status, area }) => ({
    sourceId: source ?? null,
    status: status ?? null,
    serviceAreaId: area ?? null,
  }));
