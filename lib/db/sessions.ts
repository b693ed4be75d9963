import 'server-only';
import { db } from './client';
import { recordAuditEvent } from './audit-events';
import type { Actor } from '@/lib/domain/actor';
import { isRole } from '@/lib/domain/roles';
import { sessionState, lockoutAfterFailure, type SessionLimits } from '@/lib/domain/session-rules';

export type SignInCandidate = {
  id: string;
  passwordHash: string | null;
  isActive: boolean;
  failedSignIns: number;
  lockedUntil: Date | null;
};

export async function getSignInCandidate(email: string): Promise<SignInCandidate | null> {
  return db().user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, passwordHash: true, isActive: true, failedSignIns: true, lockedUntil: true },
  });
}

export async function getActiveUserIdByEmail(email: string): Promise<string | null> {
  const user = await db().user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, isActive: true },
  });
  return user?.isActive ? user.id : null;
}

/** Counts a failed password; locks the account after too many in a row. */
export async function recordFailedSignIn(userId: string, now: Date): Promise<{ lockedUntil: Date | null }> {
  return db().$transaction(async (tx) => {
    // Row lock: parallel guesses must each count.
    const rows = await tx.$queryRaw<{ failed_sign_ins: number }[]>`
      SELECT failed_sign_ins FROM app_user WHERE id = ${userId} FOR UPDATE`;
    const failures = (rows[0]?.failed_sign_ins ?? 0) + 1;
    const outcome = lockoutAfterFailure(failures, now);
    await tx.user.update({
      where: { id: userId },
      data: { failedSignIns: outcome.failedSignIns, lockedUntil: outcome.lockedUntil ?? undefined },
    });
    if (outcome.lockedUntil) {
      await recordAuditEvent(tx, {
        actorId: null,
        action: 'user.locked',
        entityType: 'user',
        entityId: userId,
        detail: { until: outcome.lockedUntil.toISOString(), reason: 'too many failed sign-ins' },
      });
    }
    return { lockedUntil: outcome.lockedUntil };
  });
}

export async function startSession(userId: string, now: Date): Promise<string> {
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { failedSignIns: 0, lockedUntil: null } });
    const session = await tx.userSession.create({
      data: { userId, createdAt: now, lastSeenAt: now },
      select: { id: true },
    });
    return session.id;
  });
}

export async function revokeSession(sessionId: string, now: Date): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

// Don't write on every request: a minute's precision is plenty for a
// 30-minute idle limit.
const TOUCH_AFTER_MS = 60_000;

/** The actor behind a session id, or null when the session or user is no longer valid. */
export async function resolveSession(
  sessionId: string,
  now: Date,
  limits: SessionLimits,
): Promise<Actor | null> {
  const session = await db().userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      revokedAt: true,
      user: {
        select: { id: true, name: true, email: true, role: true, serviceAreaId: true, isActive: true },
      },
    },
  });
  if (!session) return null;
  const state = sessionState(session, now, limits);
  if (state !== 'valid' || !session.user.isActive || !isRole(session.user.role)) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db().userSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    userId: session.user.id,
    sessionId: session.id,
    name: session.user.name,
    email: session.user.email,
    role: session.user.role,
    serviceAreaId: session.user.serviceAreaId,
  };
}
