import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db/client';

// Sessions are bookkeeping of who is signed in, not data an action may change.
// The access log records a refusal itself (docs/decisions.md): a refused call writes its
// "refused" row there and must leave everything else as it was.
const IGNORED = new Set(['_prisma_migrations', 'user_session', 'access_log']);

/** A digest of every row of every table: equal before and after = nothing changed. */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await db().$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const digest: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    if (IGNORED.has(table)) continue;
    // Table names come from the catalogue, not from input.
    const rows = await db().$queryRaw<{ digest: string | null; count: bigint }[]>(
      Prisma.sql`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest, count(*) AS count FROM ${Prisma.raw(`"${table.replace(/"/g, '')}"`)} t`,
    );
    digest[table] = `${String(rows[0]?.count)}:${rows[0]?.digest ?? ''}`;
  }
  return digest;
}
