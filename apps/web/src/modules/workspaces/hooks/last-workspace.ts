// Remembers, per user on this browser, the workspace they last opened, so sign-in lands there again.
const key = (userId: string) => `concord.lastWorkspace.${userId}`;

export function rememberWorkspace(userId: string, workspaceId: string): void {
  try {
    localStorage.setItem(key(userId), workspaceId);
  } catch {
    // Storage can be disabled (private mode, policy): remembering is a convenience only.
  }
}

export function lastWorkspace(userId: string): string | null {
  try {
    return localStorage.getItem(key(userId));
  } catch {
    return null;
  }
}
