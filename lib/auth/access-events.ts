import 'server-only';
import {
  accessIdentityByEmail,
  accessIdentityById,
  accessIdentityBySession,
  recordAccessQuietly,
} from '@/lib/db/access-log';
import { typedEmailForLog } from '@/lib/domain/access-log';
import { currentRequestIp } from '@/lib/http/access';

// Sign-in, failed sign-in and sign-out rows for the access log (docs/decisions.md),
// called from next-auth's options. Logging never changes the outcome of a
// sign-in: a row that cannot be written is reported to the server log.

/** A successful sign-in: `userId` for a password, `email` for single sign-on. */
export async function logSignedIn(who: { userId?: string; email?: string | null }, provider: string) {
  const identity = await (
    who.userId ? accessIdentityById(who.userId) : who.email ? accessIdentityByEmail(who.email) : null
  )?.catch(() => null);
  await recordAccessQuietly({
    actorId: identity?.id ?? null,
    actorEmail: identity?.email ?? typedEmailForLog(who.email),
    action: 'sign-in',
    target: null,
    details: { provider },
    ip: await currentRequestIp(),
  });
}

function failureCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code.slice(0, 50) : 'error';
}

/**
 * A refused sign-in. When the typed email names an account, the row carries
 * that account (its owner may want to know someone tried it); otherwise only
 * what typedEmailForLog keeps of what was typed.
 */
export async function logSignInFailed(
  typedEmail: unknown,
  error: unknown,
  provider: string,
  ip: string | null,
): Promise<void> {
  const email = typedEmailForLog(typedEmail);
  const identity = email ? await accessIdentityByEmail(email).catch(() => null) : null;
  await recordAccessQuietly({
    actorId: identity?.id ?? null,
    actorEmail: identity?.email ?? email,
    action: 'sign-in-failed',
    target: null,
    details: { provider, reason: failureCode(error) },
    ip: ip ?? (await currentRequestIp()),
  });
}

export async function logSignedOut(sessionId: unknown): Promise<void> {
  const identity =
    typeof sessionId === 'string' ? await accessIdentityBySession(sessionId).catch(() => null) : null;
  await recordAccessQuietly({
    actorId: identity?.id ?? null,
    actorEmail: identity?.email ?? null,
    action: 'sign-out',
    target: null,
    details: {},
    ip: await currentRequestIp(),
  });
}
