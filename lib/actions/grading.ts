'use server';

import { acknowledgeConcern } from '@/lib/use-cases/concerns/acknowledge-concern';
import { closeConcern } from '@/lib/use-cases/concerns/close-concern';
import { raiseConcern } from '@/lib/use-cases/concerns/raise-concern';
import { recordAreaReview } from '@/lib/use-cases/reviews/record-area-review';

import { sendEmails } from '@/lib/notify/email';
import {
  AcknowledgeConcernSchema,
  CloseConcernSchema,
  MarkInboxReadSchema,
  RaiseConcernSchema,
  RecordAreaReviewSchema,
  SubmitCaseAuditSchema,
} from '@/lib/schemas/grading';
import { submitCaseAudit, type SubmitResult } from '@/lib/use-cases/case-audits/submit-case-audit';
import { markInboxRead } from '@/lib/use-cases/inbox/mark-inbox-read';
import { runAction, type ActionResult } from './run';

export async function submitCaseAuditAction(input: unknown): Promise<ActionResult<SubmitResult>> {
  return runAction(SubmitCaseAuditSchema, input, async (actor, request) => {
    const { result, emails } = await submitCaseAudit(
      actor,
      {
        sampledCaseId: request.sampledCaseId,
        baseVersion: request.baseVersion,
        submissionId: request.submissionId,
        answers: request.answersJson,
      },
      new Date(),
    );
    await sendEmails(emails);
    return result;
  });
}

export async function raiseConcernAction(input: unknown): Promise<ActionResult> {
  return runAction(RaiseConcernSchema, input, async (actor, request) => {
    // Scope (the auditor's own case, or the audit lead) is checked against the case itself.
    const { emails } = await raiseConcern(actor, request, new Date());
    await sendEmails(emails);
    return null;
  });
}

export async function acknowledgeConcernAction(input: unknown): Promise<ActionResult> {
  return runAction(AcknowledgeConcernSchema, input, async (actor, request) => {
    await acknowledgeConcern(actor, request, new Date());
    return null;
  });
}

export async function closeConcernAction(input: unknown): Promise<ActionResult> {
  return runAction(CloseConcernSchema, input, async (actor, request) => {
    await closeConcern(actor, request, new Date());
    return null;
  });
}

export async function recordAreaReviewAction(input: unknown): Promise<ActionResult> {
  return runAction(RecordAreaReviewSchema, input, async (actor, request) => {
    await recordAreaReview(actor, request, new Date());
    return null;
  });
}

export async function markInboxReadAction(input: unknown): Promise<ActionResult<{ marked: number }>> {
  return runAction(MarkInboxReadSchema, input, (actor) => markInboxRead(actor, new Date()));
}
