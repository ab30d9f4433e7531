import { List, Text } from '@mantine/core';
import { ComingNext } from '../modules/layout/components/ComingNext';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function MilestonesPage() {
  useWorkspacePageTitle('Milestones');
  return (
    <>
      <PageHeader title="Milestones" intro="Where the work stands against the plan, and what is late." />
      <ComingNext title="Milestones arrive with the planning issue">
        <Text mb="sm">
          Each milestone will list its dated deliverables and tick them off when the event that proves them happens (a vote
          closed, a version shared, a review round closed). Status is worked out, never typed: done, on track, at risk or
          late, with the reason, such as “2 of 5 deliverables open, due in 6 days”. A timeline shows milestones and meetings
          with a line for today. The working group&apos;s plan:
        </Text>
        <List spacing="xs">
          <List.Item>2 February: agree the scope of the guidance at the Taskforce meeting.</List.Item>
          <List.Item>19 April: share the draft with the Taskforce for comment.</List.Item>
          <List.Item>31 May: final guidance shared with stakeholders and the Taskforce.</List.Item>
        </List>
      </ComingNext>
    </>
  );
}
