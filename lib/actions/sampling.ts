'use server';

import {
  autoAssign,
  drawAndStoreSample,
  lockSample,
  reassignCase,
  replaceSampledCase,
} from '@/lib/db/sampling';
import { NATIONAL } from '@/lib/domain/permissions';
import {
  AutoAssignSchema,
  DrawSampleSchema,
  LockSampleSchema,
  ReassignCaseSchema,
  ReplaceSampledCaseSchema,
} from '@/lib/schemas/sampling';
import { authorise, runAction, type ActionResult } from './run';

export async function drawSampleAction(
  input: unknown,
): Promise<ActionResult<{ selected: number; reserve: number; areas: number }>> {
  return runAction(DrawSampleSchema, input, async (actor, request) => {
    authorise(actor, 'sample.manage', NATIONAL);
    return drawAndStoreSample(actor.userId, request.auditId, request, new Date());
  });
}

export async function lockSampleAction(input: unknown): Promise<ActionResult> {
  return runAction(LockSampleSchema, input, async (actor, request) => {
    authorise(actor, 'sample.manage', NATIONAL);
    await lockSample(actor.userId, request, new Date());
    return null;
  });
}

export async function replaceSampledCaseAction(
  input: unknown,
): Promise<ActionResult<{ replacementCaseReference: string }>> {
  return runAction(ReplaceSampledCaseSchema, input, async (actor, request) => {
    authorise(actor, 'sample.manage', NATIONAL);
    return replaceSampledCase(actor.userId, request, new Date());
  });
}

export async function autoAssignAction(
  input: unknown,
): Promise<ActionResult<{ assigned: number; unassignable: number }>> {
  return runAction(AutoAssignSchema, input, async (actor, request) => {
    authorise(actor, 'sample.manage', NATIONAL);
    return autoAssign(actor.userId, request.auditId, new Date());
  });
}

export async function reassignCaseAction(input: unknown): Promise<ActionResult> {
  return runAction(ReassignCaseSchema, input, async (actor, request) => {
    authorise(actor, 'sample.manage', NATIONAL);
    await reassignCase(actor.userId, request, new Date());
    return null;
  });
}
