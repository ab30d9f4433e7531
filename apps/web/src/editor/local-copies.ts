// The drafts' offline copies in IndexedDB (one database per document, `concord-doc-<id>`), and what
// signing out does with them. The copy lets edits made offline survive a reload; but on a shared
// computer it would leave the working group's unpublished text readable by the next person at the
// keyboard, and a different account opening the same draft would merge the previous user's offline
// edits in as its own. So signing out deletes every copy, after warning when some edits have not
// reached the server yet (they would be lost).

export const LOCAL_COPY_PREFIX = 'concord-doc-';
/** Names of copies this browser has made, for browsers without indexedDB.databases(). */
const KNOWN_KEY = 'concord.localCopies';
const DELETE_TIMEOUT_MS = 3000;

export function localCopyName(documentId: string): string {
  return `${LOCAL_COPY_PREFIX}${documentId}`;
}

function known(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KNOWN_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberLocalCopy(documentId: string): void {
  const name = localCopyName(documentId);
  const names = known();
  if (names.includes(name)) return;
  try {
    localStorage.setItem(KNOWN_KEY, JSON.stringify([...names, name]));
  } catch {
    // storage full or disabled: indexedDB.databases() still finds the copy
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    // A copy still open (an editor being torn down) blocks the deletion until it closes; don't hang
    // signing out on it.
    const timer = setTimeout(resolve, DELETE_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = done;
      request.onerror = done;
    } catch {
      done();
    }
  });
}

/** Deletes every offline copy of a draft kept by this browser; resolves with the names deleted. */
export async function clearLocalCopies(): Promise<string[]> {
  if (typeof indexedDB === 'undefined') return [];
  const names = new Set(known());
  try {
    for (const db of (await indexedDB.databases?.()) ?? []) {
      if (db.name?.startsWith(LOCAL_COPY_PREFIX)) names.add(db.name);
    }
  } catch {
    // databases() unsupported or refused: fall back to the names remembered
  }
  await Promise.all([...names].map(deleteDatabase));
  try {
    localStorage.removeItem(KNOWN_KEY);
  } catch {
    // nothing to forget
  }
  return [...names];
}

// ---- edits not yet on the server ----

/** Per open draft: whether edits were made here that the server has not confirmed. */
const pending = new Map<number, () => boolean>();

export function trackPendingEdits(sessionKey: number, hasPending: () => boolean): () => void {
  pending.set(sessionKey, hasPending);
  return () => pending.delete(sessionKey);
}

/** True when a draft open in this tab holds edits that have not reached the server. */
export function hasPendingEdits(): boolean {
  for (const hasPending of pending.values()) if (hasPending()) return true;
  return false;
}
