// `npm run test:e2e:fresh -- [playwright args]`: the e2e part of test:all
// alone (fresh seeded database, production build, Playwright), for working on
// one journey: e.g. `npm run test:e2e:fresh -- tests/e2e/reports.spec.ts`.
// Add `--no-build` first to reuse the last build.
import { openDatabase } from './lib/database.ts';
import { freshDatabase } from './lib/fresh-database.ts';
import { applyMigrations } from './lib/migrate.ts';
import { seedDemoDatabase } from './lib/seed.ts';
import { bin, run, runOrThrow, scriptEnv } from './lib/run.ts';

const args = process.argv.slice(2);
const skipBuild = args[0] === '--no-build';
const database = await openDatabase('test');
let code: number;
try {
  const url = await freshDatabase(await database.url('postgres'), 'threshold_e2e');
  await applyMigrations(url);
  await seedDemoDatabase(url);
  const env = scriptEnv({
    DATABASE_URL: url,
    NEXTAUTH_SECRET: 'e2e-tests-secret-0123456789abcdef0123',
    NEXTAUTH_URL: 'http://localhost:3100',
  });
  if (!skipBuild) runOrThrow(bin('next'), ['build'], { env });
  code = await run(bin('playwright'), ['test', '--reporter=list', ...(skipBuild ? args.slice(1) : args)], {
    env,
  });
} finally {
  await database.stop().catch(() => undefined);
}
process.exit(code);
