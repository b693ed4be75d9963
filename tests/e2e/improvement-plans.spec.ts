import { type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, expectNoAxeViolations, newPerson, signIn, test } from './helpers';

async function download(page: Page, linkName: string | RegExp): Promise<Buffer> {
  const pending = page.waitForEvent('download');
  await page.getByRole('link', { name: linkName, exact: true }).click();
  const file = await pending;
  return Buffer.concat(await (await file.createReadStream()).toArray());
}

test('A4’s plan shows its outlier team; the board pack for a date downloads as a PDF', async ({
  browser,
}) => {
  // Seed 003: the Head of Service reviews A4's plan at mid-year.
  const head = await newPerson(browser);
  await signIn(head, 'hos.a4@example.org');
  await head.goto('/improvement/plans');
  await expect(head.getByRole('heading', { level: 1, name: 'Area improvement plans' })).toBeVisible();
  await head.getByRole('link', { name: 'A4 improvement plan 2014/15' }).click();
  await expect(
    head.getByRole('heading', { level: 1, name: 'A4 improvement plan 2014/15: mid-year review' }),
  ).toBeVisible();
  await expect(
    head.getByText(/46% Good \(n = 24\) in September 2013 → 54% \(n = 24\) in November 2014, up 8 points/),
  ).toBeVisible();
  await expect(
    head.getByText('A4 North: 44% Not Met in engagement of the child (n = 9), above the 95% limit'),
  ).toBeVisible();
  await expect(head.locator('#area-figures').getByRole('row', { name: /^Good 13 54%/ })).toBeVisible();
  await expectNoAxeViolations(head);
  await head.context().close();

  // Issue 16 §8: the board's pack as things stood at the end of March 2015.
  const director = await newPerson(browser);
  await signIn(director, 'director@example.org');
  await director.goto('/improvement/board-pack?date=2015-03-31');
  await expect(director.getByRole('heading', { level: 1, name: 'Board pack, 31 March 2015' })).toBeVisible();
  await expect(director.getByText('A9: A9 North: 86% Good (n = 28), above the 95% limit')).toBeVisible();
  await expect(
    director.locator('#headline').getByRole('row', { name: /^Good 377 65% 61–69%/ }),
  ).toBeVisible();
  await expectNoAxeViolations(director);
  const pdf = await download(director, 'PDF');
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(text).toContain('Board pack, 31 March 2015');
  expect(text).toContain('Outlier teams');
  expect(text).toContain('A9 North');
  await director.context().close();
});
