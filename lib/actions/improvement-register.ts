'use server';

import type { RecommendationImportOutcome } from '@/lib/domain/import-outcomes';
import {
  ChangeActionStatusSchema,
  CreateActionSchema,
  CreateRecommendationSchema,
  CreateSourceSchema,
  ImportRecommendationsSchema,
  RecordActionUpdateSchema,
  SetRecommendationStatusSchema,
  UpdateActionSchema,
  UpdateRecommendationSchema,
  UpdateSourceSchema,
} from '@/lib/schemas/improvement-register';
import { changeActionStatus } from '@/lib/use-cases/improvement/change-action-status';
import { createAction } from '@/lib/use-cases/improvement/create-action';
import { createRecommendation } from '@/lib/use-cases/improvement/create-recommendation';
import { createSource } from '@/lib/use-cases/improvement/create-source';
import { importRecommendations } from '@/lib/use-cases/improvement/import-recommendations';
import { recordActionUpdate } from '@/lib/use-cases/improvement/record-action-update';
import { setRecommendationStatus } from '@/lib/use-cases/improvement/set-recommendation-status';
import { updateAction } from '@/lib/use-cases/improvement/update-action';
import { updateRecommendation } from '@/lib/use-cases/improvement/update-recommendation';
import { updateSource } from '@/lib/use-cases/improvement/update-source';
import { runAction, type ActionResult } from './run';

export async function createSourceAction(input: unknown): Promise<ActionResult<{ sourceId: string }>> {
  return runAction(CreateSourceSchema, input, (actor, fields) => createSource(actor, fields));
}

export async function updateSourceAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateSourceSchema, input, async (actor, change) => {
    await updateSource(actor, change);
    return null;
  });
}

export async function createRecommendationAction(
  input: unknown,
): Promise<ActionResult<{ recommendationId: string }>> {
  return runAction(CreateRecommendationSchema, input, (actor, fields) => createRecommendation(actor, fields));
}

export async function updateRecommendationAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateRecommendationSchema, input, async (actor, change) => {
    await updateRecommendation(actor, change);
    return null;
  });
}

export async function setRecommendationStatusAction(input: unknown): Promise<ActionResult> {
  return runAction(SetRecommendationStatusSchema, input, async (actor, change) => {
    await setRecommendationStatus(actor, change);
    return null;
  });
}

export async function createImprovementActionAction(
  input: unknown,
): Promise<ActionResult<{ actionId: string }>> {
  return runAction(CreateActionSchema, input, (actor, fields) => createAction(actor, fields, new Date()));
}

export async function updateImprovementActionAction(input: unknown): Promise<ActionResult> {
  return runAction(UpdateActionSchema, input, async (actor, change) => {
    await updateAction(actor, change, new Date());
    return null;
  });
}

export async function changeImprovementActionStatusAction(input: unknown): Promise<ActionResult> {
  return runAction(ChangeActionStatusSchema, input, async (actor, change) => {
    await changeActionStatus(actor, change, new Date());
    return null;
  });
}

export async function recordImprovementActionUpdateAction(input: unknown): Promise<ActionResult> {
  return runAction(RecordActionUpdateSchema, input, async (actor, update) => {
    await recordActionUpdate(actor, update, new Date());
    return null;
  });
}

/** Check first (commit: false), then commit the same file; a commit re-checks everything. */
export async function importRecommendationsAction(
  input: unknown,
): Promise<ActionResult<RecommendationImportOutcome>> {
  return runAction(ImportRecommendationsSchema, input, (actor, request) =>
    importRecommendations(actor, {
      bytes: Buffer.from(request.contentBase64, 'base64'),
      fileName: request.fileName,
      commit: request.commit,
    }),
  );
}
