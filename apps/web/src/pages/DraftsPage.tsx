import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, List, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../app/format';
import { WorkspaceReviewRoundsDocument } from '../generated/graphql';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { reviewRoundHref } from '../modules/reviews/reviews';
import { DocumentFormModal } from '../modules/documents/components/DocumentFormModal';
import { DocumentList } from '../modules/documents/components/DocumentList';
import { canManage, draftHref, readsDrafts } from '../modules/documents/documents';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

/** A reviewer's open rounds: the versions shared with them, each a way to read and comment. */
function MyReviewRounds({ workspaceId }: { workspaceId: string }) {
  const { data } = useQuery(WorkspaceReviewRoundsDocument, { variables: { workspaceId } });
  const rounds = data?.workspace?.reviewRounds;
  return (
    <section aria-labelledby="shared-heading">
      <SectionHeading id="shared-heading">Shared with you for review</SectionHeading>
      {!rounds ? (
        <InlineLoader label="Loading your review rounds…" />
      ) : rounds.length === 0 ? (
        <Text maw={760}>
          As a reviewer you see the versions shared with your review rounds, until each round closes. None is shared
          with you yet: the lead will let you know when a draft is ready for your comments.
        </Text>
      ) : (
        <List spacing="xs">
          {rounds.map((round) => (
            <List.Item key={round.id}>
              <Anchor component={Link} to={reviewRoundHref(workspaceId, round.id)} fw={600}>
                {round.title}
              </Anchor>{' '}
              <Text span size="sm">
                (open until {formatDateTime(round.closesAt)})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

export function DraftsPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Drafts');
  const navigate = useNavigate();
  const [creating, modal] = useDisclosure(false);
  const manages = canManage(workspace.myRole);
  return (
    <>
      <PageHeader
        title="Drafts"
        intro="The guidance and the other documents the group writes together. Everyone with the draft open sees each other’s changes as they type; named versions can be compared and restored."
      />
      {readsDrafts(workspace.myRole) ? (
        <section aria-labelledby="documents-heading">
          <Group justify="space-between" align="flex-end" mt="xl" mb="sm">
            <SectionHeading id="documents-heading" flush>
              Documents in this workspace
            </SectionHeading>
            {manages && <Button onClick={modal.open}>New document</Button>}
          </Group>
          <DocumentList workspaceId={workspace.id} canManage={manages} />
          {manages && (
            <DocumentFormModal
              opened={creating}
              onClose={modal.close}
              workspaceId={workspace.id}
              onCreated={(created) => void navigate(draftHref(workspace.id, created.id))}
            />
          )}
        </section>
      ) : (
        <MyReviewRounds workspaceId={workspace.id} />
      )}
    </>
  );
}
