import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { WorkspaceModelsDocument, type WorkspaceModelsQuery } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { REGION_LABELS, STATUS_COLOURS, STATUS_LABELS, TYPE_LABELS } from '../labels';
import { QueryError } from '../../layout/components/QueryError';
import { ModelForm } from './NewModelForm';

type Model = NonNullable<WorkspaceModelsQuery['workspace']>['models'][number];

export function ModelList({ workspaceId, canEdit = false }: { workspaceId: string; canEdit?: boolean }) {
  const [editing, setEditing] = useState<Model | null>(null);
  const { data, error, refetch } = useQuery(WorkspaceModelsDocument, { variables: { workspaceId } });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading models…" />;
  const models = data.workspace?.models ?? [];
  if (models.length === 0) return <Text>No candidate models yet.</Text>;
  return (
    <>
      <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} p={0} m={0} style={{ listStyle: 'none' }}>
        {models.map((model) => (
          <ModelCard key={model.id} model={model} onEdit={canEdit ? () => setEditing(model) : undefined} />
        ))}
      </SimpleGrid>
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={editing ? `Edit ${editing.name}` : ''} size="lg">
        {editing && <ModelForm workspaceId={workspaceId} model={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </>
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

function ModelCard({ model, onEdit }: { model: Model; onEdit?: () => void }) {
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
        {onEdit && (
          <Group>
            <Button variant="default" size="xs" onClick={onEdit}>
              Edit
              <VisuallyHidden>{` ${model.name}`}</VisuallyHidden>
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
