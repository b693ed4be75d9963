import { type Page } from '@playwright/test';
import {
  chooseOption,
  expect,
  expectNoAxeViolations,
  newPerson,
  signIn,
  test,
  checkAndSubmitGrades,
} from './helpers';

/** Every section Met, every question Yes: the Head of Practice's blind grading, by pointer. */
async function gradeEverythingMet(page: Page) {
  const sections = page
    .locator('form section[aria-labelledby$="-title"]')
    .filter({ has: page.getByRole('group', { name: /^Grade for / }) });
  const count = await sections.count();
  expect(count).toBeGreaterThan(3);
  for (let index = 0; index < count; index += 1) {
    const section = sections.nth(index);
    await section
      .getByRole('group', { name: /^Grade for / })
      .getByRole('radio', { name: 'Met', exact: true })
      .check();
    await section
      .getByRole('textbox')
      .first()
      .fill(`Moderation evidence ${index + 1}.`);
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
  await page.getByRole('combobox', { name: 'Overall grade' }).selectOption('met');
  await page.getByLabel(/^Rationale/).fill('Planning was reactive; the threshold for Good was not reached.');
}

test('a Head of Practice moderates a local audit blind, compares and agrees the grade', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const hop = await newPerson(browser);
  await signIn(hop, 'hop.a1@example.org');
  await expect(hop.getByRole('heading', { level: 2, name: /^Moderations to do \(\d+\)$/ })).toBeVisible();
  await hop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click();
  await expect(hop.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  await expectNoAxeViolations(hop);

  // Blind: the case and the form, nothing of the manager's grading.
  await hop.getByRole('table', { name: 'Moderations to do' }).getByRole('link').first().click();
  await expect(hop.getByRole('heading', { level: 1, name: /^Moderate case / })).toBeVisible();
  await expect(hop.getByText(/Manager’s grade|graded by/)).toHaveCount(0);
  await expectNoAxeViolations(hop);
  await gradeEverythingMet(hop);
  await checkAndSubmitGrades(hop);

  // The comparison, then the agreed grade.
  await expect(
    hop.getByRole('heading', { level: 1, name: /the manager’s grading and yours$/ }),
  ).toBeVisible();
  await expect(hop.getByText('Your grades are submitted.')).toBeVisible();
  await expect(hop.getByRole('row', { name: /^Overall grade \(differs\) \S+ Met/ })).toBeVisible();
  await expectNoAxeViolations(hop);
  const selects = hop.getByRole('combobox', { name: /^Agreed grade:/ });
  const count = await selects.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1)
    await chooseOption(hop, selects.nth(index), { label: 'Met' });
  await hop
    .getByLabel('Why this grade was agreed')
    .fill('Talked through with the manager: Met is the threshold.');
  await hop.getByRole('button', { name: 'Record the agreed grade' }).click();
  await hop
    .getByRole('dialog', { name: 'Record the agreed grade?' })
    .getByRole('button', { name: 'Yes, record it' })
    .click();
  await expect(hop.getByText(/^Agreed: “Talked through with the manager/)).toBeVisible();
  await expect(hop.getByRole('row', { name: /^Overall grade \(differs\) \S+ Met Met$/ })).toBeVisible();
  await expectNoAxeViolations(hop);

  // Their area's calibration counts it.
  await hop
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Local calibration' })
    .click();
  await expect(hop.getByRole('heading', { level: 1, name: 'Local calibration' })).toBeVisible();
  await expect(
    hop
      .getByRole('table', { name: /by area$/ })
      .first()
      .getByRole('row', { name: /^A1 / }),
  ).toBeVisible();
  await expectNoAxeViolations(hop);
  await hop.context().close();
});
