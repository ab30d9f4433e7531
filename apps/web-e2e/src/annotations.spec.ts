// Annotations on the live draft: a member selects text and comments (keyboard shortcut), another member sees
// the thread arrive live with its highlight, an editor resolves it. Review rounds: an editor shares a new
// named version with a reviewer, who comments on it; the editor closes the round, triages and exports.
// axe on the draft with the panel open and on the review pages.
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
    const select = () => {
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
          return;
        }
      }
    };
    // ProseMirror takes the DOM selection on selectionchange, asynchronously; a live change from
    // someone else can re-render the paragraph meanwhile and drop it. Select again until it has held
    // for two frames in a row.
    let held = 0;
    select();
    for (let i = 0; i < 40 && held < 2; i++) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10)));
      if (window.getSelection()?.toString() === wanted) held++;
      else {
        held = 0;
        select();
      }
    }
  }, phrase);
}

test('a member comments on selected text, another sees it live, an editor resolves it and accepts a suggested edit', async ({ browser, baseURL }) => {
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
  await expect(hannah.getByRole('navigation', { name: 'Outline and word count' })).toContainText(/open comment/);
  await expect(mine.getByRole('button', { name: 'Delete' })).toBeVisible();

  // Hannah edits her own text in place; the thread is marked "(edited)" and Nadia sees the new text live.
  const revised = `${body} Name the trusts too.`;
  await expect(threads(nadia).getByRole('listitem').filter({ hasText: body })).toBeVisible();
  await mine.getByRole('button', { name: 'Edit', exact: true }).click();
  const editField = mine.getByLabel('Edit your text');
  await expect(editField).toBeFocused();
  await expect(editField).toHaveValue(body);
  await checkA11y(hannah, 'annotations-edit-form');
  await editField.fill(revised);
  await mine.getByRole('button', { name: 'Save' }).click();
  await expect(editField).toBeHidden();
  await expect(mine.getByTestId('annotation-body')).toHaveText(`${revised} (edited)`);
  await expect(mine.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();
  await expect(threads(nadia).getByRole('listitem').filter({ hasText: body }).getByTestId('annotation-body')).toHaveText(`${revised} (edited)`);
  // Nadia may not edit Hannah's comment.
  await expect(threads(nadia).getByRole('listitem').filter({ hasText: body }).getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  await checkA11y(hannah, 'annotations-author-panel');

  // Nadia did nothing: the thread and its highlight arrive through the subscription.
  const seen = threads(nadia).getByRole('listitem').filter({ hasText: body });
  await expect(seen).toBeVisible();
  await expect(seen).toContainText('Hannah Okafor');
  await expect(nadia.locator('.concord-annotation').filter({ hasText: phrase })).toBeVisible();
  await seen.getByLabel('Reply').fill(`Agreed (${run}).`);
  await seen.getByRole('button', { name: 'Send' }).click();
  await expect(threads(hannah).getByRole('listitem').filter({ hasText: body })).toContainText(`Agreed (${run}).`);
  // Nadia edits her own reply; Hannah sees it marked "(edited)".
  const nadiaReply = seen.getByRole('list', { name: 'Replies' }).getByRole('listitem').first();
  await expect(nadiaReply).toContainText(`Agreed (${run}).`);
  await nadiaReply.getByRole('button', { name: 'Edit', exact: true }).click();
  await nadiaReply.getByLabel('Edit your reply').fill(`Agreed, for every trust (${run}).`);
  await nadiaReply.getByRole('button', { name: 'Save' }).click();
  await expect(threads(hannah).getByRole('listitem').filter({ hasText: body })).toContainText(`Agreed, for every trust (${run}). (edited)`);
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

  // The editor accepts the suggested edit: the replacement lands in the live draft for everyone.
  await editor.getByRole('combobox', { name: 'Status' }).click();
  await editor.getByRole('option', { name: 'Open', exact: true }).click();
  const suggestion = threads(editor).getByRole('listitem').filter({ hasText: `Clearer for NHS readers (${run}).` });
  await suggestion.getByRole('button', { name: 'Accept suggestion' }).click();
  await expect(draftText(nadia)).toContainText('registering with a GP');
  await expect(draftText(hannah)).not.toContainText('GP registration');

  // The author deletes a thread of their own, after confirming.
  await selectPhrase(hannah, 'waiting times');
  await hannah.keyboard.press('Control+Alt+m');
  await dialog.getByLabel('Kind').click();
  await hannah.getByRole('option', { name: 'Question' }).click();
  await dialog.getByLabel('Your question').fill(`Which waiting times? (${run})`);
  await dialog.getByRole('button', { name: 'Add question' }).click();
  const question = threads(hannah).getByRole('listitem').filter({ hasText: `Which waiting times? (${run})` });
  await expect(hannah.locator('.concord-annotation[data-kind="question"]')).toHaveText('waiting times');
  await question.getByRole('button', { name: 'Delete' }).click();
  await question.getByRole('button', { name: 'Yes, delete this thread' }).click();
  await expect(question).toHaveCount(0);
  await expect(threads(nadia).getByRole('listitem').filter({ hasText: `Which waiting times? (${run})` })).toHaveCount(0);

  for (const page of [hannah, nadia, editor]) await page.context().close();
});

test('a long panel comes a page at a time: "Show more" from the keyboard, filters on the server, counts from the server', async ({ browser, baseURL }) => {
  const run = Date.now().toString(36);
  const page = await newSignedInPage(browser, baseURL, HE);
  await openDraft(page);
  const documentId = new URL(page.url()).pathname.split('/').pop()!;
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const body = await (await page.request.post('/graphql', { data: { query, variables } })).json();
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  // One comment through the editor, then 30 more on the same passage through the API.
  await selectPhrase(page, 'referral thresholds');
  await page.keyboard.press('Control+Alt+m');
  const dialog = page.getByRole('dialog', { name: 'Comment on the selected text' });
  await dialog.getByLabel('Your comment').fill(`Paging ${run} #0`);
  await dialog.getByRole('button', { name: 'Add comment' }).click();
  await expect(dialog).toBeHidden();
  const first = await gql(`query($d: ID!) { document(id: $d) { annotationPage(first: 1) { items { anchor quote } } } }`, { d: documentId });
  const { anchor, quote } = first.document.annotationPage.items[0];
  for (let n = 1; n <= 30; n++) {
    await gql(`mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { id } }`, {
      i: { documentId, kind: n % 5 === 0 ? 'QUESTION' : 'COMMENT', body: `Paging ${run} #${n}`, anchor, quote },
    });
  }
  await page.reload();
  await expect(draftText(page)).toContainText('Purpose and audience');

  // Newest first, 25 at a time, with the whole list's count.
  const count = page.getByTestId('thread-count');
  await expect(count).toHaveText(/^Showing 25 of \d+ threads\.$/);
  const total = Number((await count.textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThanOrEqual(31);
  await expect(threads(page).getByRole('listitem').first()).toContainText(`Paging ${run} #30`);
  await expect(threads(page).locator(':scope > li')).toHaveCount(25);
  await expect(page.getByRole('navigation', { name: 'Outline and word count' })).toContainText(/\d+ open comments?/);

  const next = Math.min(25, total - 25);
  const more = page.getByRole('button', { name: `Show ${next} more comment${next === 1 ? '' : 's'}` });
  await threads(page).locator(':scope > li').last().getByRole('button', { name: 'Show in text' }).focus();
  for (let i = 0; i < 12 && !(await more.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(more).toBeFocused();
  await checkA11y(page, 'annotations-show-more');
  await page.keyboard.press('Enter');
  await expect(count).toHaveText(`Showing ${Math.min(50, total)} of ${total} threads.`);
  // Focus moves to the first thread added, so the keyboard carries on from there.
  await expect(threads(page).locator(':scope > li').nth(25)).toBeFocused();
  await expect(threads(page)).toContainText(`Paging ${run} #0`);

  // A filter goes to the server: it holds for the whole list, not just the pages loaded.
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Question' }).click();
  await expect(count).toHaveText(/^Showing \d+ of \d+ threads?\.$/);
  const questions = await gql(`query($d: ID!) { document(id: $d) { annotationPage(filter: { status: OPEN, kind: QUESTION }) { totalCount } } }`, { d: documentId });
  await expect(count).toContainText(`of ${questions.document.annotationPage.totalCount} thread`);
  await expect(threads(page).getByTestId('annotation-body').filter({ hasText: new RegExp(`^Paging ${run} #1$`) })).toHaveCount(0);
  await expect(threads(page).getByRole('listitem').filter({ hasText: `Paging ${run} #30` })).toHaveCount(1);
  await checkA11y(page, 'annotations-filtered');

  await page.context().close();
});

test('an editor opens a review round, a reviewer comments on the shared version, the editor closes and triages', async ({ browser, baseURL }) => {
  const run = Date.now().toString(36);
  const versionName = `Draft for stakeholders ${run}`;
  const roundTitle = `Stakeholder review ${run}`;
  const body = `NHS readers will not know what a HEP is (${run}).`;

  const editor = await newSignedInPage(browser, baseURL, EDITOR);
  await openDraft(editor);
  await editor.getByRole('button', { name: 'Save a named version' }).click();
  const save = editor.getByRole('dialog', { name: 'Save a named version' });
  await save.getByLabel('Name').fill(versionName);
  await save.getByRole('button', { name: 'Save version' }).click();
  await expect(save).toBeHidden();

  await editor.getByRole('link', { name: /^Review rounds/ }).click();
  await expect(editor.getByRole('heading', { level: 1, name: 'Review rounds' })).toBeVisible();
  await editor.getByRole('combobox', { name: 'Named version to share' }).click();
  await editor.getByRole('option', { name: new RegExp(versionName) }).click();
  await editor.getByRole('textbox', { name: /^Title/ }).fill(roundTitle);
  await editor.getByRole('button', { name: 'Open the round' }).click();
  await expect(editor.getByRole('heading', { level: 1, name: roundTitle })).toBeVisible();

  await editor.getByLabel('Email address').fill('reviewer@demo.concord.test');
  await editor.getByLabel('Organisation').fill('Student Minds');
  await editor.getByRole('combobox', { name: 'Sector' }).click();
  await editor.getByRole('option', { name: 'Student', exact: true }).click();
  await editor.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(editor.getByText('was added to the round directly')).toBeVisible();
  await checkA11y(editor, 'review-round-editor');

  const reviewer = await newSignedInPage(browser, baseURL, 'reviewer@demo.concord.test');
  await sectionNav(reviewer).getByRole('link', { name: 'Drafts' }).click();
  await reviewer.getByRole('link', { name: roundTitle }).click();
  await expect(reviewer.getByRole('heading', { level: 1, name: roundTitle })).toBeVisible();
  const version = reviewer.getByRole('textbox', { name: `Text of ${roundTitle}` });
  await expect(version).toContainText('Purpose and audience');
  await version.evaluate(async (el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        break;
      }
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }, 'senior leaders in HEPs');
  await reviewer.getByRole('button', { name: 'Comment', exact: true }).click();
  const dialog = reviewer.getByRole('dialog', { name: 'Comment on the selected text' });
  await expect(dialog.getByTestId('annotation-quote')).toHaveText('senior leaders in HEPs');
  await dialog.getByLabel('Your comment').fill(body);
  await dialog.getByRole('button', { name: 'Add comment' }).click();
  await expect(dialog).toBeHidden();
  await expect(reviewer.getByRole('status').filter({ hasText: 'Your comment was added.' })).toBeAttached();
  await expect(reviewer.getByRole('list', { name: 'Reviewer comments' })).toContainText(body);
  await expect(reviewer.locator('.concord-annotation').filter({ hasText: 'senior leaders in HEPs' })).toBeVisible();
  await shot(reviewer, '04-reviewer-commented');
  await checkA11y(reviewer, 'review-round-reviewer');

  await editor.reload();
  await expect(editor.getByRole('list', { name: 'Reviewer comments' })).toContainText(body);
  await editor.getByRole('button', { name: 'Close the round now' }).click();
  await expect(editor.getByRole('heading', { name: /^Summary: 1 reviewer comment/ })).toBeVisible();
  const comment = editor.getByRole('list', { name: 'Reviewer comments' }).getByRole('listitem').filter({ hasText: body });
  await comment.getByRole('combobox', { name: 'Response' }).click();
  await editor.getByRole('option', { name: 'Accepted in part', exact: true }).click();
  await comment.getByLabel('Reason').fill('We define HEP on first use and in the glossary.');
  await comment.getByRole('button', { name: 'Save response' }).click();
  await expect(comment.getByTestId('triage')).toContainText('Accepted in part');
  const download = editor.waitForEvent('download');
  await editor.getByRole('button', { name: /CSV/ }).click();
  expect((await download).suggestedFilename()).toMatch(/you-said-we-did\.csv$/);
  const markdown = editor.waitForEvent('download');
  await editor.getByRole('button', { name: /Markdown/ }).click();
  expect((await markdown).suggestedFilename()).toMatch(/you-said-we-did\.md$/);
  await shot(editor, '05-round-closed-triaged');
  await checkA11y(editor, 'review-round-closed');

  // Closed: the reviewer no longer sees it.
  await reviewer.reload();
  await expect(reviewer.getByRole('heading', { level: 1, name: 'Review round not available' })).toBeVisible();

  for (const page of [editor, reviewer]) await page.context().close();
});
