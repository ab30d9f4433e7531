// "Before the next Taskforce meeting": how long is left, where its milestone stands, what is late or at risk.
import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { MeetingFieldsFragment, MilestoneFieldsFragment } from '../../../generated/graphql';
import { briefingHref, daysBetween, daysToGo, deliverablesNeedingAttention, dueWords, formatLongDate } from '../plan';
import { MilestoneStatusBadge } from './MilestoneStatusBadge';

interface Props {
  workspaceId: string;
  milestones: readonly MilestoneFieldsFragment[];
  meeting: MeetingFieldsFragment | undefined;
  today: string;
}

export function NextMeetingPanel({ workspaceId, milestones, meeting, today }: Props) {
  if (!meeting) {
    return (
      <Paper withBorder p="lg" radius="md" h="100%">
        <Title order={2} size="h3" mb="xs">
          Before the next Taskforce meeting
        </Title>
        <Text>No Taskforce meeting is planned from today on.</Text>
      </Paper>
    );
  }
  const milestone = milestones.find((m) => m.id === meeting.milestoneId);
  const { late, atRisk } = deliverablesNeedingAttention(milestones, today);
  const left = daysBetween(today, meeting.date);
  return (
    <Paper withBorder p="lg" radius="md" h="100%" component="section" aria-labelledby="next-meeting-heading" data-testid="next-meeting">
      <Stack gap="sm">
        <Title order={2} size="h3" id="next-meeting-heading">
          Before the next Taskforce meeting
        </Title>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text fw={700}>{meeting.title}</Text>
            <Text>{formatLongDate(meeting.date)}</Text>
          </div>
          <Text fz={24} fw={700} lh={1.1} c="concordBlue.7" ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="days-to-go">
            {daysToGo(left)}
          </Text>
        </Group>
        {milestone ? (
          <div>
            <Text size="sm" fw={600}>
              The milestone it serves
            </Text>
            <Group gap="xs" wrap="wrap">
              <Text>{milestone.title}</Text>
              <MilestoneStatusBadge status={milestone.status} size="sm" />
            </Group>
            <Text size="sm" c="dimmed">
              {milestone.statusReason}
            </Text>
          </div>
        ) : (
          <Text size="sm">This meeting is not tied to a milestone.</Text>
        )}
        <div>
          <Text size="sm" fw={600}>
            Late deliverables
          </Text>
          {late.length === 0 ? (
            <Text size="sm">None.</Text>
          ) : (
            <List size="sm" spacing={2}>
              {late.map((d) => (
                <List.Item key={d.id}>
                  <strong>■ Late:</strong> {d.title} ({dueWords(today, d.dueDate, d.done)}
                  {d.ownerName ? `; ${d.ownerName}` : ''})
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text size="sm" fw={600}>
            At risk (due within the milestone’s window)
          </Text>
          {atRisk.length === 0 ? (
            <Text size="sm">None.</Text>
          ) : (
            <List size="sm" spacing={2}>
              {atRisk.map((d) => (
                <List.Item key={d.id}>
                  <strong>▲ At risk:</strong> {d.title} ({dueWords(today, d.dueDate, d.done)}
                  {d.ownerName ? `; ${d.ownerName}` : ''})
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <Group>
          <Button component={Link} to={briefingHref(workspaceId, meeting.id)}>
            Open the briefing pack
          </Button>
          <Anchor component={Link} to={`/w/${encodeURIComponent(workspaceId)}/milestones`} size="sm">
            All milestones
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
