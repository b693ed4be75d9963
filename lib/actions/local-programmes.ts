'use server';

import { sendEmails } from '@/lib/notify/email';
import {
  CreateLocalProgrammeSchema,
  DrawLocalMonthSchema,
  PickLocalCaseSchema,
} from '@/lib/schemas/local-programmes';
import { createLocalProgramme } from '@/lib/use-cases/local-audits/create-local-programme';
import { drawLocalMonth } from '@/lib/use-cases/local-audits/draw-local-month';
import { pickLocalCase } from '@/lib/use-cases/local-audits/pick-local-case';
import { runAction, type ActionResult } from './run';

export async function createLocalProgrammeAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(CreateLocalProgrammeSchema, input, (actor, programme) =>
    createLocalProgramme(actor, programme, new Date()),
  );
}

export async function drawLocalMonthAction(
  input: unknown,
): Promise<ActionResult<{ drawn: number; managers: number; seed: string }>> {
  return runAction(DrawLocalMonthSchema, input, async (actor, request) => {
    const { result, emails } = await drawLocalMonth(actor, request, new Date());
    await sendEmails(emails);
    return result;
  });
}

export async function pickLocalCaseAction(input: unknown): Promise<ActionResult<{ sampledCaseId: string }>> {
  return runAction(PickLocalCaseSchema, input, (actor, request) => pickLocalCase(actor, request, new Date()));
}
