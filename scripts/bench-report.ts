// `npm run bench:report [-- --no-build] [--reuse-data]`: the report of an audit of 10,000
// graded cases, whose trend runs over 1,000,000 graded cases in 100 audits,
// timed three ways in one run:
//   1. the report's JSON from the production build (`next start`), through a
//      real session (GET /reports/<id>/export?format=json);
//   2. the bare SQL that counts the same figures, on one connection, read where
//      the report reads them (published audits' summaries) and, for comparison,
//      all counted from case_audit;
//   3. `npm run report -- --audit … --format json`, whole process, once.
// Goal: the report no more than 3× the bare SQL.
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { percentile, signIn, startProductionServer } from './lib/bench.ts';
import { openDatabase } from './lib/database.ts';
import { freshDatabase } from './lib/fresh-database.ts';
import { benchAuditName, generateGradedAudits } from './lib/bench-data.ts';
import { applyMigrations } from './lib/migrate.ts';
import { bin, runOrThrow, scriptEnv } from './lib/run.ts';
import { seedDemoDatabase } from './lib/seed.ts';

const AUDITS = Number(process.env.BENCH_AUDITS ?? 100);
const CASES_PER_AUDIT = Number(process.env.BENCH_CASES_PER_AUDIT ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const PORT = 3201;
const TARGET = benchAuditName(AUDITS);
const BENCH_DATABASE = 'threshold_bench_report';
// `--reuse-data`: time again over the last run's database (same generator, minutes saved).
const REUSE_DATA = process.argv.includes('--reuse-data');

function databaseOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function benchAuditId(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM audit WHERE name = $1', [TARGET]);
  if (!rows[0]) throw new Error(`no "${TARGET}" to reuse: run once without --reuse-data`);
  return rows[0].id;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const PUBLISHED_NATIONAL = `SELECT id FROM audit WHERE kind = 'NATIONAL_PRACTICE_QUALITY' AND status = 'PUBLISHED'`;
const QA_KEYS = ['collaborative', 'familyFeedback', 'managementOversight', 'supervision'];

/** What the report counts live from case_audit even for a published audit: the summaries do not hold it. */
async function liveOnlySql(client: pg.Client, auditId: string, where: string): Promise<void> {
  await client.query(
    `SELECT ca.employment, ca.overall_grade, count(*) FROM case_audit ca WHERE ${where} GROUP BY 1, 2`,
    [auditId],
  );
  await client.query(
    `SELECT ca.service_area_id, ca.is_eit, ca.children_seen, count(*) FROM case_audit ca WHERE ${where} GROUP BY 1, 2, 3`,
    [auditId],
  );
  await client.query(
    `SELECT ca.answers->'sections'->'supervision'->>'grade', ca.answers->'sections'->'case-recording'->>'grade', count(*)
     FROM case_audit ca WHERE ${where} GROUP BY 1, 2`,
    [auditId],
  );
  await client.query(
    `SELECT note->>'themeKey', count(*) FROM case_audit ca
     CROSS JOIN LATERAL jsonb_array_elements(ca.answers->'strengths') note WHERE ${where} GROUP BY 1`,
    [auditId],
  );
}

/**
 * The same figures as the report, as plain SQL on one connection, read where
 * the report now reads them: the published audit's grades, sections and QA
 * and the trend from the summaries (audit_summary, audit_section_summary),
 * the rest from case_audit.
 */
async function bareSql(client: pg.Client, auditId: string): Promise<void> {
  const where = `ca.audit_id = $1 AND ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL`;
  await client.query(
    `SELECT s.law_type, s.service_area_id, s.overall_grade, sum(s.cases) FROM audit_summary s WHERE s.audit_id = $1
     GROUP BY GROUPING SETS ((s.overall_grade), (s.law_type, s.overall_grade), (s.service_area_id, s.overall_grade))`,
    [auditId],
  );
  await client.query(
    `SELECT s.section_key, s.service_area_id, s.team_id, sum(s.graded), sum(s.good_or_above)
     FROM audit_section_summary s WHERE s.audit_id = $1
     GROUP BY GROUPING SETS ((s.section_key), (s.section_key, s.service_area_id), (s.section_key, s.team_id))`,
    [auditId],
  );
  await client.query(
    `SELECT ${['collaborative', 'family_feedback', 'management_oversight', 'supervision']
      .map((column) => `sum(s.${column}_yes), sum(s.${column}_answered)`)
      .join(', ')} FROM audit_summary s WHERE s.audit_id = $1`,
    [auditId],
  );
  await liveOnlySql(client, auditId, where);
  await trendSql(client);
}

/** The same figures all counted from case_audit, as the report counted them before it read summaries. */
async function bareSqlFromCases(client: pg.Client, auditId: string): Promise<void> {
  const where = `ca.audit_id = $1 AND ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL`;
  await client.query(
    `SELECT ca.law_type, ca.service_area_id, ca.employment, ca.overall_grade, count(*) FROM case_audit ca WHERE ${where}
     GROUP BY GROUPING SETS ((ca.overall_grade), (ca.law_type, ca.overall_grade), (ca.service_area_id, ca.overall_grade), (ca.employment, ca.overall_grade))`,
    [auditId],
  );
  await client.query(
    `SELECT s.key, ca.service_area_id, ca.team_id, count(*), count(*) FILTER (WHERE s.value->>'grade' = 'good')
     FROM case_audit ca CROSS JOIN LATERAL jsonb_each(ca.answers->'sections') s
     WHERE ${where} AND coalesce(s.value->>'grade', '') <> ''
     GROUP BY GROUPING SETS ((s.key), (s.key, ca.service_area_id), (s.key, ca.team_id))`,
    [auditId],
  );
  await client.query(
    `SELECT ${QA_KEYS.map(
      (key) =>
        `count(*) FILTER (WHERE ca.answers->'qa'->>'${key}' = 'true'), count(*) FILTER (WHERE ca.answers->'qa'->>'${key}' IN ('true','false'))`,
    ).join(', ')} FROM case_audit ca WHERE ${where}`,
    [auditId],
  );
  await liveOnlySql(client, auditId, where);
  await trendSqlFromCases(client);
}

/** The national trend: every published audit of the kind, from the summaries. */
async function trendSql(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ total: string }>(
    `SELECT sum(count) AS total FROM (
       SELECT s.audit_id, s.overall_grade, sum(s.cases) AS count FROM audit_summary s
       WHERE s.audit_id IN (${PUBLISHED_NATIONAL})
       GROUP BY 1, 2) counts`,
  );
  return Number(rows[0]?.total);
}

/** The national trend counted from every graded case. */
async function trendSqlFromCases(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ total: string }>(
    `SELECT sum(count) AS total FROM (
       SELECT ca.audit_id, ca.overall_grade, count(*) FROM case_audit ca
       WHERE ca.audit_id IN (${PUBLISHED_NATIONAL})
         AND ca.status = 'SUBMITTED' AND ca.overall_grade IS NOT NULL
       GROUP BY 1, 2) counts`,
  );
  return Number(rows[0]?.total);
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
    await seedDemoDatabase(url);
  }
  const client = new pg.Client({ connectionString: url });
  // When a step fails, the database stops under this connection: say the real error, not that.
  client.on('error', () => undefined);
  await client.connect();
  const generating = performance.now();
  const auditId = REUSE_DATA
    ? await benchAuditId(client)
    : await generateGradedAudits(client, AUDITS, CASES_PER_AUDIT);
  const trendCases = await trendSqlFromCases(client);
  console.log(
    `[bench] ${trendCases.toLocaleString('en-GB')} graded cases in national audits (${AUDITS} generated + the demo's), ${REUSE_DATA ? 'from the last run, checked' : 'written'} in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
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
  const cookie = await signIn(started.base, 'ssm@example.org', 'demo-password');
  const fetchReport = async () => {
    const response = await fetch(`${started.base}/reports/${auditId}/export?format=json`, {
      headers: { Cookie: cookie },
    });
    if (response.status !== 200) throw new Error(`report answered ${response.status}`);
    const body = (await response.json()) as { total: number; trend: { total: number }[] };
    if (body.total !== CASES_PER_AUDIT) throw new Error(`report total ${body.total}, not ${CASES_PER_AUDIT}`);
    return body;
  };
  // The generated audits were written as published, past the publishing step that summarises
  // them: the first report builds their summaries, as the first read after an upgrade would.
  const summarising = performance.now();
  const first = await fetchReport();
  const firstSeconds = (performance.now() - summarising) / 1000;
  const trendTotal = first.trend.reduce((sum, point) => sum + point.total, 0);
  // Warm both sides the same way, then alternate so neither gets a quieter machine.
  for (let i = 0; i < 3; i += 1) {
    await fetchReport();
    await bareSql(client, auditId);
    await bareSqlFromCases(client, auditId);
  }
  const app: number[] = [];
  const sql: number[] = [];
  const trendOnly: number[] = [];
  const sqlFromCases: number[] = [];
  const trendFromCases: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    app.push(await timed(fetchReport));
    sql.push(await timed(() => bareSql(client, auditId)));
    trendOnly.push(await timed(() => trendSql(client)));
    sqlFromCases.push(await timed(() => bareSqlFromCases(client, auditId)));
    trendFromCases.push(await timed(() => trendSqlFromCases(client)));
  }
  await client.end();
  for (const timings of [app, sql, trendOnly, sqlFromCases, trendFromCases]) timings.sort((a, b) => a - b);

  const cliStarted = performance.now();
  const cli = spawnSync('npm', ['run', '-s', 'report', '--', '--audit', TARGET, '--format', 'json'], {
    env: { ...env, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 50 * 1024 * 1024,
  });
  const cliSeconds = (performance.now() - cliStarted) / 1000;
  const cliTotal = cli.status === 0 ? (JSON.parse(cli.stdout) as { total: number }).total : null;

  console.log(
    `report benchmark: "${TARGET}" (${CASES_PER_AUDIT.toLocaleString('en-GB')} graded cases), trend over ${trendTotal.toLocaleString('en-GB')} graded cases in ${first.trend.length} audits; ${RUNS} runs each`,
  );
  console.log(
    `report JSON from the production build: p50 ${ms(percentile(app, 50))}  p95 ${ms(percentile(app, 95))}  max ${ms(app.at(-1) ?? NaN)}`,
  );
  console.log(
    `first report, building the summaries of the published audits: ${firstSeconds.toFixed(1)} s${REUSE_DATA ? ' (data reused: an earlier run may have built them)' : ''}`,
  );
  console.log(`report JSON p95 goal < 200 ms: ${percentile(app, 95) < 200 ? 'met' : 'NOT met'}`);
  console.log(
    `bare SQL, same figures where the report reads them (summaries for published audits), one connection: p50 ${ms(percentile(sql, 50))}  p95 ${ms(percentile(sql, 95))}  (of which the trend query p50 ${ms(percentile(trendOnly, 50))})`,
  );
  console.log(
    `bare SQL, same figures all counted from case_audit (as before the summaries), one connection: p50 ${ms(percentile(sqlFromCases, 50))}  p95 ${ms(percentile(sqlFromCases, 95))}  (of which the trend query p50 ${ms(percentile(trendFromCases, 50))})`,
  );
  const ratio = percentile(app, 50) / percentile(sql, 50);
  console.log(
    `ratio report / bare SQL (p50): ${ratio.toFixed(2)}× — goal ≤ 3×: ${ratio <= 3 ? 'met' : 'NOT met'}; against the case_audit SQL: ${(percentile(app, 50) / percentile(sqlFromCases, 50)).toFixed(2)}×`,
  );
  console.log(
    `npm run report -- --audit "${TARGET}" --format json: exit ${cli.status}, total ${cliTotal}, ${cliSeconds.toFixed(1)} s wall including Node and tsx start-up`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  server?.kill('SIGTERM');
  await database.stop();
}
