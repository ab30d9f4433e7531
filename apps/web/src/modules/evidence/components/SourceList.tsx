import { useQuery } from '@apollo/client/react';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { WorkspaceSourcesDocument } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';

export function SourceList({ workspaceId }: { workspaceId: string }) {
  const { data, error, refetch } = useQuery(WorkspaceSourcesDocument, { variables: { workspaceId } });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading sources…" />;
  const sources = data.workspace?.sources ?? [];
  if (sources.length === 0) return <Text>No sources yet.</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {sources.map((source) => (
        <Paper component="li" key={source.id} withBorder p="md" radius="md">
          <Title order={3} size="h4">
            {source.title}
          </Title>
          <Text mt={4}>
            {[source.authors, source.publisher, source.year?.toString()].filter(Boolean).join(' · ')}
          </Text>
          <Text size="sm" c="dimmed">
            {source.type}
          </Text>
          {source.url && (
            <Anchor href={source.url} target="_blank" rel="noopener noreferrer" size="sm">
              Open “{source.title}” (opens in a new tab)
            </Anchor>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
