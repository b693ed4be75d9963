// `npm run bench:import`: times the case-file index import (check, then
// commit, then a second identical commit) for 100,000 rows, on a fresh
// database holding the demo organisation. Uses the embedded test cluster,
// or DATABASE_URL's server.
import { openDatabase } from './lib/database.ts';
import { freshDatabase } from './lib/fresh-database.ts';
import { applyMigrations } from './lib/migrate.ts';
import { seedDemoDatabase } from './lib/seed.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const database = await openDatabase('test');
try {
  const url = await freshDatabase(await database.url('postgres'), 'threshold_bench');
  await applyMigrations(url);
  await seedDemoDatabase(url);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= 'benchmark-has-no-sessions-000000000000';
  const { scriptPrisma } = await import('./lib/prisma-client.ts');
  const { caseIndexCsv, generateCaseIndex, loadIndexPractitioners } =
    await import('../prisma/seed/case-files.ts');
  const { checkAndImportCaseIndex } = await import('../lib/import/case-index.ts');
  const prisma = scriptPrisma(url);
  const rows = generateCaseIndex(await loadIndexPractitioners(prisma), ROWS, {
    from: '2015-01-01',
    spanDays: 300,
    seed: 7,
    prefix: 'B-',
  });
  await prisma.$disconnect();
  const bytes = new TextEncoder().encode(caseIndexCsv(rows));
  const time = async <T>(label: string, fn: () => Promise<T>) => {
    const started = performance.now();
    const result = await fn();
    const seconds = (performance.now() - started) / 1000;
    console.log(`${label.padEnd(36)} ${seconds.toFixed(2)} s  ${JSON.stringify(result)}`);
    return seconds;
  };
  console.log(
    `case-file index import, ${ROWS.toLocaleString('en-GB')} rows (${(bytes.byteLength / 1048576).toFixed(1)} MB CSV)`,
  );
  const check = await time('check (read + validate every row)', () =>
    checkAndImportCaseIndex(null, bytes, 'bench.csv', false),
  );
  const commit = await time('check + commit', () => checkAndImportCaseIndex(null, bytes, 'bench.csv', true));
  await time('same file again (adds nothing)', () => checkAndImportCaseIndex(null, bytes, 'bench.csv', true));
  console.log(
    `goal: under 30 s for check + commit: ${commit < 30 ? 'met' : 'NOT met'} (check alone ${check.toFixed(2)} s)`,
  );
} finally {
  // Close the app's pool before the database goes, or it logs the shutdown as errors.
  const { db } = await import('../lib/db/client.ts').catch(() => ({ db: null }));
  await db?.().$disconnect();
  await database.stop();
}
