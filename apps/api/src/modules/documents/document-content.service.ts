// Storage of document content (STYLE habit 7): the Yjs update log and the compacted snapshot.
// The collaboration endpoint reaches PostgreSQL only through this service.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { Compacted, compactWith, snapshotDigest } from './compaction';
import { docFromState } from './snapshot';
import { SnapshotWorker } from './snapshot-worker';

export interface LoadedContent {
  /** Snapshot and log merged into one Yjs update. */
  state: Uint8Array;
  /** Stored bytes (snapshot plus log), for the document size limit. */
  bytes: number;
  /** Updates in the log since the last compaction. */
  logLength: number;
  /** Bytes of those updates. */
  logBytes: number;
  /** Bytes of the snapshot. */
  snapshotBytes: number;
  /**
   * Whether `state` is known readable without parsing it: the snapshot matches the digest compaction
   * stored with it (its bytes are those of a Y.Doc's encoded state), and the log's updates were each
   * parsed before they were appended. A snapshot without a digest, or one that does not match, is not.
   */
  verified: boolean;
}

/** Statements appending to the update log in flight at once (each on its own pooled connection). */
const APPEND_STATEMENTS = 3;

interface PendingAppend {
  documentId: string;
  updates: Uint8Array[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** Loads merge at most this many stored parts with Y.mergeUpdates; more are integrated off the main thread. */
const MERGE_AT_MOST = 64;


/** Whoever holds documents open for editing (the collaboration endpoint) applies server-side changes. */
export interface LiveDocuments {
  /** The committed state, loading the document if needed. */
  state(documentId: string): Promise<Uint8Array>;
  /** Applies `change` as a new edit: committed to the log, then relayed to everyone connected. */
  change(documentId: string, change: (doc: Y.Doc) => void): Promise<void>;
  /** Runs `read` on the live document itself (loading it if needed); `read` must not change it. */
  read<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T>;
}

@Injectable()
export class DocumentContentService {
  private live: LiveDocuments | null = null;
  private readonly worker = new SnapshotWorker();
  private appendQueue: PendingAppend[] = [];
  private appendsInFlight = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  attachLive(live: LiveDocuments) {
    this.live = live;
  }

  /** The document's current content as one Yjs update. */
  async currentState(documentId: string): Promise<Uint8Array> {
    return this.live ? this.live.state(documentId) : (await this.load(documentId)).state;
  }

  /**
   * Runs `read` on the document's current content, synchronously, without copying it: the live
   * document when there is a collaboration endpoint (a read of a 30,000-word draft no longer encodes
   * and applies the whole state, ~80 ms per request), else a document loaded for the call. `read`
   * must not change the document or keep it past its return.
   */
  async read<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
    if (this.live) return this.live.read(documentId, read);
    const doc = docFromState((await this.load(documentId)).state);
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Changes the live document as an edit everyone sees (restoring a version, accepting a suggestion). */
  async change(documentId: string, change: (doc: Y.Doc) => void): Promise<void> {
    if (this.live) return this.live.change(documentId, change);
    // Without a collaboration endpoint (scripts), the change goes straight to the log.
    const doc = docFromState((await this.load(documentId)).state);
    const before = Y.encodeStateVector(doc);
    change(doc);
    await this.append(documentId, [Y.encodeStateAsUpdate(doc, before)]);
    doc.destroy();
  }

  /** The workspace of a document, or null when there is no such document. */
  async workspaceOf(documentId: string): Promise<string | null> {
    const rows: { workspace_id: string }[] = await this.db.query('SELECT workspace_id FROM documents WHERE id = $1', [documentId]);
    return rows[0]?.workspace_id ?? null;
  }

  /** Throws when the database cannot be read: a failed load never yields an empty document. */
  async load(documentId: string): Promise<LoadedContent> {
    this.worker.warm(); // ready before the document's first compaction
    // One statement, so snapshot and log are read from one view of the database: read separately, a
    // compaction committing between the two reads (another process's, or an unloading room's) would leave
    // the updates it folded in neither.
    const rows: { part: number; data: Buffer; digest: Buffer | null }[] = await this.db.query(
      `SELECT 0 AS part, 0::bigint AS id, state AS data, digest FROM document_snapshots WHERE document_id = $1
       UNION ALL
       SELECT 1 AS part, id, data, NULL FROM document_updates WHERE document_id = $1
       ORDER BY part, id`,
      [documentId],
    );
    const snapshot = rows.filter((r) => r.part === 0).map((r) => ({ state: r.data, digest: r.digest }));
    const log = rows.filter((r) => r.part === 1);
    const parts = [...snapshot.map((s) => new Uint8Array(s.state)), ...log.map((u) => new Uint8Array(u.data))];
    const bytes = parts.reduce((n, p) => n + p.byteLength, 0);
    const snapshotBytes = snapshot.reduce((n, s) => n + s.state.byteLength, 0);
    // A short tail is merged here; a long one is integrated in the worker thread, as Y.mergeUpdates'
    // cost grows faster than the number of updates (see integrate()).
    const state =
      parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : parts.length === 1 ? parts[0] : parts.length <= MERGE_AT_MOST ? Y.mergeUpdates(parts) : await this.worker.integrate(parts);
    const verified = snapshot.every((s) => s.digest !== null && snapshotDigest(s.state).equals(s.digest));
    return { state, bytes, logLength: log.length, logBytes: bytes - snapshotBytes, snapshotBytes, verified };
  }

  /**
   * Appends updates to the log; resolves once they are committed. Appends of every document are
   * committed together: those that arrive while APPEND_STATEMENTS statements are in flight go into the
   * next one, a single INSERT for all of them. With many documents edited at once (200 documents × 5
   * editors: 2,000 updates/s, each document's arriving alone) one transaction per document's update
   * queued for the pool's connections and PostgreSQL's commits; one statement for what arrived together
   * keeps the number of commits to what the disk needs.
   */
  append(documentId: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.appendQueue.push({ documentId, updates, resolve, reject });
      this.drainAppends();
    });
  }

  private drainAppends() {
    while (this.appendQueue.length > 0 && this.appendsInFlight < APPEND_STATEMENTS) {
      const batch = this.appendQueue;
      this.appendQueue = [];
      this.appendsInFlight++;
      void this.commitAppends(batch).finally(() => {
        this.appendsInFlight--;
        this.drainAppends();
      });
    }
  }

  /** Commits `batch` in one statement and settles each of its appends; never rejects. */
  private async commitAppends(batch: PendingAppend[]): Promise<void> {
    const documents = [...new Set(batch.map((a) => a.documentId))];
    try {
      await this.insert(batch);
      for (const a of batch) a.resolve();
      return;
    } catch (e) {
      if (documents.length === 1) {
        for (const a of batch) a.reject(e);
        return;
      }
    }
    // A statement fails as a whole. When it held several documents, each is tried again on its own, so
    // that one document's failure (deleted meanwhile: its foreign key) fails only its own updates.
    await Promise.all(
      documents.map(async (documentId) => {
        const mine = batch.filter((a) => a.documentId === documentId);
        try {
          await this.insert(mine);
          for (const a of mine) a.resolve();
        } catch (e) {
          for (const a of mine) a.reject(e);
        }
      }),
    );
  }

  /** One INSERT for all the updates of `appends`. */
  private async insert(appends: PendingAppend[]): Promise<void> {
    const documentIds: string[] = [];
    const data: Buffer[] = [];
    for (const a of appends) {
      for (const u of a.updates) {
        documentIds.push(a.documentId);
        data.push(Buffer.from(u.buffer, u.byteOffset, u.byteLength));
      }
    }
    await this.db.query('INSERT INTO document_updates (document_id, data) SELECT * FROM unnest($1::uuid[], $2::bytea[])', [documentIds, data]);
  }

  /**
   * Folds the log into the snapshot in one transaction. Only the rows read are deleted, so an update
   * appended while compaction runs stays in the log. Concurrent compactions of one document queue on
   * the document's row lock (COMPACTION_LOCK), which appends do not wait for.
   */
  async compact(documentId: string): Promise<Compacted> {
    // Normally in the worker thread, on a connection of its own; on the pool when the worker cannot run.
    const url = (this.db.options as { url?: string }).url;
    const inWorker = url ? this.worker.compact(url, documentId) : null;
    if (inWorker) return inWorker;
    return this.db.transaction((tx) => compactWith((sql, params) => tx.query(sql, params), documentId, (updates) => this.worker.integrate(updates)));
  }

  /** Ends the compaction worker with the application (its connection would hold the database open). */
  async onModuleDestroy() {
    await this.worker.close();
  }
}

