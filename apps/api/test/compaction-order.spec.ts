// Compaction against appends that commit out of id order (several append statements in flight, each
// holding updates of several documents): an update committed between compaction's read of the log and
// its delete, with a lower id than the rows it read, must stay in the log. Real PostgreSQL, the
// production compactWith, the interleaving forced at the exact point between the two statements.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import * as Y from 'yjs';
import { compactWith } from '../src/modules/documents/compaction';
import { integrate } from '../src/modules/documents/snapshot';
import { createDatabase } from './support/server';

function update(text: string): Buffer {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Buffer.from(Y.encodeStateAsUpdate(doc));
}

describe('compaction and appends committed out of id order', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  const clients: Client[] = [];
  const connect = async () => {
    const c = new Client({ connectionString: database.url });
    await c.connect();
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    database = await createDatabase();
    const c = await connect();
    // The columns compaction reads and writes, as the migrations make them.
    await c.query(`CREATE TABLE documents (id uuid PRIMARY KEY)`);
    await c.query(`CREATE TABLE document_updates (id bigserial PRIMARY KEY, document_id uuid NOT NULL REFERENCES documents(id), data bytea NOT NULL)`);
    await c.query(`CREATE TABLE document_snapshots (document_id uuid PRIMARY KEY REFERENCES documents(id), state bytea NOT NULL, digest bytea, updated_at timestamptz)`);
  });

  afterAll(async () => {
    for (const c of clients) await c.end().catch(() => undefined);
    await database?.drop();
  });

  it('keeps an update with a lower id that commits after the log was read', async () => {
    const documentId = randomUUID();
    const [setup, late, compactor] = [await connect(), await connect(), await connect()];
    await setup.query('INSERT INTO documents (id) VALUES ($1)', [documentId]);
    // The late append takes its id first and commits last.
    await late.query('BEGIN');
    const lowId = (await late.query('INSERT INTO document_updates (document_id, data) VALUES ($1, $2) RETURNING id', [documentId, update('late ')])).rows[0].id;
    const highId = (await setup.query('INSERT INTO document_updates (document_id, data) VALUES ($1, $2) RETURNING id', [documentId, update('early ')])).rows[0].id;
    expect(Number(highId)).toBeGreaterThan(Number(lowId));

    await compactor.query('BEGIN');
    const result = await compactWith(
      async <T>(sql: string, params: unknown[]) => {
        const rows = (await compactor.query(sql, params)).rows as T[];
        // Right after compaction has read the log: the late append commits.
        if (/FROM document_updates/.test(sql) && /^\s*SELECT/.test(sql)) await late.query('COMMIT');
        return rows;
      },
      documentId,
      integrate,
    );
    await compactor.query('COMMIT');
    expect(result.folded).toBe(1);

    const left = (await setup.query('SELECT id FROM document_updates WHERE document_id = $1', [documentId])).rows.map((r) => String(r.id));
    expect(left).toEqual([String(lowId)]);
    // Snapshot and log together still hold both updates.
    const snapshot = (await setup.query('SELECT state FROM document_snapshots WHERE document_id = $1', [documentId])).rows[0].state as Buffer;
    const log = (await setup.query('SELECT data FROM document_updates WHERE document_id = $1', [documentId])).rows.map((r) => r.data as Buffer);
    const doc = new Y.Doc();
    for (const u of [snapshot, ...log]) Y.applyUpdate(doc, u);
    expect(doc.getText('t').toString()).toContain('late');
    expect(doc.getText('t').toString()).toContain('early');
  });
});
