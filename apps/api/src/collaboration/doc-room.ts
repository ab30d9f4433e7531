// One loaded document: its Y.Doc, awareness and connections. Speaks the y-websocket protocol
// (y-protocols sync and awareness). Every update is committed to the update log before it is applied
// to the in-memory document and relayed; updates that arrive while a commit is in flight are committed
// together in the next one (group commit).
import { CollabCloseCode } from '@concord/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocumentContentService } from '../modules/documents/document-content.service';
import { compactionDue, docFromState, transactAsStored } from '../modules/documents/snapshot';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/** Transaction origin of the stored state applied at load. */
const LOAD = Symbol('load');
/** Origin of the transaction that applies committed updates: the only changes relayed. */
const COMMIT = Symbol('commit');

export const CLOSE_INVALID = CollabCloseCode.INVALID_MESSAGE;
export const CLOSE_INTERNAL = CollabCloseCode.INTERNAL;
export const CLOSE_DOCUMENT_TOO_LARGE = CollabCloseCode.DOCUMENT_TOO_LARGE;
/** Access ended while connected (removed, or a role that may no longer read). */
export const CLOSE_ACCESS_CHANGED = CollabCloseCode.FORBIDDEN;

export interface RoomLimits {
  maxDocumentBytes: number;
  /** Compact when the log holds this many updates. */
  compactAfter: number;
  /** Batches of updates committed at once (1: one commit at a time). */
  commitsInFlight: number;
}

/** A received update (or a server change) waiting to be committed. */
interface Pending {
  update: Uint8Array;
  conn: Connection | null;
  done?: (error?: unknown) => void;
}

export interface Connection {
  socket: WebSocket;
  userId: string;
  writable: boolean;
  /** Awareness client ids this connection has claimed: it may set no others. */
  clientIds: Set<number>;
}

export class DocRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, Connection>();
  /** Resolves when the stored state has been read; rejects when it could not be read. */
  readonly ready: Promise<void>;
  /**
   * The stored state, read but not yet applied to `doc`: applying a long draft's state takes tens of
   * milliseconds of CPU, so joiners of a cold document are answered from the stored bytes first, and
   * the state is applied in the next turn of the event loop, or at once when something needs `doc`.
   */
  private unapplied: Uint8Array | null = null;
  /** Connections opened before the state was applied: they get our state vector once it is. */
  private awaitingStep1 = new Set<Connection>();
  private pending: Pending[] = [];
  /** Batches being committed or waiting for an earlier one to be relayed. */
  private inFlight = 0;
  /** The relay of the last batch taken: the next one is applied and relayed after it. */
  private relayed: Promise<void> = Promise.resolve();
  private storedBytes = 0;
  private logLength = 0;
  private logBytes = 0;
  private snapshotBytes = 0;
  private compacting: Promise<unknown> | null = null;
  /** The encoded full state, for joiners with an empty state vector; cleared on every change. */
  private fullState: Uint8Array | null = null;
  destroyed = false;

  constructor(
    readonly documentId: string,
    readonly workspaceId: string,
    private readonly content: DocumentContentService,
    private readonly limits: RoomLimits,
    private readonly logger: Logger,
  ) {
    // The server's own awareness state is not part of the document's presence.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.fullState = null;
      if (origin === LOAD) return; // the stored state: everyone connected has been sent it already
      if (origin !== COMMIT) {
        // Only committed updates reach this document (flush, under COMMIT): anything else would be a change
        // nobody stored. Never relayed; logged, as it means a bug.
        this.logger.error({ documentId, origin: String(origin) }, 'an uncommitted change of the live document was not relayed');
        return;
      }
      // One transaction applies a batch and emits one merged update: everyone gets it, senders included,
      // as each lacks the others' parts.
      const message = encodeMessage(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));
      for (const conn of this.connections.values()) send(conn.socket, message);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const message = encodeMessage(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
      for (const conn of this.connections.values()) if (conn !== origin) send(conn.socket, message);
    });
    this.ready = this.content.load(documentId).then((loaded) => {
      // The stored state (snapshot and log merged) is itself a full-state update: the first joiners of a
      // cold document get it as it is, without applying or encoding the whole document first. It must be
      // known readable before it is sent: a snapshot that matches the digest compaction wrote with it is
      // (the load checks); anything else is parsed first (a fraction of applying it). A stored state that
      // cannot be read fails the load here (1011 for everyone), and is never sent on or written over.
      if (!loaded.verified) Y.decodeUpdate(loaded.state);
      this.unapplied = loaded.state;
      this.fullState = loaded.state;
      this.storedBytes = loaded.bytes;
      this.logLength = loaded.logLength;
      this.logBytes = loaded.logBytes;
      this.snapshotBytes = loaded.snapshotBytes;
      setImmediate(() => {
        try {
          this.applyStored();
        } catch (e) {
          // Readable but not applicable: nobody may edit on top of it. Stored content is left as it is.
          this.logger.error({ documentId, err: String(e) }, 'stored state could not be applied; closing the document');
          this.destroyed = true;
          for (const conn of this.connections.values()) conn.socket.close(CLOSE_INTERNAL, 'the document could not be loaded');
        }
      });
    });
  }

  /** Applies the stored state to `doc` if it is not yet; then greets those who were waiting for it. */
  private applyStored() {
    const state = this.unapplied;
    if (!state || this.destroyed) return;
    this.unapplied = null;
    // The server never edits the document by itself, not even to tidy formatting (transactAsStored).
    transactAsStored(this.doc, LOAD, () => Y.applyUpdate(this.doc, state, LOAD));
    this.fullState = state;
    for (const conn of this.awaitingStep1) if (this.connections.has(conn.socket)) this.sendStep1(conn);
    this.awaitingStep1.clear();
  }

  /** The document with its stored state applied. */
  get loadedDoc(): Y.Doc {
    this.applyStored();
    return this.doc;
  }

  private sendStep1(conn: Connection) {
    send(conn.socket, encodeMessage(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, this.doc)));
  }

  /** Called once the room is ready: greet the client with our state vector and the presence. */
  open(conn: Connection) {
    this.connections.set(conn.socket, conn);
    if (this.unapplied) this.awaitingStep1.add(conn);
    else this.sendStep1(conn);
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      send(conn.socket, encodeMessage(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))));
    }
  }

  /** Handles one binary frame. Throws on a malformed frame: the caller closes that socket only. */
  receive(conn: Connection, data: Uint8Array) {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return this.receiveSync(conn, decoder);
      case MESSAGE_AWARENESS:
        return this.receiveAwareness(conn, decoding.readVarUint8Array(decoder));
      case MESSAGE_QUERY_AWARENESS: {
        const states = [...this.awareness.getStates().keys()];
        send(conn.socket, encodeMessage(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))));
        return;
      }
      case MESSAGE_AUTH:
        return; // authentication happens at the upgrade; the auth message carries nothing for us
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private receiveSync(conn: Connection, decoder: decoding.Decoder) {
    const kind = decoding.readVarUint(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      const empty = stateVector.byteLength === 1 && stateVector[0] === 0;
      const update = empty
        ? (this.fullState ??= Y.encodeStateAsUpdate(this.doc))
        : this.unapplied
          ? Y.diffUpdate(this.unapplied, stateVector)
          : Y.encodeStateAsUpdate(this.doc, stateVector);
      send(conn.socket, encodeMessage(MESSAGE_SYNC, (e) => {
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(e, update);
      }));
      return;
    }
    if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) throw new Error(`unknown sync message ${kind}`);
    const update = decoding.readVarUint8Array(decoder);
    if (!conn.writable) return; // read-only: dropped, never stored or relayed
    if (this.destroyed) return;
    this.applyStored(); // nothing is stored on top of a state that cannot be applied
    // Integrate into an empty document before storing: a malformed update must never reach the log. Parsing
    // alone is not enough: some updates parse but throw when applied (a delete set with an empty range, a
    // V2 update sent as V1), and one of those in the log would be applied at every load and compaction.
    checkUpdate(update);
    if (isEmptyUpdate(update)) return;
    if (this.storedBytes + update.byteLength > this.limits.maxDocumentBytes) {
      conn.socket.close(CLOSE_DOCUMENT_TOO_LARGE, 'document size limit reached');
      return;
    }
    this.storedBytes += update.byteLength;
    this.pending.push({ update, conn });
    this.flush();
  }

  /**
   * A client may only set its own awareness state. Stock clients also re-send what they heard of
   * others, with the clock the server already has: those entries change nothing and are dropped. An
   * entry that would change the state of a client id another connection owns is spoofing: refused.
   */
  private receiveAwareness(conn: Connection, update: Uint8Array) {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: { clientId: number; clock: number; state: string }[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      if (conn.clientIds.has(clientId)) {
        kept.push({ clientId, clock, state });
        continue;
      }
      const known = this.awareness.meta.get(clientId)?.clock ?? -1;
      if (clock <= known) continue;
      for (const other of this.connections.values()) {
        if (other !== conn && other.clientIds.has(clientId)) throw new Error(`awareness for client ${clientId} belongs to another connection`);
      }
      conn.clientIds.add(clientId);
      kept.push({ clientId, clock, state });
    }
    if (kept.length === 0) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, kept.length);
    for (const k of kept) {
      encoding.writeVarUint(e, k.clientId);
      encoding.writeVarUint(e, k.clock);
      encoding.writeVarString(e, k.state);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(e), conn);
  }

  /**
   * Commits what is pending and relays it. Up to `limits.commitsInFlight` batches are committed at once,
   * each on its own connection (PostgreSQL flushes their WAL together): an update that arrives while a
   * commit is in flight starts its own instead of waiting for that one to finish, which halves the
   * worst wait. Batches are applied and relayed strictly in the order they were taken, each only once
   * it and every batch before it are committed, so what anyone receives is always stored.
   */
  private flush() {
    while (this.pending.length > 0 && this.inFlight < this.limits.commitsInFlight && !this.destroyed) {
      const batch = this.pending;
      this.pending = [];
      this.inFlight++;
      const stored = this.content.append(this.documentId, batch.map((b) => b.update)).then(
        () => null,
        (e: unknown) => e ?? new Error('could not store updates'),
      );
      this.relayed = this.relayed
        .then(async () => this.settle(batch, await stored))
        .catch((e) => this.logger.error({ documentId: this.documentId, err: String(e) }, 'relaying committed updates failed'))
        .finally(() => {
          this.inFlight--;
          this.flush();
        });
    }
  }

  /** Applies and relays a committed batch, or refuses a batch that could not be stored. */
  private settle(batch: Pending[], error: unknown) {
    if (error) {
      // Nothing of the batch was stored, so nothing is relayed. Its senders still hold the edits and
      // send them again when they reconnect (sync step 2), so closing their sockets loses nothing.
      this.logger.error({ documentId: this.documentId, err: String(error), updates: batch.length }, 'could not store updates');
      for (const b of batch) {
        this.storedBytes -= b.update.byteLength;
        b.done?.(error);
        if (b.conn && b.conn.socket.readyState === b.conn.socket.OPEN) b.conn.socket.close(CLOSE_INTERNAL, 'could not store the change; reconnecting');
      }
      return;
    }
    this.logLength += batch.length;
    for (const b of batch) this.logBytes += b.update.byteLength;
    if (this.destroyed) {
      for (const b of batch) b.done?.();
      return;
    }
    this.applyStored();
    // One transaction emits one merged update; relayed to everyone, as each sender lacks the others' parts.
    transactAsStored(this.doc, COMMIT, () => {
      for (const b of batch) {
        try {
          Y.applyUpdate(this.doc, b.update, b.conn);
        } catch (e) {
          // Checked before it was stored, so not expected; but a throw here must not take the process down.
          this.logger.error({ documentId: this.documentId, err: String(e) }, 'a stored update could not be applied');
          if (b.conn) b.conn.socket.close(CLOSE_INVALID, 'malformed message');
        }
      }
    });
    for (const b of batch) b.done?.();
    if (compactionDue({ logLength: this.logLength, logBytes: this.logBytes, snapshotBytes: this.snapshotBytes }, this.limits.compactAfter)) void this.compact();
  }

  /**
   * A change made by the server (a restored version, an accepted suggestion): computed on a copy of
   * the committed state, then committed and relayed like any client's update.
   */
  serverChange(change: (doc: Y.Doc) => void): Promise<void> {
    const scratch = docFromState(Y.encodeStateAsUpdate(this.loadedDoc));
    const before = Y.encodeStateVector(scratch);
    change(scratch);
    const update = Y.encodeStateAsUpdate(scratch, before);
    scratch.destroy();
    if (isEmptyUpdate(update)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.storedBytes += update.byteLength;
      this.pending.push({ update, conn: null, done: (e) => (e ? reject(e) : resolve()) });
      this.flush();
    });
  }

  /** Folds the log into the snapshot; safe to call while updates arrive. */
  compact(): Promise<unknown> {
    if (!this.compacting) {
      const before = this.storedBytes;
      this.compacting = this.content
        .compact(this.documentId)
        .then(({ folded, foldedBytes, bytes }) => {
          this.logLength = Math.max(0, this.logLength - folded);
          this.logBytes = Math.max(0, this.logBytes - foldedBytes);
          if (folded > 0) this.snapshotBytes = bytes;
          // What arrived while compacting may or may not be in the snapshot: count it again (over, never under).
          if (folded > 0) this.storedBytes = bytes + (this.storedBytes - before);
        })
        .catch((e) => this.logger.error({ documentId: this.documentId, err: String(e) }, 'compaction failed'))
        .finally(() => (this.compacting = null));
    }
    return this.compacting;
  }

  /** Waits for pending commits and a last compaction, then frees the document. */
  async unload() {
    while (this.inFlight > 0 || this.pending.length > 0) await new Promise((r) => setTimeout(r, 5));
    await this.compacting;
    await this.compact();
    this.destroy();
  }

  leave(conn: Connection) {
    this.connections.delete(conn.socket);
    this.awaitingStep1.delete(conn);
    if (conn.clientIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], 'disconnect');
  }

  destroy() {
    this.destroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export function encodeMessage(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

export function send(socket: WebSocket, message: Uint8Array) {
  if (socket.readyState === socket.OPEN) socket.send(message);
}

/** Throws unless `update` can be applied: parsed and integrated into a scratch document. */
function checkUpdate(update: Uint8Array) {
  // A fixed guid: making a random one is most of the cost of a new Y.Doc (~100 of ~140 µs per update).
  const scratch = new Y.Doc({ guid: 'concord-check' });
  try {
    Y.applyUpdate(scratch, update);
  } finally {
    scratch.destroy();
  }
}

/** An update with no structs and no deletions (what Yjs sends for "nothing new"). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
