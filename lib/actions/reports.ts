'use server';

import type { ResultsImportOutcome } from '@/lib/domain/import-outcomes';
import { ImportResultsSchema, SaveNarrativeSchema } from '@/lib/schemas/reports';
import { importResults } from '@/lib/use-cases/results/import-results';
import { saveNarrative } from '@/lib/use-cases/reports/save-narrative';
import { runAction, type ActionResult } from './run';

/** The audit lead's narrative sections, saved with the report (versioned: no silent overwrite). */
export async function saveReportNarrativeAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(SaveNarrativeSchema, input, (actor, request) => saveNarrative(actor, request, new Date()));
}

/**
 * Check first (commit: false); commit the same file; unknown practitioners
 * are created only when the person has confirmed (createPractitioners).
 */
export async function importResultsAction(input: unknown): Promise<ActionResult<ResultsImportOutcome>> {
  return runAction(ImportResultsSchema, input, async (actor, request) => {
    return importResults(
      actor,
      {
        auditName: request.auditName,
        bytes: Buffer.from(request.contentBase64, 'base64'),
        fileName: request.fileName,
        commit: request.commit,
        createPractitioners: request.createPractitioners,
      },
      new Date(),
    );
  });
}
