// Consensus rounds open now, with how many have voted and whether I can.
import { useQuery } from '@apollo/client/react';
import { Anchor, List, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, plural } from '../../../app/format';
import { DashboardRoundsDocument } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';

export function OpenRoundsPanel({ workspaceId }: { workspaceId: string }) {
  // The server sends the open rounds only, so the list is asked for again each time the dashboard is
  // shown (a round opened elsewhere since is not in the cached one); a round that closed since drops out
  // at once, its status being updated in the cache.
  const { data, error, refetch } = useQuery(DashboardRoundsDocument, { variables: { workspaceId }, fetchPolicy: 'cache-and-network' });
  const open = (data?.workspace?.rounds ?? []).filter((r) => r.status === 'OPEN');
  const base = `/w/${encodeURIComponent(workspaceId)}/votes`;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="open-rounds-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="open-rounds-heading">
          Open consensus rounds
        </Title>
        {error && !data ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : !data ? (
          <InlineLoader label="Loading the rounds…" />
        ) : open.length === 0 ? (
          <Text>
            No round is open.{' '}
            <Anchor component={Link} to={base}>
              See all votes
            </Anchor>
          </Text>
        ) : (
          <List spacing="xs" listStyleType="none" p={0}>
            {open.map((r) => (
              <List.Item key={r.id}>
                <Anchor component={Link} to={`${base}/${encodeURIComponent(r.id)}`} fw={600}>
                  {r.title}
                </Anchor>
                <Text size="sm">
                  {plural(r.items.length, 'item')} · {r.votedCount} of {r.eligibleCount} have voted
                  {r.closesAt ? ` · closes ${formatDateTime(r.closesAt)}` : ''}
                </Text>
                {r.canVote && (
                  <Anchor component={Link} to={`${base}/${encodeURIComponent(r.id)}/ballot`} size="sm">
                    Vote<VisuallyHidden> in {r.title}</VisuallyHidden>
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
