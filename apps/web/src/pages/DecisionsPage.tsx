import { Text } from '@mantine/core';
import { ComingNext } from '../modules/layout/components/ComingNext';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function DecisionsPage() {
  useWorkspacePageTitle('Decisions');
  return (
    <>
      <PageHeader title="Decisions" intro="What the group has decided, on what evidence, and when." />
      <ComingNext title="The decision log arrives with the decisions issue">
        <Text>
          A numbered log (D-001, D-002, …): each decision with its statement and rationale, proposed and then agreed at a
          meeting or by a vote, linked to the results, sources, annotations and sections behind it. An agreed decision is
          never edited, only superseded, so before each Taskforce meeting anyone can say what was decided and why. Meeting
          briefing packs will gather the decisions made since the last meeting.
        </Text>
      </ComingNext>
    </>
  );
}
