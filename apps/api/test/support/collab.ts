// Clients of ws /collab for the tests: the stock y-websocket WebsocketProvider, and raw sockets for
// close codes and hand-made frames.
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A stock WebsocketProvider, connected and synced. */
export async function connectClient(baseUrl: string, documentId: string, token: string, opts: { connect?: boolean } = {}): Promise<Client> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, documentId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: opts.connect ?? true,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const client = {
    doc,
    provider,
    destroy() {
      provider.awareness.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
  if (opts.connect !== false) await waitSynced(client);
  return client;
}

export function waitSynced(client: Client, timeoutMs = 10_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync')), timeoutMs);
    client.provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Resolves when `check` holds, polling; rejects with `what` after the timeout. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function text(doc: Y.Doc): string {
  return doc.getXmlFragment('default').toString();
}

export function appendParagraph(doc: Y.Doc, content: string) {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(content)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [p]);
}

export interface RawSocket {
  socket: WebSocket;
  closed: Promise<{ code: number; received: number }>;
  /** 'message' once the server has sent anything (it admitted the socket), or the close code if it closed first. */
  first: Promise<'message' | number>;
}

/** A raw socket; resolves with it once open, or with the close code if the server closes first. */
export function rawSocket(url: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    let received = 0;
    const first = new Promise<'message' | number>((r) => {
      socket.once('message', () => r('message'));
      socket.once('close', (code) => r(code));
    });
    socket.on('message', () => received++);
    const closed = new Promise<{ code: number; received: number }>((r) => socket.on('close', (code) => r({ code, received })));
    socket.on('open', () => resolve({ socket, closed, first }));
    socket.on('error', reject);
  });
}

/**
 * The code a refused socket is closed with. A socket the server admits instead (it sends the document)
 * is closed from our side, so the caller's expectation fails at once with code 1005 and `received` > 0
 * rather than waiting for a close that never comes.
 */
export async function closeCodeOf(url: string, headers: Record<string, string> = {}): Promise<{ code: number; received: number }> {
  const { socket, closed, first } = await rawSocket(url, headers);
  if ((await first) === 'message') socket.close();
  return closed;
}

export function syncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

/** A seeded PRNG (mulberry32) so a failing schedule can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
