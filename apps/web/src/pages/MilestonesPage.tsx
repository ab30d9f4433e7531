// /w/:workspaceId/milestones: the plan in full — milestones with computed status, deliverables, the draft's
// gate, and meetings with their agendas and briefing packs.
import { useEffect, useMemo } from 'react';
import { Stack, Text } from '@mantine/core';
import { useLocation } from 'react-router';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { QueryError } from '../modules/layout/components/QueryError';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { GateForm } from '../modules/plan/components/GateForm';
import { MeetingCard } from '../modules/plan/components/MeetingCard';
import { MilestoneCard } from '../modules/plan/components/MilestoneCard';
import { useWorkspacePlan } from '../modules/plan/hooks/useWorkspacePlan';
import { londonToday, managesMeetings, mayTriggerGate } from '../modules/plan/plan';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function MilestonesPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Milestones');
  const { plan, error, refetch } = useWorkspacePlan(workspace.id);
  const today = useMemo(() => londonToday(), []);
  const { hash } = useLocation();
  const loaded = !!plan;

  // A link from the dashboard's timeline lands on its milestone once the plan is there.
  useEffect(() => {
    if (!loaded || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [loaded, hash]);

  return (
    <>
      <PageHeader
        title="Milestones"
        intro="Where the work stands against the plan. Status is worked out from the deliverables and today’s date (Europe/London), never typed."
      />
      {error ? (
        <QueryError error={error} onRetry={refetch} />
      ) : !plan ? (
        <InlineLoader label="Loading the plan…" />
      ) : (
        <Stack gap="lg">
          {plan.milestones.length === 0 && <Text>No milestones yet.</Text>}
          {plan.milestones.map((m) => (
            <MilestoneCard key={m.id} workspaceId={workspace.id} milestone={m} role={plan.myRole} myMemberId={plan.myMembership.id} today={today}>
              {m.gatesDraft && <GateForm workspaceId={workspace.id} milestone={m} allowed={mayTriggerGate(plan.myRole)} today={today} />}
            </MilestoneCard>
          ))}
          <section aria-labelledby="meetings-heading">
            <SectionHeading id="meetings-heading">Meetings</SectionHeading>
            {plan.meetings.length === 0 ? (
              <Text>No meetings yet.</Text>
            ) : (
              <Stack gap="md">
                {plan.meetings.map((meeting) => (
                  <MeetingCard
                    key={meeting.id}
                    workspaceId={workspace.id}
                    meeting={meeting}
                    milestoneTitle={plan.milestones.find((m) => m.id === meeting.milestoneId)?.title}
                    canEdit={managesMeetings(plan.myRole)}
                    today={today}
                  />
                ))}
              </Stack>
            )}
          </section>
        </Stack>
      )}
    </>
  );
}
