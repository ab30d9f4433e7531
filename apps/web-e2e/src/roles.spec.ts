// The nav shows each role only the sections it can use; the server's FORBIDDEN never reaches the screen.
import { expect, test } from '@playwright/test';
import { checkA11y } from './support/a11y';
import { sectionNav, signIn } from './support/session';

test('a reviewer sees only the Dashboard and Drafts', async ({ page }) => {
  await signIn(page, 'reviewer@demo.concord.test');
  await expect(sectionNav(page).getByRole('link')).toHaveText(['Dashboard', 'Drafts']);
  await expect(page.getByText('You are a reviewer')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await checkA11y(page, 'reviewer-dashboard');

  await sectionNav(page).getByRole('link', { name: 'Drafts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Drafts' })).toBeVisible();
  await expect(page.getByText(/None is shared with you yet/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A typed or old link to a section the role cannot use explains itself.
  await page.goto(page.url().replace(/\/drafts$/, '/members'));
  await expect(page.getByRole('heading', { level: 1, name: 'Members is not available to you' })).toBeVisible();
  await checkA11y(page, 'reviewer-members');
});

test('an observer reads the members but cannot manage them', async ({ page }) => {
  await signIn(page, 'observer@demo.concord.test');
  await expect(sectionNav(page).getByRole('link')).toHaveCount(8);
  await sectionNav(page).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { name: /^People \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^Role of / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Invitations' })).toHaveCount(0);
  await checkA11y(page, 'observer-members');
});
