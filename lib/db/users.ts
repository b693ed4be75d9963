import 'server-only';
import { db, type Tx } from './client';
import { recordAuditEvent } from './audit-events';
import { recordAccess } from './access-log';
import { isForeignKeyViolation, isUniqueViolation } from './errors';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { assertVersionedUpdate } from './versioned';
import type { Role } from '@/lib/domain/roles';

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  role: Role;
  serviceAreaCode: string | null;
  isActive: boolean;
  lockedUntil: Date | null;
};

export type UserDetail = UserSummary & { serviceAreaId: string | null; version: number };

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  isActive: true,
  lockedUntil: true,
  version: true,
  serviceAreaId: true,
  serviceArea: { select: { code: true } },
} as const;

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  lockedUntil: Date | null;
  version: number;
  serviceAreaId: string | null;
  serviceArea: { code: string } | null;
};

const toDetail = (row: UserRow): UserDetail => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  isActive: row.isActive,
  lockedUntil: row.lockedUntil,
  version: row.version,
  serviceAreaId: row.serviceAreaId,
  serviceAreaCode: row.serviceArea?.code ?? null,
});

export async function findUsers(): Promise<UserSummary[]> {
  const rows = await db().user.findMany({
    select: userSelect,
    orderBy: [{ isActive: 'desc' }, { name: 'asc' }],
  });
  return rows.map(toDetail);
}

export async function getUser(userId: string): Promise<UserDetail | null> {
  const row = await db().user.findUnique({ where: { id: userId }, select: userSelect });
  return row ? toDetail(row) : null;
}

export async function countActiveUsers(): Promise<number> {
  return db().user.count({ where: { isActive: true } });
}

function translateWriteError(error: unknown): never {
  if (isUniqueViolation(error)) throw new RuleError('A user with that email already exists', 'email');
  if (isForeignKeyViolation(error)) throw new RuleError('That service area does not exist', 'serviceAreaId');
  throw error;
}

/**
 * Role and area changes go to the access log as well as to audit_event
 * (docs/decisions.md): the access log is what an investigator searches for "who could
 * see what, when". Same transaction, so both land or neither does.
 */
async function logAccessChanges(
  tx: Tx,
  actorId: string,
  requestIp: string | null,
  userId: string,
  before: { role: Role | null; serviceAreaId: string | null },
  after: { role: Role; serviceAreaId: string | null },
): Promise<void> {
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { email: true } });
  const common = { actorId, actorEmail: actor?.email ?? null, target: `user:${userId}`, ip: requestIp };
  if (before.role !== after.role) {
    await recordAccess(
      { ...common, action: 'role-change', details: { from: before.role, to: after.role } },
      tx,
    );
  }
  if (before.serviceAreaId !== after.serviceAreaId) {
    const ids = [before.serviceAreaId, after.serviceAreaId].filter((id): id is string => id !== null);
    const areas = await tx.serviceArea.findMany({
      where: { id: { in: ids } },
      select: { id: true, code: true },
    });
    const code = (id: string | null) =>
      id === null ? null : (areas.find((area) => area.id === id)?.code ?? id);
    await recordAccess(
      {
        ...common,
        action: 'area-change',
        details: { from: code(before.serviceAreaId), to: code(after.serviceAreaId) },
      },
      tx,
    );
  }
}

export async function createUser(
  actorId: string,
  input: { email: string; name: string; role: Role; serviceAreaId: string | null; passwordHash: string },
  requestIp: string | null = null,
): Promise<{ id: string }> {
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: input, select: { id: true } });
      // A new account is a grant of access: logged as a change from no role.
      await logAccessChanges(tx, actorId, requestIp, user.id, { role: null, serviceAreaId: null }, input);
      await recordAuditEvent(tx, {
        actorId,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        detail: {
          email: input.email,
          name: input.name,
          role: input.role,
          serviceAreaId: input.serviceAreaId,
        },
      });
      return user;
    });
  } catch (error) {
    translateWriteError(error);
  }
}

/**
 * Applies a change only if the row is still at `version`; otherwise refuses
 * (someone else saved first) rather than overwriting.
 */
async function updateVersioned(
  tx: Tx,
  userId: string,
  version: number,
  data: Record<string, unknown>,
): Promise<void> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, version },
    data: { ...data, version: { increment: 1 } },
  });
  await assertVersionedUpdate(
    count,
    () => tx.user.findUnique({ where: { id: userId }, select: { id: true } }),
    'user',
  );
}

export async function updateUser(
  actorId: string,
  input: { userId: string; version: number; name: string; role: Role; serviceAreaId: string | null },
  requestIp: string | null = null,
): Promise<void> {
  try {
    await db().$transaction(async (tx) => {
      const before = await tx.user.findUnique({
        where: { id: input.userId },
        select: { name: true, role: true, serviceAreaId: true },
      });
      if (!before) throw new NotFoundOrForbiddenError();
      await updateVersioned(tx, input.userId, input.version, {
        name: input.name,
        role: input.role,
        serviceAreaId: input.serviceAreaId,
      });
      await logAccessChanges(tx, actorId, requestIp, input.userId, before, input);
      await recordAuditEvent(tx, {
        actorId,
        action: 'user.updated',
        entityType: 'user',
        entityId: input.userId,
        detail: { before, after: { name: input.name, role: input.role, serviceAreaId: input.serviceAreaId } },
      });
    });
  } catch (error) {
    translateWriteError(error);
  }
}

export async function setUserActive(
  actorId: string,
  input: { userId: string; version: number; isActive: boolean },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    await updateVersioned(tx, input.userId, input.version, { isActive: input.isActive });
    if (!input.isActive) {
      await tx.userSession.updateMany({
        where: { userId: input.userId, revokedAt: null },
        data: { revokedAt: now },
      });
    }
    await recordAuditEvent(tx, {
      actorId,
      action: input.isActive ? 'user.reactivated' : 'user.deactivated',
      entityType: 'user',
      entityId: input.userId,
      detail: {},
    });
  });
}

export async function resetPassword(
  actorId: string,
  input: { userId: string; version: number; passwordHash: string },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    await updateVersioned(tx, input.userId, input.version, {
      passwordHash: input.passwordHash,
      failedSignIns: 0,
      lockedUntil: null,
    });
    await tx.userSession.updateMany({
      where: { userId: input.userId, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: 'user.password-reset',
      entityType: 'user',
      entityId: input.userId,
      detail: {},
    });
  });
}

export async function findLockedUsers(
  now: Date,
): Promise<{ id: string; name: string; email: string; lockedUntil: Date }[]> {
  const rows = await db().user.findMany({
    where: { lockedUntil: { gt: now } },
    select: { id: true, name: true, email: true, lockedUntil: true },
    orderBy: { lockedUntil: 'asc' },
  });
  return rows.flatMap((row) => (row.lockedUntil ? [{ ...row, lockedUntil: row.lockedUntil }] : []));
}

/** People a practitioner can report to: active users, by name. */
export async function findManagerOptions(): Promise<{ id: string; name: string }[]> {
  return db().user.findMany({
    where: { isActive: true },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}
