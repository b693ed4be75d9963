'use server';

import { sendEmails } from '@/lib/notify/email';
import {
  AdjudicateChallengeSchema,
  DecideChallengeSchema,
  RaiseChallengeSchema,
  ReferChallengeSchema,
  ReplyToChallengeSchema,
  WithdrawChallengeSchema,
} from '@/lib/schemas/challenges';
import { adjudicateChallenge } from '@/lib/use-cases/challenges/adjudicate-challenge';
import { decideChallenge } from '@/lib/use-cases/challenges/decide-challenge';
import { raiseChallenge } from '@/lib/use-cases/challenges/raise-challenge';
import { referChallenge } from '@/lib/use-cases/challenges/refer-challenge';
import { replyToChallenge } from '@/lib/use-cases/challenges/reply-to-challenge';
import { withdrawChallenge } from '@/lib/use-cases/challenges/withdraw-challenge';
import { runAction, type ActionResult } from './run';

// Who may take each step is decided against the challenge itself (its area, its
// auditor, its raiser) in lib/use-cases/challenges.

export async function raiseChallengeAction(input: unknown): Promise<ActionResult<{ challengeId: string }>> {
  return runAction(RaiseChallengeSchema, input, async (actor, request) => {
    const { emails, challengeId } = await raiseChallenge(actor, request, new Date());
    await sendEmails(emails);
    return { challengeId };
  });
}

export async function replyToChallengeAction(input: unknown): Promise<ActionResult> {
  return runAction(ReplyToChallengeSchema, input, async (actor, request) => {
    await sendEmails((await replyToChallenge(actor, request, new Date())).emails);
    return null;
  });
}

export async function decideChallengeAction(input: unknown): Promise<ActionResult> {
  return runAction(DecideChallengeSchema, input, async (actor, request) => {
    await sendEmails((await decideChallenge(actor, request, new Date())).emails);
    return null;
  });
}

export async function referChallengeAction(input: unknown): Promise<ActionResult> {
  return runAction(ReferChallengeSchema, input, async (actor, request) => {
    await sendEmails((await referChallenge(actor, request, new Date())).emails);
    return null;
  });
}

export async function adjudicateChallengeAction(input: unknown): Promise<ActionResult> {
  return runAction(AdjudicateChallengeSchema, input, async (actor, request) => {
    await sendEmails((await adjudicateChallenge(actor, request, new Date())).emails);
    return null;
  });
}

export async function withdrawChallengeAction(input: unknown): Promise<ActionResult> {
  return runAction(WithdrawChallengeSchema, input, async (actor, request) => {
    await sendEmails((await withdrawChallenge(actor, request, new Date())).emails);
    return null;
  });
}
