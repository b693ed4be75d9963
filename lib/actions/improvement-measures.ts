'use server';

import { commissionThematicAudit } from '@/lib/use-cases/improvement/commission-thematic-audit';
import { createMeasure } from '@/lib/use-cases/improvement/create-measure';
import { deleteMeasure } from '@/lib/use-cases/improvement/delete-measure';
import { updateMeasure } from '@/lib/use-cases/improvement/update-measure';
import {
  CommissionThematicAuditSchema,
  CreateMeasureSchema,
  DeleteMeasureSchema,
  UpdateMeasureSchema,
} from '@/lib/schemas/improvement-measures';
import { runAction, type ActionResult } from './run';

export async function createMeasureAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreateMeasureSchema, input, (actor, { recommendationId, ...settings }) =>
    createMeasure(actor, recommendationId, settings),
  );
}

export async function updateMeasureAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateMeasureSchema, input, async (actor, { measureId, version, ...settings }) => {
    await updateMeasure(actor, measureId, version, settings);
    return null;
  });
}

export async function deleteMeasureAction(input: unknown): Promise<ActionResult> {
  return runAction(DeleteMeasureSchema, input, async (actor, { measureId, version }) => {
    await deleteMeasure(actor, measureId, version);
    return null;
  });
}

export async function commissionThematicAuditAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(
    CommissionThematicAuditSchema,
    input,
    (actor, { recommendationId, measureId, ...fields }) =>
      commissionThematicAudit(actor, { recommendationId, measureId, fields }, new Date()),
  );
}
