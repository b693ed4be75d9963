import ExcelJS from 'exceljs';
import { expect, expectNoAxeViolations, signIn, test } from './helpers';

test('the Director reads the QA overview for April to November 2023 and downloads it as XLSX', async ({
  page,
}) => {
  await signIn(page, 'director@example.org');
  // From the national dashboard's panel to the page, for the period of seed 003.
  await page.goto('/dashboard');
  await page.getByRole('link', { name: /^Open the QA overview/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'QA overview' })).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2023-04-01');
  await page.getByLabel('To', { exact: true }).fill('2023-11-30');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/from=2023-04-01&to=2023-11-30/);
  await expect(
    page.getByText(/From 1 April 2023 to 30 November 2023, 4,019 audits: 3,372 local/),
  ).toBeVisible();
  const indicators = page.getByRole('table', { name: 'Indicators against their targets' });
  await expect(
    indicators.getByRole('row', { name: /Undertaken collaboratively with the practitioner/ }),
  ).toContainText('53.4%');
  await expect(
    page.getByText('1,364 practice observations and 379 moderations by Heads of Practice.', { exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  const pending = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download all tables (XLSX)' }).click();
  const file = await pending;
  const xlsx = Buffer.concat(await (await file.createReadStream()).toArray());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength));
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    'Summary',
    'Indicators',
    'Audits by kind',
    'By quarter',
    'By service area',
  ]);
  const kinds = workbook.getWorksheet('Audits by kind')!;
  expect(kinds.getRow(kinds.rowCount - 2).values).toEqual([undefined, 'All audits', 4019, '100.0%']);
});
