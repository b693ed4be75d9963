// `npm run demo`: embedded PostgreSQL (or DATABASE_URL), migrations, the demo
// seed, a production build, and the app on http://localhost:3000.
import { openDatabase } from './lib/database.ts';
import { applyMigrations } from './lib/migrate.ts';
import { runPrisma } from './lib/prisma-cli.ts';
import { seedDemoDatabase } from './lib/seed.ts';
import { spawn } from 'node:child_process';
import { bin, localAuthSecret, runOrThrow, scriptEnv } from './lib/run.ts';

const port = process.env.PORT ?? '3000';
const started = Date.now();

const database = await openDatabase('demo');
const stopAll = async () => {
  await database.stop().catch(() => undefined);
};
try {
  const url = await database.url();
  const migrations = await applyMigrations(url);
  console.log(
    `[demo] database ready; migrations applied: ${migrations.applied.length}, already applied: ${migrations.alreadyApplied}`,
  );
  runPrisma(['generate']);
  const seeded = await seedDemoDatabase(url);
  console.log(
    `[demo] demo data: ${seeded.areas} service areas, ${seeded.teams} teams, ${seeded.practitioners} practitioners, ${seeded.users} users, ${seeded.thresholdVersions} threshold versions, ${seeded.audits} audits, ${seeded.caseFiles} case files, ${seeded.gradedCases} graded cases`,
  );
  const env = scriptEnv({
    DATABASE_URL: url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localAuthSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  });
  if (!process.argv.includes('--no-build')) runOrThrow(bin('next'), ['build'], { env });
  console.log(
    `[demo] ready in ${((Date.now() - started) / 1000).toFixed(1)} s: open http://localhost:${port} and sign in as admin@example.org / demo-password`,
  );
  const server = spawn(bin('next'), ['start', '-p', port], { env, stdio: 'inherit' });
  // Ctrl-C or a service manager's SIGTERM: stop the app, then PostgreSQL.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.kill('SIGTERM');
    });
  }
  const code = await new Promise<number>((resolve) =>
    server.on('exit', (exitCode) => resolve(exitCode ?? 0)),
  );
  await stopAll();
  process.exit(code);
} catch (error) {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
}
