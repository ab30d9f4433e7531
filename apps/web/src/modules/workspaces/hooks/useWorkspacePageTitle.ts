import { usePageTitle } from '../../layout/hooks/usePageTitle';
import { useCurrentWorkspace } from './useCurrentWorkspace';

/** "Members · <workspace> · Concord". */
export function useWorkspacePageTitle(section: string): void {
  usePageTitle(section, useCurrentWorkspace().name);
}
