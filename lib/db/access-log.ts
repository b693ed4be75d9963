import 'server-only';
import { db, type Tx } from './client';
import type { Prisma } from '@/generated/prisma/client';
import { isAccessAction, londonDayRange, type AccessAction } from '@/lib/domain/access-log';
import type { AccessLogSearch } from '@/lib/schemas/access-log';

/** Plain values only: filters and formats, never rows of personal data. */
export type AccessDetails = Record<string, string | number | boolean | null | readonly string[]>;

export type AccessEntry = {
  /** The signed-in person; for a failed sign-in, the account that was named (null when unknown). */
  actorId: string | null;
  /** The person's email; for a failed sign-in, see typedEmailForLog in lib/domain/access-log. */
  actorEmail: string | null;
  action: AccessAction;
  /** What was touched, e.g. `audit:<id>` or `user:<id>`. */
  target?: string | null;
  details?: AccessDetails;
  ip?: string | null;
  occurredAt?: Date;
};

// NUL and lone surrogates would make Postgres refuse the row (text and jsonb
// alike), and a refused log row must not turn into a refused sign-in or a
// lost export.
// eslint-disable-next-line no-control-regex -- removing NUL is the point
const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  // Cut first, then clean: a cut can split a surrogate pair.
  const cleaned = value.slice(0, max).replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
  return cleaned === '' ? null : cleaned;
}

// Bounded so that a request with thousands of parameters cannot bloat the log.
const MAX_DETAIL_KEYS = 30;

function cleanDetails(details: AccessDetails | undefined): Prisma.InputJsonObject {
  const entries = Object.entries(details ?? {})
    .slice(0, MAX_DETAIL_KEYS)
    .map(([key, value]): [string, Prisma.InputJsonValue | null] => {
      const safeKey = clean(key, 100) ?? '';
      if (typeof value === 'string') return [safeKey, clean(value, 1000)];
      if (Array.isArray(value))
        return [safeKey, value.slice(0, 50).map((item: string) => clean(item, 200) ?? '')];
      return [safeKey, value];
    });
  // fromEntries defines own properties, so a `__proto__` key stays a key.
  return Object.fromEntries(entries);
}

/**
 * Appends one row to the access log. Pass `tx` when the row belongs with a
 * change (a role change is logged in the transaction that makes it), so that
 * either both land or neither does.
 */
export async function recordAccess(entry: AccessEntry, tx?: Tx): Promise<void> {
  const client = tx ?? db();
  await client.accessLog.create({
    data: {
      actorId: entry.actorId,
      actorEmail: clean(entry.actorEmail, 254),
      action: entry.action,
      target: clean(entry.target, 500),
      details: cleanDetails(entry.details),
      ip: clean(entry.ip, 100),
      ...(entry.occurredAt ? { occurredAt: entry.occurredAt } : {}),
    },
  });
}

/**
 * For events that must not fail the person's request because the log could
 * not be written (a sign-out, a refusal): the failure is reported to the
 * server log instead.
 */
export async function recordAccessQuietly(entry: AccessEntry): Promise<void> {
  try {
    await recordAccess(entry);
  } catch (error) {
    console.error(
      '[access-log] could not record',
      entry.action,
      error instanceof Error ? error.message : error,
    );
  }
}

export type AccessIdentity = { id: string; email: string };

export async function accessIdentityById(userId: string): Promise<AccessIdentity | null> {
  return db().user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
}

export async function accessIdentityByEmail(email: string): Promise<AccessIdentity | null> {
  return db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, email: true } });
}

/** Whose session this was, for logging a sign-out (revoked or not). */
export async function accessIdentityBySession(sessionId: string): Promise<AccessIdentity | null> {
  const session = await db().userSession.findUnique({
    where: { id: sessionId },
    select: { user: { select: { id: true, email: true } } },
  });
  return session?.user ?? null;
}

export const ACCESS_LOG_PAGE_SIZE = 50;
/** The most rows one CSV export carries; narrow the search for more. */
export const ACCESS_LOG_EXPORT_LIMIT = 50_000;

export type AccessLogRow = {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: AccessAction;
  target: string | null;
  details: unknown;
  ip: string | null;
};

// Prisma passes `contains` to ILIKE as it is, so % and _ would match
// anything: escape them (and the escape character) so a search is literal.
const literal = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

// People searched by name or email: those users' rows, plus rows whose stored
// email matches (failed sign-ins by people without an account).
async function accessLogWhere(search: AccessLogSearch): Promise<Prisma.AccessLogWhereInput> {
  const range = londonDayRange(search.from, search.to);
  const where: Prisma.AccessLogWhereInput = {};
  if (search.action) where.action = search.action;
  if (range.gte || range.lt) {
    where.occurredAt = { ...(range.gte ? { gte: range.gte } : {}), ...(range.lt ? { lt: range.lt } : {}) };
  }
  if (search.person) {
    const people = await db().user.findMany({
      where: {
        OR: [
          { name: { contains: literal(search.person), mode: 'insensitive' } },
          { email: { contains: literal(search.person), mode: 'insensitive' } },
        ],
      },
      select: { id: true },
      take: 500,
    });
    where.OR = [
      { actorId: { in: people.map((person) => person.id) } },
      { actorEmail: { contains: literal(search.person), mode: 'insensitive' } },
    ];
  }
  return where;
}

async function toRows(
  rows: {
    id: bigint;
    occurredAt: Date;
    actorId: string | null;
    actorEmail: string | null;
    action: string;
    target: string | null;
    details: Prisma.JsonValue;
    ip: string | null;
  }[],
): Promise<AccessLogRow[]> {
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  const names = new Map(
    (await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map(
      (user) => [user.id, user.name],
    ),
  );
  return rows.flatMap((row) =>
    isAccessAction(row.action)
      ? [
          {
            id: row.id.toString(),
            occurredAt: row.occurredAt,
            actorId: row.actorId,
            actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
            actorEmail: row.actorEmail,
            action: row.action,
            target: row.target,
            details: row.details,
            ip: row.ip,
          },
        ]
      : [],
  );
}

const rowSelect = {
  id: true,
  occurredAt: true,
  actorId: true,
  actorEmail: true,
  action: true,
  target: true,
  details: true,
  ip: true,
} as const;

/** One page of the log, newest first. Authorisation is the caller's (Admin only). */
export async function findAccessLog(
  search: AccessLogSearch,
): Promise<{ rows: AccessLogRow[]; total: number }> {
  const where = await accessLogWhere(search);
  const [rows, total] = await Promise.all([
    db().accessLog.findMany({
      where,
      select: rowSelect,
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      skip: (search.page - 1) * ACCESS_LOG_PAGE_SIZE,
      take: ACCESS_LOG_PAGE_SIZE,
    }),
    db().accessLog.count({ where }),
  ]);
  return { rows: await toRows(rows), total };
}

/** Every row of a search (all pages) up to the export limit, newest first. */
export async function accessLogForExport(
  search: AccessLogSearch,
): Promise<{ rows: AccessLogRow[]; total: number }> {
  const where = await accessLogWhere(search);
  const [rows, total] = await Promise.all([
    db().accessLog.findMany({
      where,
      select: rowSelect,
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take: ACCESS_LOG_EXPORT_LIMIT,
    }),
    db().accessLog.count({ where }),
  ]);
  return { rows: await toRows(rows), total };
}

/**
 * Removes rows older than the retention, and logs that it did, in one
 * transaction. The trigger allows these deletes only because this
 * transaction declares the purge and its retention; it refuses any row
 * inside the retention whatever this code computes.
 */
export async function purgeAccessLog(retentionDays: number): Promise<{ removed: number; cutoff: Date }> {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new Error(`retention must be a whole number of days, at least 1 (got ${String(retentionDays)})`);
  }
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('threshold.access_log_purge', 'on', true)`;
    await tx.$queryRaw`SELECT set_config('threshold.access_log_retention_days', ${String(retentionDays)}, true)`;
    // now() is the transaction's start, the same instant the trigger measures from.
    const [bound] = await tx.$queryRaw<{ cutoff: Date }[]>`
      SELECT now() - make_interval(days => ${retentionDays}::int) AS cutoff`;
    if (!bound) throw new Error('could not compute the purge cutoff');
    const removed = await tx.$executeRaw`DELETE FROM access_log WHERE occurred_at < ${bound.cutoff}`;
    await recordAccess(
      {
        actorId: null,
        actorEmail: null,
        action: 'access-log-purge',
        target: 'access_log',
        details: { removed, retentionDays, cutoff: bound.cutoff.toISOString() },
      },
      tx,
    );
    return { removed, cutoff: bound.cutoff };
  });
}
