// One open draft: its Y.Doc, a copy in IndexedDB (edits made offline survive a reload and merge on
// reconnect) and the y-websocket connection to ws /collab/{documentId}, with the connection state as a
// small store that React reads through useSyncExternalStore.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ConnectionState } from './connection';
import { localCopyName, rememberLocalCopy, trackPendingEdits } from './local-copies';

export interface CollabSession {
  /** Unique per session: a component keyed by it lives exactly as long as the session. */
  readonly key: number;
  readonly documentId: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /** Tries again after the server refused (too many connections, document too large). */
  retry(): void;
  destroy(): void;
}

// Failed attempts in a row before a drop counts as offline rather than a blip.
const ATTEMPTS_BEFORE_OFFLINE = 2;
// IndexedDB can be unavailable (private windows, policies): the draft still opens, online only.
const LOCAL_COPY_WAIT_MS = 1500;

let sessions = 0;

export function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

export function openCollabSession(documentId: string): CollabSession {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(localCopyName(documentId), doc);
  rememberLocalCopy(documentId);
  // Connect once the local copy is loaded, so the first exchange with the server already includes it.
  const provider = new WebsocketProvider(collabUrl(), documentId, doc, { connect: false });
  const listeners = new Set<() => void>();

  let destroyed = false;
  let browserOnline = navigator.onLine;
  let failedAttempts = 0;
  let lastCloseCode: number | undefined;
  let stoppedCode: number | undefined;
  let state: ConnectionState = { kind: 'connecting' };

  const compute = (): ConnectionState => {
    if (stoppedCode !== undefined) return { kind: 'stopped', code: stoppedCode };
    if (provider.wsconnected && provider.synced) return { kind: 'saved' };
    if (!browserOnline || failedAttempts >= ATTEMPTS_BEFORE_OFFLINE) return { kind: 'offline', lastCloseCode };
    return { kind: 'connecting', lastCloseCode };
  };
  // Edits made here while not connected and synced: only the local copy holds them until the next sync.
  let unsent = false;
  const update = () => {
    const next = compute();
    if (next.kind === 'saved') unsent = false;
    const same = JSON.stringify(next) === JSON.stringify(state);
    if (same) return;
    state = next;
    for (const listener of listeners) listener();
  };

  const connect = () => {
    if (!destroyed && browserOnline && stoppedCode === undefined) provider.connect();
  };

  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== persistence && state.kind !== 'saved') unsent = true;
  });
  const key = ++sessions;
  const untrack = trackPendingEdits(key, () => unsent);

  provider.on('status', update);
  provider.on('sync', (synced: boolean) => {
    if (synced) {
      failedAttempts = 0;
      lastCloseCode = undefined;
    }
    update();
  });
  provider.on('connection-close', (event: CloseEvent | null) => {
    // null: closed on our side (going offline, leaving the page), not a failure of the server.
    if (event) {
      failedAttempts++;
      lastCloseCode = event.code;
    }
    update();
  });
  provider.on('closed', ({ code }: { code: number }) => {
    stoppedCode = code;
    update();
  });

  // Chromium keeps a WebSocket open for a while after the network goes: follow the browser's own
  // online/offline state instead of waiting for the socket to time out.
  const goOffline = () => {
    browserOnline = false;
    provider.disconnect();
    update();
  };
  const goOnline = () => {
    browserOnline = true;
    failedAttempts = 0;
    connect();
    update();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);

  const localCopyTimer = setTimeout(connect, LOCAL_COPY_WAIT_MS);
  void persistence.whenSynced.then(() => {
    clearTimeout(localCopyTimer);
    connect();
  });

  return {
    key,
    documentId,
    doc,
    provider,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry() {
      stoppedCode = undefined;
      failedAttempts = 0;
      update();
      connect();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      untrack();
      clearTimeout(localCopyTimer);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      listeners.clear();
      // The provider tells the others we left; the awareness keeps a timer of its own until destroyed.
      provider.destroy();
      provider.awareness.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
