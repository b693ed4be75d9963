import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, newPerson, signIn, test } from './helpers';

// Each role's home lists what waits for that person, read from the demo database.
const section = (page: Page, title: RegExp) =>
  page.locator('section.card').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

test('a Director’s home lists the published audits with their headline figures and links', async ({
  browser,
}) => {
  const director = await newPerson(browser);
  await signIn(director, 'director@example.org');
  const published = section(director, /^Published audits \(\d+\)$/);
  await expect(published.getByText('No audit has been published yet.')).toHaveCount(0);
  // Seed 000: November 2014, 377 of 577 Good (65%), 52 Not Met (9%), against 60% and 14%.
  const november = published.getByRole('row', { name: /^National Audit November 2014/ });
  await expect(november).toContainText('65%');
  await expect(november).toContainText('target at least 60%: met');
  await expect(november).toContainText('9%');
  await expect(november).toContainText('target at most 14%: met');
  await expect(published.getByRole('row', { name: /^National Audit September 2013/ })).toBeVisible();
  await expectNoAxeViolations(director);
  await november.getByRole('link', { name: 'Report', exact: true }).click();
  await expect(
    director.getByRole('heading', { level: 1, name: /National Audit November 2014/ }),
  ).toBeVisible();
});

test('a Senior Service Manager’s home lists the audits they lead with the next step, and the challenge waiting for a decision', async ({
  browser,
}) => {
  const ssm = await newPerson(browser);
  await signIn(ssm, 'ssm@example.org');
  const led = section(ssm, /^Audits you lead \(\d+\)$/);
  await expect(led.getByText('You are not leading an audit at the moment.')).toHaveCount(0);
  const may = led.getByRole('row', { name: /^National Audit May 2015/ });
  await expect(may).toContainText('Draft');
  await expect(may.getByRole('link', { name: 'Start sampling' })).toBeVisible();
  await expect(led.getByRole('row', { name: /^Thematic Audit 2015: IRO liaison Grading/ })).toBeVisible();
  await expect(led.getByRole('row', { name: /^National Audit November 2014 Published/ })).toBeVisible();
  // The demo's thematic audit has one challenge the auditor has replied to: the lead decides next.
  const challenges = section(ssm, /^Challenges to decide \(1\)$/);
  await expect(challenges.getByRole('listitem')).toHaveText(
    /^Case T15-000049 \(A1, Thematic Audit 2015: IRO liaison\) — waiting since /,
  );
  await expectNoAxeViolations(ssm);
  await may.getByRole('link', { name: 'Start sampling' }).click();
  await expect(ssm.getByRole('heading', { level: 1, name: 'National Audit May 2015' })).toBeVisible();
});

test('a National Service Director’s home lists the audits they commissioned and the referrals waiting', async ({
  browser,
}) => {
  const nsd = await newPerson(browser);
  await signIn(nsd, 'nsd@example.org');
  const commissioned = section(nsd, /^Audits you commissioned \(\d+\)$/);
  await expect(commissioned.getByRole('link', { name: 'National Audit May 2015' })).toBeVisible();
  await expect(
    commissioned.getByRole('listitem').filter({ hasText: 'National Audit May 2015' }),
  ).toContainText('led by');
  // The audit lead referred one challenge of the thematic audit.
  const referrals = section(nsd, /^Challenges referred to you \(1\)$/);
  await expect(referrals.getByRole('listitem')).toHaveText(
    /^Case T15-000050 \(A2, Thematic Audit 2015: IRO liaison\) — waiting since /,
  );
  await expectNoAxeViolations(nsd);
});

test('an Improvement Assistant’s home lists the audits waiting for a case-file index', async ({
  browser,
}) => {
  const ia = await newPerson(browser);
  await signIn(ia, 'ia@example.org');
  const imports = section(ia, /^Imports to prepare \(\d+\)$/);
  await expect(imports.getByText('No audit is waiting for a case-file import.')).toHaveCount(0);
  const may = imports.getByRole('listitem').filter({ hasText: 'National Audit May 2015' });
  await expect(may).toContainText(/case files/);
  await expect(imports.getByRole('link', { name: 'Import a case-file index' })).toBeVisible();
  await expectNoAxeViolations(ia);
});
