// An editor adds a source and a finding in the browser, maps the finding to a section of the draft
// and sees the coverage matrix count it; rates a cell of the assessment matrix citing that finding;
// edits a candidate model. Axe runs on each form. Needs a freshly seeded demo database.
import { expect, test, type Page } from '@playwright/test';
import { checkA11y } from './support/a11y';
import { sectionNav, signIn } from './support/session';

const EDITOR = 'editor@demo.concord.test';
const MODEL = 'Embedded mental health practitioner (illustrative)';
const SOURCE = `Joint working audit ${Date.now()}`;
const FINDING = `GP registration at enrolment halves the wait for a first NHS appointment ${Date.now()}`;

/** A modal fades in; axe reads colours mid-fade as low contrast, so wait until it is fully shown. */
async function settled(page: Page) {
  await expect
    .poll(() => page.getByRole('dialog').evaluate((el) => Array.from({ length: 6 }).reduce<{ node: Element | null; min: number }>((acc) => (acc.node ? { node: acc.node.parentElement, min: Math.min(acc.min, Number(getComputedStyle(acc.node).opacity)) } : acc), { node: el, min: 1 }).min))
    .toBe(1);
}

/** How many findings the coverage cell of a section and challenge counts. */
async function findingsIn(page: Page, section: string, challenge: string): Promise<number> {
  const cell = page.getByRole('button', { name: new RegExp(`^${section}, ${challenge}: `) });
  await expect(cell).toBeVisible();
  const words = (await cell.textContent()) ?? '';
  return Number(/\((\d+) findings?/.exec(words)?.[1] ?? NaN);
}

test('an editor adds a source and a finding, maps it, rates a cell citing it and edits a model', async ({ page }) => {
  await signIn(page, EDITOR);
  await sectionNav(page).getByRole('link', { name: 'Evidence' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence' })).toBeVisible();
  const before = await findingsIn(page, 'Next steps', 'GP registration');
  expect(before).toBeGreaterThanOrEqual(0);

  // A source: the server's field error lands on the field, with focus.
  await page.getByRole('button', { name: 'Add a source' }).click();
  const sourceDialog = page.getByRole('dialog', { name: 'Add a source' });
  await expect(sourceDialog.getByLabel('Title')).toBeFocused();
  await sourceDialog.getByLabel('Title').fill(SOURCE);
  await sourceDialog.getByLabel('Authors or organisation').fill('Student Minds');
  await sourceDialog.getByLabel('Year').fill('2024');
  await sourceDialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Report', exact: true }).click();
  await sourceDialog.getByLabel('Publisher').fill('Student Minds');
  await sourceDialog.getByLabel('URL').fill('not a link');
  await settled(page);
  await checkA11y(page, 'source-form');
  await sourceDialog.getByRole('button', { name: 'Add source' }).click();
  await expect(sourceDialog.getByText('Must be an http(s) URL')).toBeVisible();
  await expect(sourceDialog.getByLabel('URL')).toBeFocused();
  await checkA11y(page, 'source-form-error');
  await sourceDialog.getByLabel('URL').fill('https://www.studentminds.org.uk/');
  await sourceDialog.getByRole('button', { name: 'Add source' }).click();
  await expect(sourceDialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 3, name: SOURCE })).toBeVisible();

  // Edit it: the year changes.
  await page.getByRole('button', { name: `Edit source ${SOURCE}` }).click();
  const editSource = page.getByRole('dialog', { name: 'Edit the source' });
  await expect(editSource.getByLabel('Title')).toHaveValue(SOURCE);
  await editSource.getByLabel('Year').fill('2023');
  await editSource.getByRole('button', { name: 'Save source' }).click();
  await expect(editSource).toBeHidden();
  await expect(page.getByText('Student Minds · Student Minds · 2023')).toBeVisible();

  // A finding from it, mapped to "Next steps".
  await page.getByRole('button', { name: `Add a finding from ${SOURCE}` }).click();
  const findingDialog = page.getByRole('dialog', { name: 'Add a finding' });
  await findingDialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Good practice', exact: true }).click();
  await findingDialog.getByRole('textbox', { name: 'Finding' }).fill(FINDING);
  await findingDialog.getByLabel('Page or section reference').fill('p. 12');
  await findingDialog.getByRole('combobox', { name: 'Challenge tags' }).click();
  await page.getByRole('option', { name: 'GP registration', exact: true }).click();
  await page.keyboard.press('Escape');
  await findingDialog.getByRole('combobox', { name: 'Add a section' }).click();
  await page.getByRole('option', { name: 'Next steps', exact: true }).click();
  await expect(findingDialog.getByRole('button', { name: 'Unmap Next steps' })).toBeVisible();
  await settled(page);
  await checkA11y(page, 'finding-form');
  await findingDialog.getByRole('button', { name: 'Add finding' }).click();
  await expect(findingDialog).toBeHidden();
  const item = page.getByRole('list', { name: `Findings from ${SOURCE}` }).getByRole('listitem');
  await expect(item).toContainText(FINDING);
  await expect(item).toContainText('GP registration · mapped to Next steps');

  // The coverage matrix counts it.
  await expect.poll(() => findingsIn(page, 'Next steps', 'GP registration')).toBe(before + 1);

  // Map it to a second section, then unmap that one.
  await item.getByRole('button', { name: /^Map to sections/ }).click();
  const mapDialog = page.getByRole('dialog', { name: 'Map the finding to guidance sections' });
  await mapDialog.getByRole('combobox', { name: 'Add a section' }).click();
  await page.getByRole('option', { name: 'Scope', exact: true }).click();
  await settled(page);
  await checkA11y(page, 'finding-map');
  await mapDialog.getByRole('button', { name: 'Save mapping' }).click();
  await expect(item).toContainText('mapped to Next steps, Scope');
  await item.getByRole('button', { name: /^Map to sections/ }).click();
  await mapDialog.getByRole('button', { name: 'Unmap Scope' }).click();
  await expect(mapDialog.getByRole('button', { name: 'Unmap Scope' })).toHaveCount(0);
  await mapDialog.getByRole('button', { name: 'Save mapping' }).click();
  await expect(mapDialog).toBeHidden();
  await expect(item).toContainText('mapped to Next steps');
  await expect(item).not.toContainText('Scope');
  await checkA11y(page, 'evidence-with-finding');

  // Rate a cell of the assessment matrix, citing the finding.
  await sectionNav(page).getByRole('link', { name: 'Models' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Models of good practice' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(MODEL.replace(/[()]/g, '\\$&')) });
  await row.getByRole('button').first().click();
  const cellDialog = page.getByRole('dialog');
  await cellDialog.getByRole('radio', { name: 'Met', exact: true }).check();
  await cellDialog.getByLabel('Evidence note').fill('The audit found it in practice.');
  await cellDialog.getByRole('radio', { name: 'A finding' }).check();
  await cellDialog.getByRole('combobox', { name: 'Finding', exact: true }).fill('halves the wait');
  await page.getByRole('option', { name: /halves the wait/ }).click();
  await settled(page);
  await checkA11y(page, 'rate-with-finding');
  await cellDialog.getByRole('button', { name: 'Save rating' }).click();
  await expect(cellDialog).toBeHidden();
  await row.getByRole('button').first().click();
  await expect(page.getByRole('dialog')).toContainText('Tom Editor: Met — The audit found it in practice. (cites a finding: “GP registration at enrolment');
  await expect(page.getByRole('dialog').getByRole('radio', { name: 'A finding' })).toBeChecked();
  await page.keyboard.press('Escape');

  // Edit the model: a missing name is refused beside the field; then the summary changes.
  await page.getByRole('button', { name: `Edit ${MODEL}` }).click();
  const editModel = page.getByRole('dialog', { name: `Edit ${MODEL}` });
  await expect(editModel.getByLabel('Name')).toBeFocused();
  await editModel.getByLabel('Name').fill('');
  await editModel.getByRole('button', { name: 'Save changes' }).click();
  await expect(editModel.getByText('Is required')).toBeVisible();
  await expect(editModel.getByLabel('Name')).toBeFocused();
  await settled(page);
  await checkA11y(page, 'model-edit-error');
  await editModel.getByLabel('Name').fill(MODEL);
  await editModel.getByLabel('Summary').fill('A mental health practitioner from the NHS trust works inside the university wellbeing service two days a week.');
  await editModel.getByRole('button', { name: 'Save changes' }).click();
  await expect(editModel).toBeHidden();
  await expect(page.getByText('works inside the university wellbeing service two days a week')).toBeVisible();
  await checkA11y(page, 'models-after-edit');
});

test('the assessment matrix shows a page of models and, by keyboard, the next; the search applies to every model', async ({ page }) => {
  await signIn(page, EDITOR);
  const workspaceId = /\/w\/([^/]+)\//.exec(page.url())![1];
  // More models than a page (20), named to sort after the seeded ones, through the API with the session cookie.
  const existing = await page.request.post('/graphql', { data: { query: 'query($w: ID!) { workspace(id: $w) { models { name } } }', variables: { w: workspaceId } } });
  const names: string[] = (await existing.json()).data.workspace.models.map((m: { name: string }) => m.name);
  for (let i = 1; i <= 22; i++) {
    const name = `Worked example for paging ${String(i).padStart(2, '0')}`;
    if (names.includes(name)) continue;
    const created = await page.request.post('/graphql', {
      data: {
        query: 'mutation($i: CreatePracticeModelInput!) { createPracticeModel(input: $i) { id } }',
        variables: { i: { workspaceId, name, leadProviders: 'A university', nhsPartners: 'A trust', region: 'LONDON', type: 'OTHER', summary: 'For paging.' } },
      },
    });
    expect((await created.json()).errors).toBeUndefined();
  }
  const total = names.filter((n) => !n.startsWith('Worked example for paging')).length + 22;

  await sectionNav(page).getByRole('link', { name: 'Models' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Models of good practice' })).toBeVisible();
  const matrix = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Verdict' }) });
  await expect(page.getByText(`Showing 20 of ${total} models.`)).toBeVisible();
  await expect(matrix.getByRole('rowheader')).toHaveCount(20);
  await expect(page.getByText(/\d+ of all the models (is a strong candidate|are strong candidates)\./)).toBeVisible();
  const more = page.getByRole('button', { name: /^Show more models/ });
  await checkA11y(page, 'matrix-first-page');

  // Keyboard only: focus the button, press Enter; the rest is appended and focus moves to the first new row.
  await more.focus();
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Showing ${total} of ${total} models.`)).toBeVisible();
  await expect(matrix.getByRole('rowheader')).toHaveCount(total);
  await expect(more).toHaveCount(0);
  await expect(page.locator('th:focus')).toContainText('Worked example for paging 18');
  await expect(matrix.getByRole('rowheader', { name: /Worked example for paging 22/ })).toBeVisible();
  await checkA11y(page, 'matrix-all-pages');

  // Rating a cell of a later page updates that row in place: the pages loaded stay loaded.
  const last = matrix.getByRole('row', { name: /Worked example for paging 22/ });
  await last.getByRole('button').first().click();
  const cellDialog = page.getByRole('dialog');
  await cellDialog.getByRole('radio', { name: 'Met', exact: true }).check();
  await cellDialog.getByRole('button', { name: 'Save rating' }).click();
  await expect(cellDialog).toBeHidden();
  await expect(last.getByRole('button').first()).toContainText('Met');
  await expect(last.getByRole('button').first()).toContainText('1 of 1 rated');
  await expect(matrix.getByRole('rowheader')).toHaveCount(total);

  // The search goes to the server: it finds a model beyond the first page, and counts the matches.
  await page.getByLabel('Find a model').fill('paging 2');
  await expect(page.getByText(/Showing 3 of 3 models matching “paging 2”\./)).toBeVisible();
  await expect(matrix.getByRole('rowheader')).toHaveCount(3);
  await page.getByLabel('Find a model').fill('');
  await expect(page.getByText(`Showing 20 of ${total} models.`)).toBeVisible();
});
