// DocRoom's commit pipeline, with a content service whose commits the test completes by hand. The real
// store, sockets and clients are exercised by apps/api/test/collab.spec.ts and durability.spec.ts.
import { describe, expect, it } from '@jest/globals';
import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocumentContentService } from '../modules/documents/document-content.service';
import { CLOSE_INTERNAL, Connection, DocRoom, encodeMessage, MESSAGE_SYNC } from './doc-room';

interface Commit {
  updates: Uint8Array[];
  resolve: () => void;
  reject: (e: Error) => void;
}

function fakeContent() {
  const commits: Commit[] = [];
  const content = {
    load: async () => ({ state: Y.encodeStateAsUpdate(new Y.Doc()), bytes: 0, logLength: 0, logBytes: 0, snapshotBytes: 0, verified: true }),
    append: (_documentId: string, updates: Uint8Array[]) => new Promise<void>((resolve, reject) => commits.push({ updates, resolve, reject })),
    compact: async () => ({ folded: 0, foldedBytes: 0, bytes: 0 }),
  };
  return { content: content as unknown as DocumentContentService, commits };
}

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined } as unknown as Logger;

function fakeConnection(userId: string) {
  const received: Uint8Array[] = [];
  const closed: number[] = [];
  const socket = {
    OPEN: 1,
    readyState: 1,
    send: (m: Uint8Array) => received.push(m),
    close: (code: number) => closed.push(code),
  } as unknown as WebSocket;
  const conn: Connection = { socket, userId, writable: true, clientIds: new Set() };
  return { conn, received, closed };
}

/** The texts a connection has been relayed, applied to a doc of its own in the order received. */
function relayedText(received: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const m of received) {
    const d = decoding.createDecoder(m);
    if (decoding.readVarUint(d) !== MESSAGE_SYNC || decoding.readVarUint(d) !== syncProtocol.messageYjsUpdate) continue;
    Y.applyUpdate(doc, decoding.readVarUint8Array(d));
  }
  return doc.getText('t').toString();
}

/** An edit appending `text` on a client's own doc, as the update message it would send. */
function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  const update = Y.encodeStateAsUpdate(doc, before);
  return encodeMessage(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));
}

const tick = () => new Promise((r) => setImmediate(r));
/** Lets a completed commit's promise chain (store, then relay in order) run through. */
const settled = async () => {
  await tick();
  await tick();
};

async function openRoom(commitsInFlight: number) {
  const { content, commits } = fakeContent();
  const room = new DocRoom('d', 'w', content, { maxDocumentBytes: 1 << 20, compactAfter: 1_000_000, commitsInFlight }, silent);
  await room.ready;
  await tick();
  const a = fakeConnection('a');
  const b = fakeConnection('b');
  room.open(a.conn);
  room.open(b.conn);
  return { room, commits, a, b };
}

describe('DocRoom commit pipeline', () => {
  it('commits an update that arrives during a commit at once, and relays in order, each once all before it are stored', async () => {
    const { room, commits, a, b } = await openRoom(2);
    const docA = new Y.Doc();
    room.receive(a.conn, edit(docA, 'one '));
    room.receive(a.conn, edit(docA, 'two '));
    // the first commit is still in flight: the second update is committed now, not after it
    expect(commits).toHaveLength(2);
    room.receive(a.conn, edit(docA, 'three'));
    expect(commits).toHaveLength(2); // two in flight: the third waits

    commits[1].resolve(); // the later batch is stored first: nothing may be relayed before the earlier one is
    await settled();
    expect(relayedText(b.received)).toBe('');
    expect(room.loadedDoc.getText('t').toString()).toBe('');

    commits[0].resolve();
    await settled();
    expect(relayedText(b.received)).toBe('one two ');
    expect(commits).toHaveLength(3);
    commits[2].resolve();
    await settled();
    expect(relayedText(b.received)).toBe('one two three');
    expect(room.loadedDoc.getText('t').toString()).toBe('one two three');
    room.destroy();
  });

  it('with one commit in flight, an update waits for the commit before it', async () => {
    const { room, commits, a } = await openRoom(1);
    const docA = new Y.Doc();
    room.receive(a.conn, edit(docA, 'one '));
    await tick();
    room.receive(a.conn, edit(docA, 'two'));
    expect(commits).toHaveLength(1);
    commits[0].resolve();
    await settled();
    expect(commits).toHaveLength(2);
    commits[1].resolve();
    await settled();
    expect(room.loadedDoc.getText('t').toString()).toBe('one two');
    room.destroy();
  });

  it('a batch that could not be stored is never relayed, its sender is closed with 1011, and later batches still are', async () => {
    const { room, commits, a, b } = await openRoom(2);
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    room.receive(a.conn, edit(docA, 'lost '));
    await tick();
    room.receive(b.conn, edit(docB, 'kept'));
    expect(commits).toHaveLength(2);
    commits[1].resolve();
    commits[0].reject(new Error('database went away'));
    await settled();
    expect(a.closed).toEqual([CLOSE_INTERNAL]);
    expect(b.closed).toEqual([]);
    expect(relayedText(a.received)).toBe('kept');
    expect(room.loadedDoc.getText('t').toString()).toBe('kept');
    room.destroy();
  });

  it('never has more commits in flight than allowed, however fast updates come', async () => {
    const { room, commits, a } = await openRoom(2);
    const docA = new Y.Doc();
    for (let i = 0; i < 10; i++) {
      room.receive(a.conn, edit(docA, `${i} `));
      await tick();
    }
    expect(commits).toHaveLength(2);
    commits[0].resolve();
    commits[1].resolve();
    await settled();
    await tick();
    // everything that was waiting went out as one batch
    expect(commits).toHaveLength(3);
    expect(commits[2].updates).toHaveLength(8);
    commits[2].resolve();
    await settled();
    expect(room.loadedDoc.getText('t').toString()).toBe('0 1 2 3 4 5 6 7 8 9 ');
    room.destroy();
  });
});
