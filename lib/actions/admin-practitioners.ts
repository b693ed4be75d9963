'use server';

import type { PractitionerImportOutcome } from '@/lib/domain/import-outcomes';
import {
  CreatePractitionerSchema,
  ImportPractitionersSchema,
  UpdatePractitionerSchema,
} from '@/lib/schemas/admin';
import { createPractitioner } from '@/lib/use-cases/practitioners/create-practitioner';
import { importPractitioners } from '@/lib/use-cases/practitioners/import-practitioners';
import { updatePractitioner } from '@/lib/use-cases/practitioners/update-practitioner';
import { runAction, type ActionResult } from './run';

export async function createPractitionerAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreatePractitionerSchema, input, (actor, practitioner) =>
    createPractitioner(actor, practitioner),
  );
}

export async function updatePractitionerAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdatePractitionerSchema, input, async (actor, change) => {
    await updatePractitioner(actor, change);
    return null;
  });
}

/** Check first (commit: false), then commit the same file; a commit re-checks everything. */
export async function importPractitionersAction(
  input: unknown,
): Promise<ActionResult<PractitionerImportOutcome>> {
  return runAction(ImportPractitionersSchema, input, (actor, request) => importPractitioners(actor, request));
}
