import { Stack, Text } from '@mantine/core';
import { DocumentList } from '../modules/documents/components/DocumentList';
import { ComingNext } from '../modules/layout/components/ComingNext';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';
import { readsWorkspaceContent } from '../modules/workspaces/sections';

export function DraftsPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Drafts');
  return (
    <>
      <PageHeader title="Drafts" intro="The guidance and the other documents the group writes together." />
      <ComingNext title="The live co-editor arrives with the co-editing issue">
        <Stack gap="xs">
          <Text>
            Everyone will edit the same draft at once and see each other&apos;s cursors; headings will form the outline, with a
            word count per section against its budget. Named versions (“Draft for stakeholders”, “Draft for Taskforce 19
            April”) can be viewed, compared and restored, and comments, questions and suggested edits sit beside the text.
          </Text>
        </Stack>
      </ComingNext>
      <SectionHeading>Documents in this workspace</SectionHeading>
      {readsWorkspaceContent(workspace.myRole) ? (
        <DocumentList workspaceId={workspace.id} />
      ) : (
        <Text maw={760}>
          As a reviewer you see the versions shared with your review rounds, until each round closes. None is shared with
          you yet: the lead will let you know when a draft is ready for your comments.
        </Text>
      )}
    </>
  );
}
