'use server';

import { CreateProgressReviewSchema, RecordJudgementSchema } from '@/lib/schemas/improvement-reviews';
import { createProgressReview } from '@/lib/use-cases/improvement/create-progress-review';
import { recordJudgement } from '@/lib/use-cases/improvement/record-judgement';
import { runAction, type ActionResult } from './run';

// Who may review is decided against the source's own scope (its area, or
// national) in lib/use-cases/improvement.

export async function createProgressReviewAction(
  input: unknown,
): Promise<ActionResult<{ reviewId: string }>> {
  return runAction(CreateProgressReviewSchema, input, (actor, request) =>
    createProgressReview(actor, request, new Date()),
  );
}

export async function recordJudgementAction(input: unknown): Promise<ActionResult<{ judgementId: string }>> {
  return runAction(RecordJudgementSchema, input, (actor, request) =>
    recordJudgement(actor, request, new Date()),
  );
}
