import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import type { ResultsImportOutcome } from '@/lib/domain/import-outcomes';
import { can, NATIONAL } from '@/lib/domain/permissions';
import { checkAndImportResults } from '@/lib/import/results';

/**
 * Results of past audits, from a file: checked first, then committed all or
 * nothing. It may create an audit in any area, so it is granted nationally.
 */
export async function importResults(
  actor: Actor,
  input: {
    auditName: string;
    bytes: Uint8Array;
    fileName: string;
    commit: boolean;
    createPractitioners: boolean;
  },
  now: Date,
): Promise<ResultsImportOutcome> {
  if (!can(actor, 'results.import', NATIONAL)) throw new NotFoundOrForbiddenError('results.import');
  return checkAndImportResults(actor.userId, input, now);
}
