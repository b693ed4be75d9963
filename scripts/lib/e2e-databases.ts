// The browser journeys' databases: the demo seeded once into `threshold_e2e`,
// then one copy per Playwright worker (`threshold_e2e_<i>`, see
// tests/e2e/servers.ts), since journeys change the demo data.
import { availableParallelism } from 'node:os';
import { freshDatabase } from './fresh-database.ts';
import { applyMigrations } from './migrate.ts';
import { seedDemoDatabase } from './seed.ts';

const TEMPLATE = 'threshold_e2e';

/** E2E_WORKERS, else 2 (on a 2-core machine the full suite took 357 s with 2 workers against 474 s with 1). */
export function e2eWorkers(specCount = 0): number {
  const requested = Number(process.env.E2E_WORKERS ?? Math.min(2, availableParallelism()));
  if (!Number.isInteger(requested) || requested < 1)
    throw new Error('E2E_WORKERS must be a whole number ≥ 1');
  // No point starting servers for workers that get no spec file.
  return specCount > 0 ? Math.min(requested, specCount) : requested;
}

/** Spec files named on the command line (`tests/e2e/x.spec.ts`, `x.spec.ts:42`). */
export const countSpecFiles = (args: string[]) =>
  new Set(args.filter((arg) => /\.spec\.ts(:\d+)*$/.test(arg)).map((arg) => arg.replace(/(:\d+)+$/, '')))
    .size;

export async function prepareE2eDatabases(serverUrl: string, workers: number): Promise<string[]> {
  const template = await freshDatabase(serverUrl, TEMPLATE);
  await applyMigrations(template);
  await seedDemoDatabase(template);
  const urls: string[] = [];
  for (let worker = 0; worker < workers; worker += 1)
    urls.push(await freshDatabase(serverUrl, `${TEMPLATE}_${worker}`, { template: TEMPLATE }));
  return urls;
}

/** What the build and Playwright need: the databases, and the secret every instance shares. */
export const e2eEnv = (urls: string[]): Record<string, string> => ({
  E2E_DATABASE_URLS: urls.join(' '),
  // For `next build`; each server gets its worker's database (playwright.config.ts).
  DATABASE_URL: urls[0] ?? '',
  NEXTAUTH_SECRET: 'e2e-tests-secret-0123456789abcdef0123',
  NEXTAUTH_URL: 'http://localhost:3100',
});
