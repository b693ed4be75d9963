// `npm run bench:qa [-- --no-build] [--reuse-data]`: the QA overview and the
// local calibration page over five years of local audit work at seed 003's
// rate (~500 local and performance-board audits a month, ~30,000 in all, plus
// national audits twice a year, a tenth moderated, observations in
// proportion) on top of the demo, through the production build (`next start`)
// and a real session: the pages' HTML, BENCH_RUNS times each after warming up,
// p50 and p95. Goal: p95 under 300 ms for each page.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { percentile, signIn, startProductionServer } from './lib/bench.ts';
import { BENCH_QA_FROM, BENCH_QA_TO, generateQaHistory } from './lib/bench-qa-data.ts';
import { openDatabase } from './lib/database.ts';
import { freshDatabase } from './lib/fresh-database.ts';
import { applyMigrations } from './lib/migrate.ts';
import { bin, runOrThrow, scriptEnv } from './lib/run.ts';
import { seedDemoDatabase } from './lib/seed.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3248);
const GOAL_MS = 300;
const BENCH_DATABASE = 'threshold_bench_qa';
const REUSE_DATA = process.argv.includes('--reuse-data');
const CALIBRATION_PAGE = 'app/(app)/local/calibration/page.tsx';

const ms = (value: number) => `${value.toFixed(1)} ms`;

function databaseOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const database = await openDatabase('test');
let server: Awaited<ReturnType<typeof startProductionServer>>['server'] | null = null;
try {
  const serverUrl = await database.url('postgres');
  const url = REUSE_DATA
    ? databaseOn(serverUrl, BENCH_DATABASE)
    : await freshDatabase(serverUrl, BENCH_DATABASE);
  if (!REUSE_DATA) {
    await applyMigrations(url);
    const seeding = performance.now();
    await seedDemoDatabase(url);
    console.log(`[bench] demo seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    const generating = performance.now();
    const counts = await generateQaHistory(client);
    await client.end();
    console.log(
      `[bench] ${BENCH_QA_FROM} to ${BENCH_QA_TO}: ${counts.local.toLocaleString('en-GB')} local and ${counts.board.toLocaleString('en-GB')} performance board audits, ${counts.national.toLocaleString('en-GB')} national, ${counts.moderations.toLocaleString('en-GB')} moderations, ${counts.observations.toLocaleString('en-GB')} observations, written in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
    );
  }

  const env = scriptEnv({
    DATABASE_URL: url,
    NEXTAUTH_SECRET: 'bench-secret-0123456789abcdef0123456789',
    NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    NODE_ENV: 'production',
  });
  if (!process.argv.includes('--no-build')) runOrThrow(bin('next'), ['build'], { env });
  const started = await startProductionServer(PORT, env);
  server = started.server;
  const cookie = await signIn(started.base, 'director@example.org', 'demo-password');
  const page = (path: string, mustContain: string) => async () => {
    const response = await fetch(`${started.base}${path}`, { headers: { Cookie: cookie } });
    const html = await response.text();
    if (response.status !== 200 || !html.includes(mustContain))
      throw new Error(`${path} answered ${response.status} without "${mustContain}"`);
  };
  const pages: { label: string; path: string; fetch: () => Promise<void> }[] = [
    {
      label: `QA overview, national, five years (${BENCH_QA_FROM} to ${BENCH_QA_TO})`,
      path: `/local/qa-overview?from=${BENCH_QA_FROM}&to=${BENCH_QA_TO}`,
      fetch: page(
        `/local/qa-overview?from=${BENCH_QA_FROM}&to=${BENCH_QA_TO}`,
        'Indicators against their targets',
      ),
    },
    {
      label: 'QA overview, national, one year (2022/23)',
      path: '/local/qa-overview?from=2022-04-01&to=2023-03-31',
      fetch: page('/local/qa-overview?from=2022-04-01&to=2023-03-31', 'Indicators against their targets'),
    },
  ];
  if (existsSync(CALIBRATION_PAGE))
    pages.push({
      label: 'local calibration page',
      path: '/local/calibration',
      fetch: page('/local/calibration', '<h1'),
    });
  else console.log(`[bench] local calibration page skipped: ${CALIBRATION_PAGE} is not in this worktree`);

  for (const candidate of pages) for (let i = 0; i < 3; i += 1) await candidate.fetch();
  const timings = pages.map(() => [] as number[]);
  for (let run = 0; run < RUNS; run += 1)
    for (const [index, candidate] of pages.entries()) {
      const began = performance.now();
      await candidate.fetch();
      timings[index]!.push(performance.now() - began);
    }
  console.log(
    `QA benchmark: ${RUNS} runs per page after 3 warm-up loads, production build, signed in as the Director`,
  );
  for (const [index, candidate] of pages.entries()) {
    const sorted = timings[index]!.sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    console.log(
      `${candidate.label} (${candidate.path}): p50 ${ms(percentile(sorted, 50))}  p95 ${ms(p95)}  max ${ms(sorted.at(-1) ?? NaN)} — goal p95 < ${GOAL_MS} ms: ${p95 < GOAL_MS ? 'met' : 'NOT met'}`,
    );
  }
  const cliStarted = performance.now();
  const cli = spawnSync(
    'npm',
    ['run', '-s', 'qa-overview', '--', '--from', BENCH_QA_FROM, '--to', BENCH_QA_TO, '--format', 'json'],
    { env, encoding: 'utf8', maxBuffer: 20 * 1024 * 1024 },
  );
  const total =
    cli.status === 0 ? (JSON.parse(cli.stdout) as { audits: { total: number } }).audits.total : null;
  console.log(
    `npm run qa-overview -- --from ${BENCH_QA_FROM} --to ${BENCH_QA_TO}: exit ${cli.status}, ${total?.toLocaleString('en-GB')} audits, ${((performance.now() - cliStarted) / 1000).toFixed(1)} s wall including Node and tsx start-up`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  server?.kill('SIGTERM');
  await database.stop();
}
