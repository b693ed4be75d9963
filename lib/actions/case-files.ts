'use server';

import type { CaseIndexImportOutcome } from '@/lib/domain/import-outcomes';
import { checkAndImportCaseIndex } from '@/lib/import/case-index';
import { NATIONAL } from '@/lib/domain/permissions';
import { ImportCaseIndexSchema } from '@/lib/schemas/case-files';
import { authorise, runAction, type ActionResult } from './run';

/** Check first (commit: false), then commit the same file; a commit re-checks everything. */
export async function importCaseIndexAction(input: unknown): Promise<ActionResult<CaseIndexImportOutcome>> {
  return runAction(ImportCaseIndexSchema, input, async (actor, request) => {
    authorise(actor, 'caseIndex.import', NATIONAL);
    return checkAndImportCaseIndex(
      actor.userId,
      Buffer.from(request.contentBase64, 'base64'),
      request.fileName,
      request.commit,
    );
  });
}
