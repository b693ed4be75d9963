'use server';

import {
  adjudicateChallenge,
  decideChallenge,
  raiseChallenge,
  referChallenge,
  replyToChallenge,
  withdrawChallenge,
} from '@/lib/db/challenges';
import { NATIONAL } from '@/lib/domain/permissions';
import { sendEmails } from '@/lib/notify/email';
import {
  AdjudicateChallengeSchema,
  DecideChallengeSchema,
  RaiseChallengeSchema,
  ReferChallengeSchema,
  ReplyToChallengeSchema,
  WithdrawChallengeSchema,
} from '@/lib/schemas/challenges';
import { authorise, runAction, type ActionResult } from './run';

// Area scope (a Head of Service's own area, an auditor's own case) is checked
// against the challenge itself in lib/db/challenges.ts.

export async function raiseChallengeAction(input: unknown): Promise<ActionResult<{ challengeId: string }>> {
  return runAction(RaiseChallengeSchema, input, async (actor, request) => {
    const { emails, challengeId } = await raiseChallenge(actor, request, new Date());
    await sendEmails(emails);
    return { challengeId };
  });
}

export async function replyToChallengeAction(input: unknown): Promise<ActionResult> {
  return runAction(ReplyToChallengeSchema, input, async (actor, request) => {
    authorise(actor, 'challenge.reply', NATIONAL);
    await sendEmails((await replyToChallenge(actor, request, new Date())).emails);
    return null;
  });
}

export async function decideChallengeAction(input: unknown): Promise<ActionResult> {
  return runAction(DecideChallengeSchema, input, async (actor, request) => {
    authorise(actor, 'challenge.decide', NATIONAL);
    await sendEmails((await decideChallenge(actor, request, new Date())).emails);
    return null;
  });
}

export async function referChallengeAction(input: unknown): Promise<ActionResult> {
  return runAction(ReferChallengeSchema, input, async (actor, request) => {
    authorise(actor, 'challenge.decide', NATIONAL);
    await sendEmails((await referChallenge(actor, request, new Date())).emails);
    return null;
  });
}

export async function adjudicateChallengeAction(input: unknown): Promise<ActionResult> {
  return runAction(AdjudicateChallengeSchema, input, async (actor, request) => {
    authorise(actor, 'challenge.adjudicate', NATIONAL);
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
