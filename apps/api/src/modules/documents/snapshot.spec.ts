import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { COMPACTION_CAP_FACTOR, compactionDue, integrate, transactAsStored } from './snapshot';

/** A history of typing with a typo deleted every few words, one update per word, as editors make it. */
function history(words: number): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  for (let i = 0; i < words; i++) {
    text.insert(text.length, `word${i} `);
    if (i % 3 === 0) {
      text.insert(text.length, 'tpyo');
      text.delete(text.length - 4, 4);
    }
  }
  const result = { updates, text: text.toString() };
  doc.destroy();
  return result;
}

const read = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const out = { text: doc.getText('t').toString(), sv: Y.encodeStateVector(doc) };
  doc.destroy();
  return out;
};

describe('integrate (the snapshot written by compaction)', () => {
  it('holds the same content and state vector as the updates it folds, in fewer bytes than merging them', () => {
    const { updates, text } = history(2_000);
    const merged = Y.mergeUpdates(updates);
    const snapshot = integrate(updates);
    expect(read(snapshot).text).toBe(text);
    expect(Buffer.from(read(snapshot).sv)).toEqual(Buffer.from(read(merged).sv));
    // deleted typos are garbage-collected and runs of characters merged: merging alone keeps them
    expect(snapshot.byteLength).toBeLessThan(merged.byteLength * 0.8);
  });

  it('keeps updates whose dependencies are missing, so a later update completes them', () => {
    const { updates, text } = history(50);
    const withoutFirst = updates.slice(1);
    const snapshot = integrate(withoutFirst);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    Y.applyUpdate(doc, updates[0]);
    expect(doc.getText('t').toString()).toBe(text);
    doc.destroy();
  });

  it('folds an existing snapshot and a tail of the log', () => {
    const { updates, text } = history(300);
    const snapshot = integrate(updates.slice(0, 200));
    expect(read(integrate([snapshot, ...updates.slice(200)])).text).toBe(text);
  });
});

describe('compactionDue', () => {
  const BOUND = 500;
  it('waits for the bound', () => {
    expect(compactionDue({ logLength: 499, logBytes: 1e9, snapshotBytes: 0 }, BOUND)).toBe(false);
    expect(compactionDue({ logLength: 500, logBytes: 20_000, snapshotBytes: 0 }, BOUND)).toBe(true);
  });
  it('lets the log grow to a quarter of a large snapshot before rewriting it', () => {
    expect(compactionDue({ logLength: 600, logBytes: 249_999, snapshotBytes: 1_000_000 }, BOUND)).toBe(false);
    expect(compactionDue({ logLength: 600, logBytes: 250_000, snapshotBytes: 1_000_000 }, BOUND)).toBe(true);
  });
  it('never lets a load fold more than the cap', () => {
    expect(compactionDue({ logLength: BOUND * COMPACTION_CAP_FACTOR - 1, logBytes: 10, snapshotBytes: 1e9 }, BOUND)).toBe(false);
    expect(compactionDue({ logLength: BOUND * COMPACTION_CAP_FACTOR, logBytes: 10, snapshotBytes: 1e9 }, BOUND)).toBe(true);
  });
});

/**
 * Case `n`: clients A and B edit and format the same text concurrently (seeded by n). Returns A's
 * document, as A's own edits left it, and B's changes as an update.
 */
function concurrentEdits(n: number): { a: Y.Doc; b: Uint8Array } {
  let seed = n;
  const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const edit = (t: Y.Text) => {
    const len = t.length;
    const x = r();
    if (x < 0.4 || len < 4) t.insert(Math.floor(r() * (len + 1)), 'ab c'.slice(0, 1 + Math.floor(r() * 4)));
    else if (x < 0.6) {
      const at = Math.floor(r() * len);
      t.delete(at, Math.min(len - at, 1 + Math.floor(r() * 3)));
    } else {
      const at = Math.floor(r() * len);
      const end = Math.min(len, at + 1 + Math.floor(r() * 6));
      t.format(at, end - at, { [r() < 0.5 ? 'bold' : 'italic']: r() < 0.75 ? true : null });
    }
  };
  const a = new Y.Doc();
  a.getText('t').insert(0, 'joint working');
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  for (let k = 0; k < 4; k++) {
    edit(a.getText('t'));
    edit(b.getText('t'));
  }
  const update = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  b.destroy();
  return { a, b: update };
}

/** Origins of the changes `apply` makes to A's document in case n. */
function originsOf(n: number, apply: (doc: Y.Doc, update: Uint8Array) => void): { origins: unknown[]; doc: Y.Doc } {
  const { a, b } = concurrentEdits(n);
  const origins: unknown[] = [];
  a.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
  apply(a, b);
  return { origins, doc: a };
}

describe('transactAsStored: the server never tidies formatting by itself', () => {
  it('applies a remote update without the change Yjs would make of its own', () => {
    // Cases where Yjs, applying B's update as a remote one, tidies formatting in a change nobody sent.
    const tidying: number[] = [];
    for (let n = 1; n <= 400; n++) {
      const plain = originsOf(n, (doc, u) => Y.applyUpdate(doc, u, 'b'));
      if (plain.origins.includes(null)) tidying.push(n);
      plain.doc.destroy();
    }
    expect(tidying.length).toBeGreaterThan(0);
    for (const n of tidying) {
      const stored = originsOf(n, (doc, u) => transactAsStored(doc, 'commit', () => Y.applyUpdate(doc, u, 'b')));
      expect({ n, origins: stored.origins }).toEqual({ n, origins: ['commit'] });
      stored.doc.destroy();
    }
  });
});
