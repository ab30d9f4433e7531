// Adds a source of the literature, or edits one.
import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { splitFieldErrors } from '../../../app/errors';
import { CoverageDocument, CreateSourceDocument, UpdateSourceDocument, WorkspaceSourcesDocument, type SourceType } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { focusServerProblem } from '../focus';
import { SOURCE_TYPE_LABELS } from './SourceList';

const FIELDS = ['title', 'authors', 'year', 'publisher', 'url', 'type'] as const;

export interface EditableSource {
  id: string;
  title: string;
  authors: string;
  year?: number | null;
  publisher?: string | null;
  url?: string | null;
  type: SourceType;
}

export function SourceForm({ workspaceId, source, onDone }: { workspaceId: string; source?: EditableSource; onDone: () => void }) {
  const [v, setV] = useState({
    title: source?.title ?? '',
    authors: source?.authors ?? '',
    year: source?.year?.toString() ?? '',
    publisher: source?.publisher ?? '',
    url: source?.url ?? '',
    type: (source?.type ?? '') as string,
  });
  const [yearProblem, setYearProblem] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const refetchQueries = [WorkspaceSourcesDocument, CoverageDocument];
  const [create, created] = useMutation(CreateSourceDocument, { refetchQueries });
  const [update, updated] = useMutation(UpdateSourceDocument, { refetchQueries });
  const { fieldErrors, formError } = splitFieldErrors(source ? updated.error : created.error, FIELDS);
  const set = (k: keyof typeof v) => (value: string | null) => setV((s) => ({ ...s, [k]: value ?? '' }));
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const year = v.year.trim();
    if (year && !/^\d{4}$/.test(year)) {
      setYearProblem('Enter the year as four digits, e.g. 2023');
      focusServerProblem(formRef.current);
      return;
    }
    setYearProblem(undefined);
    const fields = { title: v.title, authors: v.authors, year: year ? Number(year) : null, publisher: v.publisher || null, url: v.url.trim() || null, type: v.type as SourceType };
    try {
      if (source) await update({ variables: { input: { id: source.id, ...fields } } });
      else await create({ variables: { input: { workspaceId, ...fields } } });
      onDone();
    } catch {
      focusServerProblem(formRef.current);
    }
  }
  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate aria-label={source ? 'Edit the source' : 'Add a source'}>
      <Stack gap="sm">
        <FormError message={formError} />
        <TextInput label="Title" required value={v.title} onChange={(e) => set('title')(e.currentTarget.value)} error={fieldErrors.title} data-autofocus />
        <TextInput label="Authors or organisation" required value={v.authors} onChange={(e) => set('authors')(e.currentTarget.value)} error={fieldErrors.authors} />
        <Group grow align="flex-start">
          <TextInput label="Year" inputMode="numeric" value={v.year} onChange={(e) => set('year')(e.currentTarget.value)} error={yearProblem ?? fieldErrors.year} />
          <Select label="Type" required data={Object.entries(SOURCE_TYPE_LABELS).map(([value, label]) => ({ value, label }))} value={v.type || null} onChange={set('type')} error={fieldErrors.type} />
        </Group>
        <TextInput label="Publisher" value={v.publisher} onChange={(e) => set('publisher')(e.currentTarget.value)} error={fieldErrors.publisher} />
        <TextInput label="URL" type="url" description="Where to read it, starting http:// or https://." value={v.url} onChange={(e) => set('url')(e.currentTarget.value)} error={fieldErrors.url} />
        <Group>
          <Button type="submit" loading={created.loading || updated.loading} disabled={!v.type}>
            {source ? 'Save source' : 'Add source'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
