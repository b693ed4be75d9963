import { chooseOption, expect, expectNoAxeViolations, newPerson, signIn, test } from './helpers';

test('a Director opens the national dashboard, drills down to a team, filters, and reloads the bookmark', async ({
  browser,
}) => {
  const director = await newPerson(browser);
  await signIn(director, 'director@example.org');
  await director.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(director.getByRole('heading', { level: 1, name: 'National dashboard' })).toBeVisible();
  // The latest published audit is November 2014: A13 has 11 of 17 Good (65%), above the 60% target.
  await expect(director.getByRole('row', { name: /^A13 17 65% \(Green\) 18% \(Red\)/ })).toBeVisible();
  await expect(
    director.getByText('Green: 60% or more Good. Amber: 55% to 59%. Red: below 55%.'),
  ).toBeVisible();
  // A17 was not in the April 2013 audit: a gap, not 0%.
  await expect(
    director.locator('#trend-good').getByRole('row', { name: /^A17 not in this audit/ }),
  ).toBeVisible();
  await expect(director.getByRole('heading', { name: 'Quality-assurance indicators' })).toBeVisible();
  await expect(director.locator('#sections-heat-map')).toBeVisible();
  await expectNoAxeViolations(director);

  await director.locator('#standing').getByRole('link', { name: 'A1', exact: true }).click();
  await expect(director.getByRole('heading', { level: 1, name: 'Area dashboard: A1' })).toBeVisible();
  await expect(director.getByText('individual practitioners are not shown at your level')).toBeVisible();
  await expect(director.getByRole('heading', { name: 'Practitioners in this area' })).toHaveCount(0);
  await expectNoAxeViolations(director);
  await director.locator('#standing').getByRole('link').first().click();
  await expect(director.getByRole('heading', { level: 1, name: /^Team dashboard: A1: / })).toBeVisible();
  await expect(director.getByText('Individual practitioners are shown only to')).toBeVisible();
  await expectNoAxeViolations(director);

  // Filters go into the address; the bookmarked address shows the same view.
  await director.getByRole('link', { name: 'Back to the area dashboard' }).click();
  await expect(director.getByRole('heading', { level: 1, name: 'Area dashboard: A1' })).toBeVisible();
  await chooseOption(director, director.getByLabel('Law type'), { label: 'Public Law' });
  await director.getByRole('button', { name: 'Apply' }).click();
  await expect(director).toHaveURL(/law=PUBLIC_LAW/);
  const filtered = await director.locator('#standing').textContent();
  await director.reload();
  await expect(director.getByLabel('Law type')).toHaveValue('PUBLIC_LAW');
  await expect(director.locator('#standing')).toHaveText(filtered ?? '');
  await expectNoAxeViolations(director);
  await director.context().close();
});

test('a Head of Service lands on their own area, drills down to practitioners and downloads a table', async ({
  browser,
}) => {
  const hos = await newPerson(browser);
  await signIn(hos, 'hos.a1@example.org');
  await hos.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(hos.getByRole('heading', { level: 1, name: 'Area dashboard: A1' })).toBeVisible();
  await expect(hos.getByRole('link', { name: 'Back to the national dashboard' })).toHaveCount(0);
  await expect(hos.getByRole('heading', { name: 'Practitioners in this area' })).toBeVisible();
  await expectNoAxeViolations(hos);
  await hos.locator('#standing').getByRole('link').first().click();
  await expect(hos.getByRole('heading', { level: 1, name: /^Team dashboard: A1: / })).toBeVisible();
  await expect(hos.getByRole('heading', { name: 'Practitioners', exact: true })).toBeVisible();
  await expect(hos.locator('#practitioners tbody tr').first()).toContainText(/^P\d{5}/);
  const pending = hos.waitForEvent('download');
  await hos.getByRole('link', { name: 'Download “Practitioners” as CSV' }).click();
  const csv = Buffer.concat(await (await (await pending).createReadStream()).toArray()).toString('utf8');
  expect(csv.split(/\r?\n/)[0]).toBe(
    'Practitioner,Team,Graded cases,% Good or above,Latest grade,Latest audit',
  );
  await expectNoAxeViolations(hos);
  // Another area's dashboard is not found.
  await hos.goto('/dashboard');
  const ownUrl = hos.url();
  expect(ownUrl).toMatch(/\/dashboard\/areas\//);
  await hos.context().close();
});
