import { errorSummary, expect, expectNoAxeViolations, signIn, test } from './helpers';

test('an SSM builds a rubric, sees why a draft cannot be published, previews, publishes and creates an audit with targets', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const documentName = `Letters Audit Tool ${stamp}`;
  await signIn(page, 'ssm@example.org');

  // A new document starts as a draft on the three-point scale.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Threshold documents' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Threshold documents' })).toBeVisible();
  await expectNoAxeViolations(page);
  const create = page.locator('form', { has: page.getByRole('button', { name: 'Create draft' }) });
  await create.getByLabel('Document name').fill(documentName);
  await create.getByLabel('First version name').fill('January 2015');
  await create.getByLabel('Grade scale').selectOption({ label: 'Good / Met / Not Met' });
  await create.getByRole('button', { name: 'Create draft' }).click();
  await expect(create.getByRole('status')).toHaveText('Draft created: open it from the list above.');
  const documentSection = page.getByRole('region', { name: documentName });
  await documentSection.getByRole('link', { name: '1. January 2015' }).click();
  await page.getByRole('link', { name: 'Edit draft' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Edit ${documentName} (January 2015)` }),
  ).toBeVisible();

  // Publishing the empty draft is refused with every reason.
  await page.getByRole('button', { name: 'Publish' }).click();
  const refusal = errorSummary(page);
  await expect(refusal).toContainText('This draft cannot be published yet:');
  await expect(refusal).toContainText('The document has no sections.');
  await expect(refusal).toContainText('The document has no themes for strengths and learning points.');
  await expectNoAxeViolations(page);

  // One section with guidance and a descriptor for every grade, and a theme.
  await page.getByRole('button', { name: 'Add a section' }).click();
  const section = page.getByRole('group', { name: '1. Section 1' });
  await section.getByLabel('Title').fill('Safeguarding');
  const filled = page.getByRole('group', { name: '1. Safeguarding' });
  await filled
    .getByLabel('Guidance for auditors')
    .fill('Check that safeguarding enquiries were made and analysed before the first hearing.');
  await filled.getByLabel('Descriptor: Good').fill('Risks are identified early, analysed and acted on.');
  await filled.getByLabel('Descriptor: Met').fill('Checks are complete; analysis is limited.');
  await filled.getByLabel('Descriptor: Not Met').fill('Checks are missing or risks are not acted on.');
  await page.getByRole('button', { name: 'Add a theme' }).click();
  await page.getByLabel('Theme 1').fill('Safeguarding');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The preview is the grading form an auditor will see; it suggests the overall grade.
  await page.getByRole('link', { name: 'Preview as an auditor' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Preview: the grading form as an auditor sees it' }),
  ).toBeVisible();
  const grade = page.getByRole('group', { name: 'Grade for Safeguarding' });
  await expect(grade.getByText('Risks are identified early, analysed and acted on.')).toBeVisible();
  await grade.getByLabel('Met', { exact: true }).check();
  await expect(
    page.getByRole('status').filter({ hasText: 'Suggested from the section grades' }),
  ).toContainText('Met');
  await expectNoAxeViolations(page);

  // Publish.
  await page.getByRole('link', { name: 'Edit draft' }).click();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText(/Published .*; it cannot change/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit draft' })).toHaveCount(0);

  // An audit on the new version, with targets.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audits' })).toBeVisible();
  await expectNoAxeViolations(page);
  const auditName = `Safeguarding letters audit ${stamp}`;
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create audit' }) });
  await form.getByLabel('Name').fill(auditName);
  await form.getByLabel('Kind of audit').selectOption({ label: 'Thematic audit' });
  await form.getByLabel('Purpose').fill('How well safeguarding letters analyse risk.');
  await form.getByLabel('Documents filed from').fill('2015-01-01');
  await form.getByLabel('Documents filed to').fill('2015-02-28');
  await form.getByLabel('Threshold version').selectOption({ label: `${documentName} (January 2015)` });
  await form.getByLabel('At least this % Good or above').fill('60');
  await form.getByLabel('At most this % at the lowest grade').fill('14');
  await form.getByLabel('Targets due by').fill('2015-05-31');
  await form.getByRole('button', { name: 'Create audit' }).click();
  await expect(form.getByRole('status')).toHaveText('Audit created.');
  await page.getByRole('link', { name: auditName }).click();
  await expect(page.getByRole('heading', { level: 1, name: auditName })).toBeVisible();
  await expect(
    page.getByText('at least 60% Good or above and at most 14% at the lowest grade by 31 May 2015'),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Start sampling: the threshold version locks.
  await page.getByRole('button', { name: 'Start sampling' }).click();
  await page
    .getByRole('dialog', { name: 'Start sampling?' })
    .getByRole('button', { name: 'Yes, start sampling' })
    .click();
  await expect(page.getByText('(locked: sampling has started)')).toBeVisible();
});

test('readers see audits and threshold documents but no editing controls', async ({ page }) => {
  await signIn(page, 'director@example.org');
  await page.goto('/audits');
  await expect(page.getByRole('link', { name: 'National Audit May 2015' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New audit' })).toHaveCount(0);
  await page.getByRole('link', { name: 'National Audit May 2015' }).click();
  await expect(
    page.getByText('at least 60% Good or above and at most 14% at the lowest grade by 31 May 2015'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Edit audit' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Threshold Document (October 2014)' }).click();
  await expect(page.getByRole('heading', { name: /How sections map to the previous version/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Case planning Case recording and planning/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
