// Raw y-websocket peers for the security suites: a Y.Doc kept in sync over one socket with the bare
// y-protocols messages (no provider, no backoff), and ways to read what the server holds: a fresh load
// through ws /collab and the stored state (snapshot + log) from the database.
import { readFileSync } from 'node:fs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Pool } from 'pg';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { transactAsStored } from '../../../src/modules/documents/snapshot';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function collabUrl(baseUrl: string, documentId: string, token?: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/collab/${documentId}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

/**
 * One document over one raw socket at a time. Speaks the client side of y-websocket: on open it sends
 * its state vector (step 1), answers the server's step 1 with what the server lacks (step 2), applies
 * step 2 and updates, and sends its own local updates while open. `synced` once the server's step 2
 * to our step 1 has arrived.
 */
export class RawPeer {
  readonly doc: Y.Doc;
  socket: WebSocket | null = null;
  synced = false;
  /** Close codes of every socket this peer has had, in order. */
  readonly closes: number[] = [];
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    const s = this.socket;
    if (s && s.readyState === WebSocket.OPEN) s.send(updateFrame(update));
  };

  constructor(private readonly url: () => string, doc?: Y.Doc) {
    this.doc = doc ?? new Y.Doc();
    this.doc.on('update', this.onUpdate);
  }

  get open(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Opens a socket; resolves when synced, rejects when the socket closes first or after the timeout. */
  connect(timeoutMs = 15_000): Promise<void> {
    if (this.socket) throw new Error('already connected');
    this.synced = false;
    const socket = new WebSocket(this.url());
    socket.binaryType = 'nodebuffer';
    this.socket = socket;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('raw peer did not sync')), timeoutMs);
      socket.on('open', () => socket.send(step1Frame(this.doc)));
      socket.on('message', (data: Buffer) => {
        if (this.socket !== socket) return;
        const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        const type = decoding.readVarUint(decoder);
        if (type !== MESSAGE_SYNC) return;
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, MESSAGE_SYNC);
        const kind = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
        if (encoding.length(reply) > 1 && socket.readyState === WebSocket.OPEN) socket.send(encoding.toUint8Array(reply));
        if (kind === syncProtocol.messageYjsSyncStep2 && !this.synced) {
          this.synced = true;
          clearTimeout(timer);
          resolve();
        }
      });
      socket.on('error', () => undefined);
      socket.on('close', (code) => {
        this.closes.push(code);
        if (this.socket === socket) {
          this.socket = null;
          this.synced = false;
        }
        clearTimeout(timer);
        reject(new Error(`socket closed with ${code} before syncing`));
      });
    });
  }

  /** Closes the socket; resolves once it is closed. Local edits meanwhile stay local until reconnect. */
  disconnect(): Promise<void> {
    const s = this.socket;
    this.socket = null;
    this.synced = false;
    if (!s || s.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      s.once('close', () => resolve());
      s.close();
    });
  }

  destroy() {
    const s = this.socket;
    this.socket = null;
    s?.terminate();
    this.doc.off('update', this.onUpdate);
    this.doc.destroy();
  }
}

export function step1Frame(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function updateFrame(update: Uint8Array, kind: number = syncProtocol.messageYjsUpdate): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, kind);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/**
 * Applies updates as the server does (transactAsStored), without tidying. Yjs tidies redundant formatting marks
 * after a *remote* transaction, in a local change of its own; a reader that did so would hold deletions
 * that nobody sent, and differ from what the server and the clients hold for that reason alone.
 */
export function readerDoc(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  transactAsStored(doc, 'reader', () => updates.forEach((u) => Y.applyUpdate(doc, u)));
  return doc;
}

/** Loads the document afresh through ws /collab: a new socket asks for everything (step 1, empty state vector). */
export async function freshLoad(baseUrl: string, documentId: string, token: string, timeoutMs = 20_000): Promise<Y.Doc> {
  const socket = new WebSocket(collabUrl(baseUrl, documentId, token));
  socket.binaryType = 'nodebuffer';
  try {
    const state = await new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fresh load: no sync step 2')), timeoutMs);
      socket.on('open', () => socket.send(step1Frame(new Y.Doc())));
      socket.on('message', (data: Buffer) => {
        const d = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(d) !== MESSAGE_SYNC) return;
        if (decoding.readVarUint(d) !== syncProtocol.messageYjsSyncStep2) return;
        clearTimeout(timer);
        resolve(decoding.readVarUint8Array(d));
      });
      socket.on('close', (code) => reject(new Error(`fresh load: closed with ${code}`)));
      socket.on('error', reject);
    });
    return readerDoc([state]);
  } finally {
    socket.terminate();
  }
}

/** What a fresh server would load from the database: the snapshot, then the log in order. */
export async function storedState(db: Pool, documentId: string): Promise<Y.Doc> {
  // One snapshot of the database for both reads: a compaction between them would fold the log away.
  const client = await db.connect();
  let snap, log;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    snap = await client.query('SELECT state FROM document_snapshots WHERE document_id = $1', [documentId]);
    log = await client.query('SELECT data FROM document_updates WHERE document_id = $1 ORDER BY id', [documentId]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return readerDoc([...snap.rows.map((r) => r.state), ...log.rows.map((r) => r.data)].map((row) => new Uint8Array(row)));
}

export function fragmentText(doc: Y.Doc): string {
  return doc.getXmlFragment('default').toString();
}

/** Same content (the fragment with its attributes and formatting) and the same encoded state vector. */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return fragmentText(a) === fragmentText(b) && Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
}

/** Same delete sets too (Y.snapshot): stricter than `sameState`; deleted ranges are invisible in the content. */
export function sameDeleteSet(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
}

/** Resident set size of a process in MB, from /proc/<pid>/status (Linux). */
export function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) / 1024;
}
