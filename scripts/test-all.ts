// `npm run test:all`: everything CI runs, on a machine that may have nothing
// installed: Debian chromium if missing, the embedded PostgreSQL, lint,
// types, unit + integration tests, a production build, browser tests.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { openDatabase } from './lib/database.ts';
import { e2eEnv, e2eWorkers, prepareE2eDatabases } from './lib/e2e-databases.ts';
import { runPrisma } from './lib/prisma-cli.ts';
import { bin, run, runOrThrow, scriptEnv } from './lib/run.ts';

const CHROMIUM = '/usr/bin/chromium';
const timings: [string, number][] = [];
async function step<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  try {
    return await fn();
  } finally {
    timings.push([name, (Date.now() - started) / 1000]);
  }
}
const mustPass = async (name: string, command: string, args: string[], env?: NodeJS.ProcessEnv) =>
  step(name, async () => {
    const code = await run(command, args, { env: env ?? scriptEnv({}) });
    if (code !== 0) throw new Error(`${name} failed (exit ${code})`);
  });

type Counts = { passed: number; failed: number };
function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}
function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}

const started = Date.now();
let failure: Error | null = null;
const database = await openDatabase('test');
const totals: Counts = { passed: 0, failed: 0 };
try {
  await step('browser', () => {
    if (existsSync(CHROMIUM)) return;
    console.log('Debian chromium is missing: installing it (apt-get).');
    runOrThrow('apt-get', ['update', '-qq']);
    runOrThrow('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  });
  await step('prisma generate', () => runPrisma(['generate']));
  // Three single-threaded checks, side by side: on 2 cores they take the longest one's time, not the sum.
  await step('lint, typecheck and format (side by side)', async () => {
    const checks: [name: string, command: string, args: string[]][] = [
      ['lint', bin('eslint'), ['.', '--max-warnings=0']],
      ['typecheck', bin('tsc'), ['--noEmit']],
      ['format', bin('prettier'), ['--check', '.', '--log-level=warn']],
    ];
    const codes = await Promise.all(
      checks.map(([, command, args]) => run(command, args, { env: scriptEnv({}) })),
    );
    const failed = checks.filter((_, index) => codes[index] !== 0).map(([name]) => name);
    if (failed.length > 0) throw new Error(`${failed.join(', ')} failed`);
  });

  const serverUrl = await database.url('postgres');
  rmSync('test-results', { recursive: true, force: true });
  const vitestCode = await step('unit and integration tests', () =>
    run(
      bin('vitest'),
      ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'],
      {
        env: scriptEnv({ THRESHOLD_TEST_PG_URL: serverUrl }),
      },
    ),
  );
  const vitest = vitestCounts('test-results/vitest.json');
  totals.passed += vitest.passed;
  totals.failed += vitest.failed + (vitestCode !== 0 && vitest.failed === 0 ? 1 : 0);

  const workers = e2eWorkers();
  const e2eUrls = await step(`e2e databases (${workers})`, () => prepareE2eDatabases(serverUrl, workers));
  const playwrightEnv = scriptEnv({
    ...e2eEnv(e2eUrls),
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
  });
  await mustPass('next build', bin('next'), ['build'], playwrightEnv);
  const playwrightCode = await step(`e2e tests (Playwright, Debian chromium, ${workers} workers)`, () =>
    run(bin('playwright'), ['test', '--reporter=list,json'], { env: playwrightEnv }),
  );
  const e2e = playwrightCounts('test-results/playwright.json');
  totals.passed += e2e.passed;
  totals.failed += e2e.failed + (playwrightCode !== 0 && e2e.failed === 0 ? 1 : 0);
} catch (error) {
  failure = error instanceof Error ? error : new Error(String(error));
} finally {
  await database.stop().catch(() => undefined);
}

console.log('\n=== timings');
for (const [name, seconds] of timings) console.log(`${name.padEnd(44)} ${seconds.toFixed(1)} s`);
console.log(`${'total'.padEnd(44)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (failure) console.error(`\nFAILED: ${failure.message}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(failure || totals.failed > 0 || totals.passed === 0 ? 1 : 0);
