// Editors define the case-study template: sections of fields (type, required, help, options), in order.
// Saving after submissions exist makes a new version; earlier submissions keep theirs.
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { ActionIcon, Alert, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { toProblem } from '../../../app/errors';
import { CaseStudyListDocument, CaseStudyTemplateDocument, SaveCaseStudyTemplateDocument, type CaseStudyFieldType, type TemplatePartsFragment } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { fieldProblems } from '../errors';

export const FIELD_TYPE_LABELS: Record<CaseStudyFieldType, string> = {
  TEXT: 'Text (one line)',
  LONG_TEXT: 'Long text',
  NUMBER: 'Number',
  DATE: 'Date',
  SINGLE_CHOICE: 'Single choice',
  MULTIPLE_CHOICE: 'Multiple choice',
  URL: 'Web address (URL)',
};

interface DraftField { id: string | null; label: string; type: CaseStudyFieldType; required: boolean; help: string; options: string }
interface DraftSection { id: string | null; title: string; fields: DraftField[] }

const isChoice = (t: CaseStudyFieldType) => t === 'SINGLE_CHOICE' || t === 'MULTIPLE_CHOICE';
const newField = (): DraftField => ({ id: null, label: '', type: 'TEXT', required: false, help: '', options: '' });

function fromTemplate(t: TemplatePartsFragment | null | undefined): DraftSection[] {
  if (!t) return [{ id: null, title: '', fields: [newField()] }];
  return t.sections.map((s) => ({ id: s.id, title: s.title, fields: s.fields.map((f) => ({ id: f.id, label: f.label, type: f.type, required: f.required, help: f.help, options: f.options.join('\n') })) }));
}

export function TemplateBuilder({ workspaceId, template }: { workspaceId: string; template: TemplatePartsFragment | null | undefined }) {
  const [sections, setSections] = useState<DraftSection[]>(() => fromTemplate(template));
  const [saved, setSaved] = useState<string | null>(null);
  const [save, { loading, error, reset }] = useMutation(SaveCaseStudyTemplateDocument, { refetchQueries: [CaseStudyTemplateDocument, CaseStudyListDocument] });
  const problems = fieldProblems(error);
  const errorAt = (path: string) => problems.find((p) => p.key === `input.${path}`)?.message.replace(/^[^:]*: /, '');

  const update = (si: number, change: (s: DraftSection) => DraftSection) => setSections((all) => all.map((s, i) => (i === si ? change(s) : s)));
  const updateField = (si: number, fi: number, change: Partial<DraftField>) => update(si, (s) => ({ ...s, fields: s.fields.map((f, i) => (i === fi ? { ...f, ...change } : f)) }));
  const move = <T,>(list: T[], from: number, to: number) => {
    if (to < 0 || to >= list.length) return list;
    const copy = [...list];
    const [x] = copy.splice(from, 1);
    copy.splice(to, 0, x);
    return copy;
  };

  async function onSave() {
    setSaved(null);
    reset();
    try {
      const r = await save({
        variables: {
          input: {
            workspaceId,
            sections: sections.map((s) => ({
              id: s.id,
              title: s.title,
              fields: s.fields.map((f) => ({ id: f.id, label: f.label, type: f.type, required: f.required, help: f.help, options: isChoice(f.type) ? f.options.split('\n').map((o) => o.trim()).filter(Boolean) : [] })),
            })),
          },
        },
      });
      if (r.data) {
        setSections(fromTemplate(r.data.saveCaseStudyTemplate));
        setSaved(`Saved as version ${r.data.saveCaseStudyTemplate.version}.`);
      }
    } catch {
      // Shown from `error`.
    }
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        {template ? `Version ${template.version} is current.` : 'There is no template yet.'} Changing the template after case studies have been made with it saves a new version; each case study stays readable against the version it was made with.
      </Text>
      {saved && (
        <Alert color="success" variant="light" role="status">
          {saved}
        </Alert>
      )}
      <FormError message={problems.length ? `${problems.length === 1 ? 'One part of the template needs' : `${problems.length} parts of the template need`} attention.` : toProblem(error)?.message} />
      {sections.map((s, si) => (
        <Paper key={si} withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group align="flex-end" wrap="nowrap">
              <TextInput label={`Section ${si + 1} title`} value={s.title} onChange={(e) => { const title = e.currentTarget.value; update(si, (x) => ({ ...x, title })); }} error={errorAt(`sections.${si}.title`)} style={{ flex: 1 }} required />
              <ActionIcon variant="default" size="lg" aria-label={`Move section ${si + 1} up`} onClick={() => setSections((all) => move(all, si, si - 1))} disabled={si === 0}>↑</ActionIcon>
              <ActionIcon variant="default" size="lg" aria-label={`Move section ${si + 1} down`} onClick={() => setSections((all) => move(all, si, si + 1))} disabled={si === sections.length - 1}>↓</ActionIcon>
              <Button variant="subtle" color="danger" onClick={() => setSections((all) => all.filter((_, i) => i !== si))}>
                Remove section
              </Button>
            </Group>
            {s.fields.map((f, fi) => {
              const path = `sections.${si}.fields.${fi}`;
              const name = `Section ${si + 1}, field ${fi + 1}`;
              return (
                <Paper key={fi} withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)">
                  <Stack gap="xs">
                    <Title order={3} size="h6">
                      {name}
                    </Title>
                    <Group align="flex-start" grow>
                      <TextInput label="Label" required value={f.label} onChange={(e) => updateField(si, fi, { label: e.currentTarget.value })} error={errorAt(`${path}.label`)} />
                      <Select label="Type" data={Object.entries(FIELD_TYPE_LABELS).map(([value, label]) => ({ value, label }))} value={f.type} onChange={(v) => v && updateField(si, fi, { type: v as CaseStudyFieldType })} error={errorAt(`${path}.type`)} allowDeselect={false} />
                    </Group>
                    <TextInput label="Help text" value={f.help} onChange={(e) => updateField(si, fi, { help: e.currentTarget.value })} error={errorAt(`${path}.help`)} />
                    {isChoice(f.type) && <Textarea label="Options, one per line" autosize minRows={2} value={f.options} onChange={(e) => updateField(si, fi, { options: e.currentTarget.value })} error={errorAt(`${path}.options`)} />}
                    <Group justify="space-between">
                      <Checkbox label="Required" checked={f.required} onChange={(e) => updateField(si, fi, { required: e.currentTarget.checked })} />
                      <Group gap="xs">
                        <ActionIcon variant="default" aria-label={`Move ${name} up`} onClick={() => update(si, (x) => ({ ...x, fields: move(x.fields, fi, fi - 1) }))} disabled={fi === 0}>↑</ActionIcon>
                        <ActionIcon variant="default" aria-label={`Move ${name} down`} onClick={() => update(si, (x) => ({ ...x, fields: move(x.fields, fi, fi + 1) }))} disabled={fi === s.fields.length - 1}>↓</ActionIcon>
                        <Button size="xs" variant="subtle" color="danger" onClick={() => update(si, (x) => ({ ...x, fields: x.fields.filter((_, i) => i !== fi) }))}>
                          Remove field
                        </Button>
                      </Group>
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
            <Group>
              <Button variant="default" onClick={() => update(si, (x) => ({ ...x, fields: [...x.fields, newField()] }))}>
                Add a field to section {si + 1}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="default" onClick={() => setSections((all) => [...all, { id: null, title: '', fields: [newField()] }])}>
          Add a section
        </Button>
        <Button onClick={() => void onSave()} loading={loading}>
          Save template
        </Button>
      </Group>
    </Stack>
  );
}
