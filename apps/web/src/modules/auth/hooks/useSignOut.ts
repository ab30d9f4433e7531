import { useCallback } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { clearLocalCopies } from '../../../editor/local-copies';
import { LogoutDocument } from '../../../generated/graphql';

/**
 * Ends the session on the server, forgets every cached answer, goes to the sign-in page and deletes
 * the drafts' offline copies kept in this browser (editor/local-copies.ts says why).
 */
export function useSignOut(): () => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout] = useMutation(LogoutDocument);
  return useCallback(async () => {
    // Even if the server call fails (already signed out, offline), nothing of this user stays on screen.
    await logout().catch(() => undefined);
    await client.clearStore();
    // Leaving the page closes the open drafts, and with them their copies, which can then be deleted.
    await navigate('/sign-in', { replace: true });
    await clearLocalCopies();
  }, [client, logout, navigate]);
}
