import type { Page } from '@playwright/test';
import { chooseOption, expect, expectNoAxeViolations, signIn, test } from './helpers';

// Court offices share computers. The copy of a grading draft kept in the
// browser belongs to the person who typed it and leaves with them.

const AUDIT = 'Thematic Audit 2015: IRO liaison';
const LEAD = 'ssm@example.org'; // Sara Mensah, who may benchmark any area's case
const DRAFT_ROUTE = '**/draft';

/** Threshold's keys in this browser's localStorage. */
const thresholdKeys = (page: Page) =>
  page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('threshold-')));

const evidence = (page: Page) => page.getByLabel(/^Evidence for /).first();
const saveState = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

/**
 * Opens a benchmark (the grading form) the lead grades herself, choosing one
 * by hand when she has none open, so the spec needs nothing from another.
 */
async function openMyBenchmark(page: Page): Promise<string> {
  await page.goto('/benchmarks');
  const open = page
    .getByRole('row')
    .filter({ hasText: /Not started|In progress/ })
    .getByRole('link');
  if ((await open.count()) === 0) {
    await page.goto('/audits');
    await page.getByRole('link', { name: AUDIT }).click();
    await page.getByRole('link', { name: 'Benchmarking and calibration' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Benchmarking: ${AUDIT}` })).toBeVisible();
    const benchmarking = page.url();
    // Cases drawn at random by an earlier journey cannot be chosen again: take the first one free.
    for (let number = 2; number <= 30; number += 1) {
      await page.goto(benchmarking);
      await page.getByLabel('Case reference').fill(`T15-${String(number).padStart(6, '0')}`);
      await chooseOption(page, page.getByLabel('Benchmarker'), {
        label: 'Sara Mensah (Senior Service Manager)',
      });
      await page.getByRole('button', { name: 'Add the case' }).click();
      const outcome = page
        .getByText(/^(Case added and the benchmarker told\.|That case is already being benchmarked\.)$/)
        .first();
      await expect(outcome).toBeVisible();
      if ((await outcome.textContent())?.startsWith('Case added')) break;
    }
    await page.goto('/benchmarks');
  }
  await open.first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Benchmark case / })).toBeVisible();
  return page.url();
}

test('signing out first saves what was typed, then clears this computer; the same person finds it again', async ({
  page,
}) => {
  await signIn(page, LEAD);
  const url = await openMyBenchmark(page);
  const text = `Typed just before signing out ${Date.now()}.`;
  await evidence(page).fill(text);
  await expect.poll(() => thresholdKeys(page)).toHaveLength(1);
  // No warning: the text reaches the server before the session ends.
  page.on('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect(await thresholdKeys(page)).toEqual([]);

  await signIn(page, LEAD);
  await page.goto(url);
  await expect(evidence(page)).toHaveValue(text);
  await expectNoAxeViolations(page);
});

test('text the server never received is not left for the next person at the computer', async ({ page }) => {
  await signIn(page, LEAD);
  const url = await openMyBenchmark(page);
  // The connection drops: the text is only on this device.
  await page.route(DRAFT_ROUTE, (route) => route.abort());
  const text = `Only on this device ${Date.now()}.`;
  await evidence(page).fill(text);
  await page.getByRole('button', { name: 'Save now' }).click();
  await expect(saveState(page, 'Not saved: no connection.')).toBeVisible();
  await expect.poll(() => thresholdKeys(page)).toHaveLength(1);

  // Signing out warns that the text would be lost; the person signs out anyway.
  const warnings: string[] = [];
  page.on('dialog', (dialog) => {
    warnings.push(dialog.message());
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect(warnings).toEqual([expect.stringContaining('have not reached the server')]);
  expect(await thresholdKeys(page)).toEqual([]);
  await page.unroute(DRAFT_ROUTE);

  // The next person signs in on the same browser and opens the same address.
  await signIn(page, 'hos.a2@example.org');
  expect(await thresholdKeys(page)).toEqual([]);
  await page.goto(url);
  await expect(page.getByText(text)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: /^Evidence for / })).toHaveCount(0);
  expect(await thresholdKeys(page)).toEqual([]);
});

test('the same person opening the case again gets back, from this device, text that never reached the server', async ({
  page,
  context,
}) => {
  await signIn(page, LEAD);
  const url = await openMyBenchmark(page);
  // This tab's saves fail, so the text is only on this device.
  await page.route(DRAFT_ROUTE, (route) => route.abort());
  const text = `Kept on this device ${Date.now()}.`;
  await evidence(page).fill(text);
  await page.getByRole('button', { name: 'Save now' }).click();
  await expect(saveState(page, 'Not saved: no connection.')).toBeVisible();

  // Opened again (a second tab: a reload would send one last save on leaving,
  // which the browser lets past Playwright's routing, and the server would have it).
  const again = await context.newPage();
  await again.goto(url);
  await expect(
    again.getByText('Restored changes from this device that had not reached the server yet.'),
  ).toBeVisible();
  await expect(evidence(again)).toHaveValue(text);
  await again.getByRole('button', { name: 'Save now' }).click();
  await expect(saveState(again, /^All changes saved at/)).toBeVisible();
  expect(await thresholdKeys(again)).toEqual([]);
  await page.unroute(DRAFT_ROUTE);
  await again.reload();
  await expect(evidence(again)).toHaveValue(text);
  await expectNoAxeViolations(again);
});

test('when the session ends, the copy on this computer goes, the text stays on the page, and is saved after signing in again', async ({
  page,
  context,
}) => {
  await signIn(page, LEAD);
  const url = await openMyBenchmark(page);
  const text = `Typed as the session ended ${Date.now()}.`;
  await evidence(page).fill(text);
  await expect.poll(() => thresholdKeys(page)).toHaveLength(1);

  // The session ends (as after 30 idle minutes): the next autosave is refused with 401.
  await context.clearCookies();
  await page.getByRole('button', { name: 'Save now' }).click();
  await expect(saveState(page, 'Not saved: your session has ended.')).toBeVisible();
  expect(await thresholdKeys(page)).toEqual([]);
  // Still typing: nothing is written to this computer until a save succeeds again.
  await evidence(page).fill(`${text} And more.`);
  await expect(evidence(page)).toHaveValue(`${text} And more.`);
  expect(await thresholdKeys(page)).toEqual([]);
  await expectNoAxeViolations(page);

  // Signed in again in another tab, the person comes back and saves.
  const otherTab = await context.newPage();
  await signIn(otherTab, LEAD);
  await otherTab.close();
  await page.getByRole('button', { name: 'Save now' }).click();
  await expect(saveState(page, /^All changes saved at/)).toBeVisible();
  await page.goto(url);
  await expect(evidence(page)).toHaveValue(`${text} And more.`);
});
