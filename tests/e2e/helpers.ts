import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

/** WCAG 2.2 A and AA: any violation fails the test, listed by rule and node. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // A client refresh can swap the document head for a moment; check the settled page.
  await expect(page).toHaveTitle(/\S/);
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Signs in through the real form; waits for the home page unless a failure is expected. */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  expect_: 'success' | 'failure' = 'success',
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (expect_ === 'success')
    await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
}

/** The page's own error summary (Next's route announcer is also an alert). */
export const errorSummary = (page: Page) => page.getByRole('alert').and(page.locator('.error-summary'));

/** A separate signed-in person: its own context, so cookies do not mix (and axe can inject). */
export async function newPerson(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/**
 * Chooses an option once the page is live. React's hydration sets a select to
 * its default value, so a choice made a moment before hydration is undone.
 */
export async function chooseOption(page: Page, select: Locator, option: { label: string }): Promise<void> {
  await page.waitForLoadState('networkidle');
  await select.selectOption(option);
  await expect(select.locator('option:checked')).toHaveText(option.label);
}
