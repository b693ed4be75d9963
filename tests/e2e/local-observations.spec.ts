import {
  chooseOption,
  errorSummary,
  expect,
  expectNoAxeViolations,
  newPerson,
  signIn,
  test,
} from './helpers';

// A Service Manager records an observation of one of their own teams' practitioners (issue 17 §4).
test('a Service Manager records a practice observation with feedback and finds it in their list', async ({
  browser,
}) => {
  const manager = await newPerson(browser);
  await signIn(manager, 'sm.a1@example.org');
  await manager.getByRole('link', { name: 'Practice observations' }).first().click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Practice observations' })).toBeVisible();
  // This month's demo observations are listed, newest first.
  const table = manager.getByRole('table');
  await expect(table.getByRole('row')).not.toHaveCount(1);
  await expectNoAxeViolations(manager);

  await manager.getByRole('link', { name: 'Record an observation' }).click();
  await expect(
    manager.getByRole('heading', { level: 1, name: 'Record a practice observation' }),
  ).toBeVisible();
  await expectNoAxeViolations(manager);
  await manager.getByRole('button', { name: 'Record observation' }).click();
  const summary = errorSummary(manager);
  await expect(summary.getByRole('link', { name: 'Choose a practitioner' })).toBeVisible();
  await expect(summary.getByRole('link', { name: "Give a judgement for the child's voice" })).toBeVisible();
  await expect(
    summary.getByRole('link', { name: /Enter the feedback given to the practitioner/ }),
  ).toBeVisible();

  const practitioner = manager.getByLabel('Practitioner observed');
  const firstChoice = (await practitioner.locator('option').nth(1).textContent()) ?? '';
  await chooseOption(manager, practitioner, { label: firstChoice });
  await manager.getByRole('group', { name: 'What was observed' }).getByLabel('A court hearing').check();
  for (const [criterion, judgement] of [
    ["The child's voice", 'Strong'],
    ['Clarity of purpose', 'Strong'],
    ['Analysis of risk', 'Developing'],
    ['Relationship with the family', 'Strong'],
    ['Recording', 'Needs support'],
  ] as const) {
    await manager.getByRole('group', { name: criterion }).getByLabel(judgement, { exact: true }).check();
  }
  await manager
    .getByLabel('Feedback given to the practitioner')
    .fill('Clear evidence to the court. Next: record the hearing the same day.');
  await manager.getByRole('button', { name: 'Record observation' }).click();

  const practitionerName = firstChoice.split(' (')[0] ?? '';
  await expect(
    manager.getByRole('heading', { level: 1, name: `Observation of ${practitionerName}` }),
  ).toBeVisible();
  await expect(manager.getByText('Observation recorded.')).toBeVisible();
  await expect(manager.getByRole('region', { name: 'Feedback given to the practitioner' })).toContainText(
    'Clear evidence to the court.',
  );
  await expectNoAxeViolations(manager);
  await manager.getByRole('link', { name: 'Back to observations' }).click();
  await expect(manager.getByRole('row', { name: new RegExp(practitionerName) }).first()).toBeVisible();
});
