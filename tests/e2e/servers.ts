// Where the browser journeys find their servers. Each Playwright worker has its own database
// and its own pair of `next start` instances on it: journeys change the demo data, so two
// workers never share a database, and the pair lets tests/e2e/two-instances.spec.ts play a
// load balancer. Worker i (its parallelIndex, kept across restarts) serves on 3100 + 2i
// and 3101 + 2i. Read by playwright.config.ts (to start them) and helpers.ts (to use them).

export const FIRST_PORT = 3100;

export type ServerPair = { first: string; second: string; ports: [number, number] };

export function serverPair(workerIndex: number): ServerPair {
  const ports: [number, number] = [FIRST_PORT + 2 * workerIndex, FIRST_PORT + 2 * workerIndex + 1];
  return { first: `http://localhost:${ports[0]}`, second: `http://localhost:${ports[1]}`, ports };
}

/**
 * One database per worker: E2E_DATABASE_URLS (space-separated, written by scripts/e2e.ts and
 * test-all), else DATABASE_URL alone (one worker, as a bare `npm run test:e2e` always ran).
 */
export function workerDatabases(env: NodeJS.ProcessEnv = process.env): (string | undefined)[] {
  const listed = (env.E2E_DATABASE_URLS ?? '').split(/\s+/).filter(Boolean);
  return listed.length > 0 ? listed : [env.DATABASE_URL];
}
