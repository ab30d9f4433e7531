import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'concord-demo';
export const LEAD_EMAIL = 'lead@demo.concord.test';

/** Signs in through the form and waits for the workspace dashboard. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/dashboard$/);
}

/** The workspace's section nav (a landmark). */
export function sectionNav(page: Page) {
  return page.getByRole('navigation', { name: 'Workspace sections' });
}
