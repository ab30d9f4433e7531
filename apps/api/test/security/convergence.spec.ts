// Convergence at scale: 200 seeded random schedules of edits (inserts, deletes, formatting, attributes
// on the Y.XmlFragment "default"), disconnects and reconnects, each with 2–6 clients on its own
// document, through the real server; a quarter of them with the stock y-websocket WebsocketProvider,
// the rest with raw y-protocols peers. After quiescence every client, a fresh load through ws /collab
// and the stored state (snapshot + log) must be identical: same content and encoded state vector.
// The long form: tools/security/convergence.ts (1,000 seeds by default).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, DEMO } from '../support/graphql';
import { startServer, TestServer } from '../support/server';
import { runSeeds } from './support/convergence';

const SEEDS = 200;
const FIRST_SEED = 1;

describe('ws /collab convergence at scale', () => {
  let server: TestServer;
  let editor: Api;
  let workspaceId: string;
  const tokens = {} as Record<keyof typeof DEMO, string>;

  beforeAll(async () => {
    server = await startServer({ env: { COLLAB_MAX_CONNECTIONS_PER_USER: '1000', COLLAB_IDLE_UNLOAD_MS: '2000', LOG_LEVEL: 'warn' } });
    const anon = new Api(server.url);
    for (const [k, email] of Object.entries(DEMO)) tokens[k as keyof typeof DEMO] = (await anon.login(email)).token!;
    editor = anon.as(tokens.editor);
    workspaceId = (await editor.ok(`{ workspaces { id } }`)).workspaces[0].id;
  });
  afterAll(() => server?.close());

  it(`${SEEDS} seeded schedules end with every client, a fresh load and the stored state identical`, async () => {
    const t0 = Date.now();
    const seeds = Array.from({ length: SEEDS }, (_, i) => FIRST_SEED + i);
    const results = await runSeeds({
      baseUrl: server.url,
      seeds,
      concurrency: 12,
      stockEvery: 4,
      writers: [tokens.lead, tokens.editor, tokens.memberHe, tokens.memberNhs],
      reader: tokens.observer,
      db: server.db,
      newDocument: async (seed) =>
        (await editor.ok(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId, title: `Convergence seed ${seed}` } })).createDocument.id,
    });
    const identical = results.filter((r) => r.identical).length;
    const stock = results.filter((r) => r.stock).length;
    const failed = results.filter((r) => !r.identical).map((r) => `seed ${r.seed} (${r.stock ? 'stock' : 'raw'}, ${r.clients} clients): ${r.reason}`);
    process.stdout.write(
      `convergence: ${results.length} seeds (${stock} with stock providers), ${identical} identical (${((100 * identical) / results.length).toFixed(1)}%), ` +
        `(${results.filter((r) => r.sameDeleteSets).length} with identical delete sets too), ${results.reduce((n, r) => n + r.clients, 0)} clients, ${results.reduce((n, r) => n + r.steps, 0)} steps, ${results.reduce((n, r) => n + r.disconnects, 0)} disconnects, in ${Date.now() - t0} ms\n`,
    );
    if (failed.length) process.stdout.write(server.output().split('\n').filter((l) => /"level":[45]0/.test(l)).slice(-20).join('\n') + '\n');
    expect(failed).toEqual([]);
    expect(results).toHaveLength(SEEDS);
    expect(stock).toBeGreaterThanOrEqual(SEEDS / 5);
    expect(results.reduce((n, r) => n + r.disconnects, 0)).toBeGreaterThan(SEEDS / 2); // the schedules do disconnect
    expect(identical).toBe(SEEDS);
    // Same deletions everywhere too, and the server never changed the document by itself: a change of
    // its own (Yjs tidying formatting after a remote update) once made clients end with different marks.
    expect(results.filter((r) => !r.sameDeleteSets).map((r) => r.seed)).toEqual([]);
    expect(server.output()).not.toContain('an uncommitted change of the live document');
  }, 240_000);
});
