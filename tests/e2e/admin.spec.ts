import { readFile } from 'node:fs/promises';
import { errorSummary, expect, expectNoAxeViolations, signIn, test } from './helpers';

test('a deactivated user is signed out on their next request', async ({ browser }) => {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  const stamp = Date.now().toString(36);
  const email = `temp.${stamp}@example.org`;
  const password = 'temporary-password-1';

  // Admin creates a Director.
  await signIn(adminPage, 'admin@example.org');
  await adminPage.getByRole('link', { name: 'Users' }).click();
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expectNoAxeViolations(adminPage);
  const form = adminPage.locator('form', { has: adminPage.getByRole('button', { name: 'Add user' }) });
  await form.getByLabel('Full name').fill(`Temp Director ${stamp}`);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption({ label: 'Director' });
  await form.getByLabel('Temporary password').fill(password);
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(form.getByRole('status')).toHaveText('User added.');

  // The new user signs in.
  const user = await browser.newContext();
  const userPage = await user.newPage();
  await signIn(userPage, email, password);
  await expect(
    userPage.getByRole('heading', { level: 1, name: `Welcome, Temp Director ${stamp}` }),
  ).toBeVisible();

  // Admin deactivates them, confirming in a dialog.
  await adminPage.getByRole('link', { name: `Temp Director ${stamp}` }).click();
  await expectNoAxeViolations(adminPage);
  await adminPage.getByRole('button', { name: 'Deactivate' }).click();
  const dialog = adminPage.getByRole('dialog', { name: `Deactivate Temp Director ${stamp}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Yes, deactivate' }).click();
  await expect(adminPage.getByText('Account deactivated.')).toBeVisible();

  // Their next request lands on sign-in.
  await userPage.reload();
  await expect(userPage).toHaveURL(/\/sign-in\?reason=signed-out/);
  await expect(userPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // And they cannot sign in again.
  await signIn(userPage, email, password, 'failure');
  await expect(errorSummary(userPage)).toContainText('deactivated');
  await admin.close();
  await user.close();
});

test('bad input on the add-user form names each field', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/admin/users');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Add user' }) });
  await form.getByLabel('Full name').fill('Head Without Area');
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByLabel('Role').selectOption({ label: 'Head of Service' });
  await form.getByLabel('Temporary password').fill('short');
  await form.getByRole('button', { name: 'Add user' }).click();
  const summary = form.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Some answers need correcting');
  await expect(summary.getByRole('link', { name: /email address/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /at least 12 characters/ })).toBeVisible();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});

test('admin browses service areas, teams and practitioners', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await page.getByRole('link', { name: 'Service areas and teams' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service areas and teams' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /A15 Public/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Practitioners' }).click();
  await expect(page.getByRole('table')).toContainText('P00001');
  await expectNoAxeViolations(page);
  await page.getByLabel('Name or reference').fill('P00002');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: 'P00002' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /P00002/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a malformed practitioner CSV is reported row by row and nothing is imported', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/admin/practitioners/import');
  await expectNoAxeViolations(page);
  const csv = [
    'reference,name,service_area,team,employment',
    'N1,Good Row,A1,A1 North,Employed',
    'N2,Unknown Area,A99,A1 North,Employed',
    'N1,Duplicate,A1,A1 North,Employed',
    'N3,,A1,A1 North,Employed',
    `N4,${'x'.repeat(10_000)},A1,A1 North,Employed`,
    'N5,=cmd,A1,A1 North,Employed',
  ].join('\n');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'practitioners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText('Nothing was imported: 5 problems')).toBeVisible();
  const table = page.getByRole('table');
  await expect(table).toContainText('unknown service area "A99"');
  await expect(table).toContainText('duplicate reference "N1" (first on line 2)');
  await expect(table).toContainText('is too long (10,000 characters; at most 200)');
  await expect(table).toContainText('formula');
  await expectNoAxeViolations(page);
  await page.goto('/admin/practitioners?search=N1');
  await expect(page.getByText('No practitioners match this search.')).toBeVisible();
});

test('a good practitioner CSV is checked, then imported once', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/admin/practitioners/import');
  const reference = `IMP${Date.now().toString(36).toUpperCase()}`;
  const csv = `reference,name,service_area,team,employment,performance_band\n${reference},Imported Person,A2,A2 North,Agency,3\n`;
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByRole('button', { name: 'Import 1 practitioners' }).click();
  await expect(page.getByText('Imported: 1 added, 0 updated, 0 unchanged.')).toBeVisible();
  await page.goto(`/admin/practitioners?search=${reference}`);
  await expect(page.getByRole('table')).toContainText('Imported Person');
});

test('admin finds a sign-in and a failed sign-in in the access log, and downloads it', async ({
  page,
  browser,
}) => {
  // Someone signs in, and someone without an account fails to.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const stranger = `stranger.${Date.now().toString(36)}@example.org`;
  await signIn(otherPage, stranger, 'not-a-password', 'failure');
  await expect(errorSummary(otherPage)).toBeVisible();
  await signIn(otherPage, 'ia@example.org');
  await other.close();

  await signIn(page, 'admin@example.org');
  await page.getByRole('link', { name: 'Access log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Access log' })).toBeVisible();
  await expectNoAxeViolations(page);

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const search = page.getByRole('search', { name: 'Search the access log' });
  await search.getByLabel('Person (name or email)').fill('ia@example.org');
  await search.getByLabel('Action').selectOption({ label: 'Signed in' });
  await search.getByLabel('From').fill(today);
  await search.getByLabel('To').fill(today);
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/action=sign-in/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'Ian Ashworth' }).first()).toContainText('Signed in');
  await expect(rows.filter({ hasText: 'Sign-in failed' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The failed attempt is found by the email that was typed.
  await search.getByLabel('Person (name or email)').fill(stranger);
  await search.getByLabel('Action').selectOption({ label: 'All actions' });
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(rows.filter({ hasText: stranger })).toContainText(['Sign-in failed']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toBe('occurred_at,person,email,action,target,details,ip');
  expect(csv).toContain(`,${stranger},Sign-in failed,`);
});

test('an empty add-user form lists every problem by its field, in the form’s order', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/admin/users');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Add user' }) });
  await form.getByRole('button', { name: 'Add user' }).click();
  const summary = form.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Enter the person’s full name',
    'Enter an email address like name@example.org',
    'Choose the person’s role',
    'Password must be at least 12 characters',
  ]);
  // A Head of Service must have the area they run: refused with a message on that field.
  await form.getByLabel('Full name').fill('Head Without Area');
  await form.getByLabel('Email').fill(`head.without.area.${Date.now()}@example.org`);
  await form.getByLabel('Role').selectOption({ label: 'Head of Service' });
  await form.getByLabel('Temporary password').fill('a-long-enough-password');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(summary.getByRole('link')).toHaveText([
    'A Head of Service must have the service area they run',
  ]);
  await expect(form.getByRole('combobox', { name: /^Service area/ })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});
