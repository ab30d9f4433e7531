import { Text } from '@mantine/core';
import { CriteriaList } from '../modules/consensus/components/CriteriaList';
import { ComingNext } from '../modules/layout/components/ComingNext';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function VotesPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Votes');
  return (
    <>
      <PageHeader title="Votes" intro="How the group agrees the criteria for models of good practice, on the record." />
      <ComingNext title="Consensus rounds arrive with the consensus issue">
        <Text>
          Delphi-style rounds on the criteria: rate each criterion from 1 to 9, then see the group&apos;s distribution, the
          median and the verdict under a rule fixed before the round opens (include when at least 70% rate it 7–9 and fewer
          than 15% rate it 1–3), broken down by sector. Items without consensus carry into the next round, and anonymous
          rounds show aggregates only.
        </Text>
      </ComingNext>
      <SectionHeading>Candidate criteria</SectionHeading>
      <Text mb="md" maw={760}>
        Criteria that models of good practice might satisfy. They are proposals for the group to rate, not yet agreed.
      </Text>
      <CriteriaList workspaceId={workspace.id} />
    </>
  );
}
