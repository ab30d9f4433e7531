// Keyboard only: sign in, skip the header, and walk the section nav with Tab and Enter.
import { expect, test, type Page } from '@playwright/test';
import { checkA11y } from './support/a11y';
import { DEMO_PASSWORD, LEAD_EMAIL, sectionNav } from './support/session';

const SECTIONS = ['Dashboard', 'Drafts', 'Votes', 'Models', 'Case studies', 'Evidence', 'Milestones', 'Decisions', 'Members'];

/** Presses Tab until the focused element's accessible text is `name`; fails after `max` presses. */
async function tabTo(page: Page, name: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (text === name) return;
  }
  throw new Error(`"${name}" was not reached with ${max} presses of Tab`);
}

test('the app can be used with the keyboard alone', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Concord' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email address')).toBeFocused();
  await page.keyboard.type(LEAD_EMAIL);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/w\/[^/]+\/dashboard$/);

  // A fresh load starts focus at the top: the skip link comes first and jumps past header and nav.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // From the top again, Tab reaches every section link in order; Enter opens it.
  const nav = sectionNav(page);
  await expect(nav.getByRole('link')).toHaveText(SECTIONS);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const section of SECTIONS) {
    await tabTo(page, section);
    await expect(nav.getByRole('link', { name: section })).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/members$/);
  await expect(nav.getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');
  // After an in-app navigation the new page's heading has focus, as after a page load.
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeFocused();
  await checkA11y(page, 'keyboard-members');

  // Back into the nav with Shift+Tab, and to Votes.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Shift+Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Votes') break;
  }
  await expect(nav.getByRole('link', { name: 'Votes' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Votes' })).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Votes' })).toHaveAttribute('aria-current', 'page');
});
