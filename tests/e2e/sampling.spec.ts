import { type Page } from '@playwright/test';
import {
  chooseOption,
  expect,
  expectNoAxeViolations,
  newPerson,
  signIn,
  test,
  checkAndSubmitGrades,
} from './helpers';

// The grading journey grades a case from the sample the first journey draws.
test.describe.configure({ mode: 'serial' });

test('an IA imports a case index; the SSM draws, locks and assigns the sample; the IM sees their queue', async ({
  browser,
}) => {
  // Three people and a full national sample: longer than one page's journey.
  test.setTimeout(180_000);
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
    `E2E-${stamp}-1,A1,A1 North,P00001,Public Law,final report,2015-04-20,no,2`,
    `E2E-${stamp}-1,A1,,P00001,Public Law,initial analysis,2015-03-10,no,2`,
    `E2E-${stamp}-2,A1,,P00002,Private Law WTFH,safeguarding letter,20/04/2015,yes,1`,
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

  // The Senior Service Manager starts sampling the May 2015 audit.
  const lead = await newPerson(browser);
  await signIn(lead, 'ssm@example.org');
  await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
  await lead.getByRole('link', { name: 'National Audit May 2015', exact: true }).click();
  await lead.getByRole('button', { name: 'Start sampling' }).click();
  await lead
    .getByRole('dialog', { name: 'Start sampling?' })
    .getByRole('button', { name: 'Yes, start sampling' })
    .click();
  await lead.getByRole('link', { name: 'Sample and assignment' }).click();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Sample: National Audit May 2015' }),
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
  // A national sample is shown a page at a time, filtered in the database; each case's changes have their own page.
  await expect(lead.getByRole('navigation', { name: 'Pages of sampled cases' })).toBeVisible();
  await chooseOption(lead, lead.getByRole('combobox', { name: 'Assignment' }), { label: 'Not assigned' });
  await lead.getByRole('button', { name: 'Filter' }).click();
  await expect(lead.getByText('No sampled cases match these filters.')).toBeVisible();
  await lead.goto(lead.url().replace(/\?.*$/, ''));
  const firstCase = lead.getByRole('link', { name: /^Reassign or replace / }).first();
  const reference = ((await firstCase.textContent()) ?? '').replace('Reassign or replace', '').trim();
  await firstCase.click();
  await expect(lead.getByRole('heading', { level: 1, name: `Case ${reference}` })).toBeVisible();
  await expect(lead.getByLabel(`Auditor for ${reference}`)).toBeVisible();
  await expectNoAxeViolations(lead);
  await lead.context().close();

  // The Improvement Manager sees their queue.
  const auditor = await newPerson(browser);
  await signIn(auditor, 'im@example.org');
  await expect(auditor.getByText(/cases are waiting for you/)).toBeVisible();
  await auditor.getByRole('link', { name: 'Open my cases' }).click();
  await expect(auditor.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
  await expect(auditor.getByRole('table').getByRole('row').nth(1)).toContainText('National Audit May 2015');
  await expectNoAxeViolations(auditor);
  await auditor.context().close();
});

/** Presses Tab until `locator` has focus (at most `limit` times): the keyboard's path through the form. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 60) {
  for (let step = 0; step < limit; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with the keyboard');
}

test('an IM grades a case with the keyboard only, autosaves, reloads, submits Not Met; the HoS reviews it; a safeguarding concern is raised, acknowledged and closed', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // The audit lead opens grading.
  const lead = await newPerson(browser);
  await signIn(lead, 'ssm@example.org');
  await lead.goto('/audits');
  await lead.getByRole('link', { name: 'National Audit May 2015', exact: true }).click();
  await lead.getByRole('button', { name: 'Start grading' }).click();
  // The form that started grading disappears on refresh; the status line stays.
  await expect(lead.getByText('National practice quality audit · Grading')).toBeVisible();
  await lead.context().close();

  // The Improvement Manager opens an A1 case from their queue.
  const auditor = await newPerson(browser);
  await signIn(auditor, 'im@example.org');
  await auditor.goto('/queue');
  await auditor.getByLabel('Service area').selectOption({ label: 'A1' });
  await auditor.getByRole('button', { name: 'Filter' }).click();
  const firstCase = auditor.getByRole('table').getByRole('row').nth(1).getByRole('link');
  const caseReference = (await firstCase.textContent()) ?? '';
  await firstCase.click();
  await expect(auditor.getByRole('heading', { level: 1, name: `Case ${caseReference}` })).toBeVisible();
  await expectNoAxeViolations(auditor);

  // Keyboard only: every section Not Met, evidence typed, every question answered Yes.
  const sections = auditor
    .locator('form section[aria-labelledby$="-title"]')
    .filter({ has: auditor.getByRole('group', { name: /^Grade for / }) });
  const sectionCount = await sections.count();
  expect(sectionCount).toBeGreaterThan(3);
  await auditor
    .getByRole('group', { name: /^Grade for / })
    .first()
    .getByRole('radio')
    .first()
    .focus();
  for (let index = 0; index < sectionCount; index += 1) {
    const section = sections.nth(index);
    await tabTo(auditor, section.getByRole('radio').first());
    await auditor.keyboard.press('Space');
    await auditor.keyboard.press('ArrowDown');
    await auditor.keyboard.press('ArrowDown');
    await expect(section.getByRole('radio', { name: 'Not Met' })).toBeChecked();
    await auditor.keyboard.press('Tab');
    await auditor.keyboard.type(`Evidence ${index + 1}: the analysis is missing.`);
    const questions = await section.getByRole('group').count();
    for (let question = 1; question < questions; question += 1) {
      await auditor.keyboard.press('Tab');
      await auditor.keyboard.press('Space');
    }
  }
  await tabTo(auditor, auditor.getByRole('radio', { name: 'Seen', exact: true }));
  await auditor.keyboard.press('Space');
  for (const indicator of [
    'Audit done collaboratively with the practitioner',
    'Feedback from the child or family obtained',
    'Management oversight recorded',
    'Supervision recorded',
  ]) {
    await tabTo(auditor, auditor.getByRole('group', { name: indicator }).getByRole('radio', { name: 'Yes' }));
    await auditor.keyboard.press('Space');
  }
  await expect(auditor.getByText('Suggested from the section grades: Not Met')).toBeVisible();
  await tabTo(auditor, auditor.getByRole('combobox', { name: 'Overall grade' }));
  await auditor.keyboard.press('ArrowDown');
  await auditor.keyboard.press('ArrowDown');
  await auditor.keyboard.press('ArrowDown');
  await expect(auditor.getByRole('combobox', { name: 'Overall grade' })).toHaveValue('not-met');
  await auditor.keyboard.press('Tab');
  await auditor.keyboard.type(
    'Safeguarding analysis was missing throughout; the accumulation of issues determined the grade.',
  );
  await auditor.keyboard.press('Tab'); // leaving the field saves

  // Autosave, then a reload keeps every answer.
  await expect(auditor.getByRole('status').filter({ hasText: /All changes saved at/ })).toBeVisible({
    timeout: 15_000,
  });
  await auditor.reload();
  await expect(auditor.getByLabel(/^Rationale/)).toHaveValue(
    'Safeguarding analysis was missing throughout; the accumulation of issues determined the grade.',
  );
  await expect(sections.first().getByRole('radio', { name: 'Not Met' })).toBeChecked();
  await expectNoAxeViolations(auditor);

  // A safeguarding concern, from the keyboard.
  const concernField = auditor.getByLabel('What needs to happen, and why');
  await tabTo(auditor, concernField, 400);
  await auditor.keyboard.type(
    'A referral is needed to make sure arrangements are safe for the non-subject children.',
  );
  await auditor.keyboard.press('Tab');
  await auditor.keyboard.press('Enter');
  await expect(auditor.getByRole('dialog', { name: 'Raise a safeguarding concern?' })).toBeVisible();
  await auditor.keyboard.press('Enter');
  await expect(
    auditor.getByText('Concern raised: the area and the audit lead have been told.'),
  ).toBeVisible();

  // Check the answers from the keyboard: every answer listed, each with a change link back to its field.
  await auditor.getByRole('button', { name: 'Check your answers' }).focus();
  await auditor.keyboard.press('Enter');
  const checkHeading = auditor.getByRole('heading', {
    level: 2,
    name: 'Check your answers before submitting',
  });
  await expect(checkHeading).toBeFocused();
  const overallRow = auditor.locator('dl > div').filter({ hasText: /^Overall grade/ });
  await expect(overallRow).toContainText('Not Met');
  await expectNoAxeViolations(auditor);
  // Back to the form leaves the check step, and stays there.
  await auditor.getByRole('button', { name: 'Back to the form' }).click();
  await expect(checkHeading).toHaveCount(0);
  await auditor.getByRole('button', { name: 'Check your answers' }).focus();
  await auditor.keyboard.press('Enter');
  await expect(checkHeading).toBeFocused();
  await auditor.getByRole('button', { name: 'Change Overall grade: Rationale' }).focus();
  await auditor.keyboard.press('Enter');
  await expect(auditor.getByLabel(/^Rationale/)).toBeFocused();
  await auditor.keyboard.type(' Checked before submitting.');
  await auditor.getByRole('button', { name: 'Check your answers' }).focus();
  await auditor.keyboard.press('Enter');
  await expect(checkHeading).toBeFocused();
  await expect(
    auditor
      .locator('dl > div')
      .filter({ hasText: /^Rationale/ })
      .first(),
  ).toContainText('Checked before submitting.');
  // Submit Not Met from the keyboard.
  await auditor.getByRole('button', { name: 'Confirm and submit grades' }).focus();
  await auditor.keyboard.press('Enter');
  await expect(
    auditor.getByText('The case has gone to the area’s Head of Service and Assistant Director for review.'),
  ).toBeVisible({ timeout: 15_000 });
  await expect(auditor.getByRole('heading', { level: 2, name: 'Overall grade: Not Met' })).toBeVisible();
  await expectNoAxeViolations(auditor);
  await auditor.context().close();

  // The Head of Service for A1 sees the review item and the concern.
  const head = await newPerson(browser);
  await signIn(head, 'hos.a1@example.org');
  // The demo's thematic audit already has one A1 Not Met case waiting (T15-000051).
  await expect(head.getByText(/2 cases in your area waiting for review/)).toBeVisible();
  await expect(head.getByText(/1 open/)).toBeVisible();
  await expectNoAxeViolations(head);
  await head
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reviews and concerns' })
    .click();
  await expect(
    head.getByRole('heading', {
      level: 3,
      name: new RegExp(`Case ${caseReference} .* Not Met .* Waiting for review`),
    }),
  ).toBeVisible();
  await expectNoAxeViolations(head);
  await head
    .getByLabel(`What you did about ${caseReference}`)
    .fill('Discussed with the practitioner and their manager; a practice plan is in place.');
  await head.getByRole('button', { name: `Record review of ${caseReference}` }).click();
  // The demo holds an earlier review by the same Head of Service: look at this case's own card.
  const thisCase = head
    .locator('article')
    .filter({ has: head.getByRole('heading', { level: 3, name: new RegExp(`Case ${caseReference} `) }) });
  await expect(thisCase.getByText(/Reviewed by Hannah Osei/)).toBeVisible();
  await head.getByRole('button', { name: `Acknowledge concern on ${caseReference}` }).click();
  await expect(head.getByLabel(`Action taken on ${caseReference}`)).toBeVisible();
  await head
    .getByLabel(`Action taken on ${caseReference}`)
    .fill('Referral to the local authority for the non-subject children.');
  await head.getByRole('button', { name: `Close concern on ${caseReference}` }).click();
  await expect(thisCase.getByText(/Closed .*: Referral to the local authority/)).toBeVisible();
  await expectNoAxeViolations(head);
  await head.goto('/inbox');
  await expect(head.getByRole('link', { name: `Not Met case for review: ${caseReference}` })).toBeVisible();
  await expectNoAxeViolations(head);
  await head.context().close();
});

/** Fills the whole grading form at the lowest grade (not the keyboard journey: that one is above). */
async function gradeNotMet(page: Page) {
  const groups = page.getByRole('group', { name: /^Grade for / });
  // Counting below must happen on the loaded form, not the page we came from.
  await expect(groups.first()).toBeVisible();
  for (let index = 0; index < (await groups.count()); index += 1)
    await groups.nth(index).getByRole('radio', { name: 'Not Met' }).check();
  const evidence = page.getByLabel(/^Evidence for /);
  for (let index = 0; index < (await evidence.count()); index += 1)
    await evidence.nth(index).fill('Analysis missing.');
  const yes = page.locator('form fieldset[id*="-question-"]');
  for (let index = 0; index < (await yes.count()); index += 1)
    await yes.nth(index).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('radio', { name: 'Seen', exact: true }).check();
  for (const indicator of [
    'Audit done collaboratively with the practitioner',
    'Feedback from the child or family obtained',
    'Management oversight recorded',
    'Supervision recorded',
  ]) {
    await page.getByRole('group', { name: indicator }).getByRole('radio', { name: 'No' }).check();
  }
  await page.getByRole('combobox', { name: 'Overall grade' }).selectOption('not-met');
  await page.getByLabel(/^Rationale/).fill('The accumulation of issues determined the grade.');
  await checkAndSubmitGrades(page);
  await expect(
    page.getByText('The case has gone to the area’s Head of Service and Assistant Director for review.'),
  ).toBeVisible({ timeout: 15_000 });
}

test('a HoS challenges two Not Met grades: one re-graded to Met by the audit lead, one referred to the NSD who upholds it; the figures say so', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // A second A1 case graded Not Met.
  const auditor = await newPerson(browser);
  await signIn(auditor, 'im@example.org');
  await auditor.goto('/queue?status=TO_DO');
  await auditor.getByLabel('Service area').selectOption({ label: 'A1' });
  await auditor.getByRole('button', { name: 'Filter' }).click();
  await auditor.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
  await gradeNotMet(auditor);

  // The Head of Service challenges both.
  const head = await newPerson(browser);
  await signIn(head, 'hos.a1@example.org');
  await head.goto('/reviews');
  // This audit's two; the demo's thematic audit has A1 reviews of its own.
  const mayReviews = head.locator('article').filter({ hasText: 'National Audit May 2015' });
  const challengeLinks = mayReviews.getByRole('link', { name: /^Challenge the grade of / });
  await expect(challengeLinks).toHaveCount(2);
  const references: string[] = [];
  for (let index = 0; index < 2; index += 1) {
    await head.goto('/reviews');
    const link = mayReviews.getByRole('link', { name: /^Challenge the grade of / }).nth(index);
    references.push(((await link.textContent()) ?? '').replace('Challenge the grade of ', ''));
    await link.click();
    await expect(
      head.getByRole('heading', { level: 1, name: /^Challenge the grade of case / }),
    ).toBeVisible();
    if (index === 0) await expectNoAxeViolations(head);
    const raise = async () => {
      await head.getByRole('group', { name: 'Sections you dispute' }).getByRole('checkbox').first().check();
      await head.getByLabel('The grade you believe is right').selectOption({ label: 'Met' });
      await head
        .getByLabel('Your reasons and evidence')
        .fill('The case plan was in place and reviewed; this is Met work.');
      await head.getByRole('button', { name: 'Raise challenge' }).click();
      // Post/redirect/get: the challenge's own page, with no form left to send twice.
      await expect(
        head.getByRole('heading', { level: 1, name: `Challenge on case ${references[index]}` }),
      ).toBeVisible();
      await expect(
        head
          .getByRole('status')
          .filter({ hasText: 'Challenge raised: the auditor and the audit lead have been told.' }),
      ).toBeVisible();
      await expect(head.getByRole('button', { name: 'Raise challenge' })).toHaveCount(0);
    };
    await raise();
    if (index === 0) {
      await expectNoAxeViolations(head);
      // Back to the form and the same challenge sent again: the same challenge, nothing new.
      const raisedAt = head.url();
      await head.goBack();
      await expect(head.getByRole('button', { name: 'Raise challenge' })).toBeVisible();
      await raise();
      expect(head.url()).toBe(raisedAt);
      await head.goto('/challenges');
      await expect(
        head.getByRole('heading', { level: 2, name: new RegExp(`^Case ${references[index]} `) }),
      ).toHaveCount(1);
    }
  }

  // The auditor replies to both.
  await auditor.goto('/challenges');
  await expectNoAxeViolations(auditor);
  for (const reference of references) {
    await auditor
      .getByLabel(`Your reply on ${reference}`)
      .fill('The plan was not reviewed when the circumstances changed.');
    await auditor.getByRole('button', { name: `Send reply on ${reference}` }).click();
    await expect(auditor.getByRole('button', { name: `Send reply on ${reference}` })).toHaveCount(0);
  }

  // The audit lead re-grades the first to Met and refers the second.
  const lead = await newPerson(browser);
  await signIn(lead, 'ssm@example.org');
  await lead.goto('/challenges');
  await expectNoAxeViolations(lead);
  const [first, second] = references as [string, string];
  await lead.getByLabel(`Decision on ${first}`).selectOption({ label: 'Re-graded' });
  const firstCard = lead.locator('article', {
    has: lead.getByRole('button', { name: `Record decision on ${first}` }),
  });
  await firstCard.getByLabel('New grade (when re-grading)').selectOption({ label: 'Met' });
  await firstCard
    .getByLabel('Reasons for the decision')
    .fill('The plan was reviewed within time; the threshold for Met is reached.');
  await lead.getByRole('button', { name: `Record decision on ${first}` }).click();
  await expect(lead.getByRole('button', { name: `Record decision on ${first}` })).toHaveCount(0);
  await lead.getByRole('button', { name: `Refer ${second} to the National Service Director` }).click();
  await lead
    .getByRole('dialog', { name: 'Refer for adjudication?' })
    .getByRole('button', { name: 'Yes, refer' })
    .click();
  await expect(
    lead.getByRole('button', { name: `Refer ${second} to the National Service Director` }),
  ).toHaveCount(0);

  // The National Service Director upholds; final.
  const director = await newPerson(browser);
  await signIn(director, 'nsd@example.org');
  await director.goto('/challenges');
  await expectNoAxeViolations(director);
  await director.getByLabel(`Adjudication on ${second}`).selectOption({ label: 'Grade upheld' });
  // The demo's thematic audit has a referral of its own waiting: this case's card.
  const secondCard = director.locator('article', {
    has: director.getByRole('button', { name: `Record adjudication on ${second}` }),
  });
  await secondCard
    .getByLabel('Reasons for the adjudication')
    .fill('The grade stands: the plan was not reviewed.');
  await director.getByRole('button', { name: `Record adjudication on ${second}` }).click();
  await expect(director.getByRole('button', { name: `Record adjudication on ${second}` })).toHaveCount(0);

  // The audit's figures.
  await director.goto('/audits');
  await director.getByRole('link', { name: 'National Audit May 2015', exact: true }).click();
  const figures = director.getByRole('region', { name: 'Challenges' });
  await expect(figures).toContainText('2 Not Met cases were challenged');
  await expect(figures).toContainText('1 was re-graded to Met');
  await expect(figures).toContainText('1 upheld');
  await expect(figures).toContainText('the grade remained unchanged');
  await expectNoAxeViolations(director);

  for (const page of [auditor, head, lead, director]) await page.context().close();
});
