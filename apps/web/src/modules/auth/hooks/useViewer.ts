import { createContext, useContext } from 'react';
import type { ViewerFragment } from '../../../generated/graphql';

export const ViewerContext = createContext<ViewerFragment | null>(null);

/** The signed-in user, provided by the sign-in gate (RequireSignIn). */
export function useViewer(): ViewerFragment {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer is only available under RequireSignIn');
  return viewer;
}
