import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { serverPair, type ServerPair } from './servers';

export const DEMO_PASSWORD = 'demo-password';

const CSP_VIOLATION = 'CSP violation:';
const watchedContexts = new WeakSet<BrowserContext>();

/**
 * Records every Content Security Policy violation in the context's pages: the
 * browser's `securitypolicyviolation` event, re-told on the console (an init
 * script runs before the page's own scripts and is not subject to its CSP),
 * and Chromium's own "Refused to …" console errors.
 */
async function watchForCspViolations(context: BrowserContext, violations: string[]): Promise<void> {
  if (watchedContexts.has(context)) return;
  watchedContexts.add(context);
  await context.addInitScript((prefix) => {
    (window as Window & { __thresholdCspWatched?: boolean }).__thresholdCspWatched = true;
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `${prefix} ${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile || event.documentURI}:${event.lineNumber})`,
      );
    });
  }, CSP_VIOLATION);
  context.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(CSP_VIOLATION) || /Content Security Policy/i.test(text))
      violations.push(`${message.page()?.url() ?? 'a worker'}: ${text}`);
  });
}

/**
 * Every spec imports `test` from here, not from '@playwright/test': each
 * browser context a test opens (its `page`, `newPerson`, `browser.newContext`)
 * is watched, and the test fails on any CSP violation in any page it visited.
 * It also points each worker at its own servers and database (servers.ts).
 */
export const test = base.extend<{ cspViolations: string[] }, { servers: ServerPair }>({
  servers: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
    async ({}, use, workerInfo) => use(serverPair(workerInfo.parallelIndex)),
    { scope: 'worker' },
  ],
  baseURL: async ({ servers }, use) => use(servers.first),
  cspViolations: [
    async ({ browser }, use) => {
      const violations: string[] = [];
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        await watchForCspViolations(context, violations);
        return context;
      };
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, 'Content Security Policy violations in the pages this test visited').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, cspViolations }, use) => {
    await watchForCspViolations(context, cspViolations);
    await use(context);
  },
});

export { expect };

/** WCAG 2.2 A and AA: any violation fails the test, listed by rule and node. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // A client refresh can swap the document head for a moment; check the settled page.
  await expect(page).toHaveTitle(/\S/);
  await page.waitForLoadState('networkidle');
  const isWatched = await page.evaluate(
    () => (window as Window & { __thresholdCspWatched?: boolean }).__thresholdCspWatched === true,
  );
  expect(isWatched, "this page is not watched for CSP violations: import { test } from './helpers'").toBe(
    true,
  );
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

/** Submits a complete grading the way a person does: check your answers, then confirm. */
export async function checkAndSubmitGrades(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check your answers' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Check your answers before submitting' }),
  ).toBeFocused();
  await page.getByRole('button', { name: 'Confirm and submit grades' }).click();
}

/**
 * A blind second grading by pointer (a benchmark, a moderation): every section at one grade with
 * evidence, every question Yes, children seen, the four QA indicators Yes, and the overall grade.
 */
export async function gradeEverySection(
  page: Page,
  grade: { label: string; key: string },
  evidence: string,
): Promise<void> {
  const sections = page
    .locator('form section[aria-labelledby$="-title"]')
    .filter({ has: page.getByRole('group', { name: /^Grade for / }) });
  const count = await sections.count();
  expect(count).toBeGreaterThan(3);
  for (let index = 0; index < count; index += 1) {
    const section = sections.nth(index);
    await section
      .getByRole('group', { name: /^Grade for / })
      .getByRole('radio', { name: grade.label, exact: true })
      .check();
    await section
      .getByRole('textbox')
      .first()
      .fill(`${evidence} ${index + 1}.`);
    const groups = section.getByRole('group');
    const questions = await groups.count();
    for (let question = 1; question < questions; question += 1)
      await groups.nth(question).getByRole('radio', { name: 'Yes' }).check();
  }
  const seen = page.getByRole('radio', { name: 'Seen', exact: true });
  if (await seen.count()) await seen.check();
  for (const indicator of [
    'Audit done collaboratively with the practitioner',
    'Feedback from the child or family obtained',
    'Management oversight recorded',
    'Supervision recorded',
  ])
    await page.getByRole('group', { name: indicator }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('combobox', { name: 'Overall grade' }).selectOption(grade.key);
  await page.getByLabel(/^Rationale/).fill('Planning was reactive; the threshold for Good was not reached.');
}
