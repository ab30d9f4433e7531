import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import { formatDate, formatWords } from '../../../app/format';
import { WorkspaceDocumentsDocument, type DocumentSummaryFragment } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';
import { draftHref } from '../documents';
import { DocumentFormModal } from './DocumentFormModal';

/** The workspace's documents, each a link to its live draft; editors and leads can rename them. */
export function DocumentList({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const { data, error, refetch } = useQuery(WorkspaceDocumentsDocument, { variables: { workspaceId } });
  const [renaming, setRenaming] = useState<DocumentSummaryFragment>();
  const [opened, modal] = useDisclosure(false);
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading drafts…" />;
  const documents = data.workspace?.documents ?? [];
  if (documents.length === 0) return <Text>No documents yet.{canManage ? ' Start one with “New document”.' : ''}</Text>;
  return (
    <>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {documents.map((doc) => (
          <Paper component="li" key={doc.id} withBorder p="md" radius="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Title order={3} size="h4">
                  <Anchor component={Link} to={draftHref(workspaceId, doc.id)}>
                    {doc.title}
                  </Anchor>
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  Started {formatDate(doc.createdAt)}
                  {doc.wordBudget ? ` · word budget ${formatWords(doc.wordBudget)}` : ' · no word budget'}
                </Text>
              </div>
              {canManage && (
                <Button
                  variant="default"
                  size="xs"
                  aria-label={`Rename ${doc.title}`}
                  onClick={() => {
                    setRenaming(doc);
                    modal.open();
                  }}
                >
                  Rename
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      <DocumentFormModal opened={opened} onClose={modal.close} workspaceId={workspaceId} document={renaming} />
    </>
  );
}
