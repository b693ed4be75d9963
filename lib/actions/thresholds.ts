'use server';

import {
  createThresholdDocument,
  publishThresholdVersion,
  saveThresholdDraft,
  startThresholdVersion,
} from '@/lib/db/thresholds';
import { NATIONAL } from '@/lib/domain/permissions';
import { blankRubric, FOUR_POINT_SCALE, THREE_POINT_SCALE } from '@/lib/domain/rubric';
import {
  CreateThresholdDocumentSchema,
  PublishThresholdVersionSchema,
  SaveThresholdDraftSchema,
  StartThresholdVersionSchema,
} from '@/lib/schemas/thresholds';
import { authorise, runAction, type ActionResult } from './run';

export async function createThresholdDocumentAction(
  input: unknown,
): Promise<ActionResult<{ versionId: string }>> {
  return runAction(CreateThresholdDocumentSchema, input, async (actor, request) => {
    authorise(actor, 'threshold.edit', NATIONAL);
    const content = blankRubric(request.scale === 'four-point' ? FOUR_POINT_SCALE : THREE_POINT_SCALE);
    const { versionId } = await createThresholdDocument(actor.userId, {
      name: request.name,
      label: request.label,
      content,
    });
    return { versionId };
  });
}

export async function startThresholdVersionAction(
  input: unknown,
): Promise<ActionResult<{ versionId: string }>> {
  return runAction(StartThresholdVersionSchema, input, async (actor, request) => {
    authorise(actor, 'threshold.edit', NATIONAL);
    return startThresholdVersion(actor.userId, request);
  });
}

export async function saveThresholdDraftAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(SaveThresholdDraftSchema, input, async (actor, draft) => {
    authorise(actor, 'threshold.edit', NATIONAL);
    return saveThresholdDraft(actor.userId, {
      versionId: draft.versionId,
      version: draft.version,
      label: draft.label,
      content: draft.contentJson,
    });
  });
}

export async function publishThresholdVersionAction(
  input: unknown,
): Promise<ActionResult<{ published: true } | { published: false; problems: string[] }>> {
  return runAction(PublishThresholdVersionSchema, input, async (actor, request) => {
    authorise(actor, 'threshold.edit', NATIONAL);
    return publishThresholdVersion(actor.userId, request, new Date());
  });
}
