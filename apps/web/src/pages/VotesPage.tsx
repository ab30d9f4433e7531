// /w/:workspaceId/votes: consensus on the criteria. Open rounds to vote in, draft and closed rounds, the
// criteria themselves (members propose, editors accept), and the way to set up a new round.
import { Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { newRoundHref, proposesCriteria, runsRounds } from '../modules/consensus/consensus';
import { CriteriaList } from '../modules/consensus/components/CriteriaList';
import { ProposeCriterionForm } from '../modules/consensus/components/ProposeCriterionForm';
import { RoundsList } from '../modules/consensus/components/RoundsList';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function VotesPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Votes');
  const manages = runsRounds(workspace.myRole);
  return (
    <>
      <PageHeader
        title="Votes"
        intro="How the group agrees the criteria for models of good practice, on the record: Delphi-style rounds rated 1 to 9 under a rule fixed before each round opens, with items that reach no consensus carried into the next round."
      />
      {manages && (
        <Group mb="md">
          <Button component={Link} to={newRoundHref(workspace.id)}>
            Set up a new round
          </Button>
        </Group>
      )}
      <RoundsList workspaceId={workspace.id} manages={manages} />
      <section aria-labelledby="criteria-heading">
        <SectionHeading id="criteria-heading">Criteria</SectionHeading>
        <Text mb="md" maw={760}>
          Criteria that models of good practice might satisfy. Candidates can go to a round; proposals wait for an editor to accept them. None is agreed until a
          round says so.
        </Text>
        <CriteriaList workspaceId={workspace.id} accepts={manages} />
        {proposesCriteria(workspace.myRole) && (
          <div style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
            <ProposeCriterionForm workspaceId={workspace.id} />
          </div>
        )}
      </section>
    </>
  );
}
