import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  claimSignInAttempt,
  recordWrongPassword,
  releaseSignInAttempt,
  startSession,
} from '@/lib/db/sessions';
import { forgiveSignInAttempt, takeSignInAttempt } from '@/lib/db/sign-in-throttle';
import { isPasswordTooLong } from '@/lib/domain/passwords';
import { minutesToWait } from '@/lib/domain/session-rules';
import { textProblem } from '@/lib/domain/text';
import { dummyPasswordHash, verifyPassword } from './password';

// .strip(), not .strict(): next-auth posts csrfToken, callbackUrl and json too.
export const SignInSchema = z
  .object({
    // NUL and other control characters would reach PostgreSQL, which rejects
    // NUL with an error; such an email can match nobody anyway.
    email: z
      .string()
      .trim()
      .min(1)
      .max(254)
      .refine((value) => textProblem(value, { maxLength: 254, required: true }) === null),
    password: z.string().min(1).max(1024),
  })
  .strip();

/**
 * Codes the sign-in page turns into plain words. A wrong password, an unknown
 * email and a locked account are all CredentialsSignin, so the answer does not
 * tell a guesser which accounts exist or are locked.
 */
export type SignInFailure =
  'CredentialsSignin' | 'PasswordTooLong' | 'TooManyAttempts' | 'AccountDeactivated' | 'Unavailable';

/** Why, for the server's own log and tests; never shown to the person. */
export type SignInRefusal =
  | 'malformed'
  | 'password-too-long'
  | 'throttled'
  | 'unknown-or-locked'
  | 'wrong-password'
  | 'deactivated'
  | 'error';

export class SignInError extends Error {
  constructor(
    readonly code: SignInFailure,
    readonly reason: SignInRefusal,
    readonly retryAfterMinutes?: number,
  ) {
    // next-auth hands the message to the page as the error code.
    super(retryAfterMinutes === undefined ? code : `${code}:${String(retryAfterMinutes)}`);
  }
}

export type SignInContext = { now?: Date; address?: string };

/** Returns the new session's id, or throws a SignInError. */
export async function signInWithPassword(
  credentials: unknown,
  context: SignInContext = {},
): Promise<{ userId: string; sessionId: string }> {
  try {
    return await checkPassword(credentials, context.now ?? new Date(), context.address ?? 'unknown');
  } catch (error) {
    if (error instanceof SignInError) throw error;
    // A database outage must not read as "wrong password", nor reach the page.
    const reference = randomUUID().slice(0, 8);
    console.error(`[sign-in] unexpected error ${reference}`, error);
    throw new SignInError('Unavailable', 'error');
  }
}

async function checkPassword(
  credentials: unknown,
  now: Date,
  address: string,
): Promise<{ userId: string; sessionId: string }> {
  const parsed = SignInSchema.safeParse(credentials);
  if (!parsed.success) throw new SignInError('CredentialsSignin', 'malformed');
  const { email, password } = parsed.data;
  // bcrypt would compare only the first 72 bytes; say so rather than guess.
  if (isPasswordTooLong(password)) throw new SignInError('PasswordTooLong', 'password-too-long');

  const throttle = await takeSignInAttempt(address, email);
  if (!throttle.allowed)
    throw new SignInError('TooManyAttempts', 'throttled', minutesToWait(throttle.retryAfterMs));

  // Counted (and the lock checked) before the hash is compared. Locked and
  // unknown accounts are compared against a dummy hash, so they take as long
  // as a wrong password and the right password can never open a locked one.
  const claim = await claimSignInAttempt(email, now);
  const matches = await verifyPassword(password, claim?.passwordHash ?? (await dummyPasswordHash()));
  if (!claim) throw new SignInError('CredentialsSignin', 'unknown-or-locked');
  if (!claim.passwordHash || !matches) {
    await recordWrongPassword(claim.id, now);
    throw new SignInError('CredentialsSignin', 'wrong-password');
  }

  await releaseSignInAttempt(claim.id);
  await forgiveSignInAttempt(address, email);
  if (!claim.isActive) throw new SignInError('AccountDeactivated', 'deactivated');
  return { userId: claim.id, sessionId: await startSession(claim.id, now) };
}
