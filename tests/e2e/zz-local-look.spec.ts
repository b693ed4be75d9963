import { expect, signIn, test } from './helpers';

// Throwaway: screenshots of the local pages for a look (not committed).
test('look', async ({ browser }) => {
  test.setTimeout(120_000);
  const shots: [string, string, string][] = [
    ['ssm@example.org', '/local', 'local-list'],
    ['sm.a1@example.org', '/local/queue', 'local-queue'],
    ['sm.a1@example.org', '/', 'sm-home'],
    ['hop.a1@example.org', '/local', 'hop-local'],
    ['admin@example.org', '/admin/areas', 'admin-areas'],
  ];
  for (const [email, path, name] of shots) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    if (name === 'local-list') {
      await page.getByRole('link', { name: /^Local quality and impact audits/ }).first().click();
      await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
      await page.locator('details summary').first().click();
      await page.screenshot({ path: `/tmp/prog-shots/local-programme.png`, fullPage: true });
      await page.goto(path);
    }
    if (name === 'admin-areas') await page.locator('details summary').first().click();
    await page.screenshot({ path: `/tmp/prog-shots/${name}.png`, fullPage: true });
    await context.close();
  }
});
