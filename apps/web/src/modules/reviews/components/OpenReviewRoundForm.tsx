// Opens a review round on a named version with a closing date (editors and leads).
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { splitFieldErrors } from '../../../app/errors';
import { OpenReviewRoundDocument, ReviewableVersionsDocument, WorkspaceReviewRoundsDocument } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';

const FIELDS = ['versionId', 'title', 'closesAt'] as const;

function inTwoWeeks(): string {
  const d = new Date(Date.now() + 14 * 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

export function OpenReviewRoundForm({ workspaceId, onOpened }: { workspaceId: string; onOpened: (id: string) => void }) {
  const { data } = useQuery(ReviewableVersionsDocument, { variables: { workspaceId } });
  const [versionId, setVersionId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [closesOn, setClosesOn] = useState(inTwoWeeks);
  const [local, setLocal] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [open, { loading, error }] = useMutation(OpenReviewRoundDocument, { refetchQueries: [WorkspaceReviewRoundsDocument] });
  const versions = (data?.workspace?.documents ?? []).flatMap((d) => d.versions.map((v) => ({ value: v.id, label: `${v.name} (${d.title})` })));
  const { fieldErrors, formError } = splitFieldErrors(error, FIELDS);
  const errors = { ...fieldErrors, ...local };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: typeof local = {};
    if (!versionId) problems.versionId = 'Choose the named version to share.';
    if (!title.trim()) problems.title = 'Give the round a title.';
    const closesAt = new Date(`${closesOn}T17:00:00`);
    if (Number.isNaN(closesAt.getTime()) || closesAt.getTime() <= Date.now()) problems.closesAt = 'Choose a closing date in the future.';
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !versionId) return;
    try {
      const result = await open({ variables: { input: { versionId, title: title.trim(), closesAt: closesAt.toISOString() } } });
      if (result.data) onOpened(result.data.openReviewRound.id);
    } catch {
      // Shown from `error`.
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={(e: FormEvent) => void onSubmit(e)} noValidate aria-labelledby="open-round-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="open-round-heading">
          Open a review round
        </Title>
        <FormError message={formError} />
        <Select
          label="Named version to share"
          description={versions.length === 0 ? 'Save a named version of a draft first.' : undefined}
          data={versions}
          value={versionId}
          onChange={setVersionId}
          required
          error={errors.versionId}
          searchable
        />
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={errors.title} maxLength={200} />
        <TextInput label="Closes on" description="Reviewers lose access at 17:00 that day." type="date" value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} required error={errors.closesAt} />
        <Group>
          <Button type="submit" loading={loading}>
            Open the round
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
