// /w/:workspaceId/*: the app shell around one workspace, and the workspace as context for its pages.
import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { Outlet, useParams } from 'react-router';
import { WorkspacesDocument } from '../../../generated/graphql';
import { UserMenu } from '../../auth/components/UserMenu';
import { useViewer } from '../../auth/hooks/useViewer';
import { AppFrame } from '../../layout/components/AppFrame';
import { FullPageLoader } from '../../layout/components/FullPageLoader';
import { PageHeader } from '../../layout/components/PageHeader';
import { QueryError } from '../../layout/components/QueryError';
import { usePageTitle } from '../../layout/hooks/usePageTitle';
import { CurrentWorkspaceContext } from '../hooks/useCurrentWorkspace';
import { rememberWorkspace } from '../hooks/last-workspace';
import { SectionNav } from './SectionNav';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

export function WorkspaceLayout() {
  const { workspaceId = '' } = useParams();
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(WorkspacesDocument);
  const workspaces = data?.workspaces ?? [];
  const current = workspaces.find((w) => w.id === workspaceId);

  useEffect(() => {
    if (current) rememberWorkspace(viewer.id, current.id);
  }, [current, viewer.id]);

  const switcher = <WorkspaceSwitcher workspaces={workspaces} currentId={current?.id} />;

  if (!data && !error) return <FullPageLoader />;
  return (
    <AppFrame
      switcher={switcher}
      userMenu={<UserMenu />}
      nav={current ? (close) => <SectionNav workspaceId={current.id} role={current.myRole} onNavigate={close} /> : undefined}
    >
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : current ? (
        <CurrentWorkspaceContext.Provider value={current}>
          <Outlet />
        </CurrentWorkspaceContext.Provider>
      ) : (
        <WorkspaceNotFound />
      )}
    </AppFrame>
  );
}

function WorkspaceNotFound() {
  usePageTitle('Workspace not found');
  return (
    <PageHeader
      title="Workspace not found"
      intro="This workspace does not exist, or you are not a member of it. Choose one of your workspaces above, or ask its lead for an invitation."
    />
  );
}
