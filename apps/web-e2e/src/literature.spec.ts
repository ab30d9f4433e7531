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
