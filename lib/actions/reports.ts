'use server';

import type { ResultsImportOutcome } from '@/lib/domain/import-outcomes';
import { getAuditForReport, saveNarrative } from '@/lib/db/reports';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { NATIONAL } from '@/lib/domain/permissions';
import { ImportResultsSchema, SaveNarrativeSchema } from '@/lib/schemas/reports';
import { importResults } from '@/lib/use-cases/results/import-results';
import { authorise, runAction, type ActionResult } from './run';

/** The audit lead's narrative sections, saved with the report (versioned: no silent overwrite). */
export async function saveReportNarrativeAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(SaveNarrativeSchema, input, async (actor, request) => {
    authorise(actor, 'report.write', NATIONAL);
    if (!(await getAuditForReport(request.auditId))) throw new NotFoundOrForbiddenError();
    return saveNarrative(actor, request, new Date());
  });
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
