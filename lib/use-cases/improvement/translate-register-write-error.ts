import 'server-only';
import { isForeignKeyViolation, isUniqueViolation } from '@/lib/db/errors';
import { RuleError } from '@/lib/domain/errors';

// The database's refusals (a duplicate title or number, a missing person, area
// or audit), told in the users' words and naming the field.
export function translateRegisterWriteError(error: unknown, entity: 'source' | 'recommendation'): never {
  if (isUniqueViolation(error))
    throw entity === 'source'
      ? new RuleError('A source with this title already exists', 'title')
      : new RuleError('This source already has a recommendation with that number', 'number');
  if (isForeignKeyViolation(error))
    throw entity === 'source'
      ? new RuleError('Choose a service area and audit from the lists', 'serviceAreaId')
      : new RuleError('Choose an owner from the list', 'ownerId');
  throw error;
}
