// An editor builds a small case-study template and invites a model's contact; the contact joins
// through the link, sees only their case study, fills it in and submits; the assessment matrix and
// the coverage matrix then show it. Needs a freshly seeded demo database (tools/scripts/e2e.mjs).
import { expect, test, type Page } from '@playwright/test';
import { checkA11y } from './support/a11y';
import { sectionNav, signIn } from './support/session';

const EDITOR = 'editor@demo.concord.test';

/** A modal fades in; axe reads colours mid-fade as low contrast, so wait until it is fully shown. */
async function settled(page: Page) {
  await expect
    .poll(() => page.getByRole('dialog').evaluate((el) => Array.from({ length: 6 }).reduce<{ node: Element | null; min: number }>((acc) => (acc.node ? { node: acc.node.parentElement, min: Math.min(acc.min, Number(getComputedStyle(acc.node).opacity)) } : acc), { node: el, min: 1 }).min))
    .toBe(1);
}
const MODEL = 'Joint single point of access (illustrative)';
const CONTACT = { email: 'spa.contact@nhs.example', name: 'Sam Contact', organisation: 'Example integrated care board', password: 'a long new password 42' };

test('an editor builds a template, a model’s contact fills it in and submits, the matrix and coverage update', async ({ page, browser, baseURL }) => {
  await signIn(page, EDITOR);
  await sectionNav(page).getByRole('link', { name: 'Case studies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case studies' })).toBeVisible();
  await expect(page.getByText('Template version 1 is current.')).toBeVisible();
  await checkA11y(page, 'editor-case-studies');

  // Build a small template in place of the seeded one.
  await page.getByRole('link', { name: 'Edit the template' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case-study template' })).toBeVisible();
  await expect(page.getByLabel('Section 9 title')).toHaveValue('Transferability to small and specialist HEPs');
  await checkA11y(page, 'editor-template');
  while ((await page.getByRole('button', { name: 'Remove section' }).count()) > 0) await page.getByRole('button', { name: 'Remove section' }).first().click();
  await page.getByRole('button', { name: 'Add a section' }).click();
  await page.getByLabel('Section 1 title').fill('About the service');
  await page.getByLabel('Label').first().fill('Service name');
  await page.getByRole('checkbox', { name: 'Required' }).first().check();
  await page.getByRole('button', { name: 'Add a field to section 1' }).click();
  await page.getByLabel('Label').nth(1).fill('Challenges addressed');
  await page.getByRole('combobox', { name: 'Type' }).nth(1).click();
  await page.getByRole('option', { name: 'Multiple choice', exact: true }).click();
  await page.getByLabel('Options, one per line').fill('Waiting times\nGP registration');
  await page.getByRole('checkbox', { name: 'Required' }).nth(1).check();
  await page.getByRole('button', { name: 'Save template' }).click();
  // The seeded version has a submission, so this is a new version; the old case study keeps version 1.
  await expect(page.getByText('Saved as version 2.')).toBeVisible();
  await checkA11y(page, 'editor-template-saved');

  // Invite the contact of one model.
  await sectionNav(page).getByRole('link', { name: 'Case studies' }).click();
  await expect(page.getByText('Template version 2 is current.')).toBeVisible();
  await page.getByRole('button', { name: `Invite contact for ${MODEL}` }).click();
  const dialog = page.getByRole('dialog', { name: `Invite a contact for ${MODEL}` });
  await dialog.getByLabel("Contact's email address").fill(CONTACT.email);
  await dialog.getByLabel('Organisation').fill(CONTACT.organisation);
  await dialog.getByRole('combobox', { name: 'Sector' }).click();
  await page.getByRole('option', { name: 'NHS', exact: true }).click();
  await dialog.getByRole('button', { name: 'Invite contact' }).click();
  const linkField = dialog.getByRole('textbox', { name: 'Invitation link' });
  await expect(linkField).toBeVisible();
  const link = await linkField.inputValue();
  await settled(page);
  await checkA11y(page, 'editor-contact-invited');
  await page.keyboard.press('Escape');

  // The contact, in their own browser, joins and sees their case study and nothing else.
  const contactContext = await browser.newContext({ baseURL });
  const contact = await contactContext.newPage();
  await contact.goto(new URL(link).pathname);
  await contact.getByLabel('Full name').fill(CONTACT.name);
  await contact.getByLabel('Create a password', { exact: true }).fill(CONTACT.password);
  await contact.getByLabel('Confirm your password', { exact: true }).fill(CONTACT.password);
  await contact.getByRole('button', { name: 'Create account and join' }).click();
  await expect(contact).toHaveURL(/\/w\/[^/]+\/dashboard$/);
  await expect(sectionNav(contact).getByRole('link', { name: 'Models' })).toHaveCount(0);
  await expect(sectionNav(contact).getByRole('link', { name: 'Evidence' })).toHaveCount(0);
  await sectionNav(contact).getByRole('link', { name: 'Case studies' }).click();
  await expect(contact.getByRole('heading', { level: 1, name: 'Your case studies' })).toBeVisible();
  await expect(contact.getByRole('link')).not.toContainText(['University mental health liaison service (illustrative)']);
  await checkA11y(contact, 'contact-case-studies');
  await contact.getByRole('link', { name: MODEL }).click();
  await expect(contact.getByRole('heading', { level: 1, name: `Case study: ${MODEL}` })).toBeVisible();
  await contact.getByLabel('Service name').fill('Joint student SPA');
  // Submitting without the required choice: a field-level error, nothing submitted.
  await contact.getByRole('button', { name: 'Submit case study' }).click();
  await expect(contact.getByText('One answer needs attention before this can be submitted.')).toBeVisible();
  await expect(contact.getByText('Is required')).toBeVisible();
  await checkA11y(contact, 'contact-case-study-errors');
  await contact.getByRole('checkbox', { name: 'Waiting times' }).check();
  await contact.getByRole('button', { name: 'Submit case study' }).click();
  await expect(contact.getByText('Submitted. Thank you')).toBeVisible();
  await expect(contact.getByText('Submitted', { exact: true })).toBeVisible();
  await checkA11y(contact, 'contact-case-study-submitted');
  await contactContext.close();

  // The matrix shows the submission.
  await sectionNav(page).getByRole('link', { name: 'Models' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Models of good practice' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(MODEL.replace(/[()]/g, '\\$&')) });
  await expect(row).toContainText('Case study submitted');
  // The per-model summary agrees with its cells: which criteria are columns depends on whether a round
  // has closed yet (other journeys share this server), so count them rather than assume five.
  const liaison = page.getByRole('row', { name: /University mental health liaison service/ });
  const cells = (await liaison.textContent()) ?? '';
  const criteria = cells.match(/C\d+: /g)?.length ?? 0;
  const met = cells.match(/C\d+: Met/g)?.length ?? 0;
  expect(criteria).toBeGreaterThanOrEqual(4);
  await expect(liaison).toContainText(`${met} of ${criteria} met`);
  await checkA11y(page, 'editor-models');
  await row.getByRole('button').first().click();
  await expect(page.getByRole('dialog')).toContainText('Your rating');
  await settled(page);
  await checkA11y(page, 'editor-matrix-cell');
  await page.keyboard.press('Escape');

  // Coverage counts it among the case studies not yet mapped to a section, under Waiting times.
  await sectionNav(page).getByRole('link', { name: 'Evidence' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence' })).toBeVisible();
  const cell = page.getByRole('button', { name: /^Not yet mapped to a section, Waiting times: .*2 case studies/ });
  await expect(cell).toBeVisible();
  await checkA11y(page, 'editor-evidence');
  await cell.click();
  await expect(page.getByRole('dialog', { name: 'Not yet mapped to a section — Waiting times' }).getByRole('link', { name: MODEL })).toBeVisible();
  await settled(page);
  await checkA11y(page, 'editor-coverage-cell');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Common challenges\s*: why does this say this\?/ }).click();
  await expect(page.getByRole('dialog', { name: /Why does “Common challenges” say this\?/ })).toContainText('information-sharing protocol');
});
