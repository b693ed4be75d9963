export type SessionLimits = { idleMinutes: number; absoluteHours: number };

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMinutes: 30, absoluteHours: 10 };
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

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

/** After the fifth failure in a row the account locks and the count starts again. */
export function lockoutAfterFailure(
  failures: number,
  now: Date,
): { failedSignIns: number; lockedUntil: Date | null } {
  if (failures >= MAX_FAILED_SIGN_INS) {
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  }
  return { failedSignIns: failures, lockedUntil: null };
}
