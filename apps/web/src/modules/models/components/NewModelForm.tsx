// An editor adds a candidate model of good practice, or edits one.
import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { splitFieldErrors } from '../../../app/errors';
import { AssessmentMatrixDocument, CreatePracticeModelDocument, UpdatePracticeModelDocument, WorkspaceModelsDocument, type ModelType, type NhsRegion } from '../../../generated/graphql';
import { focusServerProblem } from '../../evidence/focus';
import { FormError } from '../../layout/components/FormError';
import { REGION_LABELS, TYPE_LABELS } from '../labels';

const FIELDS = ['name', 'leadProviders', 'nhsPartners', 'region', 'type', 'summary', 'contact'] as const;

export interface EditableModel {
  id: string;
  name: string;
  leadProviders: string;
  nhsPartners: string;
  region: NhsRegion;
  type: ModelType;
  summary: string;
  contact?: string | null;
}

export function NewModelForm({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  return <ModelForm workspaceId={workspaceId} onDone={onDone} />;
}

export function ModelForm({ workspaceId, model, onDone }: { workspaceId: string; model?: EditableModel; onDone: () => void }) {
  const [v, setV] = useState({
    name: model?.name ?? '',
    leadProviders: model?.leadProviders ?? '',
    nhsPartners: model?.nhsPartners ?? '',
    region: (model?.region ?? '') as string,
    type: (model?.type ?? '') as string,
    summary: model?.summary ?? '',
    contact: model?.contact ?? '',
  });
  const formRef = useRef<HTMLFormElement>(null);
  const refetchQueries = [WorkspaceModelsDocument, AssessmentMatrixDocument];
  const [create, created] = useMutation(CreatePracticeModelDocument, { refetchQueries });
  const [update, updated] = useMutation(UpdatePracticeModelDocument, { refetchQueries });
  const loading = created.loading || updated.loading;
  const { fieldErrors, formError } = splitFieldErrors(model ? updated.error : created.error, FIELDS);
  const set = (k: keyof typeof v) => (value: string | null) => setV((s) => ({ ...s, [k]: value ?? '' }));
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const fields = { ...v, region: v.region as NhsRegion, type: v.type as ModelType, contact: v.contact || null };
    try {
      if (model) await update({ variables: { input: { id: model.id, ...fields } } });
      else await create({ variables: { input: { workspaceId, ...fields } } });
      onDone();
    } catch {
      // Shown from `error`; focus goes to the field at fault.
      focusServerProblem(formRef.current);
    }
  }
  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate aria-label={model ? `Edit ${model.name}` : 'Add a candidate model'}>
      <Stack gap="sm">
        <FormError message={formError} />
        <TextInput label="Name" required value={v.name} onChange={(e) => set('name')(e.currentTarget.value)} error={fieldErrors.name} data-autofocus />
        <TextInput label="Lead provider(s)" required value={v.leadProviders} onChange={(e) => set('leadProviders')(e.currentTarget.value)} error={fieldErrors.leadProviders} />
        <TextInput label="NHS partner(s)" value={v.nhsPartners} onChange={(e) => set('nhsPartners')(e.currentTarget.value)} error={fieldErrors.nhsPartners} />
        <Select label="NHS England region" required data={Object.entries(REGION_LABELS).map(([value, label]) => ({ value, label }))} value={v.region || null} onChange={set('region')} error={fieldErrors.region} />
        <Select label="Type" required data={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))} value={v.type || null} onChange={set('type')} error={fieldErrors.type} />
        <Textarea label="Summary" autosize minRows={2} value={v.summary} onChange={(e) => set('summary')(e.currentTarget.value)} error={fieldErrors.summary} />
        <TextInput label="Contact" description="Name, role or e-mail of the person to ask." value={v.contact} onChange={(e) => set('contact')(e.currentTarget.value)} error={fieldErrors.contact} />
        <Group>
          <Button type="submit" loading={loading} disabled={!v.region || !v.type}>
            {model ? 'Save changes' : 'Add model'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
