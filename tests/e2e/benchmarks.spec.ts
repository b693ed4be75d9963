import {
  chooseOption,
  expect,
  expectNoAxeViolations,
  newPerson,
  signIn,
  test,
  checkAndSubmitGrades,
  gradeEverySection,
} from './helpers';

test.describe.configure({ mode: 'serial' });

const AUDIT = 'Thematic Audit 2015: IRO liaison';
const CASE = 'T15-000001'; // an A1 case, graded Good by the Improvement Manager

test('a benchmark round: chosen by hand and at random, graded blind, moderated, and measured', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The audit lead adds a case by hand for the Head of Service of A2, then draws 10% at random.
  const lead = await newPerson(browser);
  await signIn(lead, 'ssm@example.org');
  await lead.goto('/audits');
  await lead.getByRole('link', { name: AUDIT }).click();
  await lead.getByRole('link', { name: 'Benchmarking and calibration' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: `Benchmarking: ${AUDIT}` })).toBeVisible();
  // Before any pair, the calibration report is one empty state with the next step, not tables of dashes.
  await lead.getByRole('link', { name: 'Open the calibration report' }).click();
  await expect(lead.getByRole('heading', { level: 2, name: 'No benchmarked cases yet' })).toBeVisible();
  await expect(lead.getByRole('table')).toHaveCount(0);
  await expect(lead.getByText('No pairs yet')).toHaveCount(0);
  await expectNoAxeViolations(lead);
  await lead.getByRole('link', { name: 'Choose the benchmark sample' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: `Benchmarking: ${AUDIT}` })).toBeVisible();
  await lead.getByLabel('Case reference').fill(CASE);
  // The Head of Service for A1 may not benchmark an A1 case.
  await chooseOption(lead, lead.getByLabel('Benchmarker'), { label: 'Hannah Osei (Head of Service)' });
  await lead.getByRole('button', { name: 'Add the case' }).click();
  await expect(lead.getByText("Hannah Osei is Head of Service for this case's area").first()).toBeVisible();
  await chooseOption(lead, lead.getByLabel('Benchmarker'), { label: 'Helen Okafor (Head of Service)' });
  await lead.getByRole('button', { name: 'Add the case' }).click();
  await expect(lead.getByText('Case added and the benchmarker told.')).toBeVisible();
  await lead.getByRole('button', { name: 'Draw and assign' }).click();
  await expect(lead.getByText('Sample drawn and benchmarkers told.')).toBeVisible();
  await expect(
    lead.getByRole('row', { name: new RegExp(`^${CASE} A1 .* Helen Okafor By hand Not started`) }),
  ).toBeVisible();
  await expectNoAxeViolations(lead);

  // The benchmarker grades blind: nothing of the original grading is on the page.
  const head = await newPerson(browser);
  await signIn(head, 'hos.a2@example.org');
  await head.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Benchmarking' }).click();
  await head.getByRole('link', { name: CASE }).click();
  await expect(head.getByRole('heading', { level: 1, name: `Benchmark case ${CASE}` })).toBeVisible();
  await expect(head.getByText(/Original grade/)).toHaveCount(0);
  await expect(head.getByText('Imogen Marsh')).toHaveCount(0);
  await expectNoAxeViolations(head);
  // Until she submits, the audit's report is withheld from her, and the page says why (issue 13).
  const benchmarkPage = head.url();
  await head.goto('/reports');
  await head.getByRole('link', { name: AUDIT }).click();
  await expect(
    head.getByRole('heading', { level: 1, name: 'Figures withheld while you benchmark' }),
  ).toBeVisible();
  await expect(head.getByText(/^Submit your benchmark gradings to see this audit’s report\./)).toBeVisible();
  await expect(head.getByRole('link', { name: 'Go to your benchmark gradings' })).toBeVisible();
  await expectNoAxeViolations(head);
  await head.goto(benchmarkPage);
  await gradeEverySection(head, { label: 'Met', key: 'met' }, 'Benchmark evidence');
  await checkAndSubmitGrades(head);
  await expect(head.getByRole('heading', { level: 1, name: `Case ${CASE}: the two gradings` })).toBeVisible();
  await expect(head.getByText('Your grades are submitted.')).toBeVisible();
  await expect(head.getByRole('row', { name: /^Overall grade \(differs\) Good Met/ })).toBeVisible();
  await expect(head.getByRole('button', { name: 'Record the agreed grades' })).toHaveCount(0);
  await expectNoAxeViolations(head);
  await head.context().close();

  // The audit lead moderates: the agreed grade becomes the case's grade.
  await lead.reload();
  await lead.getByRole('link', { name: CASE }).click();
  await expect(lead.getByRole('heading', { level: 1, name: `Case ${CASE}: the two gradings` })).toBeVisible();
  const selects = lead.getByRole('combobox', { name: /^Agreed grade:/ });
  const count = await selects.count();
  for (let index = 0; index < count; index += 1)
    await chooseOption(lead, selects.nth(index), { label: 'Met' });
  await lead
    .getByLabel('Why this grade was agreed')
    .fill('Planning was reactive throughout; Met is the threshold.');
  await lead.getByRole('button', { name: 'Record the agreed grades' }).click();
  await lead
    .getByRole('dialog', { name: 'Record the agreed grades?' })
    .getByRole('button', { name: 'Yes, record them' })
    .click();
  await expect(lead.getByText(/Moderated by Sara Mensah/)).toBeVisible();
  await expectNoAxeViolations(lead);

  await lead.context().close();

  // The calibration report counts the pair and the moderation, and downloads. The National Service
  // Director reads it: the random draw may have given the lead benchmarks of her own, and while she
  // holds one unsubmitted the audit's figures are withheld from her too (issue 13).
  const director = await newPerson(browser);
  await signIn(director, 'nsd@example.org');
  await director.goto('/audits');
  await director.getByRole('link', { name: AUDIT }).click();
  await director.getByRole('link', { name: 'Benchmarking and calibration' }).click();
  await director.getByRole('link', { name: 'Open the calibration report' }).click();
  await expect(
    director.getByRole('heading', { level: 1, name: `Calibration report: ${AUDIT}` }),
  ).toBeVisible();
  await expect(director.locator('#agreement-overall').getByRole('row', { name: /^Pairs 1/ })).toBeVisible();
  await expect(director.locator('#moderations').getByRole('row', { name: /^Sara Mensah 1/ })).toBeVisible();
  await expect(director.getByText(/Only 1 case graded by both graders/).first()).toBeVisible();
  const pending = director.waitForEvent('download');
  await director
    .getByRole('link', { name: 'Download “By auditor: agreement and direction of disagreement” as CSV' })
    .click();
  const csv = Buffer.concat(await (await (await pending).createReadStream()).toArray()).toString('utf8');
  expect(csv).toContain('Imogen Marsh,1,0%');
  await expectNoAxeViolations(director);

  // The audit's report says it in seed 000's words.
  await director.goto('/reports');
  await director.getByRole('link', { name: AUDIT }).click();
  await expect(director.getByText('Helen Okafor benchmarked 1 case; 1 was moderated.')).toBeVisible();
  await director.context().close();
});
