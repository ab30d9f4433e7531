import { useQuery } from '@apollo/client/react';
import { WorkspacePlanDocument } from '../../../generated/graphql';

/** Milestones (with computed statuses), deliverables and meetings of a workspace. */
export function useWorkspacePlan(workspaceId: string, skip = false) {
  const { data, error, refetch } = useQuery(WorkspacePlanDocument, { variables: { workspaceId }, skip });
  return { plan: data?.workspace ?? undefined, error: error && !data ? error : undefined, refetch: () => void refetch() };
}
