// `npm run access-log:purge`: removes access-log rows older than the
// retention (ACCESS_LOG_RETENTION_DAYS, default 730 days, validated by
// lib/env.ts) and logs the purge in the same transaction. Uses DATABASE_URL,
// or the embedded demo database. Prints how many rows were removed.
import { withAppDatabase } from './lib/app-database.ts';

const exitCode = await withAppDatabase(async () => {
  const { env } = await import('../lib/env.ts');
  const { purgeAccessLog } = await import('../lib/db/access-log.ts');
  const retentionDays = env().ACCESS_LOG_RETENTION_DAYS;
  const { removed, cutoff } = await purgeAccessLog(retentionDays);
  console.log(
    `Removed ${String(removed)} access-log ${removed === 1 ? 'row' : 'rows'} older than ${String(retentionDays)} days (before ${cutoff.toISOString()}).`,
  );
  return 0;
});
process.exit(exitCode);
