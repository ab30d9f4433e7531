// Pieces shared by the fault tests: edit storms of stock y-websocket clients writing tagged paragraphs,
// what each client received from the server, and what a fresh load of the document would hold.
import type { Pool } from 'pg';
import * as Y from 'yjs';
import { appendParagraph, Client, connectClient, text } from '../../support/collab';

/** The figures every fault scenario prints, in one greppable line: `FAULTS <scenario> k=v …`. */
export function figures(scenario: string, values: Record<string, string | number>): void {
  process.stdout.write(`FAULTS ${scenario} ${Object.entries(values).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
}

/** Markers `<tag>-<client>-<n>` in a document. */
export function markersOf(doc: Y.Doc, tag: string): string[] {
  return text(doc).match(new RegExp(`\\b${tag}-\\d+-\\d+\\b`, 'g')) ?? [];
}

export const writerOf = (marker: string) => Number(marker.split('-')[1]);
export const numberOf = (marker: string) => Number(marker.split('-')[2]);

/**
 * What a fresh load would hold: the snapshot, then the log in order. One statement, so one database
 * snapshot: a compaction committing between two separate reads would otherwise hide the updates it folded.
 */
export async function storedDoc(db: Pool, documentId: string): Promise<Y.Doc> {
  const rows = await db.query(
    `SELECT 0 AS part, 0::bigint AS id, state AS data FROM document_snapshots WHERE document_id = $1
     UNION ALL SELECT 1, id, data FROM document_updates WHERE document_id = $1 ORDER BY part, id`,
    [documentId],
  );
  const doc = new Y.Doc();
  for (const row of rows.rows) Y.applyUpdate(doc, new Uint8Array(row.data as Buffer));
  return doc;
}

export async function newDocument(db: Pool, workspaceId: string, title: string): Promise<string> {
  const r = await db.query(`INSERT INTO documents (workspace_id, title) VALUES ($1, $2) RETURNING id`, [workspaceId, title]);
  return r.rows[0].id as string;
}

export interface Storm {
  clients: Client[];
  /** How many paragraphs each client has written so far. */
  written: number[];
  /** Stops writing; resolves when every writer has returned. */
  stop(): Promise<void>;
  /** Markers of other clients that each client holds: what the server relayed to someone. */
  relayed(): Set<string>;
  /** Every marker written by any client. */
  all(): string[];
  destroy(): void;
}

/**
 * Connects `count` stock clients to the document and has each append a paragraph tagged
 * `<tag>-<client>-<n>` every `minMs`–`maxMs` (random, seeded by the caller's PRNG).
 */
export async function startStorm(baseUrl: string, documentId: string, token: string, count: number, tag: string, random: () => number, minMs: number, maxMs: number): Promise<Storm> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i++) clients.push(await connectClient(baseUrl, documentId, token));
  const written = clients.map(() => 0);
  let writing = true;
  const loops = clients.map(async (c, i) => {
    while (writing) {
      appendParagraph(c.doc, `${tag}-${i}-${written[i]}`);
      written[i]++;
      await new Promise((r) => setTimeout(r, minMs + Math.floor(random() * (maxMs - minMs))));
    }
  });
  return {
    clients,
    written,
    async stop() {
      writing = false;
      await Promise.all(loops);
    },
    relayed() {
      const seen = new Set<string>();
      clients.forEach((c, i) => {
        for (const m of markersOf(c.doc, tag)) if (writerOf(m) !== i) seen.add(m);
      });
      return seen;
    },
    all() {
      return written.flatMap((n, i) => Array.from({ length: n }, (_, k) => `${tag}-${i}-${k}`));
    },
    destroy() {
      for (const c of clients) c.destroy();
    },
  };
}
