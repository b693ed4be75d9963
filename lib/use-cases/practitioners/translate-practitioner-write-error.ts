import 'server-only';
import { isForeignKeyViolation, isUniqueViolation } from '@/lib/db/errors';
import { RuleError } from '@/lib/domain/errors';

// The database's refusals (a duplicate, a missing reference), told in the users' words.
export function translatePractitionerWriteError(error: unknown): never {
  if (isUniqueViolation(error))
    throw new RuleError('A practitioner with that reference already exists', 'reference');
  if (isForeignKeyViolation(error)) throw new RuleError('Choose a team and manager that exist', 'teamId');
  throw error;
}
