import { useQuery } from '@apollo/client/react';
import { List, Text } from '@mantine/core';
import { WorkspaceCriteriaDocument } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';

/** The candidate criteria for models of good practice, in order, with their rationale when there is one. */
export function CriteriaList({ workspaceId }: { workspaceId: string }) {
  const { data, error, refetch } = useQuery(WorkspaceCriteriaDocument, { variables: { workspaceId } });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading criteria…" />;
  const criteria = data.workspace?.criteria ?? [];
  if (criteria.length === 0) return <Text>No criteria have been proposed yet.</Text>;
  return (
    <List type="ordered" spacing="md" maw={760}>
      {criteria.map((criterion) => (
        <List.Item key={criterion.id}>
          <Text fw={600}>{criterion.statement}</Text>
          {criterion.rationale && (
            <Text size="sm" c="dimmed">
              {criterion.rationale}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
