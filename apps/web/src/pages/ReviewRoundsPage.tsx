// /w/:workspaceId/reviews: the workspace's review rounds; editors and leads open new ones here.
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../app/format';
import { WorkspaceReviewRoundsDocument } from '../generated/graphql';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { QueryError } from '../modules/layout/components/QueryError';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { OpenReviewRoundForm } from '../modules/reviews/components/OpenReviewRoundForm';
import { reviewRoundHref, runsReviews } from '../modules/reviews/reviews';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function ReviewRoundsPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Review rounds');
  const navigate = useNavigate();
  const { data, error, refetch } = useQuery(WorkspaceReviewRoundsDocument, { variables: { workspaceId: workspace.id } });
  const rounds = data?.workspace?.reviewRounds;
  return (
    <>
      <PageHeader
        title="Review rounds"
        intro="A review round shares a named version with invited stakeholders until its closing date. At close, their comments are summarised and carried onto the live draft for triage."
      />
      <Stack gap="lg">
        {runsReviews(workspace.myRole) && <OpenReviewRoundForm workspaceId={workspace.id} onOpened={(id) => void navigate(reviewRoundHref(workspace.id, id))} />}
        <section aria-labelledby="rounds-heading">
          <SectionHeading id="rounds-heading">Rounds</SectionHeading>
          {error && !data ? (
            <QueryError error={error} onRetry={() => void refetch()} />
          ) : !rounds ? (
            <InlineLoader label="Loading the review rounds…" />
          ) : rounds.length === 0 ? (
            <Text>No review rounds yet.</Text>
          ) : (
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Round</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Closes</Table.Th>
                  <Table.Th scope="col">Reviewers</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rounds.map((round) => (
                  <Table.Tr key={round.id}>
                    <Table.Td>
                      <Anchor component={Link} to={reviewRoundHref(workspace.id, round.id)} fw={600}>
                        {round.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant={round.status === 'OPEN' ? 'filled' : 'light'} color={round.status === 'OPEN' ? 'concordBlue' : 'gray'}>
                          {round.status === 'OPEN' ? 'Open' : 'Closed'}
                        </Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatDateTime(round.closedAt ?? round.closesAt)}</Table.Td>
                    <Table.Td>{round.reviewerCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
      </Stack>
    </>
  );
}
