// An editor adds a candidate model of good practice.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { splitFieldErrors } from '../../../app/errors';
import { AssessmentMatrixDocument, CreatePracticeModelDocument, WorkspaceModelsDocument, type ModelType, type NhsRegion } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { REGION_LABELS, TYPE_LABELS } from '../labels';

const FIELDS = ['name', 'leadProviders', 'nhsPartners', 'region', 'type', 'summary', 'contact'] as const;

export function NewModelForm({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  const [v, setV] = useState({ name: '', leadProviders: '', nhsPartners: '', region: '' as string, type: '' as string, summary: '', contact: '' });
  const [create, { loading, error }] = useMutation(CreatePracticeModelDocument, { refetchQueries: [WorkspaceModelsDocument, AssessmentMatrixDocument] });
  const { fieldErrors, formError } = splitFieldErrors(error, FIELDS);
  const set = (k: keyof typeof v) => (value: string | null) => setV((s) => ({ ...s, [k]: value ?? '' }));
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    try {
      await create({ variables: { input: { workspaceId, ...v, region: v.region as NhsRegion, type: v.type as ModelType, contact: v.contact || null } } });
      onDone();
    } catch {
      // Shown from `error`.
    }
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="sm">
        <FormError message={formError} />
        <TextInput label="Name" required value={v.name} onChange={(e) => set('name')(e.currentTarget.value)} error={fieldErrors.name} />
        <TextInput label="Lead provider(s)" required value={v.leadProviders} onChange={(e) => set('leadProviders')(e.currentTarget.value)} error={fieldErrors.leadProviders} />
        <TextInput label="NHS partner(s)" value={v.nhsPartners} onChange={(e) => set('nhsPartners')(e.currentTarget.value)} error={fieldErrors.nhsPartners} />
        <Select label="NHS England region" required data={Object.entries(REGION_LABELS).map(([value, label]) => ({ value, label }))} value={v.region || null} onChange={set('region')} error={fieldErrors.region} />
        <Select label="Type" required data={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))} value={v.type || null} onChange={set('type')} error={fieldErrors.type} />
        <Textarea label="Summary" autosize minRows={2} value={v.summary} onChange={(e) => set('summary')(e.currentTarget.value)} error={fieldErrors.summary} />
        <TextInput label="Contact" description="Name, role or e-mail of the person to ask." value={v.contact} onChange={(e) => set('contact')(e.currentTarget.value)} error={fieldErrors.contact} />
        <Group>
          <Button type="submit" loading={loading} disabled={!v.region || !v.type}>
            Add model
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
