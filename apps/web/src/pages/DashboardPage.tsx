import { PageHeader } from '../modules/layout/components/PageHeader';
import { PlanDashboard } from '../modules/plan/components/PlanDashboard';
import { readsPlan } from '../modules/plan/plan';
import { WorkspaceOverview } from '../modules/workspaces/components/WorkspaceOverview';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function DashboardPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Dashboard');
  return (
    <>
      <PageHeader title={workspace.name} />
      {/* Reviewers are invited stakeholders: the plan, votes and activity are not shared with them. */}
      <WorkspaceOverview>{readsPlan(workspace.myRole) && <PlanDashboard workspaceId={workspace.id} />}</WorkspaceOverview>
    </>
  );
}
