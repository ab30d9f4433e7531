// The workspace's live activity feed: recent events, then new ones as they happen (announced politely).
import { Badge, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ActivityFieldsFragment } from '../../../generated/graphql';
import { formatDateTime } from '../../../app/format';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';
import { ACTIVITY_KIND_LABELS, whenAgo } from '../activity';
import { useActivityFeed } from '../hooks/useActivityFeed';

interface Props {
  workspaceId: string;
  /** Called for each live event, e.g. to refresh what it changed. */
  onEvent?: (event: ActivityFieldsFragment) => void;
}

export function ActivityFeed({ workspaceId, onEvent }: Props) {
  const { events, latest, loading, error, live, refetch } = useActivityFeed(workspaceId, 10, onEvent);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="activity-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h3" id="activity-heading">
            Recent activity
          </Title>
          <Badge variant="light" color={live ? 'success' : 'neutral'} styles={{ root: { textTransform: 'none', color: live ? 'var(--mantine-color-success-9)' : 'var(--mantine-color-neutral-9)' } }}>
            {live ? '● Live' : '○ Not live: reload to update'}
          </Badge>
        </Group>
        <VisuallyHidden role="status" aria-live="polite">
          {latest ? `New activity: ${latest.label}` : ''}
        </VisuallyHidden>
        {error ? (
          <QueryError error={error} onRetry={refetch} />
        ) : loading ? (
          <InlineLoader label="Loading the activity…" />
        ) : events.length === 0 ? (
          <Text>Nothing has happened yet.</Text>
        ) : (
          <ol aria-labelledby="activity-heading" data-testid="activity-feed" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {events.map((e) => (
              <li key={e.id} style={{ padding: '6px 0', borderBottom: '1px solid var(--mantine-color-neutral-1)' }}>
                <Text size="xs" fw={700} tt="uppercase" c="neutral.7">
                  {ACTIVITY_KIND_LABELS[e.kind] ?? e.kind}
                </Text>
                <Text size="sm">{e.label}</Text>
                <Text size="xs" c="dimmed">
                  {e.actorName ?? 'Concord'} · <time dateTime={e.createdAt} title={formatDateTime(e.createdAt)}>{whenAgo(e.createdAt)}</time>
                </Text>
              </li>
            ))}
          </ol>
        )}
      </Stack>
    </Paper>
  );
}
