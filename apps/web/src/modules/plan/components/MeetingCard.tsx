// A meeting: date, kind, the milestone it serves, its briefing pack and its agenda (editors and leads edit it).
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { toProblem } from '../../../app/errors';
import {
  AddAgendaItemDocument,
  MoveAgendaItemDocument,
  RemoveAgendaItemDocument,
  UpdateAgendaItemDocument,
  type MeetingFieldsFragment,
} from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { briefingHref, daysBetween, formatLongDate, MEETING_KIND_LABELS, meetingAnchor, milestoneAnchor, relativeDays } from '../plan';

interface Props {
  workspaceId: string;
  meeting: MeetingFieldsFragment;
  milestoneTitle: string | undefined;
  canEdit: boolean;
  today: string;
}

const AGENDA_MAX = 300;

export function MeetingCard({ workspaceId, meeting, milestoneTitle, canEdit, today }: Props) {
  const headingId = `${meetingAnchor(meeting.id)}-heading`;
  const [error, setError] = useState<string>();
  const [newItem, setNewItem] = useState('');
  const [newItemError, setNewItemError] = useState<string>();
  const [editing, setEditing] = useState<{ id: string; title: string } | null>(null);
  const [editError, setEditError] = useState<string>();
  const [status, setStatus] = useState('');
  const [add, adding] = useMutation(AddAgendaItemDocument);
  const [update, updating] = useMutation(UpdateAgendaItemDocument);
  const [remove] = useMutation(RemoveAgendaItemDocument);
  const [move] = useMutation(MoveAgendaItemDocument);
  const items = [...meeting.agendaItems].sort((a, b) => a.position - b.position);
  const when = daysBetween(today, meeting.date);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(undefined);
    try {
      await action();
      setStatus(done);
      return true;
    } catch (e) {
      setError(toProblem(e)?.message ?? 'The agenda could not be changed.');
      return false;
    }
  }

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    const title = newItem.trim();
    if (!title) {
      setNewItemError('Enter the agenda item.');
      return;
    }
    setNewItemError(undefined);
    if (await run(() => add({ variables: { input: { meetingId: meeting.id, title } } }), `Added “${title}” to the agenda.`)) setNewItem('');
  }

  async function onSave(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const title = editing.title.trim();
    if (!title) {
      setEditError('Enter the agenda item, or remove it.');
      return;
    }
    setEditError(undefined);
    if (await run(() => update({ variables: { id: editing.id, title } }), `Changed the agenda item to “${title}”.`)) setEditing(null);
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId} id={meetingAnchor(meeting.id)} data-testid="meeting">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4" id={headingId}>
              {meeting.title}
            </Title>
            <Text size="sm">
              {formatLongDate(meeting.date)} ({relativeDays(when)})
            </Text>
          </div>
          <Badge variant="outline" color="neutral" styles={{ root: { textTransform: 'none', color: 'var(--mantine-color-neutral-8)' } }}>
            ◆ {MEETING_KIND_LABELS[meeting.kind]}
          </Badge>
        </Group>
        {milestoneTitle && meeting.milestoneId && (
          <Text size="sm">
            Serves the milestone{' '}
            <Anchor href={`#${milestoneAnchor(meeting.milestoneId)}`}>{milestoneTitle}</Anchor>
          </Text>
        )}
        <Anchor component={Link} to={briefingHref(workspaceId, meeting.id)} fw={600}>
          Briefing pack for {meeting.title}
        </Anchor>
        <Text fw={600} id={`${headingId}-agenda`}>
          Agenda
        </Text>
        <FormError message={error} />
        <div role="status" aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
          {status}
        </div>
        {items.length === 0 ? (
          <Text size="sm">No agenda items yet.</Text>
        ) : (
          <ol aria-labelledby={`${headingId}-agenda`} style={{ margin: 0, paddingLeft: 24 }}>
            {items.map((item, i) => (
              <li key={item.id} style={{ padding: '4px 0' }}>
                {editing?.id === item.id ? (
                  <form onSubmit={(e) => void onSave(e)} noValidate>
                    <Group gap="xs" align="flex-start">
                      <TextInput
                        label={`Agenda item ${i + 1}`}
                        value={editing.title}
                        onChange={(e) => setEditing({ id: item.id, title: e.currentTarget.value })}
                        error={editError}
                        maxLength={AGENDA_MAX}
                        style={{ flex: 1 }}
                        ref={(input) => {
                          // Editing moves focus into the field, once.
                          if (input && document.activeElement !== input && !input.dataset.focused) {
                            input.dataset.focused = 'true';
                            input.focus();
                          }
                        }}
                      />
                      <Button type="submit" size="sm" mt={24} loading={updating.loading}>
                        Save
                      </Button>
                      <Button variant="default" size="sm" mt={24} onClick={() => setEditing(null)}>
                        Cancel
                      </Button>
                    </Group>
                  </form>
                ) : (
                  <Group gap="xs" justify="space-between" wrap="nowrap">
                    <Text size="sm">{item.title}</Text>
                    {canEdit && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          disabled={i === 0}
                          aria-label={`Move up: ${item.title}`}
                          onClick={() => void run(() => move({ variables: { id: item.id, position: item.position - 1 } }), `Moved “${item.title}” up.`)}
                        >
                          ↑
                        </Button>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          disabled={i === items.length - 1}
                          aria-label={`Move down: ${item.title}`}
                          onClick={() => void run(() => move({ variables: { id: item.id, position: item.position + 1 } }), `Moved “${item.title}” down.`)}
                        >
                          ↓
                        </Button>
                        <Button variant="subtle" size="compact-sm" aria-label={`Edit: ${item.title}`} onClick={() => setEditing({ id: item.id, title: item.title })}>
                          Edit
                        </Button>
                        <Button
                          variant="subtle"
                          color="danger"
                          size="compact-sm"
                          aria-label={`Remove: ${item.title}`}
                          onClick={() => void run(() => remove({ variables: { id: item.id } }), `Removed “${item.title}” from the agenda.`)}
                        >
                          Remove
                        </Button>
                      </Group>
                    )}
                  </Group>
                )}
              </li>
            ))}
          </ol>
        )}
        {canEdit && (
          <form onSubmit={(e) => void onAdd(e)} noValidate aria-label={`Add to the agenda of ${meeting.title}`}>
            <Group gap="xs" align="flex-start">
              <TextInput
                label="New agenda item"
                value={newItem}
                onChange={(e) => setNewItem(e.currentTarget.value)}
                error={newItemError}
                maxLength={AGENDA_MAX}
                style={{ flex: 1 }}
              />
              <Button type="submit" mt={24} loading={adding.loading}>
                Add
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
