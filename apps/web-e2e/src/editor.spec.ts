// Live co-editing of the seeded draft: two people in two browsers see each other's text and carets; one
// goes offline, keeps writing and merges on reconnect; named versions are saved, compared and restored.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkA11y } from './support/a11y';
import { LEAD_EMAIL, sectionNav, signIn } from './support/session';

const DRAFT = 'Guidance on joint working for student mental health (draft)';
const HE = { email: 'member.he@demo.concord.test', name: 'Hannah Okafor' };
const NHS = { email: 'member.nhs@demo.concord.test', name: 'Dr Nadia Shah' };
const EDITOR_EMAIL = 'editor@demo.concord.test';

/** With E2E_SHOTS_DIR set, saves the viewport as it is now (for review; never compared). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

async function newSignedInPage(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function openDraft(page: Page, ready = 'Saved'): Promise<void> {
  await sectionNav(page).getByRole('link', { name: 'Drafts' }).click();
  await page.getByRole('link', { name: DRAFT }).click();
  await expect(page.getByRole('heading', { level: 1, name: DRAFT })).toBeFocused();
  await expect(connection(page)).toContainText(ready);
  await expect(draftText(page)).toContainText('Purpose and audience');
}

const draftText = (page: Page) => page.getByRole('textbox', { name: 'Draft text' });
const connection = (page: Page) => page.locator('[data-connection]');

/** The draft's text as the reader sees it, without the others' caret labels. */
function textWithoutCarets(page: Page): Promise<string> {
  return draftText(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}

/**
 * Puts the caret at the very end of the draft, on a new paragraph, and types. The caret is placed through
 * the DOM selection, as a click would (ProseMirror follows selectionchange): headless Chromium does not
 * move it on Ctrl+End, and a click lands wherever the middle of the text is.
 */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await draftText(page).evaluate(async (el) => {
    el.focus();
    // The end of the last text, not of the last element: another person's caret may sit there.
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('.collaboration-carets__caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let last: Node | null = null;
    while (texts.nextNode()) last = texts.currentNode;
    const range = document.createRange();
    if (last) range.setStart(last, last.textContent?.length ?? 0);
    else range.selectNodeContents(el);
    range.collapse(!last);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    // ProseMirror reads the DOM selection on selectionchange, which fires asynchronously: wait until it
    // has, and the selection is still where it was put (under load, a frame was not always enough).
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10)));
      const now = window.getSelection();
      if (now?.anchorNode === (last ?? el) && now.anchorOffset === (last ? (last.textContent?.length ?? 0) : 0)) break;
      now?.removeAllRanges();
      now?.addRange(range);
    }
  });
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

test('two members co-edit live, see each other, and an offline edit merges on reconnect', async ({ browser, baseURL }) => {
  const run = Date.now().toString(36);
  const said = {
    hannah: `Hannah writes from the university side (${run}).`,
    nadia: `Nadia answers for the NHS trust (${run}).`,
    offline: `Written on the train without a connection (${run}).`,
    meanwhile: `Hannah carries on meanwhile (${run}).`,
  };
  const he = await newSignedInPage(browser, baseURL, HE.email);
  const nhs = await newSignedInPage(browser, baseURL, NHS.email);

  await sectionNav(he).getByRole('link', { name: 'Drafts' }).click();
  await expect(he.getByRole('heading', { level: 1, name: 'Drafts' })).toBeVisible();
  await expect(he.getByRole('link', { name: DRAFT })).toBeVisible();
  // Members co-edit but do not manage documents.
  await expect(he.getByRole('button', { name: 'New document' })).toHaveCount(0);
  await checkA11y(he, 'drafts');

  await openDraft(he);
  await openDraft(nhs);
  // The outline takes the caret to a heading.
  await he.getByRole('navigation', { name: 'Outline and word count' }).getByRole('button', { name: 'Common challenges' }).click();
  await expect(draftText(he)).toBeFocused();
  expect(await he.evaluate(() => window.getSelection()?.anchorNode?.textContent)).toBe('Common challenges');

  await typeAtEnd(he, said.hannah);
  await expect(draftText(nhs)).toContainText(said.hannah);
  await typeAtEnd(nhs, said.nadia);
  await expect(draftText(he)).toContainText(said.nadia);

  // Each sees the other's caret with their name, and the other in the presence list.
  await expect(he.locator('.collaboration-carets__label', { hasText: NHS.name })).toBeVisible();
  await expect(nhs.locator('.collaboration-carets__label', { hasText: HE.name })).toBeVisible();
  const people = he.getByRole('list', { name: /In this draft now/ });
  await expect(people).toContainText(`${HE.name} (you)`);
  await expect(people).toContainText(NHS.name);
  await checkA11y(he, 'document-two-editors');
  await draftText(he).locator('p').last().scrollIntoViewIfNeeded();
  await shot(he, 'document-two-editors-carets');
  await shot(nhs, 'document-two-editors-carets-other-side');

  // Offline: Nadia keeps writing; her text stays with her until she is back.
  await nhs.context().setOffline(true);
  await expect(connection(nhs)).toContainText('Offline — your changes are kept on this device');
  await typeAtEnd(nhs, said.offline);
  await expect(draftText(nhs)).toContainText(said.offline);
  await shot(nhs, 'document-offline');
  await typeAtEnd(he, said.meanwhile);
  await expect(draftText(he)).not.toContainText(said.offline);

  await nhs.context().setOffline(false);
  await expect(connection(nhs)).toContainText('Saved');
  await expect(draftText(he)).toContainText(said.offline);
  await expect(draftText(nhs)).toContainText(said.meanwhile);
  // Both converge on the same text.
  await expect.poll(async () => (await textWithoutCarets(he)) === (await textWithoutCarets(nhs))).toBe(true);
  expect(await textWithoutCarets(he)).toContain(said.nadia);

  await he.context().close();
  await nhs.context().close();
});

test('an editor saves a named version and compares it; the lead restores it and the draft reverts for everyone', async ({ browser, baseURL }) => {
  const editor = await newSignedInPage(browser, baseURL, EDITOR_EMAIL);
  await openDraft(editor);
  const versionName = `Before the funding note ${Date.now()}`;

  await editor.getByRole('button', { name: 'Save a named version' }).click();
  const dialog = editor.getByRole('dialog', { name: 'Save a named version' });
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog.getByText('Enter a name for the version')).toBeVisible();
  await dialog.getByLabel('Name').fill(versionName);
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.getByText(`Saved “${versionName}”.`)).toBeVisible();

  await typeAtEnd(editor, 'A funding note added after the version.');
  await expect(connection(editor)).toContainText('Saved');

  await editor.getByRole('link', { name: 'All versions: view, compare, restore' }).click();
  await expect(editor.getByRole('heading', { level: 1, name: `Versions of “${DRAFT}”` })).toBeFocused();
  // Editors cannot restore: only leads can.
  await expect(editor.getByRole('button', { name: /^Restore / })).toHaveCount(0);
  await editor.getByRole('button', { name: `Compare with the live draft: ${versionName}` }).click();
  const diff = editor.getByTestId('diff');
  await expect(diff.locator('ins', { hasText: 'funding note added after the version' })).toBeVisible();
  await expect(diff.locator('ins', { hasText: 'funding note' })).toContainText('Added:');
  await expect(editor.getByText(/\d+ words? added, \d+ words? removed\./)).toBeVisible();
  await checkA11y(editor, 'versions-compare');

  // The version itself, read-only.
  await editor.getByRole('link', { name: `View ${versionName}` }).click();
  const versionText = editor.getByRole('textbox', { name: `Text of ${versionName}` });
  await expect(versionText).toHaveAttribute('aria-readonly', 'true');
  await expect(versionText).toContainText('Purpose and audience');
  await expect(versionText).not.toContainText('A funding note added after the version.');
  await checkA11y(editor, 'version-view');

  await editor.getByRole('link', { name: 'The live draft', exact: true }).click();
  await expect(connection(editor)).toContainText('Saved');
  await expect(draftText(editor)).toContainText('A funding note added after the version.');

  // The lead restores the version; the editor, still in the draft, sees the text revert.
  const lead = await newSignedInPage(browser, baseURL, LEAD_EMAIL);
  await openDraft(lead);
  await lead.getByRole('link', { name: 'All versions: view, compare, restore' }).click();
  await lead.getByRole('button', { name: `Restore ${versionName}` }).click();
  const confirm = lead.getByRole('dialog', { name: `Restore “${versionName}”?` });
  await expect(confirm).toContainText('everyone with the draft open sees the text change');
  await expect(confirm).toContainText('History is kept');
  await expect(confirm).toHaveCSS('opacity', '1');
  await checkA11y(lead, 'restore-confirm');
  await confirm.getByRole('button', { name: 'Restore this version' }).click();
  await expect(lead.getByText(`“${versionName}” is restored`)).toBeVisible();

  await expect(draftText(editor)).not.toContainText('A funding note added after the version.');
  await expect(draftText(editor)).toContainText('Purpose and audience');

  await editor.context().close();
  await lead.context().close();
});

test('an observer reads the draft but cannot change it', async ({ page }) => {
  await signIn(page, 'observer@demo.concord.test');
  await openDraft(page, 'Up to date');
  await expect(page.getByText('As an observer you can read this draft')).toBeVisible();
  await expect(draftText(page)).toHaveAttribute('aria-readonly', 'true');
  await expect(draftText(page)).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save a named version' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Outline and word count' }).getByRole('button', { name: 'Scope' })).toBeVisible();
  await checkA11y(page, 'document-observer');
});

test('an editor starts a document with a word budget, renames it and formats its text', async ({ page }) => {
  const stamp = Date.now();
  const title = `Case-study summaries ${stamp}`;
  const renamed = `Case studies of models of good practice ${stamp}`;
  await signIn(page, EDITOR_EMAIL);
  await sectionNav(page).getByRole('link', { name: 'Drafts' }).click();
  await page.getByRole('button', { name: 'New document' }).click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByLabel('Word budget (optional)').fill('lots');
  await dialog.getByRole('button', { name: 'Create document' }).click();
  await expect(dialog.getByText('Enter a title')).toBeVisible();
  await expect(dialog.getByText('Enter the word budget as a whole number of words, or leave it empty')).toBeVisible();
  await checkA11y(page, 'new-document-errors');
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Word budget (optional)').fill('1,500');
  await dialog.getByRole('button', { name: 'Create document' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(connection(page)).toContainText('Saved');
  await expect(page.getByText('No headings yet.')).toBeVisible();

  // The toolbar: a heading, then bold text; the pressed state follows the caret.
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await draftText(page).click();
  await toolbar.getByRole('button', { name: 'Heading 2' }).click();
  await page.keyboard.type('Manchester liaison service');
  await expect(toolbar.getByRole('button', { name: 'Heading 2' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Bold' }).click();
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('Joint triage');
  // Keyboard: Alt+F10 to the toolbar, arrows along it, Escape back to the text.
  await page.keyboard.press('Alt+F10');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(draftText(page)).toBeFocused();
  await page.keyboard.type(' and referral');
  await expect(draftText(page).locator('h2')).toHaveText('Manchester liaison service');
  await expect(draftText(page).locator('strong')).toHaveText('Joint triage and referral');

  // A link from the dialog (a bare domain gets https://), and a table with its own tools.
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Link' }).click();
  const linkDialog = page.getByRole('dialog', { name: 'Add a link' });
  await linkDialog.getByLabel('Web or email address').fill('javascript:alert(1)');
  await linkDialog.getByRole('button', { name: 'Save link' }).click();
  await expect(linkDialog.getByText('Enter a web address like https://www.example.org, or an email address')).toBeVisible();
  await linkDialog.getByLabel('Web or email address').fill('www.gmmh.nhs.uk');
  await linkDialog.getByLabel('Text to show (optional)').fill('GMMH');
  await linkDialog.getByRole('button', { name: 'Save link' }).click();
  await expect(draftText(page).getByRole('link', { name: 'GMMH' })).toHaveAttribute('href', 'https://www.gmmh.nhs.uk/');
  await expect(toolbar.getByRole('button', { name: 'Add row' })).toHaveCount(0);
  await toolbar.getByRole('button', { name: 'Insert table' }).click();
  await expect(draftText(page).locator('table th')).toHaveCount(3);
  await toolbar.getByRole('button', { name: 'Add row' }).click();
  await expect(draftText(page).locator('table tr')).toHaveCount(4);

  const outline = page.getByRole('navigation', { name: 'Outline and word count' });
  await expect(outline.getByRole('button', { name: 'Manchester liaison service' })).toBeVisible();
  await expect(outline).toContainText('8 words of 1,500');

  await page.getByRole('button', { name: 'Rename or change the word budget' }).click();
  const rename = page.getByRole('dialog', { name: `Rename “${title}”` });
  await rename.getByLabel('Title').fill(renamed);
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await sectionNav(page).getByRole('link', { name: 'Drafts' }).click();
  await expect(page.getByRole('link', { name: renamed })).toBeVisible();
  await expect(page.getByRole('button', { name: `Rename ${renamed}` })).toBeVisible();
  await checkA11y(page, 'drafts-editor');
});

test("signing out deletes the drafts' offline copies, after warning about edits the server has not got", async ({ browser, baseURL }) => {
  const copies = (page: Page) =>
    page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('concord-doc-')));
  const page = await newSignedInPage(browser, baseURL, HE.email);
  await openDraft(page);
  await expect.poll(() => copies(page)).toHaveLength(1);

  // Offline with an edit only this browser holds: signing out warns, and staying keeps everything.
  await page.context().setOffline(true);
  await expect(connection(page)).toContainText('Offline');
  const unsent = `Not sent yet (${Date.now().toString(36)}).`;
  await typeAtEnd(page, unsent);
  const account = page.getByRole('button', { name: `${HE.name}: account menu` });
  await account.click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  const warning = page.getByRole('dialog', { name: 'Edits not saved yet' });
  await expect(warning).toContainText('deletes this browser');
  // The account menu closes with a transition: checked once it has gone (mid-transition, its emptied
  // list is an ARIA menu without items).
  await expect(page.getByRole('menu')).toHaveCount(0);
  await checkA11y(page, 'sign-out-unsent-warning');
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toBeHidden();

  // Back online the edit is saved; signing out then asks nothing and leaves no copy behind.
  await page.context().setOffline(false);
  await expect(connection(page)).toContainText('Saved');
  await account.click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sign in/ })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Edits not saved yet' })).toHaveCount(0);
  await expect.poll(() => copies(page)).toEqual([]);

  // The edit was kept by the server, not by the deleted copy.
  const other = await newSignedInPage(browser, baseURL, NHS.email);
  await openDraft(other);
  await expect(draftText(other)).toContainText(unsent);
  await other.context().close();
  await page.context().close();
});
