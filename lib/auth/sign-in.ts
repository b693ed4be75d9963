import 'server-only';
import { z } from 'zod';
import { getSignInCandidate, recordFailedSignIn, startSession } from '@/lib/db/sessions';
import { isLocked } from '@/lib/domain/session-rules';
import { dummyPasswordHash, verifyPassword } from './password';

export const SignInSchema = z
  .object({
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(200),
  })
  .strip();

/** Codes the sign-in page turns into plain words. */
export type SignInFailure = 'CredentialsSignin' | 'AccountLocked' | 'AccountDeactivated';

export class SignInError extends Error {
  constructor(readonly code: SignInFailure) {
    super(code);
  }
}

/** Returns the new session's id, or throws a SignInError. */
export async function signInWithPassword(
  credentials: unknown,
  now = new Date(),
): Promise<{ userId: string; sessionId: string }> {
  const parsed = SignInSchema.safeParse(credentials);
  if (!parsed.success) throw new SignInError('CredentialsSignin');
  const user = await getSignInCandidate(parsed.data.email);
  if (user && isLocked(user.lockedUntil, now)) throw new SignInError('AccountLocked');
  const matches = await verifyPassword(
    parsed.data.password,
    user?.passwordHash ?? (await dummyPasswordHash()),
  );
  if (!user || !user.passwordHash) throw new SignInError('CredentialsSignin');
  if (!matches) {
    const { lockedUntil } = await recordFailedSignIn(user.id, now);
    throw new SignInError(lockedUntil ? 'AccountLocked' : 'CredentialsSignin');
  }
  if (!user.isActive) throw new SignInError('AccountDeactivated');
  return { userId: user.id, sessionId: await startSession(user.id, now) };
}
