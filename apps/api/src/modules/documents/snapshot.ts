import * as Y from 'yjs';

/**
 * The row lock compaction takes on the document, so that compactions of one document queue. NO KEY
 * UPDATE, not UPDATE: appending to the log checks its foreign key to the document with KEY SHARE,
 * which FOR UPDATE would block for the whole compaction, stalling every edit of the document behind it
 * (the benchmark's p99 spikes); FOR NO KEY UPDATE lets appends through.
 */
export const COMPACTION_LOCK = 'FOR NO KEY UPDATE';

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
    Y.applyUpdate(doc, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
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
