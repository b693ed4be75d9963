'use server';

import { RecordInspectionJudgementSchema } from '@/lib/schemas/improvement-inspections';
import { recordInspectionJudgement } from '@/lib/use-cases/improvement/record-inspection-judgement';
import { runAction, type ActionResult } from './run';

/** An inspection's judgement of one area on one date (seed 004). */
export async function recordInspectionJudgementAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(RecordInspectionJudgementSchema, input, (actor, request) =>
    recordInspectionJudgement(actor, request, new Date()),
  );
}
