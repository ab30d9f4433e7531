// The NHS reader lens and exports on the seeded draft: an editor opens the lens on a section, sees the HE
// acronym it uses without a definition, defines it into the workspace glossary (the flag goes), and
// exports the draft with its glossary appendix, then edits and removes the entry; axe on the export dialog
// and the workspace glossary.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { checkA11y } from './support/a11y';
import { sectionNav, signIn } from './support/session';

const DRAFT = 'Guidance on joint working for student mental health (draft)';

test('an editor defines a flagged acronym from the lens and exports the draft', async ({ page }) => {
  await signIn(page, 'editor@demo.concord.test');
  await sectionNav(page).getByRole('link', { name: 'Drafts' }).click();
  await page.getByRole('link', { name: DRAFT }).click();
  await expect(page.getByRole('heading', { level: 1, name: DRAFT })).toBeFocused();

  const lens = page.getByRole('region', { name: 'NHS reader lens' });
  const section = lens.getByLabel('Section');
  // The seeded text uses "HEPs" and "OfS" without saying what they are.
  await section.selectOption({ label: 'Purpose and audience (1 to define)' });
  const flags = lens.getByRole('list', { name: 'Undefined terms in Purpose and audience' });
  await expect(flags.getByTestId('lens-flag')).toHaveCount(1);
  await expect(flags).toContainText('HEP');
  await expect(flags).toContainText('higher education provider');
  await expect(lens.getByTestId('lens-readability')).toContainText('Reading ease');
  await section.selectOption({ label: 'Funding and commissioning (1 to define)' });
  await expect(lens.getByRole('list', { name: 'Undefined terms in Funding and commissioning' })).toContainText('OfS');

  // Define HEP into the workspace glossary: the suggested explanation is offered.
  await section.selectOption({ label: 'Purpose and audience (1 to define)' });
  await lens.getByRole('button', { name: 'Define HEP in the glossary' }).click();
  const dialog = page.getByRole('dialog', { name: 'Define “HEP”' });
  await expect(dialog.getByLabel('Stands for (acronyms)')).toHaveValue('higher education provider');
  await dialog.getByLabel('What it means for an NHS reader').fill('A university or college that teaches degree courses; many have no health service of their own.');
  await dialog.getByRole('button', { name: 'Add to glossary' }).click();
  await expect(dialog).toBeHidden();
  await expect(lens.getByTestId('lens-clear')).toBeVisible();
  await expect(section).toHaveValue(/.+/);
  await expect(lens.getByRole('option', { name: 'Purpose and audience', exact: true })).toBeAttached();

  // Export the live draft as Markdown with the glossary appendix.
  await page.getByRole('button', { name: 'Export' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export the guidance' });
  await expect(exportDialog).toBeVisible();
  await checkA11y(page, 'export-dialog');
  await expect(exportDialog.getByRole('link', { name: 'Consensus methods report (.md)' })).toHaveAttribute('href', /\/exports\/methods\/.+\.md$/);
  await exportDialog.getByLabel('Markdown (.md)').check();
  await exportDialog.getByLabel('Sources').check();
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('link', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('guidance-on-joint-working-for-student-mental-health-draft-live.md');
  const md = readFileSync((await download.path())!, 'utf8');
  expect(md).toContain('## Purpose and audience');
  expect(md).toContain('# Appendix: Glossary for NHS readers');
  expect(md).toContain('| **HEP** (higher education provider) | A university or college that teaches degree courses; many have no health service of their own. |');
  expect(md).toContain('# Appendix: Sources');
  await expect(exportDialog).toBeHidden();

  // The workspace glossary: edit the entry just defined, then remove it (the flag comes back).
  const glossary = lens.getByRole('list', { name: 'Workspace glossary entries' });
  await expect(glossary).toContainText('HEP (higher education provider)');
  await checkA11y(page, 'workspace-glossary');
  await glossary.getByRole('button', { name: 'Edit HEP' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “HEP”' });
  await edit.getByLabel('What it means for an NHS reader').fill('A university or college that awards degrees.');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(glossary).toContainText('A university or college that awards degrees.');
  await glossary.getByRole('button', { name: 'Remove HEP' }).focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Remove “HEP”?' });
  await confirm.getByRole('button', { name: 'Remove from glossary' }).click();
  await expect(confirm).toBeHidden();
  await expect(lens.getByRole('region', { name: 'Workspace glossary' })).toContainText('has not defined any terms yet');
  await expect(lens.getByRole('list', { name: 'Undefined terms in Purpose and audience' })).toContainText('HEP');
});
