import {
  checkAndSubmitGrades,
  chooseOption,
  expect,
  expectNoAxeViolations,
  newPerson,
  signIn,
  test,
  gradeEverySection,
} from './helpers';

// Issue 17: a Service Manager completes a collaborative local audit of their own team's case from
// this month's queue (the demo drew the month; they picked one case themselves); the area's Head of
// Practice draws this month's moderations, which must include it (every manager is represented),
// grades it blind, compares and records the agreed grade.
test('a Service Manager completes a collaborative local audit; the Head of Practice moderates it', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await signIn(page, 'sm.a1@example.org');
  const waiting = page
    .locator('section.card')
    .filter({ has: page.getByRole('heading', { level: 2, name: /^Local audits this month \(2\)$/ }) });
  await expect(waiting.getByText(/your pick/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('navigation').getByRole('link', { name: 'My local audits' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My local audits' })).toBeVisible();
  const thisMonth = page.getByRole('table', { name: /^Local audits for / }).first();
  await expect(thisMonth.getByRole('row')).toHaveCount(3);
  await expect(thisMonth.getByText(/^Your pick: The family came back to court/)).toBeVisible();
  await expectNoAxeViolations(page);

  const drawn = thisMonth.getByRole('row').filter({ hasText: 'Drawn' });
  const reference = ((await drawn.getByRole('link').textContent()) ?? '').trim();
  await drawn.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Case ${reference}` })).toBeVisible();
  await expectNoAxeViolations(page);

  const groups = page.getByRole('group', { name: /^Grade for / });
  await expect(groups.first()).toBeVisible();
  for (let index = 0; index < (await groups.count()); index += 1)
    await groups.nth(index).getByRole('radio', { name: 'Good', exact: true }).check();
  const evidence = page.getByLabel(/^Evidence for /);
  for (let index = 0; index < (await evidence.count()); index += 1)
    await evidence.nth(index).fill('Read with the practitioner: the plan follows the assessment.');
  const questions = page.locator('form fieldset[id*="-question-"]');
  for (let index = 0; index < (await questions.count()); index += 1)
    await questions.nth(index).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('radio', { name: 'Seen', exact: true }).check();
  for (const [indicator, answer] of [
    ['Audit done collaboratively with the practitioner', 'Yes'],
    ['Feedback from the child or family obtained', 'No'],
    ['Management oversight recorded', 'Yes'],
    ['Supervision recorded', 'No'],
  ] as const)
    await page.getByRole('group', { name: indicator }).getByRole('radio', { name: answer }).check();
  // The local form's own questions (issue 17 §3).
  await page
    .getByRole('group', { name: 'Management oversight expected on this case' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page
    .getByLabel(/^The practitioner’s own reflection/)
    .fill('The plan would be clearer with dates for each step.');
  await page.getByRole('combobox', { name: 'Overall grade' }).selectOption('good');
  await page
    .getByLabel(/^Rationale/)
    .fill('Good work, done with the practitioner, who reflected on the plan.');
  await checkAndSubmitGrades(page);

  await expect(page.getByRole('heading', { level: 1, name: `Feedback: case ${reference}` })).toBeVisible({
    timeout: 15_000,
  });
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to my local audits' }).click();
  await expect(
    thisMonth.getByRole('row').filter({ hasText: reference }).getByRole('cell', { name: 'Submitted' }),
  ).toBeVisible();

  // The Head of Practice draws this month's moderations for A1: the audit just submitted is drawn.
  const hop = await newPerson(browser);
  await signIn(hop, 'hop.a1@example.org');
  await hop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click();
  await expect(hop.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  await expectNoAxeViolations(hop);
  await hop.getByLabel('Month or quarter').fill(new Date().toISOString().slice(0, 7));
  await hop.getByRole('button', { name: 'Draw the moderations' }).click();
  await hop
    .getByRole('dialog', { name: 'Draw this period’s moderations?' })
    .getByRole('button', { name: 'Yes, draw them' })
    .click();
  const ours = hop.getByRole('table', { name: 'Moderations to do' }).getByRole('link', { name: reference });
  await expect(ours).toBeVisible({ timeout: 15_000 });
  await ours.click();

  // Blind: the case and the form, nothing of the manager's grading.
  await expect(hop.getByRole('heading', { level: 1, name: /^Moderate case / })).toBeVisible();
  await expect(hop.getByText(/Manager’s grade|graded by|Good work, done with the practitioner/)).toHaveCount(
    0,
  );
  await expectNoAxeViolations(hop);
  await gradeEverySection(
    hop,
    { label: 'Requires Improvement', key: 'requires-improvement' },
    'Moderation evidence',
  );
  await checkAndSubmitGrades(hop);

  // The comparison (the manager said Good, the moderator Requires Improvement), then the agreed grade.
  await expect(
    hop.getByRole('heading', { level: 1, name: /the manager’s grading and yours$/ }),
  ).toBeVisible();
  await expect(
    hop.getByRole('row', { name: /^Overall grade \(differs\) Good Requires Improvement/ }),
  ).toBeVisible();
  await expectNoAxeViolations(hop);
  const selects = hop.getByRole('combobox', { name: /^Agreed grade:/ });
  const count = await selects.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1)
    await chooseOption(hop, selects.nth(index), { label: 'Requires Improvement' });
  await hop
    .getByLabel('Why this grade was agreed')
    .fill('Talked through with the manager: the plan is not yet Good.');
  await hop.getByRole('button', { name: 'Record the agreed grade' }).click();
  await hop
    .getByRole('dialog', { name: 'Record the agreed grade?' })
    .getByRole('button', { name: 'Yes, record it' })
    .click();
  await expect(hop.getByText(/^Agreed: “Talked through with the manager/)).toBeVisible();
  await expect(
    hop.getByRole('row', {
      name: /^Overall grade \(differs\) Good Requires Improvement Requires Improvement$/,
    }),
  ).toBeVisible();
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
