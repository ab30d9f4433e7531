// The gate of the milestone that gates the draft: freeze a named version and open a stakeholder review round.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { splitFieldErrors } from '../../../app/errors';
import { GateDocumentsDocument, TriggerMilestoneGateDocument, WorkspacePlanDocument, type MilestoneFieldsFragment } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { reviewRoundHref } from '../../reviews/reviews';
import { focusFirstInvalid } from '../focus';
import { formatCalendarDate } from '../plan';

const FIELDS = ['documentId', 'versionName', 'closesAt', 'title'] as const;

interface Props {
  workspaceId: string;
  milestone: MilestoneFieldsFragment;
  allowed: boolean;
  today: string;
}

function addDays(date: string, n: number): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + n));
  return d.toISOString().slice(0, 10);
}

export function GateForm({ workspaceId, milestone, allowed, today }: Props) {
  const headingId = `gate-${milestone.id}`;
  if (milestone.gateTriggeredAt) {
    return (
      <Alert color="success" variant="light" title="Gate passed">
        <Text size="sm">
          On {formatDateTime(milestone.gateTriggeredAt)} a named version of the draft was frozen
          {milestone.gateReviewRoundId ? ' and a stakeholder review round opened from it: ' : '.'}
          {milestone.gateReviewRoundId && (
            <Anchor component={Link} to={reviewRoundHref(workspaceId, milestone.gateReviewRoundId)}>
              open the review round
            </Anchor>
          )}
        </Text>
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" radius="md" bg="concordBlue.0" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>
          This milestone gates the draft
        </Title>
        <Text size="sm">
          When the draft is ready for the Taskforce, freeze it as a named version and open a stakeholder review round from it. This happens once.
        </Text>
        {allowed ? <GateFields workspaceId={workspaceId} milestone={milestone} today={today} /> : <Text size="sm">Editors and leads trigger the gate.</Text>}
      </Stack>
    </Paper>
  );
}

function GateFields({ workspaceId, milestone, today }: Omit<Props, 'allowed'>) {
  const { data } = useQuery(GateDocumentsDocument, { variables: { workspaceId } });
  const documents = data?.workspace?.documents ?? [];
  const [documentId, setDocumentId] = useState('');
  const [versionName, setVersionName] = useState(`Draft for Taskforce ${formatCalendarDate(milestone.dueDate).replace(/ \d{4}$/, '')}`);
  const [openReview, setOpenReview] = useState(true);
  const [title, setTitle] = useState('');
  const [closesOn, setClosesOn] = useState(() => addDays(today, 14));
  const [local, setLocal] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [done, setDone] = useState(false);
  const [trigger, { loading, error }] = useMutation(TriggerMilestoneGateDocument, { refetchQueries: [WorkspacePlanDocument], awaitRefetchQueries: true });
  const { fieldErrors, formError } = splitFieldErrors(error, FIELDS);
  const errors = { ...fieldErrors, ...local };
  const chosen = documentId || documents[0]?.id || '';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: typeof local = {};
    if (!chosen) problems.documentId = 'Choose the draft to freeze.';
    if (!versionName.trim()) problems.versionName = 'Name the version, e.g. “Draft for Taskforce 19 April”.';
    const closesAt = new Date(`${closesOn}T17:00:00`);
    if (openReview && (Number.isNaN(closesAt.getTime()) || closesAt.getTime() <= Date.now())) problems.closesAt = 'Choose a closing date in the future.';
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(event.currentTarget as HTMLFormElement);
      return;
    }
    try {
      await trigger({
        variables: {
          input: {
            milestoneId: milestone.id,
            documentId: chosen,
            versionName: versionName.trim(),
            openReview: openReview ? { closesAt: closesAt.toISOString(), title: title.trim() || undefined } : undefined,
          },
        },
      });
      setDone(true);
    } catch {
      // Shown from `error`.
    }
  }

  if (done) return null;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Freeze a version and open a stakeholder review round">
      <Stack gap="sm">
        <FormError message={formError} />
        <NativeSelect
          label="Draft to freeze"
          data={documents.map((d) => ({ value: d.id, label: d.title }))}
          value={chosen}
          onChange={(e) => setDocumentId(e.currentTarget.value)}
          error={errors.documentId}
          required
        />
        <TextInput label="Name of the frozen version" value={versionName} onChange={(e) => setVersionName(e.currentTarget.value)} error={errors.versionName} required maxLength={200} />
        <Checkbox label="Also open a stakeholder review round from it" checked={openReview} onChange={(e) => setOpenReview(e.currentTarget.checked)} />
        {openReview && (
          <Group grow align="flex-start">
            <TextInput label="Review round title" description="Default: “Stakeholder review: <version name>”." value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} error={errors.title} />
            <TextInput label="Review closes on" description="Reviewers lose access at 17:00 that day." type="date" value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} error={errors.closesAt} required />
          </Group>
        )}
        <Group>
          <Button type="submit" loading={loading}>
            {openReview ? 'Freeze a version and open the review round' : 'Freeze a version'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
