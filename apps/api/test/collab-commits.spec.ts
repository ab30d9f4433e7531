// Commits of many documents edited at once: their updates share statements (one transaction for what
// arrived together, whatever the document), every relayed update is stored, and a statement that fails
// because of one document fails only that document's updates.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendParagraph, Client, connectClient, eventually, text } from './support/collab';
import { Api, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

const DOCUMENTS = 12;
const WRITES = 40;

describe('ws /collab: commits across documents', () => {
  let server: TestServer;
  let token: string;
  let workspaceId: string;

  beforeAll(async () => {
    server = await startServer({ env: { COLLAB_MAX_CONNECTIONS_PER_USER: '50', COLLAB_COMPACT_AFTER: '100000' } });
    token = (await new Api(server.url).login(DEMO.editor)).token!;
    workspaceId = (await new Api(server.url, token).ok(`{ workspaces { id } }`)).workspaces[0].id;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  async function open(title: string) {
    const ids: string[] = [];
    for (let i = 0; i < DOCUMENTS; i++) ids.push((await server.db.query(`INSERT INTO documents (workspace_id, title) VALUES ($1, $2) RETURNING id`, [workspaceId, `${title} ${i}`])).rows[0].id);
    const clients = await Promise.all(ids.map((id) => connectClient(server.url, id, token)));
    const closes = clients.map(() => [] as number[]);
    clients.forEach((c, i) => c.provider.on('connection-close', (e: { code?: number } | null) => closes[i].push(e?.code ?? 0)));
    return { ids, clients, closes };
  }

  /** Every client writes WRITES paragraphs, all documents at once, in small bursts. */
  async function write(clients: Client[], tag: string) {
    for (let n = 0; n < WRITES; n++) {
      clients.forEach((c, i) => appendParagraph(c.doc, `${tag}-${i}-${n}`));
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  const stored = async (documentId: string) => (await server.db.query(`SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1`, [documentId])).rows[0].n as number;

  it('commits updates of different documents in shared statements, and stores every one', async () => {
    const { ids, clients, closes } = await open('Shared commits');
    try {
    await write(clients, 's');
    // every client's writes reach a fresh reader of its document: committed, then relayed
    for (const [i, id] of ids.entries()) {
      const reader = await connectClient(server.url, id, token);
      await eventually(() => (text(reader.doc).match(new RegExp(`s-${i}-`, 'g')) ?? []).length === WRITES, `document ${i} to hold its ${WRITES} paragraphs`, 15_000);
      reader.destroy();
      expect(await stored(id)).toBeGreaterThanOrEqual(1);
    }
    // One statement is one transaction, and now() is its start: rows of different documents with the same
    // created_at were committed together.
    const shared = await server.db.query(
      `SELECT count(*)::int AS n FROM (SELECT created_at FROM document_updates WHERE document_id = ANY($1::uuid[]) GROUP BY created_at HAVING count(DISTINCT document_id) > 1) s`,
      [ids],
    );
    expect(shared.rows[0].n).toBeGreaterThan(0);
    expect(closes.flat()).toEqual([]);
    } finally {
      for (const c of clients) c.destroy();
    }
  }, 60_000);

  it('a document whose updates cannot be stored fails alone: the others sharing its statements keep every update and their connections', async () => {
    const { ids, clients, closes } = await open('Isolated failure');
    const doomed = 3;
    try {
    // The document disappears under its editor (its foreign key now fails every append of it).
    await server.db.query(`DELETE FROM documents WHERE id = $1`, [ids[doomed]]);
    await write(clients, 'f');
    for (const [i, id] of ids.entries()) {
      if (i === doomed) continue;
      const reader = await connectClient(server.url, id, token);
      await eventually(() => (text(reader.doc).match(new RegExp(`f-${i}-`, 'g')) ?? []).length === WRITES, `document ${i} to hold its ${WRITES} paragraphs`, 15_000);
      reader.destroy();
    }
    await eventually(() => closes[doomed].length > 0, 'the deleted document’s editor to be disconnected', 10_000);
    expect(closes[doomed][0]).toBe(1011);
    expect(closes.filter((_, i) => i !== doomed).flat()).toEqual([]);
    expect(await stored(ids[doomed])).toBe(0);
    } finally {
      for (const c of clients) c.destroy();
    }
  }, 60_000);
});
