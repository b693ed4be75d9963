import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { getActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError, StaleVersionError } from '@/lib/domain/errors';
import { recordAccessQuietly } from '@/lib/db/access-log';
import { currentRequestIp } from '@/lib/http/access';

import type { ActionResult } from './result';

export type { ActionResult };

export const MESSAGES = {
  signedOut: 'Your session has ended. Sign in again to continue.',
  notFound: 'That record was not found, or you do not have access to it.',
  stale:
    'Someone else changed this record after you opened it. Reload the page to see their changes, then make yours again.',
  invalid: 'Some answers need correcting.',
} as const;

export { authorise } from '@/lib/use-cases/authorise';

// Every refusal of every action is logged here, once (see the access log in
// docs/decisions.md). Missing and forbidden stay indistinguishable in the log
// too: both are "refused".
async function logRefusal(actor: Actor | null, what: string, reason: string): Promise<void> {
  await recordAccessQuietly({
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? null,
    action: 'refused',
    target: what,
    details: { reason },
    ip: await currentRequestIp(),
  });
}

/**
 * Every server action goes through here, in this order: who is asking →
 * is the input well-formed → (inside `body`) load, authorise, change.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  body: (actor: Actor, input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const actor = await getActor();
  if (!actor) {
    await logRefusal(null, 'server action', 'no-session');
    return { ok: false, error: MESSAGES.signedOut };
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
      fieldErrors[field] ??=
        issue.code === 'unrecognized_keys' ? 'This form does not accept that field.' : issue.message;
    }
    return { ok: false, error: MESSAGES.invalid, fieldErrors };
  }
  try {
    return { ok: true, data: await body(actor, parsed.data) };
  } catch (error) {
    if (error instanceof NotFoundOrForbiddenError) {
      await logRefusal(actor, error.refusedAction ?? 'server action', 'not-found-or-forbidden');
      return { ok: false, error: MESSAGES.notFound };
    }
    if (error instanceof StaleVersionError) return { ok: false, error: MESSAGES.stale };
    if (error instanceof RuleError) {
      return {
        ok: false,
        error: error.message,
        ...(error.field ? { fieldErrors: { [error.field]: error.message } } : {}),
      };
    }
    const reference = randomUUID().slice(0, 8);
    console.error(`[action] unexpected error ${reference}`, error);
    return {
      ok: false,
      error: `Something went wrong and nothing was saved. If it happens again, quote reference ${reference}.`,
    };
  }
}
