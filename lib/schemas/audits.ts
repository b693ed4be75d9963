import { z } from 'zod';
import { AUDIT_KINDS, AUDIT_STATUSES, LAW_TYPES } from '@/lib/domain/audits';
import {
  calendarDate,
  id,
  optionalCalendarDate,
  optionalId,
  optionalPercent,
  stringList,
  text,
  version,
} from './fields';

const auditFields = {
  name: text(120),
  kind: z.enum(AUDIT_KINDS, { error: 'Choose the kind of audit' }),
  purpose: text(2000, { multiline: true }),
  windowFrom: calendarDate('the first filing date'),
  windowTo: calendarDate('the last filing date'),
  thresholdVersionId: id('threshold version'),
  lawTypes: stringList(z.enum(LAW_TYPES, { error: 'Choose law types from the list' }), 3),
  serviceAreaIds: stringList(z.string().uuid('Choose service areas from the list'), 50),
  goodOrAboveTarget: optionalPercent,
  lowestTarget: optionalPercent,
  targetDate: optionalCalendarDate('the target date'),
  comparedWithId: optionalId('earlier audit'),
  commissionedById: optionalId('National Service Director'),
  leadId: optionalId('audit lead'),
  challengeWindowDays: z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^\d{1,2}$/, 'Enter a whole number of working days from 1 to 60')
          .transform(Number),
      ],
      {
        error: 'Enter a whole number of working days from 1 to 60',
      },
    )
    .optional()
    .transform((value) => value ?? 10)
    .pipe(
      z
        .number()
        .int()
        .min(1, 'Enter a whole number of working days from 1 to 60')
        .max(60, 'Enter a whole number of working days from 1 to 60'),
    ),
};

export const CreateAuditSchema = z.strictObject(auditFields);
export type AuditFieldsInput = z.output<typeof CreateAuditSchema>;

export const UpdateAuditSchema = z.strictObject({ auditId: id('audit'), version, ...auditFields });

export const TransitionAuditSchema = z.strictObject({
  auditId: id('audit'),
  version,
  to: z.enum(AUDIT_STATUSES, { error: 'Choose a status' }),
});
