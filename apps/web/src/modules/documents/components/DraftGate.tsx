// The pages of one draft (editor, versions, a version) load it here: reviewers, unknown documents and
// documents of another workspace get a page that says so, never the FORBIDDEN of the API.
import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Text } from '@mantine/core';
import { ROLE_LABELS } from '@concord/shared';
import { Link, useParams } from 'react-router';
import { withArticle } from '../../../app/format';
import { DraftDocumentDocument, type DraftDocumentQuery } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { PageHeader } from '../../layout/components/PageHeader';
import { QueryError } from '../../layout/components/QueryError';
import { useCurrentWorkspace } from '../../workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../../workspaces/hooks/useWorkspacePageTitle';
import { sectionHref } from '../../workspaces/sections';
import { readsDrafts } from '../documents';

export type Draft = NonNullable<DraftDocumentQuery['document']>;

export function DraftGate({ children }: { children: (draft: Draft) => ReactNode }) {
  const workspace = useCurrentWorkspace();
  const { documentId = '' } = useParams();
  const reads = readsDrafts(workspace.myRole);
  const { data, error, refetch } = useQuery(DraftDocumentDocument, { variables: { workspaceId: workspace.id, documentId }, skip: !reads });
  if (!reads) {
    return (
      <DraftProblem
        title="This draft is not shared with you"
        text={`As ${withArticle(ROLE_LABELS[workspace.myRole].toLowerCase())} you see the versions shared with your review rounds, until each round closes.`}
      />
    );
  }
  if (error && !data) {
    return (
      <>
        <PageHeader title="Draft" />
        <QueryError error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data) return <InlineLoader label="Opening the draft…" />;
  const draft = data.document;
  if (!draft || !data.workspace?.documents.some((d) => d.id === draft.id)) {
    return <DraftProblem title="Draft not found" text="This draft does not exist in this workspace, or you do not have access to it." />;
  }
  return children(draft);
}

function DraftProblem({ title, text }: { title: string; text: string }) {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle(title);
  return (
    <>
      <PageHeader title={title} intro={text} />
      <Text>
        <Anchor component={Link} to={sectionHref(workspace.id, 'drafts')}>
          Back to Drafts
        </Anchor>
      </Text>
    </>
  );
}
