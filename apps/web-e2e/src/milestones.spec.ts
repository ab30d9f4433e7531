// Milestones, meetings, the briefing pack and the decision log. The lead opens the dashboard, ticks a
// deliverable done and sees its milestone's status change (a member's dashboard follows live through the
// activity feed), closes the rest of the milestone on the Milestones page, then opens the briefing pack for
// the next Taskforce meeting and downloads it as PDF, Word and Markdown. The decision log: propose, agree at
// a meeting, supersede, filter, export, and page through a long filtered log with "Show more" from the
// keyboard. axe on the dashboard, milestones, decisions and briefing pages.
import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { checkA11y } from './support/a11y';
import { LEAD_EMAIL, sectionNav, signIn } from './support/session';

const MEMBER = 'member.he@demo.concord.test';
const FEBRUARY = 'February: scope, literature and criteria';
const SCOPE = 'Scope agreed at the Taskforce meeting';

/** Signs in on a new browser context and waits until its dashboard has subscribed to the activity feed. */
async function newSubscribedPage(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const subscribed = new Promise<void>((resolve) => {
    page.on('websocket', (ws) => ws.on('framesent', (frame) => String(frame.payload).includes('WorkspaceActivity') && resolve()));
  });
  await signIn(page, email);
  await subscribed;
  // The server checks the subscriber's membership before it listens.
  await page.waitForTimeout(500);
  return page;
}

/** The plan's text alternative: one row per milestone and meeting. */
const planRow = (page: Page, name: string) => page.getByTestId('plan-dates').getByRole('row').filter({ hasText: name });

async function downloaded(page: Page, name: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

test('the lead closes deliverables, a member sees it live, and the briefing pack downloads in three formats', async ({ page, browser, baseURL }) => {
  await signIn(page, LEAD_EMAIL);
  const member = await newSubscribedPage(browser, baseURL, MEMBER);

  // The dashboard: the plan with a today line (or how long until it starts), the next Taskforce meeting.
  await expect(page.getByRole('heading', { level: 2, name: 'The plan' })).toBeVisible();
  await expect(page.getByTestId('today-against-plan')).toContainText(/Today/);
  await expect(planRow(page, FEBRUARY)).toContainText(/deliverables? (open|done)/);
  const next = page.getByTestId('next-meeting');
  await expect(next).toContainText('Taskforce meeting');
  await expect(next.getByTestId('days-to-go')).toContainText(/to go|Today/);
  await expect(member.getByTestId('activity-feed').or(member.getByText('Nothing has happened yet.'))).toBeVisible();
  await checkA11y(page, 'plan-dashboard');

  // Tick "my" deliverable on the dashboard: the milestone's computed status and reason change.
  const before = (await planRow(page, FEBRUARY).textContent()) ?? '';
  const mine = page.getByRole('region', { name: 'My deliverables' });
  const scope = mine.getByRole('checkbox', { name: `Done: ${SCOPE}` });
  await expect(scope).not.toBeChecked();
  await scope.check();
  await expect(scope).toBeChecked();
  await expect(planRow(page, FEBRUARY)).not.toHaveText(before);

  // The member's dashboard hears it over the activity subscription, and their plan follows.
  await expect(member.getByTestId('activity-feed')).toContainText(`“${SCOPE}” ticked done`);
  await expect(member.getByTestId('activity-feed')).toContainText('Priya Lead');
  await expect(planRow(member, FEBRUARY)).not.toHaveText(before);

  // The rest of February's deliverables on the Milestones page: the milestone is done.
  await sectionNav(page).getByRole('link', { name: 'Milestones' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Milestones' })).toBeVisible();
  const february = page.getByRole('region', { name: FEBRUARY });
  await expect(february.getByRole('checkbox', { name: `Done: ${SCOPE}` })).toBeChecked();
  const open = february.getByRole('checkbox', { checked: false });
  while ((await open.count()) > 0) {
    const box = february.getByRole('checkbox', { name: (await open.first().getAttribute('aria-label')) ?? '', exact: true });
    await box.check();
    await expect(box).toBeChecked();
  }
  await expect(february.getByTestId('status-reason')).toHaveText(/^All 5 deliverables done$/);
  await expect(february.locator('[data-status="DONE"]')).toHaveText(/Done/);
  await expect(member.getByTestId('activity-feed')).toContainText('ticked done');
  await expect(planRow(member, FEBRUARY)).toContainText('Done');
  // Other milestones' deliverables stay as they were; the gate is offered on the gating milestone.
  await expect(page.getByRole('region', { name: 'This milestone gates the draft' })).toBeVisible();
  await checkA11y(page, 'plan-milestones');

  // An editor-or-lead agenda edit, seen in the briefing pack.
  const firstMeeting = page.getByTestId('meeting').first();
  const item = `Milestone review ${Date.now().toString(36)}`;
  await firstMeeting.getByLabel('New agenda item').fill(item);
  await firstMeeting.getByRole('button', { name: 'Add' }).click();
  await expect(firstMeeting.getByRole('listitem').filter({ hasText: item })).toBeVisible();

  // The dashboard shows the milestone done; its panel links to the next Taskforce meeting's briefing pack.
  await sectionNav(page).getByRole('link', { name: 'Dashboard' }).click();
  await expect(planRow(page, FEBRUARY)).toContainText('Done');
  const meetingTitle = (await page.getByTestId('next-meeting').locator('p').first().textContent()) ?? '';
  await page.getByRole('link', { name: 'Open the briefing pack' }).click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+\/briefing$/);
  await expect(page.getByRole('heading', { level: 1, name: `Briefing pack: ${meetingTitle}` })).toBeVisible();
  const glance = page.getByRole('region', { name: 'At a glance' });
  await expect(glance).toBeVisible();
  for (const section of ['Agenda', 'Milestones', 'Late and at-risk deliverables', 'Decisions', 'Consensus results', 'Votes still open', 'Unresolved annotations', 'Review rounds']) {
    await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Milestones', exact: true }).getByRole('row').filter({ hasText: FEBRUARY })).toContainText('5 of 5');
  await checkA11y(page, 'plan-briefing');

  // Downloads: plain links with the session cookie; names follow briefing-<date>-taskforce.<ext>.
  const pdf = await downloaded(page, 'PDF');
  expect(pdf.download.suggestedFilename()).toMatch(/^briefing-\d{4}-\d{2}-\d{2}-taskforce\.pdf$/);
  expect(pdf.bytes.length).toBeGreaterThan(1000);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const docx = await downloaded(page, 'Word (DOCX)');
  expect(docx.download.suggestedFilename()).toMatch(/^briefing-\d{4}-\d{2}-\d{2}-taskforce\.docx$/);
  expect(docx.bytes.length).toBeGreaterThan(1000);
  expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  const md = await downloaded(page, 'Markdown');
  expect(md.download.suggestedFilename()).toMatch(/^briefing-\d{4}-\d{2}-\d{2}-taskforce\.md$/);
  const markdown = md.bytes.toString('utf8');
  expect(markdown).toContain(`Briefing pack: ${meetingTitle}`);
  expect(markdown).toContain(item);
  expect(pdf.download.suggestedFilename().replace(/\.pdf$/, '')).toBe(md.download.suggestedFilename().replace(/\.md$/, ''));

  await member.context().close();
});

test('the decision log: propose, agree at a meeting, supersede (never edit), filter and export', async ({ page }) => {
  const run = Date.now().toString(36);
  await signIn(page, LEAD_EMAIL);
  await sectionNav(page).getByRole('link', { name: 'Decisions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();

  // A statement is required: said beside the field, nothing written.
  await page.getByRole('button', { name: 'Propose a decision' }).click();
  const form = page.getByRole('form', { name: 'Propose a decision' });
  await form.getByLabel('Title').fill(`Audience ${run}`);
  await form.getByRole('button', { name: 'Propose' }).click();
  await expect(form.getByText('a decision needs a statement')).toBeVisible();
  await checkA11y(page, 'decisions-propose-errors');

  await form.getByLabel('Statement').fill(`The guidance is written for senior leaders in HEPs and NHS trusts (${run}).`);
  await form.getByLabel('Rationale').fill('Agreed at the scoping meeting.');
  await form.getByLabel('Milestone').selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Propose' }).click();
  await expect(form).toBeHidden();

  const proposed = page.getByRole('article', { name: new RegExp(`Audience ${run}`) });
  await expect(proposed).toContainText('Proposed');
  const card = page.locator(`#${await proposed.getAttribute('id')}`);
  const ref = ((await card.getByRole('heading').textContent()) ?? '').match(/D-\d{3}/)?.[0] ?? '';
  expect(ref).toMatch(/^D-\d{3}$/);
  await expect(card.getByRole('link', { name: FEBRUARY })).toBeVisible();

  // Agree it at the first Taskforce meeting.
  await card.getByRole('button', { name: `Agree ${ref}` }).click();
  const agree = card.getByRole('form', { name: `Agree ${ref}` });
  await expect(agree.getByRole('radio', { name: 'At a meeting' })).toBeChecked();
  await agree.getByRole('button', { name: `Agree ${ref}` }).click();
  await expect(card).toHaveAttribute('data-status', 'AGREED');
  await expect(card).toContainText('Agreed at “Taskforce meeting: agree the scope”');
  await expect(card.getByRole('button', { name: `Agree ${ref}` })).toHaveCount(0);
  await expect(card.getByText('An agreed decision is never edited')).toBeVisible();

  // Supersede: a new decision replaces it; the old one stays in the log, marked.
  await card.getByRole('button', { name: `Supersede ${ref}` }).click();
  const replace = card.getByRole('form', { name: `Supersede ${ref}` });
  await expect(replace.getByLabel('Statement')).toHaveValue(/senior leaders/);
  await replace.getByLabel('Statement').fill(`The guidance is written for senior leaders and service managers (${run}).`);
  await replace.getByLabel('Rationale').fill('Service managers run the joint services.');
  await replace.getByRole('button', { name: `Agree and supersede ${ref}` }).click();
  await expect(card).toHaveAttribute('data-status', 'SUPERSEDED');
  await expect(card).toContainText('Superseded by D-');
  const replacement = page.getByRole('article').filter({ hasText: `service managers (${run})` });
  await expect(replacement).toHaveAttribute('data-status', 'AGREED');
  await expect(replacement).toContainText(`Replaces ${ref}`);
  await checkA11y(page, 'decisions-log');

  // Filter and search.
  await page.getByLabel('Status').selectOption('SUPERSEDED');
  await expect(page.getByRole('article')).toHaveCount(await page.locator('[data-testid="decision"][data-status="SUPERSEDED"]').count());
  await expect(page.getByRole('article', { name: new RegExp(`Audience ${run}`) })).toHaveAttribute('data-status', 'SUPERSEDED');
  await page.getByRole('button', { name: 'Clear the filter' }).click();
  await page.getByLabel('Search').fill(ref);
  await expect(page.getByTestId('decision-count')).toContainText('match the filter');
  await expect(page.getByRole('article').first()).toContainText(ref);

  // Exports of the filtered log.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^decision-log-\d{4}-\d{2}-\d{2}-filtered\.csv$/);
  expect(await readFile(await csv.path(), 'utf8')).toContain(ref);
  await page.getByRole('button', { name: 'Clear the filter' }).click();
  const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Markdown' }).click()]);
  expect(markdown.suggestedFilename()).toMatch(/^decision-log-\d{4}-\d{2}-\d{2}\.md$/);
  expect(await readFile(await markdown.path(), 'utf8')).toContain(ref);

  // A log longer than a page (25): newest first, "Showing 25 of 28", and "Show 3 more decisions" from the keyboard.
  const workspaceId = new URL(page.url()).pathname.split('/')[2];
  for (let n = 1; n <= 28; n++) {
    const res = await page.request.post('/graphql', {
      data: { query: `mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id } }`, variables: { i: { workspaceId, title: `Paging ${run} #${n}`, statement: `Paged ${n}.`, rationale: '' } } },
    });
    expect((await res.json()).errors).toBeUndefined();
  }
  await page.reload();
  await expect(page.getByTestId('decision-count')).toContainText(/Showing 25 of \d+ decisions, newest first/);
  await expect(page.getByRole('article').first()).toContainText(`Paging ${run} #28`);
  await page.getByLabel('Search').fill(`Paging ${run}`);
  await expect(page.getByTestId('decision-count')).toHaveText('Showing 25 of 28 decisions that match the filter, newest first.');
  await expect(page.getByRole('article')).toHaveCount(25);
  const more = page.getByRole('button', { name: 'Show 3 more decisions' });
  await page.getByRole('article').last().focus();
  for (let i = 0; i < 5 && !(await more.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(more).toBeFocused();
  await checkA11y(page, 'decisions-show-more');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article')).toHaveCount(28);
  await expect(page.getByTestId('decision-count')).toHaveText('28 decisions that match the filter, newest first.');
  await expect(more).toHaveCount(0);
  // Focus moves to the first decision the button brought in, the oldest three in order.
  await expect(page.getByRole('article').nth(25)).toBeFocused();
  await expect(page.getByRole('article').nth(25)).toContainText(`Paging ${run} #3`);
  await expect(page.getByRole('article').last()).toContainText(`Paging ${run} #1`);

  // Agreeing a decision of the second page refetches the first: the pages loaded after it stay, updated.
  const oldest = page.getByRole('article').last();
  const oldestRef = ((await oldest.getByRole('heading').textContent()) ?? '').match(/D-\d{3}/)?.[0] ?? '';
  await oldest.getByRole('button', { name: `Agree ${oldestRef}` }).click();
  await oldest.getByRole('form', { name: `Agree ${oldestRef}` }).getByRole('button', { name: `Agree ${oldestRef}` }).click();
  await expect(oldest).toHaveAttribute('data-status', 'AGREED');
  await expect(page.getByRole('article')).toHaveCount(28);
  await expect(page.getByTestId('decision-count')).toHaveText('28 decisions that match the filter, newest first.');
});
