// One compaction, as SQL over whatever connection runs it: the snapshot worker's own connection
// (normally) or the service's pool (when the worker cannot run). Kept free of Nest and TypeORM so the
// worker thread can load it.
import { createHash } from 'node:crypto';
import { COMPACTION_LOCK } from './snapshot';

/** Runs one statement in the compaction's transaction and returns its rows. */
export type Query = <T>(sql: string, params: unknown[]) => Promise<T[]>;

export interface Compacted {
  /** Updates folded into the snapshot. */
  folded: number;
  /** Their bytes. */
  foldedBytes: number;
  /** Bytes of the new snapshot. */
  bytes: number;
}

/** The digest stored with a snapshot. */
export function snapshotDigest(state: Uint8Array): Buffer {
  return createHash('sha256').update(state).digest();
}

/**
 * Folds the document's log into its snapshot, inside a transaction the caller opened on `query`'s
 * connection: locks the document row (queueing concurrent compactions of it), reads snapshot and log,
 * integrates them, writes the snapshot and deletes exactly the log rows it read. An update committed
 * meanwhile, whatever its id, stays in the log.
 */
export async function compactWith(query: Query, documentId: string, integrate: (updates: Uint8Array[]) => Uint8Array | Promise<Uint8Array>): Promise<Compacted> {
  const none = { folded: 0, foldedBytes: 0, bytes: 0 };
  const locked = await query(`SELECT id FROM documents WHERE id = $1 ${COMPACTION_LOCK}`, [documentId]);
  if (locked.length === 0) return none;
  const log = await query<{ id: string; data: Buffer }>('SELECT id, data FROM document_updates WHERE document_id = $1 ORDER BY id', [documentId]);
  if (log.length === 0) return none;
  const snapshot = await query<{ state: Buffer }>('SELECT state FROM document_snapshots WHERE document_id = $1', [documentId]);
  const merged = await integrate([...snapshot.map((s) => new Uint8Array(s.state)), ...log.map((u) => new Uint8Array(u.data))]);
  await query(
    `INSERT INTO document_snapshots (document_id, state, digest, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (document_id) DO UPDATE SET state = EXCLUDED.state, digest = EXCLUDED.digest, updated_at = now()`,
    [documentId, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength), snapshotDigest(merged)],
  );
  // Exactly the rows read, not every id up to the highest read: appends commit out of id order (several
  // statements in flight, each holding updates of several documents), so a row with a lower id can commit
  // after this read — a DELETE of `id <= max` would then remove an update that is in no snapshot.
  await query('DELETE FROM document_updates WHERE document_id = $1 AND id = ANY($2::bigint[])', [documentId, log.map((u) => u.id)]);
  return { folded: log.length, foldedBytes: log.reduce((n, u) => n + u.data.byteLength, 0), bytes: merged.byteLength };
}
