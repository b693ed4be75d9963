import 'server-only';
import { isForeignKeyViolation, isUniqueViolation } from '@/lib/db/errors';
import { RuleError } from '@/lib/domain/errors';

// The database's refusals (a duplicate, a missing reference), told in the users' words.
export function translateUserWriteError(error: unknown): never {
  if (isUniqueViolation(error)) throw new RuleError('A user with that email already exists', 'email');
  if (isForeignKeyViolation(error)) throw new RuleError('That service area does not exist', 'serviceAreaId');
  throw error;
}
