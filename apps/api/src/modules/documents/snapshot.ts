import * as Y from 'yjs';

/**
 * The row lock compaction takes on the document, so that compactions of one document queue. NO KEY
 * UPDATE, not UPDATE: appending to the log checks its foreign key to the document with KEY SHARE,
 * which FOR UPDATE would block for the whole compaction, stalling every edit of the document behind it
 * (the benchmark's p99 spikes); FOR NO KEY UPDATE lets appends through.
 */
export const COMPACTION_LOCK = 'FOR NO KEY UPDATE';

/**
 * Runs `body` (which applies stored or received updates to `doc`) in one transaction that Yjs treats
 * as local. Applying an update marks its transaction remote, and after a remote transaction Yjs tidies
 * redundant formatting marks in a change of its own (origin null). The server must never do that: its
 * tidying deletions would be in nobody's log, a client's later deletion of the same marks would then
 * change nothing on the server and so not be relayed, and the clients would end with different
 * formatting (convergence suite, seeds 81 and 103 in CI). The clients tidy; their changes are stored
 * and relayed like any other.
 */
export function transactAsStored(doc: Y.Doc, origin: unknown, body: () => void): void {
  Y.transact(
    doc,
    (transaction) => {
      try {
        body();
      } finally {
        transaction.local = true;
      }
    },
    origin,
    true,
  );
}

/** A new Y.Doc holding `state` exactly as stored (see transactAsStored). */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  transactAsStored(doc, null, () => Y.applyUpdate(doc, state));
  return doc;
}

/**
 * The snapshot stored by compaction: the updates applied to a Y.Doc and its state encoded, rather than
 * Y.mergeUpdates' concatenation of structs. Integration drops deleted content and merges runs of
 * characters, so the snapshot is smaller and a joiner's first sync applies it several times faster
 * (tools/bench/snapshot-load-cost.mjs: 30,000 words from 50,000 updates, 645 KB merged vs 409 KB
 * integrated, 180 ms vs 67 ms to apply in the API's build of yjs). Updates whose dependencies are
 * missing stay pending in the doc and are encoded with its state, so nothing is dropped.
 */
export function integrate(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    // One update at a time, in one transaction: linear in the log's length. Y.mergeUpdates first is not:
    // 10,000 typing updates took it 5 s, 40,000 took 187 s (applying them one by one: 0.25 s and 1 s),
    // and a compaction that slow let the log grow faster than it was folded.
    transactAsStored(doc, null, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** What the collaboration endpoint knows of a document's storage since its last compaction. */
export interface LogStats {
  /** Updates in the log. */
  logLength: number;
  /** Their bytes. */
  logBytes: number;
  /** Bytes of the snapshot the log would be folded into. */
  snapshotBytes: number;
}

/** A load never folds more than this many bounds' worth of updates. */
export const COMPACTION_CAP_FACTOR = 20;

/**
 * Whether to fold the log into the snapshot now. A compaction rewrites the whole snapshot, and that
 * write (its WAL, its fsync) delays the commits of every edit made meanwhile: done every
 * COLLAB_COMPACT_AFTER updates on a long draft, it was what capped the update rate the endpoint held
 * (tools/bench: 1,013–2,850 updates/s with it, 11,543 without). So once the log passes the bound, it
 * is folded only when it has grown to a quarter of the snapshot's size — the cost per update stays
 * constant however long the draft — or when it reaches COMPACTION_CAP_FACTOR bounds, which keeps a
 * load's work bounded. Unloading a document always compacts.
 */
export function compactionDue(stats: LogStats, compactAfter: number): boolean {
  if (stats.logLength < compactAfter) return false;
  return stats.logBytes * 4 >= stats.snapshotBytes || stats.logLength >= compactAfter * COMPACTION_CAP_FACTOR;
}
