// Beside the live draft: the latest named versions, saving a new one, and the way to compare and restore.
import { useState } from 'react';
import { Alert, Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import { reviewsHref } from '../../reviews/reviews';
import { formatDateTime } from '../../../app/format';
import type { VersionSummaryFragment } from '../../../generated/graphql';
import { versionHref, versionsHref } from '../documents';
import { SaveVersionModal } from './SaveVersionModal';

const SHOWN = 3;

interface VersionsCardProps {
  workspaceId: string;
  documentId: string;
  versions: VersionSummaryFragment[];
  canSave: boolean;
  upToDate: boolean;
}

export function VersionsCard({ workspaceId, documentId, versions, canSave, upToDate }: VersionsCardProps) {
  const [saving, modal] = useDisclosure(false);
  const [saved, setSaved] = useState<string>();
  return (
    <Paper component="section" aria-labelledby="versions-heading" withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id="versions-heading">
          Named versions
        </Title>
        {/* The live region is there before the message, so screen readers announce it. */}
        <div role="status">
          {saved && (
            <Alert color="success" variant="light">
              Saved “{saved}”.
            </Alert>
          )}
        </div>
        {versions.length === 0 ? (
          <Text size="sm">None yet. A named version keeps the text as it is at that moment, to compare or restore later.</Text>
        ) : (
          <List listStyleType="none" p={0} spacing={6}>
            {versions.slice(0, SHOWN).map((version) => (
              <List.Item key={version.id}>
                <Anchor component={Link} to={versionHref(workspaceId, documentId, version.id)} size="sm" fw={600}>
                  {version.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatDateTime(version.createdAt)}
                  {version.createdByName ? ` · ${version.createdByName}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {canSave && (
          <Button variant="default" onClick={modal.open}>
            Save a named version
          </Button>
        )}
        <Anchor component={Link} to={versionsHref(workspaceId, documentId)} size="sm">
          All versions: view, compare, restore
        </Anchor>
        <Anchor component={Link} to={reviewsHref(workspaceId)} size="sm">
          Review rounds: share a version with stakeholders
        </Anchor>
      </Stack>
      {canSave && (
        <SaveVersionModal documentId={documentId} opened={saving} onClose={modal.close} onSaved={(v) => setSaved(v.name)} upToDate={upToDate} />
      )}
    </Paper>
  );
}
