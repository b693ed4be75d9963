export type SessionLimits = { idleMinutes: number; absoluteHours: number };

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMinutes: 30, absoluteHours: 10 };
// Five failed sign-ins within 15 minutes (of the last attempt) lock the account
// for 15 minutes. Counted in one UPDATE on the user row before the password is
// compared (lib/db/sessions.ts claimSignInAttempt), so parallel guesses all count.
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
export const FAILURE_WINDOW_MINUTES = 15;

// Failed sign-ins allowed from one network address (and from one address for
// one email) before that address is refused until the window ends. An office
// of many staff behind one NAT address shares the first budget: 30 typos in
// 15 minutes is far beyond what an office makes, yet caps one address at
// locking 6 accounts per quarter hour and at 30 bcrypt comparisons (ADR 14).
export const SIGN_IN_THROTTLES = {
  address: { failures: 30, minutes: 15 },
  addressAndAccount: { failures: 10, minutes: 60 },
} as const;

export type SessionState = 'valid' | 'revoked' | 'idle' | 'expired';

export function sessionState(
  session: { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null },
  now: Date,
  limits: SessionLimits,
): SessionState {
  if (session.revokedAt !== null) return 'revoked';
  if (now.getTime() - session.createdAt.getTime() >= limits.absoluteHours * 3_600_000) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleMinutes * 60_000) return 'idle';
  return 'valid';
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** Whole minutes to wait, never 0: "try again in 0 minutes" helps nobody. */
export function minutesToWait(milliseconds: number): number {
  return Math.max(1, Math.ceil(milliseconds / 60_000));
}

const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

/**
 * The client's address for throttling: the first X-Forwarded-For hop, which the
 * load balancer overwrites (README) and Next sets from the socket when there is
 * no proxy. Anything that is not an IP address shares one "unknown" bucket, so
 * a made-up header cannot mint fresh budgets or carry NUL into the database.
 */
export function clientAddress(forwardedFor: string | string[] | undefined): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
  const first = header?.split(',')[0]?.trim() ?? '';
  return ADDRESS.test(first) ? first.toLowerCase() : 'unknown';
}
