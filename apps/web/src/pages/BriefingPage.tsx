// /w/:workspaceId/meetings/:meetingId/briefing: a meeting's briefing pack, assembled from live data, with
// downloads as Markdown, Word and PDF (plain links: the same session cookie and policy as GraphQL).
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../app/format';
import { BriefingPackDocument } from '../generated/graphql';
import { BriefingPackView } from '../modules/briefings/components/BriefingPackView';
import { FORMAT_LABELS, FORMAT_ORDER, periodText } from '../modules/briefings/briefings';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { QueryError } from '../modules/layout/components/QueryError';
import { formatCalendarDate, formatLongDate, MEETING_KIND_LABELS, meetingAnchor, milestonesHref } from '../modules/plan/plan';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function BriefingPage() {
  const workspace = useCurrentWorkspace();
  const { meetingId = '' } = useParams();
  useWorkspacePageTitle('Briefing pack');
  const { data, error, refetch } = useQuery(BriefingPackDocument, { variables: { meetingId }, fetchPolicy: 'cache-and-network' });
  const pack = data?.briefingPack;

  if (error && !pack) {
    return (
      <>
        <PageHeader title="Briefing pack" />
        <QueryError error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!pack) {
    return (
      <>
        <PageHeader title="Briefing pack" />
        <InlineLoader label="Assembling the briefing pack…" />
      </>
    );
  }
  const downloads = FORMAT_ORDER.map((format) => pack.downloads.find((d) => d.format === format)).filter((d) => !!d);
  return (
    <>
      <PageHeader title={`Briefing pack: ${pack.meeting.title}`} />
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md">
          <Stack gap="xs">
            <Text fw={700}>
              {formatLongDate(pack.meeting.date)} · {MEETING_KIND_LABELS[pack.meeting.kind]}
            </Text>
            <Text>{pack.workspaceName}</Text>
            <Text size="sm">
              Covers activity {periodText(pack.previousMeeting, formatCalendarDate)}. Prepared {formatDateTime(pack.generatedAt)} from live data in Concord;
              statuses as of {formatCalendarDate(pack.asOf)}.
            </Text>
            {pack.meeting.milestoneTitle && <Text size="sm">Serves the milestone: {pack.meeting.milestoneTitle}.</Text>}
            <Title order={2} size="h4" mt="sm" id="downloads-heading">
              Download the pack
            </Title>
            <Group gap="sm" role="group" aria-labelledby="downloads-heading">
              {downloads.map((d) => (
                <Button key={d.format} component="a" href={d.url} download={d.filename} variant={d.format === 'PDF' ? 'filled' : 'default'} data-format={d.format}>
                  {FORMAT_LABELS[d.format]}
                </Button>
              ))}
            </Group>
            <Text size="xs" c="dimmed">
              Files are prepared when you download them, from the data as it is then.
            </Text>
            <Group gap="md" mt="xs">
              <Button variant="default" size="sm" onClick={() => void refetch()}>
                Refresh the pack
              </Button>
              <Anchor component={Link} to={`${milestonesHref(workspace.id)}#${meetingAnchor(pack.meeting.id)}`}>
                Meeting and agenda on the Milestones page
              </Anchor>
            </Group>
          </Stack>
        </Paper>
        <BriefingPackView pack={pack} />
      </Stack>
    </>
  );
}
