import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from './client';
import { recordAuditEvent } from './audit-events';
import type { Actor } from '@/lib/domain/actor';
import { isRole } from '@/lib/domain/roles';
import {
  FAILURE_WINDOW_MINUTES,
  LOCKOUT_MINUTES,
  MAX_FAILED_SIGN_INS,
  sessionState,
  type SessionLimits,
} from '@/lib/domain/session-rules';

export type SignInClaim = {
  id: string;
  passwordHash: string | null;
  isActive: boolean;
};

const lockedAfter = (now: Date) => new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);

/**
 * Counts this attempt as a failure and checks the lock in one UPDATE, before
 * any password is compared. Attempts still being checked count as failures
 * until they turn out right, so parallel guesses serialise on the row: at most
 * five are ever compared, and the sixth sets the lock for every later one.
 * Null for a locked account and for an unknown email alike.
 */
export async function claimSignInAttempt(email: string, now: Date): Promise<SignInClaim | null> {
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);
  const lockEnds = lockedAfter(now);
  // Column references in SET read the row as it is once its lock is held (a
  // separate SELECT would read a stale count under READ COMMITTED).
  const attempts = Prisma.sql`CASE
      WHEN last_sign_in_attempt_at IS NULL OR last_sign_in_attempt_at <= ${windowStart}
        OR (locked_until IS NOT NULL AND locked_until <= ${now}) THEN 1
      ELSE failed_sign_ins + 1
    END`;
  // One statement (the lock's history row included): no interactive
  // transaction holds the row while bcrypt keeps the event loop busy.
  const rows = await db().$queryRaw<
    { id: string; password_hash: string | null; is_active: boolean; locked_until: Date | null }[]
  >`
    WITH claimed AS (
      UPDATE app_user SET
        failed_sign_ins = ${attempts},
        last_sign_in_attempt_at = ${now},
        locked_until = CASE WHEN ${attempts} > ${MAX_FAILED_SIGN_INS} THEN ${lockEnds}::timestamptz END
      WHERE email = ${email.toLowerCase()} AND (locked_until IS NULL OR locked_until <= ${now})
      RETURNING id, password_hash, is_active, locked_until
    ), lock_event AS (${lockEventFrom(Prisma.sql`claimed`, lockEnds)})
    SELECT id, password_hash, is_active, locked_until FROM claimed`;
  const row = rows[0];
  if (!row || row.locked_until) return null;
  return { id: row.id, passwordHash: row.password_hash, isActive: row.is_active };
}

/** A wrong password stays counted; the fifth within the window locks the account. */
export async function recordWrongPassword(userId: string, now: Date): Promise<void> {
  const lockEnds = lockedAfter(now);
  await db().$queryRaw`
    WITH locked AS (
      UPDATE app_user SET locked_until = ${lockEnds}::timestamptz
      WHERE id = ${userId} AND failed_sign_ins >= ${MAX_FAILED_SIGN_INS}
        AND (locked_until IS NULL OR locked_until <= ${now})
      RETURNING id, locked_until
    ), lock_event AS (${lockEventFrom(Prisma.sql`locked`, lockEnds)})
    SELECT count(*)::int AS locked FROM locked`;
}

// The lock's history row, written by the statement that sets the lock.
const lockEventFrom = (rows: Prisma.Sql, lockEnds: Date) => Prisma.sql`
  INSERT INTO audit_event (actor_id, action, entity_type, entity_id, detail)
  SELECT NULL, 'user.locked', 'user', id,
    jsonb_build_object('until', ${lockEnds.toISOString()}::text, 'reason', 'too many failed sign-ins')
  FROM ${rows} WHERE locked_until IS NOT NULL`;

/**
 * The right password takes back only its own count: failures counted by
 * attempts running alongside it stay counted (resetting to 0 let a burst of
 * guesses escape the lock), and a lock already set stays set.
 */
export async function releaseSignInAttempt(userId: string): Promise<void> {
  await db().$executeRaw`
    UPDATE app_user SET failed_sign_ins = GREATEST(failed_sign_ins - 1, 0) WHERE id = ${userId}`;
}

/**
 * Single sign-on with Entra ID: the person with this object id, once linked.
 * The first time, an active user an administrator added with this email, with
 * no object id yet, is linked to it; afterwards the email claim (which the
 * person or their organisation can change) is never used again, so a changed
 * email in Entra cannot reach someone else's account.
 */
export async function getEntraUserId(identity: { objectId: string; email: string }): Promise<string | null> {
  const linked = await db().user.findUnique({
    where: { entraObjectId: identity.objectId },
    select: { id: true, isActive: true },
  });
  if (linked) return linked.isActive ? linked.id : null;
  const email = identity.email.trim().toLowerCase();
  if (email === '') return null;
  return db().$transaction(async (tx) => {
    // One conditional UPDATE: two first sign-ins at once cannot both link, and
    // an account already linked to another object id is never taken over.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE app_user SET entra_object_id = ${identity.objectId}
      WHERE email = ${email} AND entra_object_id IS NULL AND is_active
      RETURNING id`;
    const userId = rows[0]?.id;
    if (!userId) return null;
    await recordAuditEvent(tx, {
      actorId: userId,
      action: 'user.entra-linked',
      entityType: 'user',
      entityId: userId,
      detail: { entraObjectId: identity.objectId },
    });
    return userId;
  });
}

export async function startSession(userId: string, now: Date): Promise<string> {
  const session = await db().userSession.create({
    data: { userId, createdAt: now, lastSeenAt: now },
    select: { id: true },
  });
  return session.id;
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
