// Naughty strings the API accepts are shown as literal text: script, HTML, template, markdown, RTL,
// zero-width and emoji strings are put into visible places of a workspace of their own (through
// GraphQL, and one comment through the editor), then each page must show them character for character,
// with no dialog opened, no element injected, and axe clean.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { checkA11y } from './support/a11y';
import { DEMO_PASSWORD, LEAD_EMAIL, signIn } from './support/session';

const S = {
  workspace: 'Naughty <b>group</b> & co',
  document: '<script>alert(1)</script>',
  milestone: 'javascript:alert(1)',
  deliverable: '<svg/onload=alert(1)>',
  meeting: '{{7*7}} ${7*7} #{7*7}',
  agenda: '"><iframe src=javascript:alert(1)>',
  decision: '<img src=x onerror=alert(1)>',
  rationale: '**bold** _em_ [click](javascript:alert(1)) <a href="javascript:alert(1)">x</a>',
  criterion: 'مرحبا بالعالم ‮reversed‬ עברית',
  name: 'Zoë\u200B\u200DZero 👩‍👩‍👧‍👦 🇬🇧',
  organisation: '<marquee>Org</marquee> &amp; &lt;co&gt;',
  source: "'; DROP TABLE sources; -- <b>",
  comment: '<img src=x onerror=alert(2)> {{constructor.constructor("alert(3)")()}}',
};

async function gql(api: APIRequestContext, token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const res = await api.post('/graphql', { data: { query, variables }, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The string is on the page as the exact text of an element. */
async function shown(page: Page, text: string): Promise<void> {
  const el = page.getByText(text, { exact: true }).first();
  await expect(el).toBeVisible();
  expect(await el.textContent()).toBe(text);
}

async function nothingInjected(page: Page): Promise<void> {
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    iframes: document.querySelectorAll('iframe').length,
    marquee: document.querySelectorAll('marquee').length,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    inlineScripts: Array.from(document.querySelectorAll('script')).filter((s) => /alert/.test(s.textContent ?? '')).length,
    jsLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
  }));
  expect(injected).toEqual({ img: 0, iframes: 0, marquee: 0, handlers: 0, inlineScripts: 0, jsLinks: 0 });
  await expect(page.getByText('49', { exact: true })).toHaveCount(0);
}

test('naughty strings accepted by the API are rendered as literal text', async ({ page, baseURL, playwright }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const api = await playwright.request.newContext({ baseURL });
  const lead = (await gql(api, null, `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }`, { e: LEAD_EMAIL, p: DEMO_PASSWORD })).login.token as string;

  // A workspace of its own, so the other journeys' demo data is left as it is.
  const w = (await gql(api, lead, `mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { id } }`, { i: { name: S.workspace, organisation: 'Test', sector: 'HE' } })).createWorkspace.id as string;
  await gql(api, lead, `mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId: w, title: S.document } });
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const milestoneId = (await gql(api, lead, `mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { id } }`, { i: { workspaceId: w, title: S.milestone, startsOn: day(-5), dueDate: day(60) } })).createMilestone.id;
  await gql(api, lead, `mutation($i: AddDeliverableInput!) { addDeliverable(input: $i) { id } }`, { i: { milestoneId, title: S.deliverable, dueDate: day(30) } });
  await gql(api, lead, `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, { i: { workspaceId: w, title: S.meeting, date: day(10), kind: 'WORKING_GROUP', milestoneId, agenda: [S.agenda] } });
  await gql(api, lead, `mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id } }`, { i: { workspaceId: w, title: S.decision, statement: 'We decided.', rationale: S.rationale } });
  await gql(api, lead, `mutation($i: ProposeCriterionInput!) { proposeCriterion(input: $i) { id } }`, { i: { workspaceId: w, statement: S.criterion } });
  await gql(api, lead, `mutation($i: CreateSourceInput!) { createSource(input: $i) { id } }`, { i: { workspaceId: w, title: S.source, authors: 'Some authors', type: 'REPORT' } });
  const email = `naughty-${Date.now().toString(36)}@example.org`;
  const link = (await gql(api, lead, `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { link } }`, { i: { workspaceId: w, email, organisation: S.organisation, role: 'MEMBER', sector: 'NHS' } })).inviteMember.link as string;
  await gql(api, null, `mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token } }`, { i: { token: link.split('/invite/')[1], name: S.name, password: 'a-long-password-1' } });
  await api.dispose();

  await signIn(page, LEAD_EMAIL);

  await page.goto(`/w/${w}/drafts`);
  await shown(page, S.document);
  await nothingInjected(page);
  await checkA11y(page, 'naughty-drafts');

  // A comment with a naughty body, made through the editor on text typed into the new draft.
  await page.getByRole('link', { name: S.document }).click();
  const draft = page.getByRole('textbox', { name: 'Draft text' });
  await expect(page.locator('[data-connection]')).toContainText('Saved');
  await draft.click();
  await page.keyboard.type('Partnerships agree a shared referral form.');
  await expect(page.locator('[data-connection]')).toContainText('Saved');
  await draft.evaluate(async (el, wanted) => {
    (el as HTMLElement).focus();
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
  }, 'shared referral form');
  await page.keyboard.press('Control+Alt+m');
  const form = page.getByRole('dialog', { name: 'Comment on the selected text' });
  await form.getByLabel('Your comment').fill(S.comment);
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(form).toBeHidden();
  const body = page.getByRole('list', { name: 'Threads' }).getByTestId('annotation-body').first();
  await expect(body).toHaveText(S.comment);
  expect(await body.textContent()).toBe(S.comment);
  await nothingInjected(page);
  await checkA11y(page, 'naughty-draft-comment');

  await page.goto(`/w/${w}/milestones`);
  for (const s of [S.milestone, S.deliverable, S.meeting]) await shown(page, s);
  await nothingInjected(page);
  await checkA11y(page, 'naughty-milestones');

  await page.goto(`/w/${w}/decisions`);
  await expect(page.getByText(S.decision, { exact: false }).first()).toBeVisible();
  await expect(page.locator('body')).toContainText(S.decision);
  await expect(page.locator('body')).toContainText(S.rationale);
  await nothingInjected(page);
  await checkA11y(page, 'naughty-decisions');

  await page.goto(`/w/${w}/votes`);
  await shown(page, S.criterion);
  await nothingInjected(page);
  await checkA11y(page, 'naughty-votes');

  await page.goto(`/w/${w}/evidence`);
  await shown(page, S.source);
  await nothingInjected(page);
  await checkA11y(page, 'naughty-evidence');

  await page.goto(`/w/${w}/members`);
  await shown(page, S.name);
  await expect(page.locator('body')).toContainText(S.organisation);
  await nothingInjected(page);
  await checkA11y(page, 'naughty-members');

  await page.goto(`/w/${w}/dashboard`);
  await expect(page.locator('body')).toContainText(S.workspace);
  await nothingInjected(page);

  expect(dialogs).toEqual([]);
});
