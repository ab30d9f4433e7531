import { useQuery } from '@apollo/client/react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../../../app/format';
import { WorkspaceDocumentsDocument } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';

export function DocumentList({ workspaceId }: { workspaceId: string }) {
  const { data, error, refetch } = useQuery(WorkspaceDocumentsDocument, { variables: { workspaceId } });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading drafts…" />;
  const documents = data.workspace?.documents ?? [];
  if (documents.length === 0) return <Text>No drafts yet.</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {documents.map((doc) => (
        <Paper component="li" key={doc.id} withBorder p="md" radius="md">
          <Title order={3} size="h4">
            {doc.title}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            Started {formatDate(doc.createdAt)}
            {doc.wordBudget ? ` · word budget ${doc.wordBudget.toLocaleString('en-GB')}` : ''}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
