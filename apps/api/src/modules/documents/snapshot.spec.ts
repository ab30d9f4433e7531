import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { COMPACTION_CAP_FACTOR, compactionDue, integrate } from './snapshot';

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
