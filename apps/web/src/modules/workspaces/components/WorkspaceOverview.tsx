// The dashboard's content: what the workspace is for, who I am in it, how much is there (counted on the
// server), and the first ten criteria with a link to all of them.
import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, SECTOR_LABELS } from '@concord/shared';
import { Link } from 'react-router';
import { WorkspaceDashboardDocument, type WorkspaceDashboardQuery } from '../../../generated/graphql';
import { withArticle } from '../../../app/format';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';
import { SectionHeading } from '../../layout/components/SectionHeading';
import { useCurrentWorkspace } from '../hooks/useCurrentWorkspace';
import { readsWorkspaceContent, sectionHref, type SectionPath } from '../sections';

type Overview = NonNullable<WorkspaceDashboardQuery['workspace']>;

/** `children` (the dashboard's plan) sit after the workspace's description and my part in it. */
export function WorkspaceOverview({ children }: { children?: ReactNode }) {
  const current = useCurrentWorkspace();
  const full = readsWorkspaceContent(current.myRole);
  const { data, error, refetch } = useQuery(WorkspaceDashboardDocument, { variables: { id: current.id, full } });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading the dashboard…" />;
  const workspace = data.workspace;
  if (!workspace) return <QueryError error={error} />;
  return (
    <Stack gap="lg">
      {workspace.description && (
        <Text size="lg" maw={760}>
          {workspace.description}
        </Text>
      )}
      <Membership workspace={workspace} />
      {children}
      {full ? (
        <Counts workspace={workspace} />
      ) : (
        <Text maw={760}>
          As a reviewer you will find, under{' '}
          <Anchor component={Link} to={sectionHref(workspace.id, 'drafts')}>
            Drafts
          </Anchor>
          , the versions of the guidance shared with your review rounds, and you can comment on them until each round
          closes.
        </Text>
      )}
      {workspace.criteria && (
        <section aria-labelledby="criteria-heading">
          <SectionHeading id="criteria-heading">Candidate criteria for models of good practice</SectionHeading>
          <Text mb="sm" maw={760}>
            To be agreed by the group in{' '}
            <Anchor component={Link} to={sectionHref(workspace.id, 'votes')}>
              Votes
            </Anchor>
            , not assumed.
          </Text>
          <List type="ordered" spacing="xs" maw={760}>
            {workspace.criteria.map((criterion) => (
              <List.Item key={criterion.id}>{criterion.statement}</List.Item>
            ))}
          </List>
          {workspace.counts && workspace.counts.criteria > workspace.criteria.length && (
            <Text mt="sm">
              <Anchor component={Link} to={sectionHref(workspace.id, 'votes')}>
                See all {workspace.counts.criteria} criteria in Votes
              </Anchor>
            </Text>
          )}
        </section>
      )}
    </Stack>
  );
}

function Membership({ workspace }: { workspace: Overview }) {
  const me = workspace.myMembership;
  return (
    <Paper withBorder p="lg" radius="md" maw={760}>
      <Title order={2} size="h4" mb="xs">
        Your part in this workspace
      </Title>
      <Text>
        You are {withArticle(ROLE_LABELS[me.role].toLowerCase())}
        {me.organisation ? ` from ${me.organisation}` : ''}, in the {SECTOR_LABELS[me.sector]} sector.
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {ROLE_DESCRIPTIONS[me.role]}
      </Text>
    </Paper>
  );
}

function Counts({ workspace }: { workspace: Overview }) {
  const items: { label: string; count: number | undefined; path: SectionPath }[] = [
    { label: 'Drafts', count: workspace.counts?.drafts, path: 'drafts' },
    { label: 'Members', count: workspace.counts?.members, path: 'members' },
    { label: 'Sources', count: workspace.counts?.sources, path: 'evidence' },
    { label: 'Candidate models', count: workspace.counts?.models, path: 'models' },
    { label: 'Candidate criteria', count: workspace.counts?.criteria, path: 'votes' },
  ];
  const shown = items.filter((item) => item.count !== undefined);
  return (
    <section aria-labelledby="counts-heading">
      <SectionHeading id="counts-heading">At a glance</SectionHeading>
      <SimpleGrid component="ul" cols={{ base: 2, sm: 3, lg: 5 }} p={0} m={0} style={{ listStyle: 'none' }}>
        {shown.map((item) => (
          <Paper component="li" key={item.label} withBorder p="md" radius="md">
            <Anchor component={Link} to={sectionHref(workspace.id, item.path)} underline="hover" c="inherit">
              <Text fz={32} fw={700} lh={1.1} c="concordBlue.7">
                {item.count}
              </Text>
              <Text fw={600}>{item.label}</Text>
            </Anchor>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
