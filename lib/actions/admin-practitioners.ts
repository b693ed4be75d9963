'use server';

import { readCsv } from '@/lib/csv/read-csv';
import {
  createPractitioner,
  importPractitioners,
  organisationLookup,
  updatePractitioner,
} from '@/lib/db/practitioners';
import { NATIONAL } from '@/lib/domain/permissions';
import { MAX_IMPORT_ROWS, validatePractitionerRows } from '@/lib/domain/practitioner-import';
import {
  CreatePractitionerSchema,
  ImportPractitionersSchema,
  UpdatePractitionerSchema,
} from '@/lib/schemas/admin';
import type { PractitionerImportOutcome } from '@/lib/domain/import-outcomes';
import { authorise, runAction, type ActionResult } from './run';

export async function createPractitionerAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreatePractitionerSchema, input, async (actor, practitioner) => {
    authorise(actor, 'practitioner.manage', NATIONAL);
    return createPractitioner(actor.userId, practitioner);
  });
}

export async function updatePractitionerAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdatePractitionerSchema, input, async (actor, change) => {
    authorise(actor, 'practitioner.manage', NATIONAL);
    await updatePractitioner(actor.userId, change);
    return null;
  });
}

const MAX_PROBLEMS_SHOWN = 500;

/** Check first (commit: false), then commit the same file; a commit re-checks everything. */
export async function importPractitionersAction(
  input: unknown,
): Promise<ActionResult<PractitionerImportOutcome>> {
  return runAction(ImportPractitionersSchema, input, async (actor, request) => {
    authorise(actor, 'practitioner.import', NATIONAL);
    const csv = await readCsv(request.csv, { maxRows: MAX_IMPORT_ROWS });
    if (!csv.ok)
      return { status: 'problems', rowCount: 0, problems: [{ line: 1, column: '-', reason: csv.reason }] };
    const { rows, problems } = validatePractitionerRows(
      csv.table.header,
      csv.table.rows,
      await organisationLookup(),
    );
    if (problems.length > 0)
      return {
        status: 'problems',
        rowCount: csv.table.rows.length,
        problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
      };
    if (!request.commit) return { status: 'checked', rowCount: rows.length };
    return { status: 'imported', ...(await importPractitioners(actor.userId, rows)) };
  });
}
