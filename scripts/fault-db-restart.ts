// `npm run fault:db-restart`: PostgreSQL restarts while 50 auditors autosave
// and submit through the production build (`next start`), with real sessions.
// Proves what RELIABILITY.md calls "nothing lost": every save the client was
// told succeeded is in the database exactly once, no submit is lost or
// doubled, /api/health answers 503 while the database is down and 200 soon
// after it is back, and the app is never restarted.
//
// It runs on its OWN embedded cluster (.data/postgres-fault, port 54360 or
// FAULT_PG_PORT) so the shared servers are never stopped. Run it under
// `flock /tmp/e2e.lock` where others rebuild `.next`; `--no-build` reuses the
// last build.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedCluster } from './lib/embedded-postgres.ts';
import { freshDatabase } from './lib/fresh-database.ts';
import { applyMigrations } from './lib/migrate.ts';
import { signIn, startProductionServer } from './lib/bench.ts';
import { bin, runOrThrow, scriptEnv } from './lib/run.ts';
import { seedDemoDatabase } from './lib/seed.ts';

const AUDITORS = Number(process.env.FAULT_AUDITORS ?? 50);
const SECONDS = Number(process.env.FAULT_SECONDS ?? 30);
const DOWN_AFTER_MS = 10_000;
const DOWN_FOR_MS = 5_000;
const SAVE_EVERY_MS = 1000;
const HEALTH_EVERY_MS = 250;
const RECOVERY_GOAL_S = 5;
// Submits still being retried when the load stops get this long to land.
const SUBMIT_GRACE_MS = 20_000;
const PG_PORT = Number(process.env.FAULT_PG_PORT ?? 54360);
const APP_PORT = Number(process.env.FAULT_APP_PORT ?? 3260);
const DATA_DIR = '.data/postgres-fault';
const PASSWORD = 'fault-password-123';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server action's id in the production build, as the browser would send it. */
function actionId(exportedName: string, page: string): string {
  const manifest = JSON.parse(
    readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { workers: Record<string, unknown>; exportedName?: string }> };
  for (const [id, entry] of Object.entries(manifest.node))
    if (entry.exportedName === exportedName && Object.keys(entry.workers).includes(page)) return id;
  throw new Error(`${exportedName} is not in the build's server-reference-manifest for ${page}`);
}

/** Calls a server action as React's client does: POST to its page with the Next-Action header. */
async function callAction(
  base: string,
  pagePath: string,
  id: string,
  cookie: string,
  input: unknown,
): Promise<{
  status: number;
  result: { ok: boolean; data?: { submitted?: boolean; version?: number }; error?: string } | null;
}> {
  const response = await fetch(`${base}${pagePath}`, {
    method: 'POST',
    headers: {
      'Next-Action': id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: base,
      Cookie: cookie,
    },
    body: JSON.stringify([input]),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (!response.ok) return { status: response.status, result: null };
  // The flight stream: one `row:json` line per chunk; the action's result is the one with `ok`.
  for (const line of text.split('\n')) {
    const json = line.slice(line.indexOf(':') + 1);
    if (!json.startsWith('{')) continue;
    try {
      const value = JSON.parse(json) as { ok?: unknown };
      if (typeof value.ok === 'boolean') return { status: response.status, result: value as { ok: boolean } };
    } catch {
      // not this line
    }
  }
  return { status: response.status, result: null };
}

let cluster: EmbeddedCluster | null = null;
let server: Awaited<ReturnType<typeof startProductionServer>>['server'] | null = null;
let exitCode: number;
try {
  cluster = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: PG_PORT, quiet: true });
  const url = await freshDatabase(cluster.urlFor('postgres'), 'threshold_fault');
  await applyMigrations(url);
  await seedDemoDatabase(url);
  const { scriptPrisma } = await import('./lib/prisma-client.ts');
  const bcrypt = (await import('bcryptjs')).default;
  const { emptyAnswers } = await import('../lib/domain/grading.ts');
  const { parseRubricContent } = await import('../lib/schemas/rubric.ts');
  const prisma = scriptPrisma(url);
  const audit = await prisma.audit.findUniqueOrThrow({
    where: { name: 'National Audit May 2015' },
    select: { id: true, thresholdVersion: { select: { content: true } } },
  });
  await prisma.audit.update({ where: { id: audit.id }, data: { status: 'SAMPLING' } });
  const passwordHash = await bcrypt.hash(PASSWORD, 10);
  // Public Law cases: "children seen" is a plain yes, so every submit is complete.
  const cases = await prisma.caseFile.findMany({
    where: { lawType: 'PUBLIC_LAW' },
    take: AUDITORS,
    orderBy: { reference: 'asc' },
    select: { id: true, practitionerId: true, serviceAreaId: true },
  });
  if (cases.length < AUDITORS) throw new Error(`the demo has only ${cases.length} Public Law cases`);
  const auditors: { email: string; sampledCaseId: string }[] = [];
  for (const [index, caseFile] of cases.entries()) {
    const user = await prisma.user.create({
      data: {
        email: `fault.im${index}@example.org`,
        name: `Fault auditor ${index}`,
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
        stratumKey: 'fault',
        status: 'SELECTED',
        assignedToId: user.id,
      },
      select: { id: true },
    });
    auditors.push({ email: user.email, sampledCaseId: sampled.id });
  }
  await prisma.audit.update({ where: { id: audit.id }, data: { status: 'GRADING' } });
  await prisma.$disconnect();
  const content = parseRubricContent(audit.thresholdVersion.content);
  // Not the lowest grade: a lowest grade would also notify the area by email.
  const grade = content.scale.levels[0]?.key ?? 'good';
  const completeAnswers = (rationale: string) => {
    const answers = emptyAnswers(content);
    for (const section of content.sections)
      answers.sections[section.key] = {
        grade,
        evidence: `Evidence for ${section.title}`,
        questions: Object.fromEntries(section.questions.map((question) => [question.key, 'yes' as const])),
      };
    return {
      ...answers,
      childrenSeen: 'SEEN' as const,
      qa: { collaborative: true, familyFeedback: true, managementOversight: true, supervision: false },
      overallGrade: grade,
      overallRationale: rationale,
    };
  };

  const env = scriptEnv({
    DATABASE_URL: url,
    NEXTAUTH_SECRET: 'fault-secret-0123456789abcdef0123456789',
    NEXTAUTH_URL: `http://127.0.0.1:${APP_PORT}`,
    NODE_ENV: 'production',
  });
  if (!process.argv.includes('--no-build')) runOrThrow(bin('next'), ['build'], { env });
  const submitActionId = actionId('submitCaseAuditAction', 'app/(app)/cases/[sampledCaseId]/page');
  const started = await startProductionServer(APP_PORT, env);
  server = started.server;
  const base = started.base;
  const serverPid = server.pid;
  const sessions = [];
  for (const auditor of auditors)
    sessions.push({ ...auditor, cookie: await signIn(base, auditor.email, PASSWORD) });

  // What the clients were told, and when the database was down.
  const savesAcknowledged: { sampledCaseId: string; version: number; rationale: string }[] = [];
  const submitsAcknowledged = new Map<string, { submissionId: string; version: number }>();
  const submitsUnfinished: string[] = [];
  const failures = new Map<string, number>();
  const fail = (kind: string) => failures.set(kind, (failures.get(kind) ?? 0) + 1);
  let landedUnacknowledged = 0;
  const health: { at: number; answeredAt: number; status: number }[] = [];
  let downFrom = Infinity;
  let downUntil = Infinity;

  const t0 = Date.now();
  const deadline = t0 + SECONDS * 1000;
  let running = true;

  const healthPoller = (async () => {
    while (running) {
      const at = Date.now();
      let status: number;
      try {
        status = (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) })).status;
      } catch {
        status = 0; // no answer at all
      }
      health.push({ at, answeredAt: Date.now(), status });
      await sleep(Math.max(0, HEALTH_EVERY_MS - (Date.now() - at)));
    }
  })();

  const fault = (async () => {
    await sleep(DOWN_AFTER_MS);
    console.log(`[fault] stopping PostgreSQL at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await cluster?.stop();
    downFrom = Date.now();
    cluster = null;
    await sleep(DOWN_FOR_MS);
    cluster = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: PG_PORT, quiet: true });
    downUntil = Date.now();
    console.log(
      `[fault] PostgreSQL back at ${((downUntil - t0) / 1000).toFixed(1)} s (down ${((downUntil - downFrom) / 1000).toFixed(1)} s)`,
    );
  })();

  await Promise.all(
    sessions.map(async (session) => {
      const draftUrl = `${base}/api/case-audits/${session.sampledCaseId}/draft`;
      const submitAt = t0 + 3000 + Math.random() * (SECONDS * 1000 - 8000);
      const submissionId = randomUUID();
      let version = 0;
      let counter = 0;
      // Saves sent whose answer never came: if one landed, the next save's 409 shows it.
      const unacknowledged = new Set<string>();
      let submitted = false;
      await sleep(Math.random() * SAVE_EVERY_MS);
      while (!submitted && Date.now() < deadline) {
        const cycleStarted = Date.now();
        if (cycleStarted >= submitAt) {
          // As the form does: submit with the submission id minted when the page rendered;
          // on failure the person presses Submit again, with the same id.
          const answers = completeAnswers(`${session.email} submitted`);
          while (!submitted && Date.now() < deadline + SUBMIT_GRACE_MS) {
            try {
              const { status, result } = await callAction(
                base,
                `/cases/${session.sampledCaseId}`,
                submitActionId,
                session.cookie,
                {
                  sampledCaseId: session.sampledCaseId,
                  baseVersion: version,
                  submissionId,
                  answersJson: JSON.stringify(answers),
                },
              );
              if (result?.ok && result.data?.submitted && result.data.version !== undefined) {
                submitsAcknowledged.set(session.sampledCaseId, {
                  submissionId,
                  version: result.data.version,
                });
                submitted = true;
              } else if (result && !result.ok && /changed this record/.test(result.error ?? '')) {
                // A save of ours landed unacknowledged: learn its version from the draft endpoint.
                const response = await fetch(draftUrl, {
                  method: 'PUT',
                  headers: { 'Content-Type': 'application/json', Cookie: session.cookie },
                  body: JSON.stringify({ baseVersion: version, answers: emptyAnswers(content) }),
                });
                const body = (await response.json()) as {
                  currentVersion?: number;
                  answers?: { overallRationale?: string };
                };
                if (
                  response.status === 409 &&
                  body.currentVersion !== undefined &&
                  unacknowledged.has(body.answers?.overallRationale ?? '')
                ) {
                  version = body.currentVersion;
                  landedUnacknowledged += 1;
                  unacknowledged.clear();
                } else fail(`submit stale, draft answered ${response.status}`);
              } else fail(result ? `submit refused: ${result.error ?? 'no error'}` : `submit HTTP ${status}`);
            } catch {
              fail('submit: no answer');
            }
            if (!submitted) await sleep(1000);
          }
          if (!submitted) submitsUnfinished.push(session.sampledCaseId);
          break;
        }
        counter += 1;
        const rationale = `${session.email} save ${counter}`;
        try {
          const response = await fetch(draftUrl, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', Cookie: session.cookie },
            body: JSON.stringify({
              baseVersion: version,
              answers: { ...emptyAnswers(content), overallRationale: rationale },
            }),
            signal: AbortSignal.timeout(15_000),
          });
          // A failure outside the handler's own refusals (the session check, with the database
          // down) answers 500 without a JSON body: the form then keeps the work on the device.
          const body = (await response.json().catch(() => ({}))) as {
            version?: number;
            currentVersion?: number;
            answers?: { overallRationale?: string };
          };
          if (response.status === 200 && body.version !== undefined) {
            version = body.version;
            unacknowledged.clear();
            savesAcknowledged.push({ sampledCaseId: session.sampledCaseId, version, rationale });
          } else if (
            response.status === 409 &&
            body.currentVersion !== undefined &&
            unacknowledged.has(body.answers?.overallRationale ?? '')
          ) {
            // Committed, but the answer was lost with the connection: the form would show it as theirs.
            version = body.currentVersion;
            landedUnacknowledged += 1;
            unacknowledged.clear();
          } else {
            unacknowledged.add(rationale);
            fail(`save HTTP ${response.status}`);
          }
        } catch {
          unacknowledged.add(rationale);
          fail('save: no answer');
        }
        const wait = SAVE_EVERY_MS - (Date.now() - cycleStarted);
        if (wait > 0) await sleep(wait);
      }
    }),
  );
  await fault;
  // Keep polling health until it is 200 again (or clearly is not going to be).
  const recoveryLimit = Date.now() + 15_000;
  while (Date.now() < recoveryLimit && !health.some((poll) => poll.at >= downUntil && poll.status === 200))
    await sleep(HEALTH_EVERY_MS);
  running = false;
  await healthPoller;

  // What the database holds.
  const check = scriptPrisma(url);
  const stored = await check.caseAudit.findMany({
    where: { sampledCaseId: { in: auditors.map((auditor) => auditor.sampledCaseId) } },
    select: {
      id: true,
      sampledCaseId: true,
      version: true,
      status: true,
      answers: true,
      history: { where: { event: 'submitted' }, select: { submissionId: true, version: true } },
    },
  });
  await check.$disconnect();
  const storedBy = new Map(stored.map((row) => [row.sampledCaseId, row]));
  let present = 0;
  let lost = 0;
  let doubled = 0;
  // A save is present when the stored record is at or past its version and, if
  // it was the last thing to happen to the draft, holds its answers. A version
  // acknowledged twice would mean one save silently overwrote another.
  const seen = new Set<string>();
  const lastAck = new Map<string, { version: number; rationale: string }>();
  for (const ack of savesAcknowledged) {
    const key = `${ack.sampledCaseId}@${ack.version}`;
    if (seen.has(key)) doubled += 1;
    seen.add(key);
    lastAck.set(ack.sampledCaseId, ack);
    const row = storedBy.get(ack.sampledCaseId);
    if (row && row.version >= ack.version) present += 1;
    else lost += 1;
  }
  for (const [sampledCaseId, ack] of lastAck) {
    const row = storedBy.get(sampledCaseId);
    const rationale = (row?.answers as { overallRationale?: string } | undefined)?.overallRationale;
    if (row && row.version === ack.version && rationale !== ack.rationale) {
      lost += 1;
      present -= 1;
    }
  }
  // Submits: one history row per submission id, at the version the client was told.
  for (const [sampledCaseId, ack] of submitsAcknowledged) {
    const rows = storedBy.get(sampledCaseId)?.history ?? [];
    const mine = rows.filter((row) => row.submissionId === ack.submissionId && row.version === ack.version);
    if (mine.length === 0 || storedBy.get(sampledCaseId)?.status !== 'SUBMITTED') lost += 1;
    else present += 1;
    if (rows.length > 1) doubled += rows.length - 1;
  }
  for (const row of stored)
    if (!submitsAcknowledged.has(row.sampledCaseId) && row.history.length > 0) doubled += row.history.length;

  // Polls asked after the database stopped and answered before it was back.
  const whileDown = health.filter((poll) => poll.at >= downFrom && poll.answeredAt <= downUntil);
  const down503 = whileDown.filter((poll) => poll.status === 503).length;
  const firstUp = health.find((poll) => poll.at >= downUntil && poll.status === 200);
  const recovery = firstUp ? (firstUp.at - downUntil) / 1000 : Infinity;
  const appRestarted = server.exitCode !== null || server.pid !== serverPid;
  const acknowledged = savesAcknowledged.length + submitsAcknowledged.size;

  console.log(
    `fault: PostgreSQL stopped ${(downFrom - t0) / 1000} s into ${SECONDS} s of load by ${AUDITORS} auditors (save every ${SAVE_EVERY_MS} ms, one submit each), down ${((downUntil - downFrom) / 1000).toFixed(1)} s`,
  );
  console.log(
    `acknowledged: ${acknowledged} (${savesAcknowledged.length} saves, ${submitsAcknowledged.size} submits)`,
  );
  console.log(`present: ${present}`);
  console.log(`lost: ${lost}`);
  console.log(`doubled: ${doubled}`);
  console.log(
    `health while down: ${down503} of ${whileDown.length} polls answered 503 (others: ${JSON.stringify(whileDown.filter((poll) => poll.status !== 503).map((poll) => poll.status))})`,
  );
  console.log(`seconds to recover (database back → /api/health 200): ${recovery.toFixed(2)}`);
  console.log(`app process restarted: ${appRestarted ? 'yes' : 'no'}`);
  console.log(
    `submits not acknowledged by the end: ${submitsUnfinished.length}; saves that landed but whose answer was lost: ${landedUnacknowledged}`,
  );
  console.log(`refused or unanswered attempts (retried): ${JSON.stringify(Object.fromEntries(failures))}`);
  const met =
    lost === 0 &&
    doubled === 0 &&
    submitsUnfinished.length === 0 &&
    whileDown.length > 0 &&
    down503 === whileDown.length &&
    recovery <= RECOVERY_GOAL_S &&
    !appRestarted;
  console.log(
    `goal (nothing lost or doubled, 503 while down, 200 within ${RECOVERY_GOAL_S} s): ${met ? 'met' : 'NOT met'}`,
  );
  exitCode = met ? 0 : 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  server?.kill('SIGTERM');
  await cluster?.stop();
}
process.exit(exitCode);
