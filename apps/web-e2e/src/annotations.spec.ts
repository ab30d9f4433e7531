// Annotations on the live draft: a member selects text and comments (keyboard shortcut), another member sees
// the thread arrive live with its highlight, an editor resolves it; axe on the draft with the panel open.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkA11y } from './support/a11y';
import { sectionNav, signIn } from './support/session';

const DRAFT = 'Guidance on joint working for student mental health (draft)';
const HE = 'member.he@demo.concord.test';
const NHS = 'member.nhs@demo.concord.test';
const EDITOR = 'editor@demo.concord.test';
const SHOTS = process.env.E2E_SHOTS_DIR ?? '/tmp/shots/annotations';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function newSignedInPage(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const draftText = (page: Page) => page.getByRole('textbox', { name: 'Draft text' });
const threads = (page: Page) => page.getByRole('list', { name: 'Threads' });

async function openDraft(page: Page): Promise<void> {
  await sectionNav(page).getByRole('link', { name: 'Drafts' }).click();
  await page.getByRole('link', { name: DRAFT }).click();
  await expect(page.locator('[data-connection]')).toContainText('Saved');
  await expect(draftText(page)).toContainText('Purpose and audience');
}

/** Selects `phrase` in the draft through the DOM selection, as a mouse drag would. */
async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await draftText(page).evaluate(async (el, wanted) => {
    el.focus();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        break;
      }
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }, phrase);
}

test('a member comments on selected text, another sees it live, an editor resolves it', async ({ browser, baseURL }) => {
  const run = Date.now().toString(36);
  const phrase = 'referral thresholds';
  const body = `Thresholds differ by trust; say which (${run}).`;

  const hannah = await newSignedInPage(browser, baseURL, HE);
  const nadia = await newSignedInPage(browser, baseURL, NHS);
  await openDraft(hannah);
  await openDraft(nadia);
  await expect(nadia.getByTestId('thread-count')).toContainText('Showing');

  await selectPhrase(hannah, phrase);
  await hannah.keyboard.press('Control+Alt+m');
  const dialog = hannah.getByRole('dialog', { name: 'Comment on the selected text' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('annotation-quote')).toHaveText(phrase);
  await dialog.getByLabel('Your comment').fill(body);
  await shot(hannah, '01-comment-form');
  await dialog.getByRole('button', { name: 'Add comment' }).click();
  await expect(dialog).toBeHidden();

  const mine = threads(hannah).getByRole('listitem').filter({ hasText: body });
  await expect(mine).toBeVisible();
  await expect(hannah.locator('.concord-annotation[data-kind="comment"]').filter({ hasText: phrase })).toBeVisible();

  // Nadia did nothing: the thread and its highlight arrive through the subscription.
  const seen = threads(nadia).getByRole('listitem').filter({ hasText: body });
  await expect(seen).toBeVisible();
  await expect(seen).toContainText('Hannah Okafor');
  await expect(nadia.locator('.concord-annotation').filter({ hasText: phrase })).toBeVisible();
  await seen.getByLabel('Reply').fill(`Agreed (${run}).`);
  await seen.getByRole('button', { name: 'Send' }).click();
  await expect(threads(hannah).getByRole('listitem').filter({ hasText: body })).toContainText(`Agreed (${run}).`);
  await shot(nadia, '02-thread-live');
  await checkA11y(nadia, 'annotations-draft-panel');

  // A suggested edit, with the form's own kinds.
  await selectPhrase(hannah, 'GP registration');
  await hannah.getByRole('button', { name: 'Comment', exact: true }).click();
  await dialog.getByLabel('Kind').click();
  await hannah.getByRole('option', { name: 'Suggested edit' }).click();
  await dialog.getByLabel('Why this change').fill(`Clearer for NHS readers (${run}).`);
  await dialog.getByLabel('Replacement text').fill('registering with a GP');
  await dialog.getByRole('button', { name: 'Add suggested edit' }).click();
  await expect(dialog).toBeHidden();
  await expect(hannah.locator('.concord-annotation[data-kind="suggestion"]').filter({ hasText: 'GP registration' })).toBeVisible();

  const editor = await newSignedInPage(browser, baseURL, EDITOR);
  await openDraft(editor);
  const toResolve = threads(editor).getByRole('listitem').filter({ hasText: body });
  await toResolve.getByRole('button', { name: 'Show in text' }).click();
  await expect(editor.locator('.concord-annotation--selected')).toHaveText(phrase);
  await shot(editor, '03-editor-selected');
  await toResolve.getByRole('button', { name: 'Resolve' }).click();
  // Open threads only by default: the resolved one leaves the list and its highlight goes, for everyone.
  await expect(threads(editor).getByRole('listitem').filter({ hasText: body })).toHaveCount(0);
  await expect(threads(nadia).getByRole('listitem').filter({ hasText: body })).toHaveCount(0);
  await expect(nadia.locator('.concord-annotation').filter({ hasText: phrase })).toHaveCount(0);
  await editor.getByRole('combobox', { name: 'Status' }).click();
  await editor.getByRole('option', { name: 'Resolved' }).click();
  await expect(threads(editor).getByRole('listitem').filter({ hasText: body })).toContainText('Resolved');

  for (const page of [hannah, nadia, editor]) await page.context().close();
});
