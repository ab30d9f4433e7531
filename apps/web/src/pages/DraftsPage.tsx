import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { DocumentFormModal } from '../modules/documents/components/DocumentFormModal';
import { DocumentList } from '../modules/documents/components/DocumentList';
import { canManage, draftHref, readsDrafts } from '../modules/documents/documents';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

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
        <>
          <SectionHeading>Documents in this workspace</SectionHeading>
          <Text maw={760}>
            As a reviewer you see the versions shared with your review rounds, until each round closes. None is shared
            with you yet: the lead will let you know when a draft is ready for your comments.
          </Text>
        </>
      )}
    </>
  );
}
