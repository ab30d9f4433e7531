import { useCallback } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { LogoutDocument } from '../../../generated/graphql';

/** Ends the session on the server, forgets every cached answer, and goes to the sign-in page. */
export function useSignOut(): () => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout] = useMutation(LogoutDocument);
  return useCallback(async () => {
    // Even if the server call fails (already signed out, offline), nothing of this user stays on screen.
    await logout().catch(() => undefined);
    await client.clearStore();
    await navigate('/sign-in', { replace: true });
  }, [client, logout, navigate]);
}
