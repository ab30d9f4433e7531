// The lead invites a new person; the invitee opens the link in their own browser, creates an account,
// and lands in the workspace as a member. Needs a freshly seeded demo database (tools/scripts/e2e.mjs).
import { expect, test } from '@playwright/test';
import { checkA11y } from './support/a11y';
import { LEAD_EMAIL, sectionNav, signIn } from './support/session';

const INVITEE = {
  email: 'new.person@example.org',
  name: 'Nadia Newperson',
  organisation: 'Example NHS Foundation Trust',
  password: 'a long new password 42',
};

test('a lead invites a new member, who joins through the link', async ({ page, browser, baseURL }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Concord' })).toBeVisible();
  await checkA11y(page, 'sign-in');

  await signIn(page, LEAD_EMAIL);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkA11y(page, 'lead-dashboard');

  await sectionNav(page).getByRole('link', { name: 'Members' }).click();
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(sectionNav(page).getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle(/^Members · .+ · Concord$/);
  // Grouped by sector, each heading with its count: "Higher education (3)".
  await expect(page.getByRole('heading', { name: /^Higher education \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^NHS \(\d+\)$/ })).toBeVisible();
  await checkA11y(page, 'lead-members');

  const form = page.getByRole('form', { name: 'Invite a member' });
  await form.getByLabel('Email address').fill(INVITEE.email);
  await form.getByLabel('Role').selectOption({ label: 'Member' });
  await form.getByLabel('Organisation').fill(INVITEE.organisation);
  await form.getByLabel('Sector').selectOption({ label: 'NHS' });
  await form.getByRole('button', { name: 'Create invitation link' }).click();

  const linkField = page.getByRole('textbox', { name: 'Invitation link' });
  await expect(linkField).toBeVisible();
  await expect(linkField).toHaveAttribute('readonly', '');
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/invite\/[^/\s]+$/);
  await expect(page.getByText(/works once and expires on/)).toBeVisible();
  const pending = page.getByRole('row', { name: new RegExp(INVITEE.email) });
  await expect(pending).toContainText('Pending');
  await checkA11y(page, 'lead-invitation-created');

  // The invitee has their own browser: no cookie of the lead's. The link's host may differ from the
  // one under test (localhost vs 127.0.0.1), so only its path is used.
  const invitee = await browser.newContext({ baseURL });
  const other = await invitee.newPage();
  await other.goto(new URL(link).pathname);
  const workspaceName = (await page.getByRole('combobox', { name: 'Workspace' }).locator('option:checked').textContent()) ?? '';
  await expect(other.getByRole('heading', { level: 1, name: `Join ${workspaceName}` })).toBeVisible();
  await expect(other.getByText(INVITEE.organisation)).toBeVisible();
  await checkA11y(other, 'invitation');

  await other.getByLabel('Full name').fill(INVITEE.name);
  await other.getByLabel('Create a password', { exact: true }).fill(INVITEE.password);
  await other.getByLabel('Confirm your password', { exact: true }).fill(INVITEE.password);
  await other.getByRole('button', { name: 'Create account and join' }).click();

  await expect(other).toHaveURL(/\/w\/[^/]+\/dashboard$/);
  await expect(other.getByRole('heading', { level: 1, name: workspaceName })).toBeVisible();
  await expect(other.getByText(/You are a member from Example NHS Foundation Trust/)).toBeVisible();
  await expect(other.getByRole('button', { name: new RegExp(INVITEE.name) })).toBeVisible();
  await checkA11y(other, 'invitee-dashboard');

  await sectionNav(other).getByRole('link', { name: 'Members' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  const nhs = other.getByRole('table', { name: /^NHS \(/ });
  await expect(nhs.getByRole('row', { name: new RegExp(INVITEE.name) })).toContainText(INVITEE.email);
  // A member reads the list; only a lead manages it.
  await expect(other.getByText('Only a lead can invite people or change roles.')).toBeVisible();
  await expect(other.getByRole('form', { name: 'Invite a member' })).toHaveCount(0);
  await expect(other.getByRole('combobox', { name: /^Role of / })).toHaveCount(0);
  await checkA11y(other, 'invitee-members');

  // The same link does not work twice.
  await other.goto(new URL(link).pathname);
  await expect(other.getByRole('heading', { level: 1, name: 'This invitation has already been used' })).toBeVisible();
  await checkA11y(other, 'invitation-used');
  await invitee.close();

  await page.reload();
  await expect(page.getByRole('table', { name: /^NHS \(/ }).getByRole('row', { name: new RegExp(INVITEE.name) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(INVITEE.email) }).filter({ hasText: 'Accepted' })).toBeVisible();
});

test('the last lead cannot demote themselves, and is told why', async ({ page }) => {
  await signIn(page, LEAD_EMAIL);
  await sectionNav(page).getByRole('link', { name: 'Members' }).click();
  const myRow = page.getByRole('row').filter({ hasText: LEAD_EMAIL });
  const myRole = myRow.getByRole('combobox', { name: /^Role of / });
  await expect(myRole).toHaveValue('Lead');

  // Keyboard: open the list, move to Editor, choose it.
  await myRole.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  await expect(myRow.getByText('A workspace needs at least one lead', { exact: false })).toBeVisible();
  await expect(myRole).toHaveValue('Lead');
  await expect(myRole).toHaveAttribute('aria-invalid', 'true');
  await checkA11y(page, 'lead-last-lead-error');
});
