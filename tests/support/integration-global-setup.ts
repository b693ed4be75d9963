// Gives the integration tests fresh, migrated databases: one per worker, so
// files run in parallel and never share a database. test-all passes the
// server in THRESHOLD_TEST_PG_URL; run alone, this starts the embedded test cluster.
import { availableParallelism } from 'node:os';
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
  // It names the migrated template; worker k (VITEST_POOL_ID) gets a copy named `<name>_<k>`.
  const name = process.env.THRESHOLD_TEST_DB_NAME ?? 'threshold_integration';
  await applyMigrations(await freshDatabase(serverUrl, name));
  // Vitest's own fallback when maxWorkers is not set (vitest.config.ts sets it).
  const workers =
    project.config.maxWorkers || project.vitest.config.maxWorkers || Math.max(availableParallelism() - 1, 1);
  const urls: string[] = [];
  for (let worker = 1; worker <= workers; worker += 1)
    urls.push(await freshDatabase(serverUrl, `${name}_${worker}`, { template: name }));
  project.provide('databaseUrls', urls);
  return async () => {
    await handle?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Index k - 1 is the database of the worker whose VITEST_POOL_ID is k. */
    databaseUrls: string[];
  }
}
