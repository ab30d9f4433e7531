// The nav shows each role only the sections it can use; the server's FORBIDDEN never reaches the screen.
import { expect, test } from '@playwright/test';
import { checkA11y } from './support/a11y';
import { sectionNav, signIn } from './support/session';

test('a reviewer sees only the Dashboard, Drafts and Case studies', async ({ page }) => {
  await signIn(page, 'reviewer@demo.concord.test');
  // Case studies: where a model's contact (a reviewer) fills in theirs; a stakeholder reviewer finds none.
  await expect(sectionNav(page).getByRole('link')).toHaveText(['Dashboard', 'Drafts', 'Case studies']);
  await expect(page.getByText('You are a reviewer')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await checkA11y(page, 'reviewer-dashboard');

  await sectionNav(page).getByRole('link', { name: 'Drafts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Drafts' })).toBeVisible();
  await expect(page.getByText(/None is shared with you yet/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await sectionNav(page).getByRole('link', { name: 'Case studies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your case studies' })).toBeVisible();
  await expect(page.getByText('You have not been invited to fill in a case study.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await checkA11y(page, 'reviewer-case-studies');
  await sectionNav(page).getByRole('link', { name: 'Drafts' }).click();

  // A typed or old link to a section the role cannot use explains itself.
  await page.goto(page.url().replace(/\/drafts$/, '/members'));
  await expect(page.getByRole('heading', { level: 1, name: 'Members is not available to you' })).toBeVisible();
  await checkA11y(page, 'reviewer-members');
});

test('an observer reads the members but cannot manage them', async ({ page }) => {
  await signIn(page, 'observer@demo.concord.test');
  await expect(sectionNav(page).getByRole('link')).toHaveCount(9);
  await sectionNav(page).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { name: /^People \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^Role of / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Invitations' })).toHaveCount(0);
  await checkA11y(page, 'observer-members');
});
