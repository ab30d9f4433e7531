// kill -9 of the server in the middle of an edit storm: every update any client received from the
// server must be in the document the restarted server loads. DURABILITY_ROUNDS (default 10) sets the
// number of rounds; `DURABILITY_ROUNDS=100 npx jest apps/api/test/durability` is the long form.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { appendParagraph, Client, connectClient, eventually, rng, text } from './support/collab';
import { Api, DEMO } from './support/graphql';
import { createDatabase, spawnServer } from './support/server';

const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 10);
const CLIENTS = 20;

function markers(doc: Y.Doc): string[] {
  return text(doc).match(/m-\d+-\d+-\d+/g) ?? [];
}

describe('durability', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-durability-'));
  const env = () => ({ DATABASE_URL: database.url, DATA_DIR: dataDir, SEED_DEMO: 'true', SESSION_SECRET: 'durability-test-secret-0123456789abcdef', COLLAB_MAX_CONNECTIONS_PER_USER: '100', LOG_LEVEL: 'warn' });

  beforeAll(async () => {
    database = await createDatabase();
  });
  afterAll(() => database?.drop());

  it(`loses no relayed update over ${ROUNDS} kill -9 rounds with ${CLIENTS} editors`, async () => {
    const random = rng(42);
    let relayedTotal = 0;
    let lostTotal = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const server = await spawnServer(env());
      const api = await new Api(server.url).login(DEMO.editor);
      const documentId = (await api.ok(`{ workspaces { documents { id } } }`)).workspaces[0].documents[0].id as string;
      const clients: Client[] = [];
      for (let i = 0; i < CLIENTS; i++) clients.push(await connectClient(server.url, documentId, api.token!));

      // Each client writes paragraphs tagged m-<round>-<client>-<n> until the server dies.
      let alive = true;
      const storms = clients.map(async (c, i) => {
        for (let n = 0; alive; n++) {
          appendParagraph(c.doc, `m-${round}-${i}-${n}`);
          await new Promise((r) => setTimeout(r, 5 + Math.floor(random() * 20)));
        }
      });
      // Kill mid-storm: once updates are flowing between clients, after a random further moment.
      const relaying = () => clients.some((c, i) => markers(c.doc).some((m) => m.startsWith(`m-${round}-`) && m.split('-')[2] !== String(i)));
      await eventually(relaying, 'the first relayed update', 15_000);
      await new Promise((r) => setTimeout(r, 100 + Math.floor(random() * 500)));
      server.child.kill('SIGKILL');
      await server.exited;
      alive = false;
      await Promise.all(storms);

      // What each client got from the server: the markers of other clients in its document.
      const relayed = new Set<string>();
      clients.forEach((c, i) => {
        for (const m of markers(c.doc)) if (m.startsWith(`m-${round}-`) && m.split('-')[2] !== String(i)) relayed.add(m);
      });
      for (const c of clients) c.destroy();

      const restarted = await spawnServer(env());
      const reader = await connectClient(restarted.url, documentId, (await new Api(restarted.url).login(DEMO.editor)).token!);
      const stored = new Set(markers(reader.doc));
      const lost = [...relayed].filter((m) => !stored.has(m));
      reader.destroy();
      await restarted.stop();
      relayedTotal += relayed.size;
      lostTotal += lost.length;
      process.stdout.write(`durability round ${round}: relayed ${relayed.size}, lost ${lost.length}\n`);
      expect(lost).toEqual([]);
      expect(relayed.size).toBeGreaterThan(0);
    }
    process.stdout.write(`durability: ${ROUNDS} rounds, ${CLIENTS} clients, relayed ${relayedTotal}, lost ${lostTotal}\n`);
  }, 600_000);
});
