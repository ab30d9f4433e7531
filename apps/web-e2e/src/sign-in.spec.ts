import { expect, test } from '@playwright/test';
import { checkA11y } from './support/a11y';
import { DEMO_PASSWORD, LEAD_EMAIL, sectionNav, signIn } from './support/session';

test('a wrong password shows an error and keeps you on the sign-in page', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(LEAD_EMAIL);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Sign-in failed');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await checkA11y(page, 'sign-in-failed');
});

test('a signed-out visit to a workspace page asks to sign in first', async ({ page }) => {
  await page.goto('/w/some-workspace/members');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fw%2Fsome-workspace%2Fmembers$/);
  await expect(page.getByText('Local demo? See the README for the demo accounts.')).toBeVisible();
});

test('a session that ends while the app is open leads back to sign-in, then to where you were', async ({ page, context }) => {
  await signIn(page, LEAD_EMAIL);
  // The dashboard's own queries must be answered first: one still in flight when the session ends would
  // already lead to sign-in, before the click below.
  await expect(page.getByText('You are a lead')).toBeVisible();
  await context.clearCookies();
  await sectionNav(page).getByRole('link', { name: 'Evidence' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fw%2F[^%]+%2Fevidence$/);
  await page.getByLabel('Email address').fill(LEAD_EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/evidence$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence' })).toBeVisible();
});
