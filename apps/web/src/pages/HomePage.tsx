// "/": straight into the last (or first) workspace; an empty state for someone who has none yet.
import { useQuery } from '@apollo/client/react';
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Navigate } from 'react-router';
import { WorkspacesDocument } from '../generated/graphql';
import { UserMenu } from '../modules/auth/components/UserMenu';
import { useViewer } from '../modules/auth/hooks/useViewer';
import { AppFrame } from '../modules/layout/components/AppFrame';
import { FullPageLoader } from '../modules/layout/components/FullPageLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { QueryError } from '../modules/layout/components/QueryError';
import { usePageTitle } from '../modules/layout/hooks/usePageTitle';
import { NewWorkspaceModal } from '../modules/workspaces/components/NewWorkspaceModal';
import { WorkspaceSwitcher } from '../modules/workspaces/components/WorkspaceSwitcher';
import { lastWorkspace } from '../modules/workspaces/hooks/last-workspace';
import { sectionHref } from '../modules/workspaces/sections';

export function HomePage() {
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(WorkspacesDocument);

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} standalone />;
  if (!data) return <FullPageLoader />;
  const workspaces = data.workspaces;
  if (workspaces.length > 0) {
    const remembered = lastWorkspace(viewer.id);
    const target = workspaces.find((w) => w.id === remembered) ?? workspaces[0];
    return <Navigate to={sectionHref(target.id, 'dashboard')} replace />;
  }
  return (
    <AppFrame switcher={<WorkspaceSwitcher workspaces={[]} />} userMenu={<UserMenu />}>
      <NoWorkspaceYet />
    </AppFrame>
  );
}

function NoWorkspaceYet() {
  usePageTitle('Your workspaces');
  const [opened, modal] = useDisclosure(false);
  return (
    <>
      <PageHeader title="You are not in a workspace yet" />
      <Paper withBorder p="xl" maw={640}>
        <Stack align="flex-start">
          <Text>
            A workspace holds one group&apos;s drafts, votes, evidence and decisions. If someone has invited you, open
            the link in their invitation to join their workspace. Or start your own and invite others.
          </Text>
          <Button onClick={modal.open}>Create a workspace</Button>
        </Stack>
      </Paper>
      <NewWorkspaceModal opened={opened} onClose={modal.close} />
    </>
  );
}
