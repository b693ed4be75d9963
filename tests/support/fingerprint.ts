import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db/client';

// Sessions are bookkeeping of who is signed in, not data an action may change.
// The access log records a refusal itself (docs/decisions.md): a refused call writes its
// "refused" row there and must leave everything else as it was.
const IGNORED = new Set(['_prisma_migrations', 'user_session', 'access_log']);

let tables: Promise<string[]> | null = null;

/**
 * Per table, its row count and the newest row version's transaction id: any
 * insert, update or delete moves one of the two (an update writes a new row
 * version; a delete lowers the count). Equal before and after = nothing
 * written. One query over every table, so the access matrix's thousand rows
 * stay cheap as the database grows (a digest of every row's text did not).
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  tables ??= db().$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.then((rows) =>
    rows.map((row) => row.table_name).filter((table) => !IGNORED.has(table)),
  );
  const names = await tables;
  // Table names come from the catalogue, not from input.
  const parts = names.map(
    (table) =>
      Prisma.sql`SELECT ${table} AS table_name, count(*) AS count, max(xmin::text::bigint) AS newest FROM ${Prisma.raw(`"${table.replace(/"/g, '')}"`)}`,
  );
  const rows = await db().$queryRaw<{ table_name: string; count: bigint; newest: bigint | null }[]>(
    Prisma.join(parts, ' UNION ALL '),
  );
  return Object.fromEntries(
    rows.map((row) => [row.table_name, `${String(row.count)}:${String(row.newest)}`]),
  );
}
