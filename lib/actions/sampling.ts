'use server';

import {
  AutoAssignSchema,
  DrawSampleSchema,
  LockSampleSchema,
  ReassignCaseSchema,
  ReplaceSampledCaseSchema,
} from '@/lib/schemas/sampling';
import { autoAssignCases } from '@/lib/use-cases/sampling/auto-assign-cases';
import { drawSample } from '@/lib/use-cases/sampling/draw-sample';
import { lockSample } from '@/lib/use-cases/sampling/lock-sample';
import { reassignCase } from '@/lib/use-cases/sampling/reassign-case';
import { replaceSampledCase } from '@/lib/use-cases/sampling/replace-sampled-case';
import { runAction, type ActionResult } from './run';

export async function drawSampleAction(
  input: unknown,
): Promise<ActionResult<{ selected: number; reserve: number; areas: number }>> {
  return runAction(DrawSampleSchema, input, (actor, request) => drawSample(actor, request, new Date()));
}

export async function lockSampleAction(input: unknown): Promise<ActionResult> {
  return runAction(LockSampleSchema, input, async (actor, request) => {
    await lockSample(actor, request, new Date());
    return null;
  });
}

export async function replaceSampledCaseAction(
  input: unknown,
): Promise<ActionResult<{ replacementCaseReference: string }>> {
  return runAction(ReplaceSampledCaseSchema, input, (actor, request) =>
    replaceSampledCase(actor, request, new Date()),
  );
}

export async function autoAssignAction(
  input: unknown,
): Promise<ActionResult<{ assigned: number; unassignable: number }>> {
  return runAction(AutoAssignSchema, input, (actor, request) => autoAssignCases(actor, request, new Date()));
}

export async function reassignCaseAction(input: unknown): Promise<ActionResult> {
  return runAction(ReassignCaseSchema, input, async (actor, request) => {
    await reassignCase(actor, request, new Date());
    return null;
  });
}
