// Consensus on the criteria in the browser. The lead sets up a secret Delphi round on the five seeded
// criteria and opens it; two members vote with the keyboard alone (one first declares an interest and is
// recused from an item, the other changes a score); the lead sees who voted, not how, and closes the round;
// both members see the results arrive live. A second round carries forward the items without consensus and
// shows each voter the group's distribution and their own previous score; it too is voted and closed, to
// verdicts with the change since round 1. axe on the ballot (both rounds) and the results pages.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkA11y } from './support/a11y';
import { LEAD_EMAIL, sectionNav, signIn } from './support/session';

const HE = 'member.he@demo.concord.test';
const NHS = 'member.nhs@demo.concord.test';
const SHOTS = process.env.E2E_SHOTS_DIR ?? '/tmp/shots/consensus';

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

/** What the keyboard focus is on: a radio's group label and value, or the element's own name. */
async function focused(page: Page): Promise<{ group: string | null; value: string | null; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const group = el?.closest('[role="radiogroup"]');
    const labelId = group?.getAttribute('aria-labelledby');
    const label = el && 'labels' in el ? ((el as HTMLInputElement).labels?.[0]?.textContent ?? '') : '';
    return {
      group: labelId ? (document.getElementById(labelId)?.textContent ?? null) : null,
      value: el instanceof HTMLInputElement && el.type === 'radio' ? el.value : null,
      name: (el?.getAttribute('aria-label') ?? label) || (el?.textContent ?? ''),
    };
  });
}

/** Presses Tab until `done` holds for what has focus; fails after `max` presses. */
async function tabUntil(page: Page, what: string, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (done(await focused(page))) return;
  }
  throw new Error(`${what} was not reached with ${max} presses of Tab`);
}

const scoreGroup = (page: Page, position: number) => page.getByRole('radiogroup', { name: `Your score for item ${position}` });

/**
 * Votes on the ballot with the keyboard alone: Tab to each item's scale, a number key to score, Tab to the
 * reasons and type them, then Tab to Save and press Enter. `null` leaves an item unscored.
 */
async function voteWithKeyboard(page: Page, scores: (number | null)[], reason: (position: number) => string): Promise<void> {
  for (const [i, score] of scores.entries()) {
    const position = i + 1;
    if (score === null) continue;
    await tabUntil(page, `the scale of item ${position}`, (f) => f.group === `Your score for item ${position}`);
    await page.keyboard.press(String(score));
    await expect(scoreGroup(page, position).getByRole('radio', { name: String(score), exact: true })).toBeChecked();
    await expect(scoreGroup(page, position).getByRole('radio', { name: String(score), exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(`Your reasons for item ${position} (optional)`)).toBeFocused();
    await page.keyboard.type(reason(position));
  }
  await tabUntil(page, 'the Save button', (f) => f.name.trim() === 'Save your ballot');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Your ballot was saved' })).toBeVisible();
}

async function openBallot(page: Page, title: string, shotName?: string): Promise<void> {
  await sectionNav(page).getByRole('link', { name: 'Votes' }).click();
  await expect(page.getByRole('article', { name: title, exact: true })).toContainText('eligible voters have voted');
  if (shotName) await shot(page, shotName);
  await page.getByRole('link', { name: `Vote in ${title}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Your ballot: ${title}` })).toBeFocused();
}

const verdicts = (page: Page) => page.getByRole('table', { name: 'Verdicts by item' }).getByRole('row');

test('two members vote with the keyboard, the lead closes the round, both see the results; round 2 carries forward the rest with feedback', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const title = `Criteria for models of good practice ${run}`;

  // The lead sets up a secret round on the five seeded criteria, by the default COMET rule, and opens it.
  const lead = await newSignedInPage(browser, baseURL, LEAD_EMAIL);
  await sectionNav(lead).getByRole('link', { name: 'Votes' }).click();
  await expect(lead.getByRole('list', { name: 'Criteria' }).getByRole('listitem')).toHaveCount(5);
  await lead.getByRole('link', { name: 'Set up a new round' }).click();
  await lead.getByLabel('Title').fill(title);
  const items = lead.getByRole('group', { name: 'Items' }).getByRole('checkbox');
  await expect(items).toHaveCount(5);
  for (const box of await items.all()) await expect(box).toBeChecked();
  await expect(lead.getByLabel(/^Secret ballot/)).toBeChecked();
  await expect(lead.getByTestId('rule-preview')).toContainText('Include when at least 70% rate it 7–9 and fewer than 15% rate it 1–3');
  await checkA11y(lead, 'consensus-new-round');
  await shot(lead, '01-new-round');
  await lead.getByRole('button', { name: 'Create the round as a draft' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await lead.getByRole('button', { name: 'Open the round now' }).click();
  await expect(lead.getByText('Open until a lead or editor closes it')).toBeVisible();
  await expect(lead.getByRole('heading', { name: 'Not voted yet (4)' })).toBeVisible();

  const hannah = await newSignedInPage(browser, baseURL, HE);
  // Signed in, the dashboard's open-rounds panel lists the round (the server sends only the open ones).
  const openRounds = (page: Page) => page.getByRole('region', { name: 'Open consensus rounds' });
  await expect(openRounds(hannah).getByRole('link', { name: title, exact: true })).toBeVisible();
  await expect(openRounds(hannah).getByRole('link', { name: `Vote in ${title}` })).toBeVisible();
  await shot(hannah, '01a-dashboard-open-rounds');
  const nadia = await newSignedInPage(browser, baseURL, NHS);
  await openBallot(hannah, title, '01b-votes-member');
  await openBallot(nadia, title);

  // Nadia declares an interest in item 5 with the keyboard: she is recused from it.
  await tabUntil(nadia, 'Declare an interest in item 5', (f) => f.name.trim() === 'Declare an interest in item 5');
  await nadia.keyboard.press('Enter');
  const dialog = nadia.getByRole('dialog', { name: 'Declare an interest in item 5' });
  await expect(dialog.getByLabel('What is your interest?')).toBeFocused();
  await nadia.keyboard.type('I lead an NHS service that would be assessed against this criterion.');
  await nadia.keyboard.press('Tab');
  await nadia.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Declare the interest' })).toBeFocused();
  await nadia.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(nadia.getByRole('region', { name: /^Item 5:/ }).getByText('You are recused from this item')).toBeVisible();
  await expect(scoreGroup(nadia, 5)).toHaveCount(0);

  // Both vote with the keyboard alone. Items 1, 2 and 5 will reach a verdict; 3 and 4 will not.
  await voteWithKeyboard(hannah, [8, 2, 8, 5, 9], (p) => `HE view on item ${p} (${run}).`);
  await checkA11y(hannah, 'consensus-ballot');
  await shot(hannah, '02-ballot-saved');
  await voteWithKeyboard(nadia, [9, 1, 2, 7], (p) => `NHS view on item ${p} (${run}).`);
  await expect(nadia.getByText('4 of 4 items saved')).toBeVisible();

  // A ballot can be changed until close: Hannah moves item 4 from 5 to 6 with an arrow key.
  await scoreGroup(hannah, 4).getByRole('radio', { name: '5', exact: true }).focus();
  await hannah.keyboard.press('ArrowRight');
  await expect(scoreGroup(hannah, 4).getByRole('radio', { name: '6', exact: true })).toBeChecked();
  await expect(hannah.getByRole('region', { name: /^Item 4:/ }).getByTestId('saved-score')).toHaveText('Saved: 5 · changed, not saved yet');
  await tabUntil(hannah, 'the Save button', (f) => f.name.trim() === 'Save your ballot');
  await hannah.keyboard.press('Enter');
  await expect(hannah.getByRole('region', { name: /^Item 4:/ }).getByTestId('saved-score')).toHaveText('Saved: 6');

  // Nobody sees results before close, the lead included; the lead sees who has voted (live), not how.
  await expect(lead.getByRole('heading', { name: 'Voted (2)' })).toBeVisible();
  const voted = lead.getByRole('list', { name: 'Voted (2)' });
  await expect(voted).toContainText('Hannah Okafor');
  await expect(voted).toContainText('Dr Nadia Shah');
  await expect(lead.getByRole('list', { name: 'Not voted yet (2)' })).toContainText('Priya Lead');
  await checkA11y(lead, 'consensus-round-overview');
  await shot(lead, '03-participation');
  await lead.getByRole('navigation', { name: 'Round pages' }).getByRole('link', { name: 'Results' }).click();
  await expect(lead.getByText('Results appear when the round closes')).toBeVisible();
  await lead.getByRole('navigation', { name: 'Round pages' }).getByRole('link', { name: 'Overview' }).click();

  // The lead closes the round; both members' ballots turn to "closed" live, and they open the results.
  await lead.getByRole('button', { name: 'Close the round now' }).click();
  await lead.getByRole('dialog', { name: 'Close the round now?' }).getByRole('button', { name: 'Close the round' }).click();
  await expect(lead.getByText('The results are in')).toBeVisible();
  for (const member of [hannah, nadia]) {
    await expect(member.getByText('This round has closed')).toBeVisible();
    await member.getByRole('link', { name: 'See the results' }).click();
    await expect(member.getByRole('heading', { level: 1, name: `Results: ${title}` })).toBeVisible();
    await expect(verdicts(member)).toHaveText([/^Item/, /Include/, /Exclude/, /No consensus/, /No consensus/, /Include/]);
  }
  // Closed, the round leaves the dashboard's open-rounds panel.
  await sectionNav(nadia).getByRole('link', { name: 'Dashboard' }).click();
  await expect(openRounds(nadia).getByRole('heading', { name: 'Open consensus rounds' })).toBeVisible();
  await expect(openRounds(nadia).getByRole('link', { name: title, exact: true })).toHaveCount(0);
  const first = hannah.getByRole('region', { name: /^Item 1:/ });
  await expect(first.getByTestId('verdict')).toHaveText('Include');
  await expect(first.getByText('Include: 100% rated it 7–9 (at least 70% needed) and 0% rated it 1–3 (fewer than 15% allowed).')).toBeVisible();
  await expect(first.getByRole('img', { name: 'Ratings of item 1 (2 voters)' })).toBeVisible();
  // One voter per sector in a secret round: every sector cell is hidden.
  await expect(first.getByRole('table', { name: 'Item 1 by sector' })).toContainText('Hidden: fewer than 3 voters');
  await expect(first.getByRole('table', { name: 'Item 1 by sector' })).not.toContainText('Hannah');
  await expect(hannah.getByRole('region', { name: /^Item 5:/ }).locator('dt:text-is("Voters") + dd')).toHaveText('1');
  await first.getByText('Reasons given (2), without names').click();
  await expect(first.getByText(`NHS view on item 1 (${run}).`)).toBeVisible();
  await checkA11y(hannah, 'consensus-results');
  await shot(hannah, '04-results-round-1');

  // The results as CSV: one row per item and per sector, no voter anywhere.
  const [download] = await Promise.all([lead.waitForEvent('download'), lead.getByRole('button', { name: 'Download the results (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe(`criteria-for-models-of-good-practice-${run}-results.csv`);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe('Item,Criterion,Sector,n,Median,Q1,Q3,IQR,Rated 1-3,Rated 4-6,Rated 7-9,Verdict');
  expect(csv).toContain('INCLUDE');
  expect(csv).not.toMatch(/Hannah|Nadia|@demo\.concord\.test/);

  // Round 2 carries forward items 3 and 4, the ones without consensus.
  await lead.getByRole('button', { name: 'Start round 2' }).click();
  const title2 = `${title} — round 2`;
  await expect(lead.getByRole('heading', { level: 1, name: title2 })).toBeVisible();
  await expect(lead.getByRole('region', { name: 'Items (2)' }).getByRole('listitem')).toHaveText([/^Are recognisable to the NHS/, /^Are flexible and adaptable/]);
  // A next round starts without a closing time: the lead gives it one while it is a draft.
  await lead.getByRole('button', { name: 'Edit the draft' }).click();
  const edit = lead.getByRole('dialog', { name: 'Edit the draft round' });
  await edit.getByLabel('Closes at (optional)').fill('2099-02-02T17:00');
  await edit.getByRole('button', { name: 'Save the draft' }).click();
  await expect(edit).toBeHidden();
  await expect(lead.getByRole('region', { name: 'How this round works' })).toContainText('2099');
  await lead.getByRole('button', { name: 'Open the round now' }).click();
  await expect(lead.getByText(/Open until .*2099/)).toBeVisible();

  // Nadia's dashboard, which listed no open round of hers since round 1 closed, lists round 2 when shown again.
  await sectionNav(nadia).getByRole('link', { name: 'Votes' }).click();
  await sectionNav(nadia).getByRole('link', { name: 'Dashboard' }).click();
  await expect(openRounds(nadia).getByRole('link', { name: title2, exact: true })).toBeVisible();
  await expect(openRounds(nadia).getByRole('link', { name: title, exact: true })).toHaveCount(0);

  // Each voter sees the group's distribution last round and their own previous score beside each item.
  await openBallot(hannah, title2);
  const feedback1 = hannah.getByRole('complementary', { name: 'Round 1 feedback on item 1' });
  await expect(feedback1.getByTestId('my-previous-score')).toHaveText('You rated it 8.');
  await expect(feedback1).toContainText('2 rated it: median 5; 50% rated 7–9, 50% rated 1–3.');
  await expect(feedback1.getByRole('img', { name: "The group's ratings of item 1 last round" })).toBeVisible();
  await expect(hannah.getByRole('complementary', { name: 'Round 1 feedback on item 2' }).getByTestId('my-previous-score')).toHaveText('You rated it 6.');
  await checkA11y(hannah, 'consensus-ballot-round-2');
  await shot(hannah, '05-ballot-round-2-feedback');
  await voteWithKeyboard(hannah, [7, 8], (p) => `Reconsidered item ${p} (${run}).`);

  // A reason without a score is refused with the item named; the error links back to the item's scale.
  await openBallot(nadia, title2);
  await expect(nadia.getByRole('complementary', { name: 'Round 1 feedback on item 1' }).getByTestId('my-previous-score')).toHaveText('You rated it 2.');
  await nadia.getByLabel('Your reasons for item 1 (optional)').fill('Persuaded by the HE view.');
  await nadia.getByRole('button', { name: 'Save your ballot' }).click();
  const problem = nadia.getByRole('alert').filter({ hasText: 'some items need attention' });
  await expect(problem).toContainText('Item 1: Choose a score from 1 to 9 to save your reasons, or clear them.');
  await problem.getByRole('button', { name: /^Item 1:/ }).click();
  await expect(scoreGroup(nadia, 1).getByRole('radio', { name: '1', exact: true })).toBeFocused();
  await nadia.keyboard.press('7');
  await expect(scoreGroup(nadia, 1).getByRole('radio', { name: '7', exact: true })).toBeChecked();
  await voteWithKeyboard(nadia, [null, 7], (p) => `NHS second look at item ${p} (${run}).`);

  await lead.getByRole('button', { name: 'Close the round now' }).click();
  await lead.getByRole('dialog', { name: 'Close the round now?' }).getByRole('button', { name: 'Close the round' }).click();
  await expect(lead.getByText('The results are in')).toBeVisible();
  await expect(lead.getByText('Every item reached a verdict: there is nothing to carry into another round.')).toBeVisible();
  await lead.getByRole('link', { name: 'See the results' }).click();
  await expect(verdicts(lead)).toHaveText([/^Item/, /Include/, /Include/]);
  await expect(lead.getByRole('region', { name: /^Item 1:/ }).getByTestId('change-since-previous')).toHaveText('+50 points in the share rating 7–9 (50% to 100%); not yet stable (15 points or more)');
  await checkA11y(lead, 'consensus-results-round-2');
  await shot(lead, '06-results-round-2');

  await Promise.all([lead, hannah, nadia].map((p) => p.context().close()));
});
