import ExcelJS from 'exceljs';
import { type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { chooseOption, expect, expectNoAxeViolations, newPerson, signIn, test } from './helpers';

test.describe.configure({ mode: 'serial' });

async function download(page: Page, linkName: string | RegExp): Promise<Buffer> {
  const pending = page.waitForEvent('download');
  await page.getByRole('link', { name: linkName }).click();
  const file = await pending;
  return Buffer.concat(await (await file.createReadStream()).toArray());
}

async function openNovember2014(page: Page) {
  await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await page.getByRole('link', { name: 'National Audit November 2014' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'National Audit November 2014: summary report' }),
  ).toBeVisible();
}

test('the November 2014 report reproduces seed 000 and downloads as CSV, XLSX and PDF', async ({
  browser,
}) => {
  const lead = await newPerson(browser);
  await signIn(lead, 'ssm@example.org');
  await openNovember2014(lead);
  await expect(lead.getByText('Every table below counts the same 577 graded cases')).toBeVisible();
  // Fig. 1 and the change since September 2013, as the report says them.
  await expect(
    lead.getByText(
      /577 cases were graded: 65% \(377 of 577\) Good, 26% \(148 of 577\) Met and 9% \(52 of 577\) Not Met\./,
    ),
  ).toBeVisible();
  await expect(
    lead.getByText(/Since National Audit September 2013, Good is up 16 points and Not Met down 10 points\./),
  ).toBeVisible();
  // Seed 000 §1: the challenges and the benchmarking, as the demo recorded them.
  await expect(
    lead.getByText(
      '14 Not Met cases were challenged; 3 were re-graded to Met and 11 upheld. 1 was referred to the National Service Director for adjudication: the grade remained unchanged.',
    ),
  ).toBeVisible();
  await expect(
    lead.getByText('Sara Mensah benchmarked 47 cases and Helen Okafor 26; 30 were moderated.'),
  ).toBeVisible();
  const fig3 = lead.locator('#fig-3-service-area');
  await expect(fig3.getByRole('row', { name: /^A13 17 11 65% 3 18% 3 18%/ })).toBeVisible();
  await expect(fig3.getByRole('row', { name: /^A15 Private 38 30 79% 3 8% 5 13%/ })).toBeVisible();
  await expect(fig3.getByRole('row', { name: /^Total 577 377 65% 148 26% 52 9%/ })).toBeVisible();
  await expect(
    lead.locator('#fig-2-law-type').getByRole('row', { name: /^Total 577 100% 377 65% 148 26% 52 9%/ }),
  ).toBeVisible();
  await expectNoAxeViolations(lead);

  const csv = (await download(lead, 'Download “Fig. 3 By service area” as CSV')).toString('utf8');
  expect(csv.split(/\r?\n/)[0]).toBe(
    'Service area,Cases,Good,% Good,Met,% Met,Not Met,% Not Met,Change in % Good,95% interval for % Good,Note',
  );
  expect(csv).toContain('\nA1,25,16,64%,7,28%,2,8%,');
  expect(csv).toContain('\nTotal,577,377,65%,148,26%,52,9%,');

  const workbook = new ExcelJS.Workbook();
  const xlsx = await download(lead, 'Download all tables (XLSX)');
  await workbook.xlsx.load(
    xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
  );
  const names = workbook.worksheets.map((sheet) => sheet.name);
  expect(names[0]).toBe('Summary');
  expect(names.some((name) => name.startsWith('Fig. 3'))).toBe(true);

  const pdf = await download(lead, 'Download the report (PDF)');
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(text).toContain('Fig. 3 By service area');
  for (const area of ['A1', 'A9', 'A15 Public', 'A15 Private', 'A17']) expect(text).toContain(area);
  await lead.context().close();
});

test('November 2014’s calibration report measures the 73 benchmarked cases and who moderated them', async ({
  browser,
}) => {
  const lead = await newPerson(browser);
  await signIn(lead, 'ssm@example.org');
  await lead.goto('/audits');
  await lead.getByRole('link', { name: 'National Audit November 2014' }).click();
  await lead.getByRole('link', { name: 'Benchmarking and calibration' }).click();
  await lead.getByRole('link', { name: 'Open the calibration report' }).click();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Calibration report: National Audit November 2014' }),
  ).toBeVisible();
  await expect(lead.locator('#agreement-overall').getByRole('row', { name: /^Pairs 73/ })).toBeVisible();
  await expect(lead.getByText('78% of cases graded the same (95% CI 67%–86%)').first()).toBeVisible();
  // Seed 001: the auditors grade higher than the benchmarkers more often than lower.
  await expect(
    lead.getByText(/The auditors graded higher than the benchmarkers in 13 of 73 cases, lower in 3/).first(),
  ).toBeVisible();
  await expect(lead.locator('#moderations').getByRole('row', { name: /^Grace Whitfield 18/ })).toBeVisible();
  await expect(lead.locator('#moderations').getByRole('row', { name: /^Sara Mensah 12/ })).toBeVisible();
  await expectNoAxeViolations(lead);
  await lead.context().close();
});

test('the audit lead compares two sections and saves the narrative', async ({ browser }) => {
  const lead = await newPerson(browser);
  await signIn(lead, 'ssm@example.org');
  await openNovember2014(lead);
  await chooseOption(lead, lead.getByLabel('Rows'), { label: 'Supervision' });
  await chooseOption(lead, lead.getByLabel('Columns'), { label: 'Case planning' });
  await lead.getByRole('button', { name: 'Compare' }).click();
  await expect(lead).toHaveURL(/rows=supervision&columns=case-planning/);
  await expect(lead.getByRole('heading', { name: 'Two sections side by side' })).toBeVisible();
  await expect(lead.locator('#section-cross-tab').getByRole('row', { name: /^Total .* 577$/ })).toBeVisible();

  const conclusion = lead.getByRole('textbox', { name: 'Conclusion' });
  await conclusion.fill('65% Good: the May 2015 target is met early.');
  await lead.getByRole('button', { name: 'Save the narrative' }).click();
  await expect(lead.getByText('Saved with the report.')).toBeVisible();
  await lead.reload();
  await expect(lead.getByRole('textbox', { name: 'Conclusion' })).toHaveValue(
    '65% Good: the May 2015 target is met early.',
  );
  await expectNoAxeViolations(lead);
  await lead.context().close();
});

test('a Head of Service sees their own area’s figures only', async ({ browser }) => {
  const hos = await newPerson(browser);
  await signIn(hos, 'hos.a1@example.org');
  await openNovember2014(hos);
  await expect(hos.getByText(/Service area A1 ·/)).toBeVisible();
  await expect(hos.getByText('Every table below counts the same 25 graded cases')).toBeVisible();
  const rows = hos.locator('#fig-3-service-area tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('A1');
  await expect(hos.getByLabel('Figures for')).toHaveCount(0);
  await expect(hos.getByRole('button', { name: 'Save the narrative' })).toHaveCount(0);
  await expectNoAxeViolations(hos);
  await hos.context().close();
});

test('results of a past audit are imported after confirming new practitioners', async ({ browser }) => {
  const lead = await newPerson(browser);
  await signIn(lead, 'ssm@example.org');
  await lead.goto('/reports');
  await lead.getByRole('link', { name: 'Import the results of a past audit' }).click();
  const stamp = Date.now();
  const name = `Local Audit June 2012 ${stamp}`;
  await lead.getByLabel('Audit name').fill(name);
  const csv = [
    'case_ref,service_area,practitioner_ref,employment,law_type,overall_grade,children_seen',
    `IMP-${stamp}-1,A1,P00001,Employed,Public Law,Good,Seen`,
    `IMP-${stamp}-2,A2,NEW-${stamp},Agency,Private Law WAFH,Not Met,Not seen - no reason recorded`,
  ].join('\n');
  await lead
    .getByLabel('Results (CSV or XLSX)')
    .setInputFiles({ name: 'results.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await lead.getByRole('button', { name: 'Check file' }).click();
  await expect(lead.getByText('1 practitioner is not in Threshold and will be created:')).toBeVisible();
  await expect(lead.getByRole('cell', { name: `NEW-${stamp}` })).toBeVisible();
  await expectNoAxeViolations(lead);
  await lead.getByRole('button', { name: 'Create 1 practitioner and import 2 rows' }).click();
  await expect(
    lead.getByText('Imported 2 graded cases into a new, published audit; 1 practitioner created.'),
  ).toBeVisible();
  await lead.getByRole('link', { name: 'Open its report' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: `${name}: summary report` })).toBeVisible();
  await expect(lead.getByText('Every table below counts the same 2 graded cases')).toBeVisible();
  await expectNoAxeViolations(lead);
  await lead.context().close();
});
