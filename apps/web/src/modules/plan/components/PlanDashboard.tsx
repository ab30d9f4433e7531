// The dashboard's plan: the timeline, the next Taskforce meeting, my deliverables, open rounds and live activity.
import { useMemo } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { DashboardRoundsDocument, type ActivityFieldsFragment } from '../../../generated/graphql';
import { ActivityFeed } from '../../activity/components/ActivityFeed';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';
import { SectionHeading } from '../../layout/components/SectionHeading';
import { useWorkspacePlan } from '../hooks/useWorkspacePlan';
import { londonToday, nextMeeting } from '../plan';
import { MyDeliverables } from './MyDeliverables';
import { NextMeetingPanel } from './NextMeetingPanel';
import { OpenRoundsPanel } from './OpenRoundsPanel';
import { PlanTimeline } from './PlanTimeline';

export function PlanDashboard({ workspaceId }: { workspaceId: string }) {
  const client = useApolloClient();
  const { plan, error, refetch } = useWorkspacePlan(workspaceId);
  const today = useMemo(() => londonToday(), []);

  // Someone else's change (a deliverable ticked, a round closed) changes statuses here too.
  function onEvent(event: ActivityFieldsFragment) {
    refetch();
    if (event.kind === 'ROUND_OPENED' || event.kind === 'ROUND_CLOSED') void client.refetchQueries({ include: [DashboardRoundsDocument] });
  }

  return (
    <Stack gap="lg">
      <section aria-labelledby="plan-heading">
        <SectionHeading id="plan-heading" flush>
          The plan
        </SectionHeading>
        {error ? (
          <QueryError error={error} onRetry={refetch} />
        ) : !plan ? (
          <InlineLoader label="Loading the plan…" />
        ) : plan.milestones.length === 0 && plan.meetings.length === 0 ? (
          <Text>This workspace has no milestones or meetings yet.</Text>
        ) : (
          <PlanTimeline workspaceId={workspaceId} milestones={plan.milestones} meetings={plan.meetings} today={today} headingId="plan-heading" />
        )}
      </section>
      {plan && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <NextMeetingPanel workspaceId={workspaceId} milestones={plan.milestones} meeting={nextMeeting(plan.meetings, today)} today={today} />
          <MyDeliverables milestones={plan.milestones} myMemberId={plan.myMembership.id} role={plan.myRole} today={today} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <OpenRoundsPanel workspaceId={workspaceId} />
        <ActivityFeed workspaceId={workspaceId} onEvent={onEvent} />
      </SimpleGrid>
    </Stack>
  );
}
