import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { CaseIndexImportOutcome } from '@/lib/domain/import-outcomes';
import { NATIONAL } from '@/lib/domain/permissions';
import { checkAndImportCaseIndex } from '@/lib/import/case-index';
import { authorise } from '../authorise';

/** Check first (commit: false), then commit the same file; a commit re-checks everything. */
export async function importCaseIndex(
  actor: Actor,
  request: { bytes: Buffer; fileName: string; commit: boolean },
): Promise<CaseIndexImportOutcome> {
  authorise(actor, 'caseIndex.import', NATIONAL);
  return checkAndImportCaseIndex(actor.userId, request.bytes, request.fileName, request.commit);
}
