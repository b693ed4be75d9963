import { type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { chooseOption, expect, expectNoAxeViolations, newPerson, signIn, test } from './helpers';

const SOURCE = 'Ofsted inspection, March 2014: action plan';
const REC_13 = 'Improve the % Good in Private Law, WAFH, in A5';

async function judge(page: Page, number: string, judgement: string, reason: string) {
  const item = page.getByRole('article', { name: new RegExp(`^${number}: `) });
  const evidence = item.getByRole('textbox', { name: `Evidence of progress for ${number}` });
  // The drafted evidence is there to accept as it stands.
  await expect(evidence).not.toHaveValue('');
  await chooseOption(page, item.getByRole('combobox', { name: `Judgement of ${number}` }), {
    label: judgement,
  });
  await item.getByRole('textbox', { name: `Reason for the judgement of ${number}` }).fill(reason);
  await item.getByRole('button', { name: `Record judgement of ${number}` }).click();
  await expect(item.getByRole('status')).toHaveText(`Judgement of ${number} recorded.`);
  await expect(
    item.getByRole('heading', { level: 4, name: new RegExp(`^${judgement} · Nadia Das`) }),
  ).toBeVisible();
}

test('the NSD records a final review of the March 2014 action plan from the drafted evidence and downloads it', async ({
  browser,
}) => {
  const nsd = await newPerson(browser);
  await signIn(nsd, 'nsd@example.org');
  await nsd.goto('/improvement/reviews');
  await expect(nsd.getByRole('heading', { level: 1, name: 'Progress reviews' })).toBeVisible();
  // Seed 001's reviews are there already.
  await expect(nsd.getByRole('link', { name: 'Final post-inspection review, June 2009' })).toBeVisible();
  await expectNoAxeViolations(nsd);

  await chooseOption(nsd, nsd.getByLabel('Source to review'), { label: SOURCE });
  await chooseOption(nsd, nsd.getByLabel('Kind of review'), { label: 'Final review' });
  await nsd.getByLabel('Title').fill('Final review of the action plan, December 2014');
  await nsd.getByLabel('As of').fill('2014-12-01');
  await nsd.getByRole('button', { name: 'Start the review' }).click();
  await expect(
    nsd.getByRole('heading', { level: 1, name: 'Final review of the action plan, December 2014' }),
  ).toBeVisible();
  await expect(nsd.getByText(/Reviewer: Nadia Das/)).toBeVisible();
  await expectNoAxeViolations(nsd);

  await judge(nsd, '13', 'Met', 'The audit shows A5 WAFH at the target: this has been met.');
  await judge(
    nsd,
    '8',
    'Ongoing',
    'Early liaison is evident; links throughout the life of cases still need work: a thematic audit in late 2015.',
  );
  await expect(nsd.getByText('2 of 7 judged')).toBeVisible();
  await expectNoAxeViolations(nsd);

  const pending = nsd.waitForEvent('download');
  await nsd.getByRole('link', { name: 'Download the review (PDF)' }).click();
  const pdf = Buffer.concat(await (await (await pending).createReadStream()).toArray());
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(`13: ${REC_13}`);
  expect(flat).toContain('Judgement: Met.');
  expect(flat).toContain('Judgement: Ongoing.');

  // Seed 004's inspection judgements beside the areas' audits: A8 and A13 judged outstanding with
  // more Not Met work than the 14% target.
  await nsd.goto('/improvement');
  await nsd.getByRole('link', { name: 'Inspection judgements' }).click();
  await expect(nsd.getByRole('heading', { level: 1, name: 'Inspection judgements' })).toBeVisible();
  await expect(nsd.getByText('8 judgements · 2 where the inspection and the audit disagree')).toBeVisible();
  await expect(nsd.getByRole('row', { name: /^A8 .*Disagree: Judged outstanding/ })).toBeVisible();
  await expectNoAxeViolations(nsd);
});
