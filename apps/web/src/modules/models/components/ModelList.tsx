import { useQuery } from '@apollo/client/react';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { WorkspaceModelsDocument, type WorkspaceModelsQuery } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { REGION_LABELS, STATUS_COLOURS, STATUS_LABELS, TYPE_LABELS } from '../labels';
import { QueryError } from '../../layout/components/QueryError';

type Model = NonNullable<WorkspaceModelsQuery['workspace']>['models'][number];

export function ModelList({ workspaceId }: { workspaceId: string }) {
  const { data, error, refetch } = useQuery(WorkspaceModelsDocument, { variables: { workspaceId } });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading models…" />;
  const models = data.workspace?.models ?? [];
  if (models.length === 0) return <Text>No candidate models yet.</Text>;
  return (
    <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} p={0} m={0} style={{ listStyle: 'none' }}>
      {models.map((model) => (
        <ModelCard key={model.id} model={model} />
      ))}
    </SimpleGrid>
  );
}

function Detail({ term, children }: { term: string; children: string }) {
  if (!children) return null;
  return (
    <Text size="sm">
      <Text component="span" fw={700} size="sm">
        {term}:
      </Text>{' '}
      {children}
    </Text>
  );
}

function ModelCard({ model }: { model: Model }) {
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4">
            {model.name}
          </Title>
          {model.illustrative && (
            <Badge color="warning" variant="light" style={{ flexShrink: 0 }}>
              Illustrative
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Badge color="concordBlue" variant="light">
            {TYPE_LABELS[model.type]}
          </Badge>
          <Badge color="neutral" variant="light">
            {REGION_LABELS[model.region]}
          </Badge>
          <Badge color={model.caseStudy ? STATUS_COLOURS[model.caseStudy.status] : 'neutral'} variant="outline">
            {model.caseStudy ? `Case study: ${STATUS_LABELS[model.caseStudy.status].toLowerCase()}` : 'No case study yet'}
          </Badge>
        </Group>
        <Text>{model.summary}</Text>
        <Detail term="Lead providers">{model.leadProviders}</Detail>
        <Detail term="NHS partners">{model.nhsPartners}</Detail>
        <Detail term="Contact">{model.contact ?? ''}</Detail>
      </Stack>
    </Paper>
  );
}
