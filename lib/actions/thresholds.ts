'use server';

import { createThresholdDocument } from '@/lib/use-cases/thresholds/create-threshold-document';
import { publishThresholdVersion } from '@/lib/use-cases/thresholds/publish-threshold-version';
import { saveThresholdDraft } from '@/lib/use-cases/thresholds/save-threshold-draft';
import { startThresholdVersion } from '@/lib/use-cases/thresholds/start-threshold-version';
import { blankRubric, FOUR_POINT_SCALE, THREE_POINT_SCALE } from '@/lib/domain/rubric';
import {
  CreateThresholdDocumentSchema,
  PublishThresholdVersionSchema,
  SaveThresholdDraftSchema,
  StartThresholdVersionSchema,
} from '@/lib/schemas/thresholds';
import { runAction, type ActionResult } from './run';

export async function createThresholdDocumentAction(
  input: unknown,
): Promise<ActionResult<{ versionId: string }>> {
  return runAction(CreateThresholdDocumentSchema, input, async (actor, request) => {
    const content = blankRubric(request.scale === 'four-point' ? FOUR_POINT_SCALE : THREE_POINT_SCALE);
    const { versionId } = await createThresholdDocument(actor, {
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
    return startThresholdVersion(actor, request);
  });
}

export async function saveThresholdDraftAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(SaveThresholdDraftSchema, input, async (actor, draft) => {
    return saveThresholdDraft(actor, {
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
    return publishThresholdVersion(actor, request, new Date());
  });
}
