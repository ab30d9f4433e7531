import { useEffect, useState, useSyncExternalStore } from 'react';
import { openCollabSession, type CollabSession } from './collab-session';
import type { ConnectionState } from './connection';

/**
 * Opens the draft while the calling component is mounted: null until then. Everything the session holds
 * (socket, awareness, IndexedDB handle, Y.Doc) is destroyed on unmount or when the document changes.
 */
export function useCollabSession(documentId: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const opened = openCollabSession(documentId);
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [documentId]);
  return session;
}

const CONNECTING: ConnectionState = { kind: 'connecting' };
const noop = () => () => undefined;

export function useConnectionState(session: CollabSession | null): ConnectionState {
  return useSyncExternalStore(session?.subscribe ?? noop, session?.getState ?? (() => CONNECTING));
}
