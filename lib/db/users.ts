import 'server-only';
import { db, type Tx } from './client';

import { recordAccess } from './access-log';

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

/**
 * Role and area changes go to the access log as well as to audit_event
 * (docs/decisions.md): the access log is what an investigator searches for "who could
 * see what, when". Same transaction, so both land or neither does.
 */
export async function logAccessChanges(
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

/**
 * Applies a change only if the row is still at `version`; otherwise refuses
 * (someone else saved first) rather than overwriting.
 */
export async function updateVersioned(
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
