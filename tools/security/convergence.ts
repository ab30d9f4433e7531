// The long convergence run: seeded random edit/disconnect/reconnect schedules through the real server,
// 1,000 seeds by default (the CI spec runs 200: apps/api/test/security/convergence.spec.ts).
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/security/convergence.ts [--seeds=1000] [--first=1] [--concurrency=12] [--stock-every=4]
// Needs a PostgreSQL server: TEST_DATABASE_URL (an admin URL; a fresh database is created on it and dropped).
// Prints seeds run, identical count and time; exits non-zero unless every seed ended identical, delete
// sets included. CONVERGENCE_SERVER_ERRORS=1 prints the server's error lines at the end.
import { Api, DEMO } from '../../apps/api/test/support/graphql';
import { startServer } from '../../apps/api/test/support/server';
import { runSeeds } from '../../apps/api/test/security/support/convergence';

const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);

async function main() {
  if (!process.env.TEST_DATABASE_URL && !process.env.CONCORD_TEST_ADMIN_URL) {
    console.error('Set TEST_DATABASE_URL to a PostgreSQL admin URL, e.g. postgres://postgres@127.0.0.1:5432/postgres');
    process.exit(2);
  }
  const count = arg('seeds', 1000);
  const first = arg('first', 1);
  const t0 = Date.now();
  const server = await startServer({ env: { COLLAB_MAX_CONNECTIONS_PER_USER: '1000', COLLAB_IDLE_UNLOAD_MS: '2000', LOG_LEVEL: 'warn' } });
  try {
    const anon = new Api(server.url);
    const tokens = {} as Record<keyof typeof DEMO, string>;
    for (const [k, email] of Object.entries(DEMO)) tokens[k as keyof typeof DEMO] = (await anon.login(email)).token ?? '';
    const editor = anon.as(tokens.editor);
    const workspaceId = (await editor.ok(`{ workspaces { id } }`)).workspaces[0].id;
    let done = 0;
    const started = Date.now();
    const results = await runSeeds({
      baseUrl: server.url,
      seeds: Array.from({ length: count }, (_, i) => first + i),
      concurrency: arg('concurrency', 12),
      stockEvery: arg('stock-every', 4),
      writers: [tokens.lead, tokens.editor, tokens.memberHe, tokens.memberNhs],
      reader: tokens.observer,
      db: server.db,
      newDocument: async (seed) =>
        (await editor.ok(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId, title: `Convergence seed ${seed}` } })).createDocument.id,
      onResult: (r) => {
        done++;
        if (!r.identical) console.error(`seed ${r.seed} NOT identical (${r.stock ? 'stock' : 'raw'}, ${r.clients} clients, ${r.steps} steps): ${r.reason}`);
        if (done % 50 === 0) console.error(`… ${done}/${count} seeds, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      },
    });
    const identical = results.filter((r) => r.identical).length;
    const stock = results.filter((r) => r.stock).length;
    const sum = (f: (r: (typeof results)[number]) => number) => results.reduce((n, r) => n + f(r), 0);
    console.log(`seeds run: ${results.length} (${first}–${first + count - 1}; ${stock} with stock WebsocketProviders, ${results.length - stock} with raw y-protocols peers)`);
    console.log(`identical: ${identical}/${results.length} (${((100 * identical) / results.length).toFixed(1)}%)`);
    console.log(`identical delete sets too: ${results.filter((r) => r.sameDeleteSets).length}/${results.length}`);
    console.log(`clients: ${sum((r) => r.clients)}, steps: ${sum((r) => r.steps)}, disconnects: ${sum((r) => r.disconnects)}`);
    console.log(`seed time: mean ${(sum((r) => r.ms) / results.length).toFixed(0)} ms, max ${Math.max(...results.map((r) => r.ms))} ms`);
    console.log(`time: ${((Date.now() - started) / 1000).toFixed(1)} s for the seeds, ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
    process.exitCode = identical === results.length && results.every((r) => r.sameDeleteSets) ? 0 : 1;
  } finally {
    if (process.env.CONVERGENCE_SERVER_ERRORS) process.stdout.write(server.output().split("\n").filter((l) => /"level":[56]0/.test(l)).join("\n") + "\n");
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
