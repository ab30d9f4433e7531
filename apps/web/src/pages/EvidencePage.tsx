import { Text } from '@mantine/core';
import { SourceList } from '../modules/evidence/components/SourceList';
import { ComingNext } from '../modules/layout/components/ComingNext';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function EvidencePage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Evidence');
  return (
    <>
      <PageHeader title="Evidence" intro="The existing literature the guidance builds on." />
      <ComingNext title="Literature mapping arrives with the evidence issue">
        <Text>
          Findings taken from each source (recommendations, challenges, solutions, good practice) will be tagged and mapped
          to the sections of the guidance. A coverage matrix of sections against challenges will show where the draft
          rests on evidence and where the gaps are.
        </Text>
      </ComingNext>
      <SectionHeading>Sources</SectionHeading>
      <SourceList workspaceId={workspace.id} />
    </>
  );
}
