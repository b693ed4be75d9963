// `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the
// embedded demo database). Production deployments run this before start.
import { openDatabase } from './lib/database.ts';
import { applyMigrations } from './lib/migrate.ts';

const database = await openDatabase('demo');
try {
  const result = await applyMigrations(await database.url());
  console.log(
    `applied ${result.applied.length} migration(s)${result.applied.length ? `: ${result.applied.join(', ')}` : ''}; ${result.alreadyApplied} already applied`,
  );
} finally {
  await database.stop();
}
