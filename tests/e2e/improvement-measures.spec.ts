import pg from 'pg';
import { chooseOption, expect, expectNoAxeViolations, signIn, test } from './helpers';
import { workerDatabases } from './servers';

/** Rec 13 of the demo's Ofsted action plan: its page is reached from the register, which another journey walks. */
async function rec13Id(workerIndex: number): Promise<string> {
  const client = new pg.Client({ connectionString: workerDatabases()[workerIndex] });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT r.id FROM recommendation r JOIN recommendation_source s ON s.id = r.source_id
       WHERE s.title = 'Ofsted inspection, March 2014: action plan' AND r.number = '13'`,
    );
    if (!rows[0]) throw new Error('the demo has no Rec 13');
    return rows[0].id;
  } finally {
    await client.end();
  }
}

test('the NSD reads Rec 13’s measure, adds and removes one, and commissions a thematic audit sized to test it', async ({
  page,
}, testInfo) => {
  const recommendationId = await rec13Id(testInfo.parallelIndex);
  await signIn(page, 'nsd@example.org');
  await page.goto(`/improvement/recommendations/${recommendationId}/measures`);
  await expect(page.getByRole('heading', { level: 1, name: 'Measures of recommendation 13' })).toBeVisible();
  const measure = page.getByRole('article', { name: '% Good, Private Law WAFH, A5' });
  await expect(
    measure.getByText(
      'A5 Private Law WAFH: 27% Good (n = 11) in September 2013 → 67% (n = 12) in November 2014, up 40 points (95% interval −1 to 66 points); target (≥ 60%) met; could be chance variation',
    ),
  ).toBeVisible();
  await expect(measure.getByRole('row', { name: /National Audit November 2014/ })).toContainText('67%');
  await expectNoAxeViolations(page);

  // A second measure, on a section of the baseline's threshold version; then removed, after confirming.
  await page.getByRole('link', { name: 'Add a measure' }).click();
  await page.getByLabel('Name of the measure').fill('% Good safeguarding, A5');
  await chooseOption(page, page.getByLabel('Baseline audit'), { label: 'National Audit September 2013' });
  await page.getByLabel('Grade measured').selectOption({ label: 'Section: Safeguarding' });
  await page.getByLabel('Target %').fill('60');
  await page.getByRole('checkbox', { name: 'A5', exact: true }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add measure' }).click();
  const added = page.getByRole('article', { name: '% Good safeguarding, A5' });
  await expect(
    added.getByText(/^A5, Safeguarding: \d+% Good \(n = \d+\) in September 2013 → /),
  ).toBeVisible();
  await added.getByRole('button', { name: 'Delete % Good safeguarding, A5' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete measure' }).click();
  await expect(added).toHaveCount(0);

  // Closing the loop: an audit to test the measure, each area's sample worked out.
  await measure
    .getByRole('link', { name: 'Commission an audit to test % Good, Private Law WAFH, A5' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Commission a thematic audit to test recommendation 13' }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /^A5/ })).toContainText(
    'Needs 35 cases; its baseline had only 11',
  );
  await expectNoAxeViolations(page);
  await page
    .getByLabel('Name', { exact: true })
    .fill(`Thematic audit 2015: A5 WAFH ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Commission audit' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Commissioned to test a recommendation' }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /^A5/ })).toContainText('Nothing drawn yet: needs 35 cases.');
  await expectNoAxeViolations(page);
});
