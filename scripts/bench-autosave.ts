// `npm run bench:autosave`: 50 simulated auditors each saving their draft
// as fast as the server answers, for 60 s, against the production build
// (`next start`), through the real autosave endpoint and real sessions.
// Reports p50/p95/p99 latency, errors, and lost saves (an acknowledged save
// that is not what the database holds at the end).
import { openDatabase } from './lib/database.ts';
import { freshDatabase } from './lib/fresh-database.ts';
import { applyMigrations } from './lib/migrate.ts';
import { percentile, signIn, startProductionServer } from './lib/bench.ts';
import { bin, runOrThrow, scriptEnv } from './lib/run.ts';
import { seedDemoDatabase } from './lib/seed.ts';

const AUDITORS = Number(process.env.BENCH_AUDITORS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
// Each simulated auditor saves this often (the form autosaves every 4 s; 1 s is four times that).
// BENCH_INTERVAL_MS=0 saves back-to-back, which measures saturation rather than auditors.
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 1000);
const PORT = 3200;
const PASSWORD = 'bench-password-123';

const database = await openDatabase('test');
let server: Awaited<ReturnType<typeof startProductionServer>>['server'] | null = null;
try {
  const url = await freshDatabase(await database.url('postgres'), 'threshold_bench_autosave');
  await applyMigrations(url);
  await seedDemoDatabase(url);
  const { scriptPrisma } = await import('./lib/prisma-client.ts');
  const bcrypt = (await import('bcryptjs')).default;
  const { emptyAnswers } = await import('../lib/domain/grading.ts');
  const { parseRubricContent } = await import('../lib/schemas/rubric.ts');
  const prisma = scriptPrisma(url);
  // One GRADING audit on the October 2014 document; one case per auditor.
  const audit = await prisma.audit.findUniqueOrThrow({
    where: { name: 'National Audit May 2015' },
    select: { id: true, thresholdVersion: { select: { content: true } } },
  });
  await prisma.audit.update({ where: { id: audit.id }, data: { status: 'SAMPLING' } });
  const passwordHash = await bcrypt.hash(PASSWORD, 10);
  const cases = await prisma.caseFile.findMany({
    take: AUDITORS,
    orderBy: { reference: 'asc' },
    select: { id: true, practitionerId: true, serviceAreaId: true },
  });
  const auditors: { email: string; sampledCaseId: string }[] = [];
  for (const [index, caseFile] of cases.entries()) {
    const user = await prisma.user.create({
      data: {
        email: `bench.im${index}@example.org`,
        name: `Bench auditor ${index}`,
        role: 'IMPROVEMENT_MANAGER',
        passwordHash,
      },
      select: { id: true, email: true },
    });
    const sampled = await prisma.sampledCase.create({
      data: {
        auditId: audit.id,
        caseFileId: caseFile.id,
        practitionerId: caseFile.practitionerId,
        serviceAreaId: caseFile.serviceAreaId,
        stratumKey: 'bench',
        status: 'SELECTED',
        assignedToId: user.id,
      },
      select: { id: true },
    });
    auditors.push({ email: user.email, sampledCaseId: sampled.id });
  }
  await prisma.audit.update({ where: { id: audit.id }, data: { status: 'GRADING' } });
  const content = parseRubricContent(audit.thresholdVersion.content);

  const env = scriptEnv({
    DATABASE_URL: url,
    NEXTAUTH_SECRET: 'bench-secret-0123456789abcdef0123456789',
    NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    NODE_ENV: 'production',
  });
  if (!process.argv.includes('--no-build')) runOrThrow(bin('next'), ['build'], { env });
  const started = await startProductionServer(PORT, env);
  server = started.server;
  const BASE = started.base;
  const sessions = [];
  for (const auditor of auditors)
    sessions.push({ ...auditor, cookie: await signIn(BASE, auditor.email, PASSWORD) });

  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const lastAcknowledged = new Map<string, string>();
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    sessions.map(async (session) => {
      let version = 0;
      let counter = 0;
      // Auditors start at different moments, as people do.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * INTERVAL_MS));
      while (Date.now() < deadline) {
        const cycleStarted = Date.now();
        counter += 1;
        const rationale = `${session.email} save ${counter}`;
        const answers = { ...emptyAnswers(content), overallRationale: rationale };
        const started = performance.now();
        try {
          const response = await fetch(`${BASE}/api/case-audits/${session.sampledCaseId}/draft`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', Cookie: session.cookie },
            body: JSON.stringify({ baseVersion: version, answers }),
          });
          const body = (await response.json()) as { version?: number };
          latencies.push(performance.now() - started);
          if (response.status === 200 && body.version !== undefined) {
            version = body.version;
            lastAcknowledged.set(session.sampledCaseId, rationale);
          } else errors.set(`HTTP ${response.status}`, (errors.get(`HTTP ${response.status}`) ?? 0) + 1);
        } catch (error) {
          errors.set(String(error), (errors.get(String(error)) ?? 0) + 1);
        }
        const wait = INTERVAL_MS - (Date.now() - cycleStarted);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }),
  );
  const stored = await prisma.caseAudit.findMany({
    where: { sampledCaseId: { in: auditors.map((auditor) => auditor.sampledCaseId) } },
    select: { sampledCaseId: true, answers: true },
  });
  const storedBy = new Map(
    stored.map((row) => [row.sampledCaseId, (row.answers as { overallRationale?: string }).overallRationale]),
  );
  let lost = 0;
  for (const [sampledCaseId, rationale] of lastAcknowledged)
    if (storedBy.get(sampledCaseId) !== rationale) lost += 1;
  await prisma.$disconnect();
  latencies.sort((a, b) => a - b);
  console.log(
    `autosave benchmark: ${AUDITORS} auditors, one save every ${INTERVAL_MS} ms each (0: back-to-back), for ${SECONDS} s, against next start (production build)`,
  );
  console.log(`saves: ${latencies.length} (${(latencies.length / SECONDS).toFixed(0)}/s)`);
  console.log(
    `latency ms: p50 ${percentile(latencies, 50).toFixed(1)}  p95 ${percentile(latencies, 95).toFixed(1)}  p99 ${percentile(latencies, 99).toFixed(1)}  max ${(latencies.at(-1) ?? NaN).toFixed(1)}`,
  );
  console.log(
    `errors: ${[...errors.values()].reduce((a, b) => a + b, 0)} ${errors.size ? JSON.stringify(Object.fromEntries(errors)) : ''}`,
  );
  console.log(`lost saves: ${lost} of ${lastAcknowledged.size} auditors' last acknowledged saves`);
  console.log(
    `goal p95 < 100 ms, no errors, nothing lost: ${percentile(latencies, 95) < 100 && errors.size === 0 && lost === 0 ? 'met' : 'NOT met'}`,
  );
} finally {
  server?.kill('SIGTERM');
  await database.stop();
}
