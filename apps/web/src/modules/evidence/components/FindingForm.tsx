// Adds a finding drawn from a source, or edits one: its kind, text, where in the source, the
// challenges it speaks to, and the guidance sections it is mapped to.
import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { splitFieldErrors } from '../../../app/errors';
import { AddFindingDocument, CoverageDocument, UpdateFindingDocument, WorkspaceSourcesDocument, type FindingKind } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { focusServerProblem } from '../focus';
import { SectionPicker, type GuidanceDocument, type KnownSection, type SectionRef } from './SectionPicker';
import { FINDING_KIND_LABELS } from './SourceList';

const FIELDS = ['kind', 'text', 'reference', 'tags', 'documentId', 'sectionId'] as const;

export interface EditableFinding {
  id: string;
  kind: FindingKind;
  text: string;
  reference: string;
  tags: string[];
  sections: KnownSection[];
}

export const refsOf = (sections: SectionRef[]) => sections.map(({ documentId, sectionId }) => ({ documentId, sectionId }));

export function FindingForm({
  sourceId,
  finding,
  documents,
  challengeTags,
  onDone,
}: {
  sourceId: string;
  finding?: EditableFinding;
  documents: GuidanceDocument[];
  challengeTags: string[];
  onDone: () => void;
}) {
  const [kind, setKind] = useState<string | null>(finding?.kind ?? null);
  const [text, setText] = useState(finding?.text ?? '');
  const [reference, setReference] = useState(finding?.reference ?? '');
  const [tags, setTags] = useState<string[]>(finding?.tags ?? []);
  const [sections, setSections] = useState<SectionRef[]>(refsOf(finding?.sections ?? []));
  const formRef = useRef<HTMLFormElement>(null);
  const refetchQueries = [WorkspaceSourcesDocument, CoverageDocument];
  const [add, added] = useMutation(AddFindingDocument, { refetchQueries });
  const [update, updated] = useMutation(UpdateFindingDocument, { refetchQueries });
  const { fieldErrors, formError } = splitFieldErrors(finding ? updated.error : added.error, FIELDS);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!kind) return;
    const fields = { kind: kind as FindingKind, text, reference, tags, sections };
    try {
      if (finding) await update({ variables: { input: { id: finding.id, ...fields } } });
      else await add({ variables: { input: { sourceId, ...fields } } });
      onDone();
    } catch {
      focusServerProblem(formRef.current);
    }
  }
  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate aria-label={finding ? 'Edit the finding' : 'Add a finding'}>
      <Stack gap="sm">
        <FormError message={formError} />
        <Select label="Kind" required data={Object.entries(FINDING_KIND_LABELS).map(([value, label]) => ({ value, label }))} value={kind} onChange={setKind} error={fieldErrors.kind} data-autofocus />
        <Textarea label="Finding" description="What the source says, in a sentence or two." required autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} error={fieldErrors.text} />
        <TextInput label="Page or section reference" description="e.g. p. 14, or section 3.2" value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={fieldErrors.reference} />
        <MultiSelect label="Challenge tags" description="The recurring challenges it speaks to." data={challengeTags} value={tags} onChange={setTags} searchable error={fieldErrors.tags} nothingFoundMessage="No challenge matches" />
        <SectionPicker documents={documents} value={sections} onChange={setSections} known={finding?.sections} error={fieldErrors.sectionId ?? fieldErrors.documentId} />
        <Group>
          <Button type="submit" loading={added.loading || updated.loading} disabled={!kind}>
            {finding ? 'Save finding' : 'Add finding'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Maps something to guidance sections, and unmaps it: only the sections change. */
export function MapSectionsForm({
  documents,
  known,
  saveLabel,
  onSave,
  onDone,
  error,
  loading,
}: {
  documents: GuidanceDocument[];
  known: KnownSection[];
  saveLabel: string;
  onSave: (sections: SectionRef[]) => Promise<unknown>;
  onDone: () => void;
  error: unknown;
  loading: boolean;
}) {
  const [sections, setSections] = useState<SectionRef[]>(refsOf(known));
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError } = splitFieldErrors(error, ['documentId', 'sectionId'] as const);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    try {
      await onSave(sections);
      onDone();
    } catch {
      focusServerProblem(formRef.current);
    }
  }
  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Map to guidance sections">
      <Stack gap="sm">
        <FormError message={formError} />
        <SectionPicker documents={documents} value={sections} onChange={setSections} known={known} error={fieldErrors.sectionId ?? fieldErrors.documentId} />
        <Group>
          <Button type="submit" loading={loading}>
            {saveLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
