import { PageHeader } from '../modules/layout/components/PageHeader';
import { WorkspaceOverview } from '../modules/workspaces/components/WorkspaceOverview';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function DashboardPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Dashboard');
  return (
    <>
      <PageHeader title={workspace.name} />
      <WorkspaceOverview />
    </>
  );
}
