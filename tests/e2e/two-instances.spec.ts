import { request, type Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test, checkAndSubmitGrades } from './helpers';

// The README promises that Threshold scales out: sessions, lockouts and data
// live in PostgreSQL, so any instance behind a load balancer can answer any
// request. playwright.config.ts starts, for each worker, a second `next start`
// (3101 beside 3100 for the first worker) with the same environment; cookies are
// scoped to the host, not the port, so one browser's session reaches both, as it
// would through a load balancer.

const SESSION_COOKIE = 'next-auth.session-token';

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /All changes saved at/ });

async function saveNow(page: Page) {
  await page.getByRole('button', { name: 'Save now' }).click();
  await expect(saved(page)).toBeVisible({ timeout: 15_000 });
}

test('one session works through two instances: saves and the submit alternate between them, nothing is lost, and signing out on one is refused on the other at once', async ({
  page,
  servers: { first: FIRST, second: SECOND },
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'im@example.org');
  await page.goto(`${FIRST}/queue?status=TO_DO`);
  const firstCase = page.getByRole('table').getByRole('row').last().getByRole('link');
  const caseReference = (await firstCase.textContent()) ?? '';
  await firstCase.click();
  await expect(page.getByRole('heading', { level: 1, name: `Case ${caseReference}` })).toBeVisible();
  const casePath = new URL(page.url()).pathname;

  // The second instance knows the session the first one started, and takes the first save.
  await page.goto(`${SECOND}${casePath}`);
  await expect(page.getByRole('heading', { level: 1, name: `Case ${caseReference}` })).toBeVisible();
  await expectNoAxeViolations(page);
  const groups = page.getByRole('group', { name: /^Grade for / });
  const evidence = page.getByLabel(/^Evidence for /);
  const sections = await groups.count();
  expect(sections).toBeGreaterThan(3);
  for (let index = 0; index < sections; index += 1) {
    await groups.nth(index).getByRole('radio', { name: 'Met', exact: true }).check();
    await evidence.nth(index).fill(`Saved through 3101, section ${index + 1}.`);
  }
  await saveNow(page);

  // The first instance shows that save, and takes the next.
  await page.goto(`${FIRST}${casePath}`);
  await expect(evidence.last()).toHaveValue(`Saved through 3101, section ${sections}.`);
  const questions = page.locator('form fieldset[id*="-question-"]');
  for (let index = 0; index < (await questions.count()); index += 1)
    await questions.nth(index).getByRole('radio', { name: 'Yes' }).check();
  // Which case comes last in the queue depends on the sample's assignment: an Early Intervention case
  // (work to first hearing) has only "Not applicable" for children seen.
  const seen = page.getByRole('radio', { name: 'Seen', exact: true });
  if (await seen.count()) await seen.check();
  else await page.getByRole('radio', { name: 'Not applicable', exact: true }).check();
  for (const indicator of [
    'Audit done collaboratively with the practitioner',
    'Feedback from the child or family obtained',
    'Management oversight recorded',
    'Supervision recorded',
  ])
    await page.getByRole('group', { name: indicator }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('combobox', { name: 'Overall grade' }).selectOption('met');
  await page.getByLabel(/^Rationale/).fill('Saved through 3100: the plan was sound and reviewed on time.');
  await saveNow(page);

  // The second instance shows it, and submits on top of it.
  await page.goto(`${SECOND}${casePath}`);
  await expect(page.getByLabel(/^Rationale/)).toHaveValue(
    'Saved through 3100: the plan was sound and reviewed on time.',
  );
  await checkAndSubmitGrades(page);
  await expect(page).toHaveURL(/\/feedback\?submitted=1/, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Overall grade: Met' })).toBeVisible();

  // The first instance reads the submitted case: every answer from both instances is there once.
  await page.goto(`${FIRST}${casePath}`);
  await expect(page.getByText('This case was submitted.')).toBeVisible();
  await page.getByRole('link', { name: 'Open the feedback sheet' }).click();
  for (let index = 0; index < sections; index += 1)
    await expect(page.getByText(`Saved through 3101, section ${index + 1}.`, { exact: true })).toHaveCount(1);
  await expect(
    page.getByText('Saved through 3100: the plan was sound and reviewed on time.', { exact: true }),
  ).toHaveCount(1);
  await expectNoAxeViolations(page);

  // The same cookie, replayed from elsewhere: accepted by the second instance while signed in…
  const cookie = (await page.context().cookies(FIRST)).find((entry) => entry.name === SESSION_COOKIE);
  expect(cookie).toBeDefined();
  const elsewhere = await request.newContext({
    baseURL: SECOND,
    extraHTTPHeaders: { Cookie: `${SESSION_COOKIE}=${cookie?.value ?? ''}` },
  });
  try {
    const whileSignedIn = await elsewhere.get('/queue');
    expect([whileSignedIn.status(), whileSignedIn.url()]).toEqual([200, `${SECOND}/queue`]);

    // …and refused there the moment the person signs out on the first.
    await page.goto(`${FIRST}/queue`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    const afterSignOut = await elsewhere.get('/queue');
    expect(afterSignOut.url()).toMatch(/\/sign-in\?reason=signed-out/);
    const draft = await elsewhere.put(`/api/case-audits${casePath.replace(/^\/cases/, '')}/draft`, {
      data: { baseVersion: 0, answers: {} },
    });
    expect(draft.status()).toBe(401);
  } finally {
    await elsewhere.dispose();
  }
});
