import { z } from 'zod';
import { ROLES, EMPLOYMENTS } from '@/lib/domain/roles';
import { email, flag, id, newPassword, optionalId, text, version } from './fields';

const role = z.enum(ROLES, { error: 'Choose the person’s role' });
const employment = z.enum(EMPLOYMENTS, { error: 'Choose Employed or Agency' });

export const CreateUserSchema = z.strictObject({
  email,
  name: text(200, { label: 'the person’s full name' }),
  role,
  serviceAreaId: optionalId('service area'),
  password: newPassword,
});
export type CreateUserInput = z.input<typeof CreateUserSchema>;

export const UpdateUserSchema = z.strictObject({
  userId: id('user'),
  version,
  name: text(200, { label: 'the person’s full name' }),
  role,
  serviceAreaId: optionalId('service area'),
});

export const SetUserActiveSchema = z.strictObject({ userId: id('user'), version, isActive: flag });

export const ResetPasswordSchema = z.strictObject({ userId: id('user'), version, password: newPassword });

export const CreateServiceAreaSchema = z.strictObject({
  code: text(20).pipe(
    z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ]*$/, 'Use letters, digits and spaces, like A15 Public'),
  ),
  name: text(120),
});

export const UpdateServiceAreaSchema = z.strictObject({
  serviceAreaId: id('service area'),
  version,
  name: text(120),
});

export const CreateTeamSchema = z.strictObject({ serviceAreaId: id('service area'), name: text(120) });

export const UpdateTeamSchema = z.strictObject({ teamId: id('team'), version, name: text(120) });

const practitionerFields = {
  name: text(200),
  teamId: id('team'),
  employment,
  performanceBand: text(20, { required: false }),
  managerId: optionalId('manager'),
};

export const CreatePractitionerSchema = z.strictObject({ reference: text(40), ...practitionerFields });

export const UpdatePractitionerSchema = z.strictObject({
  practitionerId: id('practitioner'),
  version,
  ...practitionerFields,
  isActive: flag,
});

export const ImportPractitionersSchema = z.strictObject({
  csv: z
    .string({ error: 'Choose a CSV file' })
    .min(1, 'Choose a CSV file')
    .max(5 * 1024 * 1024, 'The file is too large (at most 5 MB)'),
  commit: z.boolean(),
});
