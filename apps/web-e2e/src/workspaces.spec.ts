// A lead starts a second workspace and invites someone who already has an account: they join with
// their own password and can switch between their workspaces.
import { expect, test } from '@playwright/test';
import { checkA11y } from './support/a11y';
import { DEMO_PASSWORD, LEAD_EMAIL, sectionNav, signIn } from './support/session';

const NAME = 'Taskforce briefing sub-group';

test('an existing account joins a new workspace with its own password', async ({ page, browser, baseURL }) => {
  await signIn(page, LEAD_EMAIL);
  await page.getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog.getByText('Enter a name for the workspace')).toBeVisible();
  await checkA11y(page, 'new-workspace-errors');
  await dialog.getByLabel('Name').fill(NAME);
  await dialog.getByLabel('Your organisation').fill('AMOSSHE');
  await dialog.getByRole('button', { name: 'Create workspace' }).click();

  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByText('You are a lead from AMOSSHE')).toBeVisible();
  await sectionNav(page).getByRole('link', { name: 'Members' }).click();
  const form = page.getByRole('form', { name: 'Invite a member' });
  await form.getByLabel('Email address').fill('member.nhs@demo.concord.test');
  await form.getByLabel('Role').selectOption({ label: 'Observer' });
  await form.getByLabel('Organisation').fill('Greater Manchester Mental Health NHS Foundation Trust');
  await form.getByLabel('Sector').selectOption({ label: 'NHS' });
  await form.getByRole('button', { name: 'Create invitation link' }).click();
  const link = await page.getByRole('textbox', { name: 'Invitation link' }).inputValue();

  const context = await browser.newContext({ baseURL });
  const invitee = await context.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole('heading', { level: 1, name: `Join ${NAME}` })).toBeVisible();
  await expect(invitee.getByText('You already have a Concord account')).toBeVisible();
  await expect(invitee.getByLabel('Full name')).toHaveCount(0);
  await checkA11y(invitee, 'invitation-existing-account');

  await invitee.getByLabel('Password', { exact: true }).fill('not my password');
  await invitee.getByRole('button', { name: 'Sign in and join' }).click();
  await expect(invitee.getByRole('alert')).toBeVisible();
  await invitee.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await invitee.getByRole('button', { name: 'Sign in and join' }).click();

  await expect(invitee).toHaveURL(/\/w\/[^/]+\/dashboard$/);
  await expect(invitee.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await expect(invitee.getByText('You are an observer from Greater Manchester Mental Health NHS Foundation Trust')).toBeVisible();
  const switcher = invitee.getByRole('combobox', { name: 'Workspace' });
  await expect(switcher.locator('option')).toHaveCount(2);

  // Switching keeps the section when the role there allows it.
  await sectionNav(invitee).getByRole('link', { name: 'Members' }).click();
  await expect(invitee.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  const other = (await switcher.locator('option').allTextContents()).find((name) => name !== NAME) ?? '';
  await switcher.selectOption({ label: other });
  await expect(invitee).toHaveURL(/\/members$/);
  await expect(invitee).toHaveTitle(`Members · ${other} · Concord`);
  await context.close();
});
