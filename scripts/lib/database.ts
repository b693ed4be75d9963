// One answer to "which PostgreSQL?": DATABASE_URL when set (a real server;
// we start nothing), otherwise an embedded cluster under .data/.
import { startEmbeddedPostgres, type EmbeddedCluster } from './embedded-postgres.ts';

export type Purpose = 'demo' | 'test';

const CLUSTERS: Record<Purpose, { dataDir: string; port: number }> = {
  demo: { dataDir: '.data/postgres', port: 54329 },
  test: { dataDir: '.data/postgres-test', port: 54330 },
};

export type DatabaseHandle = {
  cluster: EmbeddedCluster | null;
  url(database?: string): Promise<string>;
  stop(): Promise<void>;
};

export async function openDatabase(purpose: Purpose): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return { cluster: null, url: async () => external, stop: async () => undefined };
  }
  const settings = CLUSTERS[purpose];
  const port = Number(process.env.THRESHOLD_PG_PORT ?? settings.port);
  const cluster = await startEmbeddedPostgres({ dataDir: settings.dataDir, port, quiet: true });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await cluster.stop();
  };
  return {
    cluster,
    url: (database = 'threshold') => cluster.ensureDatabase(database),
    stop,
  };
}
