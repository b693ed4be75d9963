'use server';

import { agreeModeration } from '@/lib/use-cases/moderation/agree-moderation';
import { drawModerations, type ModerationDrawOutcome } from '@/lib/use-cases/moderation/draw-moderations';
import { submitModeration, type ModerationSubmit } from '@/lib/use-cases/moderation/submit-moderation';
import { sendEmails } from '@/lib/notify/email';
import {
  AgreeModerationSchema,
  DrawModerationsSchema,
  SubmitModerationSchema,
} from '@/lib/schemas/local-moderation';
import { runAction, type ActionResult } from './run';

/** The period's moderation draw for an area; its Head of Practice is told. */
export async function drawModerationsAction(input: unknown): Promise<ActionResult<ModerationDrawOutcome>> {
  return runAction(DrawModerationsSchema, input, async (actor, request) => {
    const { outcome, emails } = await drawModerations(actor, request, new Date());
    await sendEmails(emails);
    return outcome;
  });
}

/** The Head of Practice's blind grades, submitted once. */
export async function submitModerationAction(input: unknown): Promise<ActionResult<ModerationSubmit>> {
  return runAction(SubmitModerationSchema, input, (actor, request) =>
    submitModeration(
      actor,
      { moderationId: request.moderationId, baseVersion: request.baseVersion, answers: request.answersJson },
      new Date(),
    ),
  );
}

/** The agreed grade after comparing; where it differs from the manager's, it becomes the case's. */
export async function agreeModerationAction(input: unknown): Promise<ActionResult> {
  return runAction(AgreeModerationSchema, input, async (actor, request) => {
    await agreeModeration(actor, request, new Date());
    return null;
  });
}
