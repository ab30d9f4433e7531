// The criteria for models of good practice, in order: candidates (accepted, ready for a round) and proposals
// waiting for an editor. Editors and leads accept proposals here.
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, List, Stack, Text } from '@mantine/core';
import { toProblem } from '../../../app/errors';
import { AcceptCriterionDocument, WorkspaceCriteriaDocument } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';

export function CriteriaList({ workspaceId, accepts = false }: { workspaceId: string; accepts?: boolean }) {
  const { data, error, refetch } = useQuery(WorkspaceCriteriaDocument, { variables: { workspaceId } });
  const [accept, accepting] = useMutation(AcceptCriterionDocument);
  const [acceptError, setAcceptError] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState('');
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading criteria…" />;
  const criteria = data.workspace?.criteria ?? [];
  if (criteria.length === 0) return <Text>No criteria have been proposed yet.</Text>;
  return (
    <Stack gap="sm" maw={760}>
      <FormError message={acceptError} title="The criterion was not accepted" />
      <List type="ordered" spacing="md" aria-label="Criteria">
        {criteria.map((criterion) => {
          const proposed = criterion.status === 'PROPOSED';
          return (
            <List.Item key={criterion.id}>
              <Text fw={600}>{criterion.statement}</Text>
              {proposed && (
                <Badge variant="light" color="warning" mt={4}>
                  Proposed: waiting for an editor
                </Badge>
              )}
              {criterion.rationale && (
                <Text size="sm" c="dimmed">
                  {criterion.rationale}
                </Text>
              )}
              {proposed && accepts && (
                <Button
                  mt={4}
                  size="compact-sm"
                  variant="default"
                  loading={accepting.loading && accepting.data === undefined}
                  aria-label={`Accept as a candidate: ${criterion.statement}`}
                  onClick={() => {
                    setAcceptError(undefined);
                    accept({ variables: { id: criterion.id } })
                      .then(() => {
                        setAnnouncement(`Accepted: “${criterion.statement}” can now go to a round.`);
                        return refetch();
                      })
                      .catch((e: unknown) => setAcceptError(toProblem(e)?.message));
                  }}
                >
                  Accept as a candidate
                </Button>
              )}
            </List.Item>
          );
        })}
      </List>
      <Text size="sm" role="status" aria-live="polite">
        {announcement}
      </Text>
    </Stack>
  );
}
