import { defineConfig } from '@playwright/test';

const PORT = 3100;
const SECOND_PORT = 3101;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  // No retries: journeys change the demo data, so a retry would start from a different state.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
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
  webServer: [
    {
      command: `node_modules/.bin/next start -p ${PORT}`,
      url: `http://localhost:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // A second instance with the same environment (database, secret, public URL), as behind a
    // load balancer: the deployment the README promises (tests/e2e/two-instances.spec.ts).
    {
      command: `node_modules/.bin/next start -p ${SECOND_PORT}`,
      url: `http://localhost:${SECOND_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
