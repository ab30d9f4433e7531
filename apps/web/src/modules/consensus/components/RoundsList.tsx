// The workspace's rounds: open ones first (with the way to vote), then drafts (for those who run rounds),
// then closed ones with their results. Rounds that can still change are watched live.
import { useCallback } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { WorkspaceRoundsDocument, type WorkspaceRoundsQuery } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';
import { SectionHeading } from '../../layout/components/SectionHeading';
import { ballotHref, resultsHref, roundHref, SCALE_LABELS } from '../consensus';
import { RoundWatcher } from '../hooks/useRoundDetail';
import { roundTiming, StatusBadge } from './RoundFrame';

type Round = NonNullable<WorkspaceRoundsQuery['workspace']>['rounds'][number];

export function RoundsList({ workspaceId, manages }: { workspaceId: string; manages: boolean }) {
  const { data, error, refetch } = useQuery(WorkspaceRoundsDocument, { variables: { workspaceId }, fetchPolicy: 'cache-and-network' });
  const again = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  if (error && !data) return <QueryError error={error} onRetry={again} />;
  if (!data) return <InlineLoader label="Loading the rounds…" />;
  const rounds = data.workspace?.rounds ?? [];
  const open = rounds.filter((r) => r.status === 'OPEN');
  const drafts = rounds.filter((r) => r.status === 'DRAFT');
  const closed = rounds.filter((r) => r.status === 'CLOSED');
  return (
    <>
      {[...open, ...drafts].map((r) => (
        <RoundWatcher key={r.id} roundId={r.id} onChange={again} />
      ))}
      <section aria-labelledby="open-rounds-heading">
        <SectionHeading id="open-rounds-heading">Open rounds</SectionHeading>
        {open.length === 0 ? (
          <Text>No round is open just now.</Text>
        ) : (
          <Stack gap="sm">
            {open.map((r) => (
              <OpenRoundCard key={r.id} round={r} workspaceId={workspaceId} />
            ))}
          </Stack>
        )}
      </section>
      {manages && drafts.length > 0 && (
        <section aria-labelledby="draft-rounds-heading">
          <SectionHeading id="draft-rounds-heading">Draft rounds</SectionHeading>
          <RoundsTable rounds={drafts} workspaceId={workspaceId} label="Draft rounds" />
        </section>
      )}
      <section aria-labelledby="closed-rounds-heading">
        <SectionHeading id="closed-rounds-heading">Closed rounds</SectionHeading>
        {closed.length === 0 ? <Text>No round has closed yet.</Text> : <RoundsTable rounds={closed} workspaceId={workspaceId} label="Closed rounds" />}
      </section>
    </>
  );
}

function OpenRoundCard({ round, workspaceId }: { round: Round; workspaceId: string }) {
  const headingId = `open-round-${round.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4}>
          <Title order={3} size="h4" id={headingId}>
            <Anchor component={Link} to={roundHref(workspaceId, round.id)}>
              {round.title}
            </Anchor>
          </Title>
          <Text size="sm">
            Round {round.number} · {round.items.length} {round.items.length === 1 ? 'item' : 'items'} · {SCALE_LABELS[round.scale]} · {roundTiming(round)}
          </Text>
          <Text size="sm">
            {round.votedCount} of {round.eligibleCount} eligible voters have voted{round.anonymous ? ' · secret ballot' : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          {round.canVote && (
            <Button component={Link} to={ballotHref(workspaceId, round.id)} aria-label={`Vote in ${round.title}`}>
              Vote
            </Button>
          )}
          {round.liveResults && (
            <Button component={Link} to={resultsHref(workspaceId, round.id)} variant="default" aria-label={`Live results of ${round.title}`}>
              Live results
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function RoundsTable({ rounds, workspaceId, label }: { rounds: Round[]; workspaceId: string; label: string }) {
  return (
    <Table withTableBorder aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Round</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Items</Table.Th>
          <Table.Th scope="col">Voted</Table.Th>
          <Table.Th scope="col">When</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rounds.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor component={Link} to={r.status === 'CLOSED' ? resultsHref(workspaceId, r.id) : roundHref(workspaceId, r.id)} fw={600}>
                {r.title}
              </Anchor>
              {r.status === 'CLOSED' && (
                <Text size="sm">
                  <Anchor component={Link} to={roundHref(workspaceId, r.id)} size="sm">
                    Overview of round {r.number}
                  </Anchor>
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <StatusBadge status={r.status} />
            </Table.Td>
            <Table.Td>{r.items.length}</Table.Td>
            <Table.Td>
              {r.votedCount} of {r.eligibleCount}
            </Table.Td>
            <Table.Td>{r.status === 'CLOSED' ? formatDateTime(r.closedAt ?? r.createdAt) : roundTiming(r)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
