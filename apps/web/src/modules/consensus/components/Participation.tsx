// Who has voted, never how (leads): the eligible members split into those who have voted and those who have not.
import { useQuery } from '@apollo/client/react';
import { List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { SECTOR_LABELS } from '@concord/shared';
import { RoundPanelDocument } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { isEligible } from '../consensus';
import type { RoundDetail } from '../hooks/useRoundDetail';

export function Participation({ round, workspaceId }: { round: RoundDetail; workspaceId: string }) {
  const { data } = useQuery(RoundPanelDocument, { variables: { workspaceId } });
  const voted = new Set((round.voters ?? []).map((v) => v.id));
  const members = data?.workspace?.members ?? null;
  const eligible = members?.filter((m) => isEligible(round, m)) ?? [];
  const yes = eligible.filter((m) => voted.has(m.id));
  const no = eligible.filter((m) => !voted.has(m.id));
  // Someone who voted and has since left the round's panel (role or sector changed) still counts as voted.
  const others = (round.voters ?? []).filter((v) => !eligible.some((m) => m.id === v.id));
  const person = (m: { id: string; user: { name: string }; organisation?: string; sector?: keyof typeof SECTOR_LABELS }) => (
    <List.Item key={m.id}>
      {m.user.name}
      {m.organisation ? (
        <Text span size="sm" c="dimmed">
          {' '}
          · {m.organisation}
          {m.sector ? `, ${SECTOR_LABELS[m.sector]}` : ''}
        </Text>
      ) : null}
    </List.Item>
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="participation-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="participation-heading">
          Participation
        </Title>
        <Text size="sm">
          {round.votedCount} of {round.eligibleCount} eligible voters have voted. You see who has voted, never how{round.anonymous ? ': this is a secret ballot' : ''}.
        </Text>
        {members === null ? (
          <InlineLoader label="Loading the panel…" />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <div>
              <Title order={3} size="h5" mb={4} id="voted-heading">
                Voted ({yes.length + others.length})
              </Title>
              {yes.length + others.length === 0 ? <Text size="sm">Nobody yet.</Text> : <List aria-labelledby="voted-heading">{[...yes, ...others.map((o) => ({ ...o, organisation: undefined, sector: undefined }))].map(person)}</List>}
            </div>
            <div>
              <Title order={3} size="h5" mb={4} id="not-voted-heading">
                Not voted yet ({no.length})
              </Title>
              {no.length === 0 ? <Text size="sm">Everyone eligible has voted.</Text> : <List aria-labelledby="not-voted-heading">{no.map(person)}</List>}
            </div>
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
