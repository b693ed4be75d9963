'use server';

import type { CaseIndexImportOutcome } from '@/lib/domain/import-outcomes';
import { ImportCaseIndexSchema } from '@/lib/schemas/case-files';
import { importCaseIndex } from '@/lib/use-cases/case-files/import-case-index';
import { runAction, type ActionResult } from './run';

/** Check first (commit: false), then commit the same file; a commit re-checks everything. */
export async function importCaseIndexAction(input: unknown): Promise<ActionResult<CaseIndexImportOutcome>> {
  return runAction(ImportCaseIndexSchema, input, (actor, request) =>
    importCaseIndex(actor, {
      bytes: Buffer.from(request.contentBase64, 'base64'),
      fileName: request.fileName,
      commit: request.commit,
    }),
  );
}
