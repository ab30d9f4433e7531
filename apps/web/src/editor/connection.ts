// The states of a draft's connection, and each in words: what the status line says, in which colour, and
// whether to offer a retry.
import { CollabCloseCode } from '@concord/shared';

/** Close codes of ws /collab (libs/shared), by what they mean to this screen. */
export const CLOSE = {
  signedOut: CollabCloseCode.UNAUTHENTICATED,
  forbidden: CollabCloseCode.FORBIDDEN,
  notFound: CollabCloseCode.NOT_FOUND,
  messageTooBig: CollabCloseCode.MESSAGE_TOO_BIG,
  documentTooLarge: CollabCloseCode.DOCUMENT_TOO_LARGE,
  tooManyConnections: CollabCloseCode.TOO_MANY_CONNECTIONS,
} as const;

export type ConnectionState =
  /** Opening, or reconnecting after a short drop. */
  | { kind: 'connecting'; lastCloseCode?: number }
  /** Connected, and the server's copy and ours have been exchanged. */
  | { kind: 'saved' }
  /** The browser is offline, or the server has not answered for a few attempts. Edits stay on this device. */
  | { kind: 'offline'; lastCloseCode?: number }
  /** The server closed for a reason reconnecting cannot fix (4400–4499): see CLOSE. */
  | { kind: 'stopped'; code: number };

export interface Shown {
  symbol: string;
  colour: string;
  text: string;
  detail?: string;
  retry?: boolean;
}

/** `readOnly`: for those who cannot change the text, nothing is "saved"; they read a live copy. */
export function describeConnection(state: ConnectionState, readOnly = false): Shown {
  if (readOnly && state.kind === 'saved') return { symbol: '✓', colour: 'success.7', text: 'Up to date' };
  if (readOnly && state.kind === 'offline') return { symbol: '⚠', colour: 'warning.7', text: 'Offline — the text is as it was when the connection dropped' };
  const tooBig = 'lastCloseCode' in state && state.lastCloseCode === CLOSE.messageTooBig;
  const tooBigDetail = 'Your last change was too large to send (a very large paste?). Undo it to carry on saving.';
  switch (state.kind) {
    case 'saved':
      return { symbol: '✓', colour: 'success.7', text: 'Saved' };
    case 'connecting':
      return { symbol: '…', colour: 'neutral.7', text: 'Connecting…', detail: tooBig ? tooBigDetail : undefined };
    case 'offline':
      return { symbol: '⚠', colour: 'warning.7', text: 'Offline — your changes are kept on this device', detail: tooBig ? tooBigDetail : undefined };
    case 'stopped':
      return stopped(state.code);
  }
}

function stopped(code: number): Shown {
  const base = { symbol: '✕', colour: 'danger.7' };
  switch (code) {
    case CLOSE.signedOut:
      return { ...base, text: 'Signed out — your changes are kept on this device', detail: 'Sign in again to send them.', retry: true };
    case CLOSE.forbidden:
      return { ...base, text: 'Not saved — you no longer have access to this draft', detail: 'Ask a lead of the workspace if this is a mistake.' };
    case CLOSE.notFound:
      return { ...base, text: 'Not saved — this draft no longer exists' };
    case CLOSE.documentTooLarge:
      return { ...base, text: 'Not saved — the draft has reached its size limit', detail: 'Your changes are kept on this device. Remove large pasted content, then try again.', retry: true };
    case CLOSE.tooManyConnections:
      return { ...base, text: 'Not connected — too many windows have this draft open', detail: 'Close some of them, then try again. Your changes are kept on this device.', retry: true };
    default:
      return { ...base, text: 'Not connected — your changes are kept on this device', retry: true };
  }
}
