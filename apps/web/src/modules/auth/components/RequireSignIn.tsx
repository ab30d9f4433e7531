// The sign-in gate: everything under it has a signed-in user; without one it sends you to /sign-in and back.
import { useQuery } from '@apollo/client/react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { MeDocument } from '../../../generated/graphql';
import { FullPageLoader } from '../../layout/components/FullPageLoader';
import { QueryError } from '../../layout/components/QueryError';
import { ViewerContext } from '../hooks/useViewer';

export function RequireSignIn() {
  const location = useLocation();
  const { data, error, refetch } = useQuery(MeDocument);

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} standalone />;
  if (!data) return <FullPageLoader />;
  if (!data.me) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return (
    <ViewerContext.Provider value={data.me}>
      <Outlet />
    </ViewerContext.Provider>
  );
}
