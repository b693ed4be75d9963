import { expect, expectNoAxeViolations, signIn, test } from './helpers';

test('a Head of Service records progress on their area’s improvement plan and sees it in the history', async ({
  page,
}) => {
  await signIn(page, 'hos.a4@example.org');
  await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Improvement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Improvement register' })).toBeVisible();
  // Their own plan and the national sources; never another area's.
  const sources = page.getByRole('region', { name: 'Sources' });
  await expect(sources.getByRole('link', { name: 'A4 improvement plan 2014/15' })).toBeVisible();
  await expect(
    sources.getByRole('link', { name: 'Ofsted inspection, March 2014: action plan' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await sources.getByRole('link', { name: 'A4 improvement plan 2014/15' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'A4 improvement plan 2014/15' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Rec 2', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recommendation 2' })).toBeVisible();
  await expect(page.getByText('Reduce Not Met work in A4 below 14%')).toBeVisible();
  await expectNoAxeViolations(page);

  const action = page.getByRole('article').filter({ hasText: 'Supervision audit in the outlier team' });
  await expect(action.getByText('Overdue')).toBeVisible();
  await action.getByText(/^Record progress on action/).click();
  await action
    .getByLabel('What has happened')
    .fill('Supervision audit booked with the outlier team for next week.');
  await action
    .getByRole('group', { name: 'Evidence: audits' })
    .getByLabel('National Audit November 2014')
    .check();
  await action.getByRole('button', { name: 'Add progress update' }).click();
  await expect(action.getByRole('status').filter({ hasText: 'Progress update added.' })).toBeVisible();

  await action.getByLabel(/^New status for action/).selectOption({ label: 'In progress' });
  await action.getByRole('button', { name: 'Change status' }).click();
  await expect(action.getByRole('status').filter({ hasText: 'Status changed.' })).toBeVisible();

  // Newest first, with who and when.
  const history = action.getByRole('list', { name: /^History of action/ });
  const entries = history.locator(':scope > li');
  await expect(entries.nth(0)).toContainText('Status changed by');
  await expect(entries.nth(0)).toContainText('status: Not started → In progress');
  await expect(entries.nth(1)).toContainText('Progress update by');
  await expect(entries.nth(1)).toContainText('Supervision audit booked with the outlier team for next week.');
  await expect(entries.nth(1).getByRole('link', { name: 'National Audit November 2014' })).toBeVisible();
  await expect(action.getByText('In progress', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});
