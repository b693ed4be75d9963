// `npm run bench:dashboard [-- --no-build]`: the national dashboard's server
// response over 1,000,000 graded cases in 100 published audits, against the
// production build (`next start`), through a real session. Each request reads
// the whole streamed page. The first request also summarises each published
// audit once (a published audit never changes); it is reported separately.
// Goal: p95 under 300 ms.
import pg from 'pg';
import { percentile, signIn, startProductionServer } from './lib/bench.ts';
import { generateGradedAudits } from './lib/bench-data.ts';
import { openDatabase } from './lib/database.ts';
import { freshDatabase } from './lib/fresh-database.ts';
import { applyMigrations } from './lib/migrate.ts';
import { bin, runOrThrow, scriptEnv } from './lib/run.ts';
import { seedDemoDatabase } from './lib/seed.ts';

const AUDITS = Number(process.env.BENCH_AUDITS ?? 100);
const CASES_PER_AUDIT = Number(process.env.BENCH_CASES_PER_AUDIT ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const PORT = 3202;
const ms = (value: number) => `${value.toFixed(1)} ms`;

const database = await openDatabase('test');
let server: Awaited<ReturnType<typeof startProductionServer>>['server'] | null = null;
try {
  const url = await freshDatabase(await database.url('postgres'), 'threshold_bench_dashboard');
  await applyMigrations(url);
  await seedDemoDatabase(url);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  const generating = performance.now();
  await generateGradedAudits(client, AUDITS, CASES_PER_AUDIT);
  const { rows } = await client.query<{ cases: string; audits: string }>(
    `SELECT count(*) AS cases, count(DISTINCT ca.audit_id) AS audits FROM case_audit ca JOIN audit a ON a.id = ca.audit_id
     WHERE a.kind = 'NATIONAL_PRACTICE_QUALITY' AND a.status = 'PUBLISHED' AND ca.status = 'SUBMITTED'`,
  );
  await client.end();
  console.log(
    `[bench] ${Number(rows[0]?.cases).toLocaleString('en-GB')} graded cases in ${rows[0]?.audits} published national audits, written in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
  );

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
  const load = async () => {
    const began = performance.now();
    const response = await fetch(`${started.base}/dashboard`, { headers: { Cookie: cookie } });
    const html = await response.text();
    const elapsed = performance.now() - began;
    if (response.status !== 200 || !html.includes(`Bench Audit ${String(AUDITS).padStart(3, '0')}`))
      throw new Error(`the dashboard answered ${response.status} without the latest audit`);
    return elapsed;
  };
  const cold = await load();
  for (let i = 0; i < 3; i += 1) await load();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) times.push(await load());
  times.sort((a, b) => a - b);
  console.log(
    `national dashboard (Director, all widgets, whole streamed page) over ${AUDITS} generated audits × ${CASES_PER_AUDIT.toLocaleString('en-GB')} cases; ${RUNS} runs against next start`,
  );
  console.log(`first request (summarises every published audit once): ${ms(cold)}`);
  console.log(
    `p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(times.at(-1) ?? NaN)} — goal p95 < 300 ms: ${percentile(times, 95) < 300 ? 'met' : 'NOT met'}`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  server?.kill('SIGTERM');
  await database.stop();
}
