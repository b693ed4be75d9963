import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, newPerson, signIn } from './helpers';

test('an IA imports a case index; the SSM draws, locks and assigns the sample; the IM sees their queue', async ({
  browser,
}) => {
  // The Improvement Assistant imports a small index (the demo already holds one).
  const assistant = await newPerson(browser);
  await signIn(assistant, 'ia@example.org');
  await assistant
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Case-file index' })
    .click();
  await expect(assistant.getByRole('heading', { level: 1, name: 'Case-file index' })).toBeVisible();
  await expectNoAxeViolations(assistant);
  const stamp = Date.now().toString(36).toUpperCase();
  const csv = [
    'case_reference,service_area,team,practitioner_ref,law_type,document_type,filed_date,eit,subject_children',
    `E2E-${stamp}-1,A1,A1 North,P00001,Public Law,final report,2014-10-30,no,2`,
    `E2E-${stamp}-1,A1,,P00001,Public Law,initial analysis,2014-10-02,no,2`,
    `E2E-${stamp}-2,A1,,P00002,Private Law WTFH,safeguarding letter,30/10/2014,yes,1`,
  ].join('\n');
  await assistant
    .getByLabel('Case-file index (CSV or XLSX)')
    .setInputFiles({ name: 'index.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await assistant.getByRole('button', { name: 'Check file' }).click();
  await expect(assistant.getByText('all 3 rows are valid (2 cases)')).toBeVisible();
  await assistant.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(
    assistant.getByText('Imported 3 rows: 2 new cases, 3 new documents, 0 already in the index.'),
  ).toBeVisible();
  await expectNoAxeViolations(assistant);
  // A bad file is refused row by row.
  await assistant.getByLabel('Case-file index (CSV or XLSX)').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${csv.split('\n')[0]}\nX1,A99,,P00001,Public Law,report,2024-02-30,no,2\n`),
  });
  await assistant.getByRole('button', { name: 'Check file' }).click();
  await expect(assistant.getByText('Nothing was imported: 2 problems in bad.csv')).toBeVisible();
  await expect(assistant.getByRole('table')).toContainText('unknown service area "A99"');
  await assistant.context().close();

  // The Senior Service Manager starts sampling the November 2014 audit.
  const lead = await newPerson(browser);
  await signIn(lead, 'ssm@example.org');
  await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
  await lead.getByRole('link', { name: 'National Audit November 2014' }).click();
  await lead.getByRole('button', { name: 'Start sampling' }).click();
  await lead
    .getByRole('dialog', { name: 'Start sampling?' })
    .getByRole('button', { name: 'Yes, start sampling' })
    .click();
  await lead.getByRole('link', { name: 'Sample and assignment' }).click();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Sample: National Audit November 2014' }),
  ).toBeVisible();
  await expectNoAxeViolations(lead);

  // Preview: draw, see every area and stratum with its population and sample.
  await lead.getByRole('button', { name: 'Draw sample' }).click();
  await expect(lead.getByText('Sample drawn, not yet locked')).toBeVisible();
  const breakdown = lead.getByRole('table').first();
  await expect(breakdown.getByRole('row', { name: /^A1 Public Law/ }).first()).toBeVisible();
  const totalRow = breakdown.getByRole('row', { name: /^Total/ });
  await expect(totalRow).toBeVisible();
  await expectNoAxeViolations(lead);

  // The explained sample downloads as CSV.
  const downloadPromise = lead.waitForEvent('download');
  await lead.getByRole('link', { name: 'Download the sample with its explanation (CSV)' }).click();
  const download = await downloadPromise;
  const exported = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(exported).toString('utf8')).toMatch(
    /^audit,seed,share_percent,window_from,window_to,locked,service_area/,
  );

  // Lock, then assign.
  await lead.getByRole('button', { name: 'Lock sample' }).click();
  await lead
    .getByRole('dialog', { name: 'Lock the sample?' })
    .getByRole('button', { name: 'Yes, lock it' })
    .click();
  await expect(lead.getByText(/· Sample locked$/)).toBeVisible();
  await lead.getByRole('button', { name: /^Assign \d+ cases automatically$/ }).click();
  await expect(lead.getByText(/^(\d+) of \1 cases assigned\.$/)).toBeVisible();
  await expectNoAxeViolations(lead);
  await lead.context().close();

  // The Improvement Manager sees their queue.
  const auditor = await newPerson(browser);
  await signIn(auditor, 'im@example.org');
  await expect(auditor.getByText(/cases are waiting for you/)).toBeVisible();
  await auditor.getByRole('link', { name: 'Open my cases' }).click();
  await expect(auditor.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
  await expect(auditor.getByRole('table').getByRole('row').nth(1)).toContainText(
    'National Audit November 2014',
  );
  await expectNoAxeViolations(auditor);
  await auditor.context().close();
});
