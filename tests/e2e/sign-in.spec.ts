import { errorSummary, expect, expectNoAxeViolations, signIn, test } from './helpers';

const HOMES = [
  { email: 'im@example.org', role: 'Improvement Manager', waiting: 'Cases to grade' },
  { email: 'ia@example.org', role: 'Improvement Assistant', waiting: 'Imports to prepare' },
  { email: 'ssm@example.org', role: 'Senior Service Manager', waiting: 'Audits you lead' },
  { email: 'hos.a1@example.org', role: 'Head of Service', waiting: 'Not Met cases to review', area: 'A1' },
  { email: 'ad.a1@example.org', role: 'Assistant Director', waiting: 'Safeguarding concerns', area: 'A1' },
  { email: 'hos.a2@example.org', role: 'Head of Service', waiting: 'Not Met cases to review', area: 'A2' },
  { email: 'nsd@example.org', role: 'National Service Director', waiting: 'Challenges referred to you' },
  { email: 'director@example.org', role: 'Director', waiting: 'Published audits' },
  { email: 'admin@example.org', role: 'Admin', waiting: 'Locked accounts' },
];

test('the sign-in page is accessible', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const home of HOMES) {
  test(`${home.email} signs in and sees the ${home.role} home`, async ({ page }) => {
    await signIn(page, home.email);
    await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
    const banner = page.getByRole('banner');
    await expect(banner).toContainText(home.role);
    if (home.area) await expect(banner).toContainText(`· ${home.area}`);
    await expect(page.getByRole('heading', { level: 2, name: home.waiting })).toBeVisible();
    // Navigation shows only what the role may use.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(home.role === 'Admin' ? 1 : 0);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  });
}

const NOT_RECOGNISED =
  'Email or password not recognised, or the account is locked for 15 minutes after 5 failed sign-ins.';

test('a wrong password shows a clear error', async ({ page }) => {
  await signIn(page, 'director@example.org', 'not-the-password', 'failure');
  await expect(errorSummary(page)).toContainText(NOT_RECOGNISED);
  await expectNoAxeViolations(page);
});

test('an unknown email reads exactly like a wrong password', async ({ page }) => {
  await signIn(page, 'director@example.org', 'not-the-password', 'failure');
  await expect(errorSummary(page)).toContainText(NOT_RECOGNISED);
  const wrongPassword = await errorSummary(page).textContent();
  await signIn(page, 'nobody-here@example.org', 'not-the-password', 'failure');
  await expect(errorSummary(page)).toContainText(NOT_RECOGNISED);
  expect(await errorSummary(page).textContent()).toBe(wrongPassword);
});

test('a password longer than 72 bytes is refused with a message, not cut short', async ({ page }) => {
  // 40 accented letters: 40 characters, 80 bytes.
  await signIn(page, 'director@example.org', 'é'.repeat(40), 'failure');
  await expect(errorSummary(page)).toContainText('Password must be at most 72 bytes');
  await expectNoAxeViolations(page);
});

test('pages need a session: signed-out visitors go to sign in', async ({ page }) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/);
  await expect(page.getByRole('status')).toContainText('You are signed out');
});

test('admin pages are not found for other roles', async ({ page }) => {
  await signIn(page, 'director@example.org');
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome/ })).toBeVisible();
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await signIn(page, 'im@example.org');
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome/ })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('the main navigation marks the current page', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Practitioners' }).click();
  await expect(nav.getByRole('link', { name: 'Practitioners' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current', 'page');
});
