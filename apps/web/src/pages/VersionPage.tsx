// /w/:workspaceId/drafts/:documentId/versions/:versionId: one named version, read-only, in the editor's schema.
import { useQuery } from '@apollo/client/react';
import { Anchor, Group } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../app/format';
import { ReadOnlyVersion } from '../editor/ReadOnlyVersion';
import { DocumentVersionStateDocument } from '../generated/graphql';
import { DraftGate, type Draft } from '../modules/documents/components/DraftGate';
import { draftHref, versionsHref } from '../modules/documents/documents';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { QueryError } from '../modules/layout/components/QueryError';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function VersionPage() {
  return <DraftGate>{(draft) => <Version draft={draft} />}</DraftGate>;
}

function Version({ draft }: { draft: Draft }) {
  const workspace = useCurrentWorkspace();
  const { versionId = '' } = useParams();
  const summary = draft.versions.find((v) => v.id === versionId);
  useWorkspacePageTitle(summary ? `${summary.name} · ${draft.title}` : 'Version not found');
  const { data, error, refetch } = useQuery(DocumentVersionStateDocument, { variables: { id: versionId }, skip: !summary });
  const back = (
    <Group gap="lg">
      <Anchor component={Link} to={versionsHref(workspace.id, draft.id)} size="sm">
        All versions
      </Anchor>
      <Anchor component={Link} to={draftHref(workspace.id, draft.id)} size="sm">
        The live draft
      </Anchor>
    </Group>
  );
  if (!summary) {
    return (
      <>
        {back}
        <PageHeader title="Version not found" intro={`“${draft.title}” has no such named version.`} />
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeader
        title={summary.name}
        intro={`A named version of “${draft.title}”, saved on ${formatDateTime(summary.createdAt)}${summary.createdByName ? ` by ${summary.createdByName}` : ''}. Read-only.`}
      />
      <Anchor component={Link} to={versionsHref(workspace.id, draft.id, { from: summary.id })} mb="md" display="inline-block">
        Compare with the live draft
      </Anchor>
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !data?.documentVersion ? (
        <InlineLoader label="Loading the version…" />
      ) : (
        <ReadOnlyVersion state={data.documentVersion.state} label={`Text of ${summary.name}`} />
      )}
    </>
  );
}
