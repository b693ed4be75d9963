import 'server-only';
import { isForeignKeyViolation, isUniqueViolation } from '@/lib/db/errors';
import { RuleError } from '@/lib/domain/errors';

// The database's refusals (a duplicate, a missing reference), told in the users' words.
export function translateAuditWriteError(error: unknown): never {
  if (isUniqueViolation(error)) throw new RuleError('An audit with that name already exists', 'name');
  if (isForeignKeyViolation(error))
    throw new RuleError('Choose the threshold version, areas and people from the lists', 'form');
  throw error;
}
