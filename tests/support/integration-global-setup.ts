// Gives the integration tests a fresh, migrated database. test-all passes the
// server in THRESHOLD_TEST_PG_URL; run alone, this starts the embedded test cluster.
import type { TestProject } from 'vitest/node';
import { openDatabase, type DatabaseHandle } from '../../scripts/lib/database.ts';
import { applyMigrations } from '../../scripts/lib/migrate.ts';
import { freshDatabase } from '../../scripts/lib/fresh-database.ts';

let handle: DatabaseHandle | null = null;

export default async function setup(project: TestProject) {
  let serverUrl = process.env.THRESHOLD_TEST_PG_URL;
  if (!serverUrl) {
    handle = await openDatabase('test');
    serverUrl = await handle.url('postgres');
  }
  // THRESHOLD_TEST_DB_NAME lets several runs share one server without clobbering each other.
  const url = await freshDatabase(serverUrl, process.env.THRESHOLD_TEST_DB_NAME ?? 'threshold_integration');
  await applyMigrations(url);
  project.provide('databaseUrl', url);
  return async () => {
    await handle?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
