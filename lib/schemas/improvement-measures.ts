import { z } from 'zod';
import { AUDIT_KINDS, LAW_TYPES } from '@/lib/domain/audits';
import { EMPLOYMENTS, MEASURE_SHARES, TARGET_DIRECTIONS } from '@/lib/domain/measures';
import { CreateAuditSchema } from './audits';
import { id, optionalId, optionalPercent, stringList, text, version } from './fields';

const sectionKey = z
  .union([z.literal(''), z.string().regex(/^[a-z0-9-]{1,80}$/, 'Choose a section from the list')], {
    error: 'Choose a section from the list',
  })
  .nullable()
  .optional()
  .transform((value) => (value ? value : null));

const employment = z
  .union([z.literal(''), z.enum(EMPLOYMENTS, { error: 'Choose employed or agency staff' })], {
    error: 'Choose employed or agency staff',
  })
  .nullable()
  .optional()
  .transform((value) => (value ? value : null));

const measureFields = {
  label: text(200, { label: 'what the measure is called' }),
  sectionKey,
  share: z.enum(MEASURE_SHARES, { error: 'Choose which grades the measure counts' }),
  auditKinds: stringList(
    z.enum(AUDIT_KINDS, { error: 'Choose kinds of audit from the list' }),
    AUDIT_KINDS.length,
  ),
  lawTypes: stringList(z.enum(LAW_TYPES, { error: 'Choose law types from the list' }), LAW_TYPES.length),
  serviceAreaIds: stringList(z.string().uuid('Choose service areas from the list'), 50),
  teamIds: stringList(z.string().uuid('Choose teams from the list'), 200),
  employment,
  baselineAuditId: optionalId('baseline audit'),
  targetPercent: optionalPercent,
  targetDirection: z.enum(TARGET_DIRECTIONS, { error: 'Choose at least or at most' }),
};

export const CreateMeasureSchema = z.strictObject({
  recommendationId: id('recommendation'),
  ...measureFields,
});
export type CreateMeasureInput = z.output<typeof CreateMeasureSchema>;

export const UpdateMeasureSchema = z.strictObject({ measureId: id('measure'), version, ...measureFields });
export type UpdateMeasureInput = z.output<typeof UpdateMeasureSchema>;

export const DeleteMeasureSchema = z.strictObject({ measureId: id('measure'), version });

/** The audit form's fields, plus the recommendation and the measure the audit is to test. */
export const CommissionThematicAuditSchema = z.strictObject({
  ...CreateAuditSchema.shape,
  recommendationId: id('recommendation'),
  measureId: optionalId('measure'),
});
export type CommissionThematicAuditInput = z.output<typeof CommissionThematicAuditSchema>;
