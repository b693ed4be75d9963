import { defineConfig } from '@playwright/test';
import { serverPair, workerDatabases } from './tests/e2e/servers';

const databases = workerDatabases();

export default defineConfig({
  testDir: 'tests/e2e',
  // Spec files are shared out between the workers; the tests of one file run in order in one worker.
  fullyParallel: false,
  workers: databases.length,
  // No retries: journeys change the demo data, so a retry would start from a different state.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    // Worker 0's; tests/e2e/helpers.ts gives each worker its own.
    baseURL: serverPair(0).first,
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's chromium: Playwright's own browser download is not possible here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // Per worker, two instances with the same environment (database, secret, public URL), as
  // behind a load balancer: the deployment the README promises (tests/e2e/two-instances.spec.ts).
  webServer: databases.flatMap((databaseUrl, worker) => {
    const pair = serverPair(worker);
    return pair.ports.map((port) => ({
      command: `node_modules/.bin/next start -p ${port}`,
      url: `http://localhost:${port}/api/health`,
      env: { ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), NEXTAUTH_URL: pair.first },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    }));
  }),
});
