import { createContext, useContext } from 'react';
import type { WorkspaceSummaryFragment } from '../../../generated/graphql';

export const CurrentWorkspaceContext = createContext<WorkspaceSummaryFragment | null>(null);

/** The workspace of the current /w/:workspaceId route, provided by WorkspaceLayout. */
export function useCurrentWorkspace(): WorkspaceSummaryFragment {
  const workspace = useContext(CurrentWorkspaceContext);
  if (!workspace) throw new Error('useCurrentWorkspace is only available under WorkspaceLayout');
  return workspace;
}
