import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { WorkspaceSourcesDocument, type FindingKind, type SourceType } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = { REPORT: 'Report', CASE_STUDIES: 'Case studies', GUIDANCE: 'Guidance', ARTICLE: 'Article', WEBSITE: 'Website', OTHER: 'Other' };
export const FINDING_KIND_LABELS: Record<FindingKind, string> = { RECOMMENDATION: 'Recommendation', CHALLENGE: 'Challenge', SOLUTION: 'Solution', GOOD_PRACTICE: 'Good practice' };

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
            {SOURCE_TYPE_LABELS[source.type]}
          </Text>
          {source.url && (
            <Anchor href={source.url} target="_blank" rel="noopener noreferrer" size="sm">
              Open “{source.title}” (opens in a new tab)
            </Anchor>
          )}
          {source.findings.length > 0 && (
            <List mt="sm" spacing="xs" size="sm" aria-label={`Findings from ${source.title}`}>
              {source.findings.map((f) => (
                <List.Item key={f.id}>
                  <Group gap={6} wrap="wrap">
                    <Badge size="sm" variant="light" color="concordBlue">
                      {FINDING_KIND_LABELS[f.kind]}
                    </Badge>
                    {f.illustrative && (
                      <Badge size="sm" variant="light" color="warning">
                        Illustrative
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    {f.text}
                    {f.reference ? ` (${f.reference})` : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[f.tags.join(', ') || 'No challenge tags', f.sections.length ? `mapped to ${f.sections.map((m) => (m.present ? m.title : `${m.title} (heading removed)`)).join(', ')}` : 'not mapped to a section'].join(' · ')}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
