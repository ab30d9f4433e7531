// The round's reviewer comments; for editors of a closed round, a triage response and reason on each.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { SECTOR_LABELS, type Sector } from '@concord/shared';
import { splitFieldErrors } from '../../../app/errors';
import { RespondToReviewCommentDocument, ReviewRoundDetailDocument, type ReviewCommentFragment, type TriageResponse } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { KIND_LABELS } from '../../annotations/annotations';
import { TRIAGE_LABELS, TRIAGE_OPTIONS } from '../reviews';

export function ReviewComments({
  comments,
  triage,
  selectedId,
  onSelect,
}: {
  comments: ReviewCommentFragment[];
  triage: boolean;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  if (comments.length === 0) return <Text size="sm">No comments yet.</Text>;
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Reviewer comments">
      {comments.map((c) => (
        <Paper
          key={c.id}
          component="li"
          withBorder
          p="sm"
          radius="sm"
          className="concord-thread"
          data-thread-id={c.id}
          data-selected={c.id === selectedId ? 'true' : undefined}
          aria-label={`${KIND_LABELS[c.kind]} by ${c.author.user?.name ?? c.author.organisation}`}
        >
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Badge variant="outline" color="dark">
                {KIND_LABELS[c.kind]}
              </Badge>
              <Button size="compact-xs" variant="subtle" aria-pressed={c.id === selectedId} onClick={() => onSelect(c.id === selectedId ? null : c.id)}>
                {c.id === selectedId ? 'Hide in text' : 'Show in text'}
              </Button>
            </Group>
            <Text size="sm" fs="italic" lineClamp={3}>
              “{c.quote}”
            </Text>
            <Text size="xs" c="dimmed">
              {c.author.user ? `${c.author.user.name} · ` : ''}{c.author.organisation} ({SECTOR_LABELS[c.author.sector as Sector] ?? c.author.sector})
              {c.sectionTitle ? ` · ${c.sectionTitle}` : ''}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
            {c.suggestion && (
              <Text size="sm">
                <strong>Replace with:</strong> “{c.suggestion}”
              </Text>
            )}
            {c.triage && (
              <Text size="sm" data-testid="triage">
                <strong>We said: {TRIAGE_LABELS[c.triage.response]}.</strong> {c.triage.reason}
              </Text>
            )}
            {triage && <TriageForm annotation={c} />}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function TriageForm({ annotation }: { annotation: ReviewCommentFragment }) {
  const [response, setResponse] = useState<string | null>(annotation.triage?.response ?? null);
  const [reason, setReason] = useState(annotation.triage?.reason ?? '');
  const [local, setLocal] = useState<{ response?: string; reason?: string }>({});
  const [respond, { loading, error }] = useMutation(RespondToReviewCommentDocument, { refetchQueries: [ReviewRoundDetailDocument] });
  const { fieldErrors, formError } = splitFieldErrors(error, ['response', 'reason'] as const);
  const errors = { ...fieldErrors, ...local };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof local = {};
    if (!response) problems.response = 'Choose a response.';
    if (!reason.trim()) problems.reason = 'Give the reason.';
    setLocal(problems);
    if (!response || Object.keys(problems).length > 0) return;
    try {
      await respond({ variables: { annotationId: annotation.id, response: response as TriageResponse, reason: reason.trim() } });
    } catch {
      // Shown from `error`.
    }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="xs">
        <FormError message={formError} />
        <Select size="xs" label="Response" data={TRIAGE_OPTIONS} value={response} onChange={setResponse} error={errors.response} />
        <Textarea size="xs" label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={1} error={errors.reason} />
        <Group>
          <Button size="xs" type="submit" loading={loading}>
            {annotation.triage ? 'Update response' : 'Save response'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
