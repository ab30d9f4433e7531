// Crash and fault scripts, short form (CI). Each scenario prints a `FAULTS <scenario> …` line of figures.
//   kill -9 of the server in a 50-client edit storm, FAULTS_KILL_REPS times (3): no update any client
//     received from the server is missing from the document the restarted server loads;
//   PostgreSQL crashed (immediate shutdown) and started again under load, on a private PostgreSQL of
//     this test (never the machine's): /healthz says 503, nothing is relayed that was not committed,
//     GraphQL answers with coded errors, then /healthz is 200 again, clients retry, nothing is lost;
//   compaction racing writes, FAULTS_COMPACTION_RUNS documents (50): the server compacting after every
//     few updates and a second compactor in this process, both while three clients write: the stored
//     state equals the clients' (state vector and content), no marker lost.
// The long form (20 kills, 1,000 compaction runs, the outage) is `node tools/security/faults.mjs`.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client as PgClient, Pool } from 'pg';
import * as Y from 'yjs';
import { appendParagraph, Client, connectClient, eventually, rng, text } from '../support/collab';
import { Api, DEMO, GqlResponse } from '../support/graphql';
import { createDatabase, ROOT, ServerProcess, spawnServer, withDatabase } from '../support/server';
import { startPrivatePostgres } from './support/fault-pg';
import { figures, markersOf, newDocument, numberOf, startStorm, storedDoc, writerOf } from './support/fault-storm';

const KILL_REPS = Number(process.env.FAULTS_KILL_REPS ?? 3);
const COMPACTION_RUNS = Number(process.env.FAULTS_COMPACTION_RUNS ?? 50);
/** Optional time budgets (ms) of the long form: no new rep or run starts once spent; the figures say how many ran. */
const KILL_BUDGET_MS = Number(process.env.FAULTS_KILL_BUDGET_MS ?? Infinity);
const COMPACTION_BUDGET_MS = Number(process.env.FAULTS_COMPACTION_BUDGET_MS ?? Infinity);
const STORM_CLIENTS = 50;
const SECRET = 'faults-test-secret-0123456789abcdef0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dataDir = () => mkdtempSync(join(tmpdir(), 'concord-faults-'));

async function health(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) })).status;
  } catch {
    return 0;
  }
}

describe('faults', () => {
  // Every stock WebsocketProvider listens for the process's exit: 50 of them are expected here.
  const maxListeners = process.getMaxListeners();
  beforeAll(() => void process.setMaxListeners(200));
  afterAll(() => void process.setMaxListeners(maxListeners));

  it(`kill -9 during a ${STORM_CLIENTS}-client edit storm, ${KILL_REPS} times: no relayed update lost`, async () => {
    const database = await createDatabase();
    const db = new Pool({ connectionString: database.url, max: 2 });
    db.on('error', () => undefined);
    const env = { DATABASE_URL: database.url, DATA_DIR: dataDir(), SEED_DEMO: 'true', SESSION_SECRET: SECRET, COLLAB_MAX_CONNECTIONS_PER_USER: '200', LOG_LEVEL: 'warn' };
    const random = rng(9001);
    let server: ServerProcess | null = await spawnServer(env);
    let relayedTotal = 0;
    let lostTotal = 0;
    let writtenTotal = 0;
    let reps = 0;
    const started = Date.now();
    try {
      // Sessions live in the database: one sign-in serves every restart.
      const api = await new Api(server.url).login(DEMO.editor);
      const workspaceId = (await api.ok(`{ workspaces { id } }`)).workspaces[0].id as string;
      for (let rep = 1; rep <= KILL_REPS && (rep === 1 || Date.now() - started < KILL_BUDGET_MS); rep++) {
        const documentId = await newDocument(db, workspaceId, `Kill storm ${rep}`);
        const tag = `k${rep}`;
        const storm = await startStorm(server.url, documentId, api.token!, STORM_CLIENTS, tag, random, 40, 160);
        // Kill mid-storm: once updates flow between clients, after a further random moment.
        await eventually(() => markersOf(storm.clients[0].doc, tag).some((m) => writerOf(m) !== 0), 'the first relayed update', 20_000);
        await sleep(200 + Math.floor(random() * 800));
        server.child.kill('SIGKILL');
        await server.exited;
        await storm.stop();
        const relayed = storm.relayed();
        const written = storm.all().length;
        storm.destroy();

        server = await spawnServer(env);
        const reader = await connectClient(server.url, documentId, api.token!);
        const stored = new Set(markersOf(reader.doc, tag));
        reader.destroy();
        const lost = [...relayed].filter((m) => !stored.has(m));
        figures('kill9-round', { rep, clients: STORM_CLIENTS, written, relayed: relayed.size, stored: stored.size, lost: lost.length });
        relayedTotal += relayed.size;
        lostTotal += lost.length;
        writtenTotal += written;
        reps = rep;
        expect(lost).toEqual([]);
        expect(relayed.size).toBeGreaterThan(0);
      }
    } finally {
      await server?.stop();
      await db.end();
      await database.drop();
    }
    figures('kill9', { reps: `${reps}/${KILL_REPS}`, minutes: ((Date.now() - started) / 60_000).toFixed(1), clients: STORM_CLIENTS, written: writtenTotal, relayed: relayedTotal, lost: lostTotal });
  }, 60_000 + KILL_REPS * 90_000);

  it('PostgreSQL crashed and restarted under load: /healthz 503 then 200, coded errors, clients retry, nothing lost', async () => {
    const pg = await startPrivatePostgres();
    let server: ServerProcess | null = null;
    const storm: { stop(): Promise<void>; destroy(): void }[] = [];
    try {
      const admin = new PgClient({ connectionString: pg.adminUrl });
      await admin.connect();
      await admin.query('CREATE DATABASE concord');
      await admin.end();
      const url = withDatabase(pg.adminUrl, 'concord');
      server = await spawnServer({ DATABASE_URL: url, DATA_DIR: dataDir(), SEED_DEMO: 'true', SESSION_SECRET: SECRET, COLLAB_MAX_CONNECTIONS_PER_USER: '100', LOG_LEVEL: 'warn' });
      const base = server.url;
      const api = await new Api(base).login(DEMO.editor);
      const ws = (await api.ok(`{ workspaces { id documents { id } } }`)).workspaces[0];
      const documentId = ws.documents[0].id as string;
      expect(await health(base)).toBe(200);

      // Load: 8 editors writing, and 4 GraphQL loops (a read and a write) for the whole scenario.
      const editors = await startStorm(base, documentId, api.token!, 8, 'o', rng(77), 20, 80);
      storm.push(editors);
      type Phase = 'before' | 'outage' | 'after';
      let phase = 'before' as Phase;
      const answers: Record<Phase, { ok: number; coded: Record<string, number>; uncoded: number; transport: number }> = {
        before: { ok: 0, coded: {}, uncoded: 0, transport: 0 },
        outage: { ok: 0, coded: {}, uncoded: 0, transport: 0 },
        after: { ok: 0, coded: {}, uncoded: 0, transport: 0 },
      };
      let querying = true;
      const loops = [0, 1, 2, 3].map(async (k) => {
        for (let n = 0; querying; n++) {
          const at = phase;
          let r: GqlResponse;
          try {
            r = k % 2 === 0
              ? await api.gql(`{ workspaces { id documents { id title } } }`)
              : await api.gql(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId: ws.id, title: `Load ${k}-${n}` } });
          } catch {
            answers[at].transport++;
            await sleep(50);
            continue;
          }
          const code = r.errors?.[0]?.extensions?.code;
          if (!r.errors?.length && r.data) answers[at].ok++;
          else if (code) answers[at].coded[code] = (answers[at].coded[code] ?? 0) + 1;
          else answers[at].uncoded++;
          await sleep(20);
        }
      });
      await eventually(() => markersOf(editors.clients[0].doc, 'o').some((m) => writerOf(m) !== 0), 'edits to flow between editors', 15_000);
      await sleep(800);

      // Crash PostgreSQL. From here nothing can commit, so nothing written from now on may be relayed.
      await pg.crash();
      phase = 'outage';
      const crashedAt = Date.now();
      const writtenAtCrash = [...editors.written];
      let sawUnavailable = 0;
      let unavailableAfterMs = -1;
      for (let i = 0; i < 20 && sawUnavailable < 3; i++) {
        const status = await health(base);
        expect([200, 503]).toContain(status); // 200 only while a pooled connection has not yet noticed
        if (status === 503 && sawUnavailable++ === 0) unavailableAfterMs = Date.now() - crashedAt;
        await sleep(100);
      }
      expect(sawUnavailable).toBe(3);
      const healthBody = await (await fetch(`${base}/healthz`)).json();
      expect(healthBody).toEqual({ status: 'unavailable', db: 'unreachable' });
      await sleep(2500); // the outage goes on; editors keep writing, providers keep reconnecting
      const writtenInOutage = editors.written.reduce((n, w, i) => n + w - writtenAtCrash[i], 0);
      // Relayed during the outage though uncommitted: a marker written after the crash, held by another client.
      const leaked = editors.clients.flatMap((c, i) => markersOf(c.doc, 'o').filter((m) => writerOf(m) !== i && numberOf(m) >= writtenAtCrash[writerOf(m)]));
      expect(leaked).toEqual([]);
      expect(server.child.exitCode).toBeNull();
      expect(writtenInOutage).toBeGreaterThan(0);

      await pg.restart();
      const restartedAt = Date.now();
      let healthy = false;
      for (let i = 0; i < 300 && !healthy; i++) {
        healthy = (await health(base)) === 200;
        if (!healthy) await sleep(100);
      }
      expect(healthy).toBe(true);
      const recoveredMs = Date.now() - restartedAt;
      phase = 'after';
      await sleep(1500);
      await editors.stop();
      querying = false;
      await Promise.all(loops);

      // Clients retried: everyone converges on everything anyone wrote, before, during and after the outage.
      const all = editors.all();
      await eventually(() => editors.clients.every((c) => markersOf(c.doc, 'o').length === all.length), 'editors to converge on every marker', 30_000);
      const relayed = editors.relayed();
      expect(answers.after.ok).toBeGreaterThan(0);
      expect(answers.outage.uncoded).toBe(0);
      expect(answers.outage.transport).toBe(0);
      expect(Object.keys(answers.outage.coded).length).toBeGreaterThan(0);
      expect(server.child.exitCode).toBeNull();

      // What the next load of the document holds: kill -9 the server, read snapshot and log.
      server.child.kill('SIGKILL');
      await server.exited;
      server = null;
      const db = new Pool({ connectionString: url, max: 1 });
      const stored = await storedDoc(db, documentId);
      await db.end();
      const storedMarkers = new Set(markersOf(stored, 'o'));
      const lostRelayed = [...relayed].filter((m) => !storedMarkers.has(m));
      const lostWritten = all.filter((m) => !storedMarkers.has(m));
      stored.destroy();
      figures('pg-outage', {
        outageMs: restartedAt - crashedAt,
        healthz503AfterMs: unavailableAfterMs,
        recoveredMs,
        written: all.length,
        writtenInOutage,
        relayedBeforeCrash: [...relayed].filter((m) => numberOf(m) < writtenAtCrash[writerOf(m)]).length,
        relayedInOutage: leaked.length,
        stored: storedMarkers.size,
        lostRelayed: lostRelayed.length,
        lostWritten: lostWritten.length,
        gqlBefore: answers.before.ok,
        gqlOutage: JSON.stringify(answers.outage.coded),
        gqlAfter: answers.after.ok,
      });
      expect(lostRelayed).toEqual([]);
      expect(lostWritten).toEqual([]);
    } finally {
      for (const s of storm) {
        await s.stop();
        s.destroy();
      }
      await server?.stop('SIGKILL');
      await pg.destroy();
    }
  }, 150_000);

  it(`compaction racing writes, ${COMPACTION_RUNS} runs: stored state equals the clients', 0 lost`, async () => {
    const database = await createDatabase();
    const server = await spawnServer({
      DATABASE_URL: database.url, DATA_DIR: dataDir(), SEED_DEMO: 'true', SESSION_SECRET: SECRET, LOG_LEVEL: 'warn',
      COLLAB_MAX_CONNECTIONS_PER_USER: '100', COLLAB_COMPACT_AFTER: '1', COLLAB_IDLE_UNLOAD_MS: '0',
    });
    const db = new Pool({ connectionString: database.url, max: 4 });
    db.on('error', () => undefined);
    // A second compactor in its own process: the production compaction in a tight loop over the race's documents.
    const compactor = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '-r', '@swc-node/register', 'apps/api/test/security/support/fault-compactor.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SWC_NODE_PROJECT: 'tsconfig.base.json', DATABASE_URL: database.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let compactorOut = '';
    compactor.stdout!.on('data', (c: Buffer) => (compactorOut += c.toString()));
    compactor.stderr!.on('data', (c: Buffer) => (compactorOut += c.toString()));
    const compactorExited = new Promise<number | null>((r) => compactor.on('exit', r));
    await eventually(() => compactorOut.includes('compactor ready') || compactor.exitCode !== null, 'the compactor to start', 30_000);
    expect(compactorOut).toContain('compactor ready');
    const tokens = await Promise.all([DEMO.editor, DEMO.memberHe, DEMO.memberNhs].map(async (e) => (await new Api(server.url).login(e)).token!));
    const workspaceId = (await new Api(server.url, tokens[0]).ok(`{ workspaces { id } }`)).workspaces[0].id as string;
    const random = rng(1234);
    const PARALLEL = 4;
    const WRITES = 15;
    let lostTotal = 0;
    let mismatched = 0;

    const run = async (runNo: number) => {
      const documentId = await newDocument(db, workspaceId, `Compaction race ${runNo}`);
      const clients: Client[] = await Promise.all(tokens.map((t) => connectClient(server.url, documentId, t)));
      await Promise.all(clients.map(async (c, i) => {
        for (let n = 0; n < WRITES; n++) {
          appendParagraph(c.doc, `c${runNo}-${i}-${n}`);
          if (random() < 0.5) await sleep(Math.floor(random() * 4));
        }
      }));
      const expected = clients.length * WRITES;
      await eventually(() => clients.every((c) => markersOf(c.doc, `c${runNo}`).length === expected), `run ${runNo}: clients to converge`, 20_000);
      // Let both compactors finish what they may be folding, then compare with a fresh load.
      await sleep(50);
      const stored = await storedDoc(db, documentId);
      const want = clients[0].doc;
      const have = new Set(markersOf(stored, `c${runNo}`));
      const lost = clients.flatMap((_, i) => Array.from({ length: WRITES }, (__, n) => `c${runNo}-${i}-${n}`)).filter((m) => !have.has(m));
      const same = Buffer.from(Y.encodeStateVector(stored)).equals(Buffer.from(Y.encodeStateVector(want))) && text(stored) === text(want);
      lostTotal += lost.length;
      if (!same) mismatched++;
      stored.destroy();
      for (const c of clients) c.destroy();
      expect(lost).toEqual([]);
      expect(same).toBe(true);
    };

    const started = Date.now();
    let runs = 0;
    try {
      for (let start = 1; start <= COMPACTION_RUNS && (start === 1 || Date.now() - started < COMPACTION_BUDGET_MS); start += PARALLEL) {
        const batch = Math.min(PARALLEL, COMPACTION_RUNS - start + 1);
        await Promise.all(Array.from({ length: batch }, (_, k) => run(start + k)));
        runs += batch;
      }
      // Every race document is compacted: by either compactor while it is edited, and by the server when
      // its last client has left (COLLAB_IDLE_UNLOAD_MS=0). The last runs' unload compactions may still be
      // queued behind others in the server's compaction thread when their runs end, so wait for them.
      const countSnapshots = async () => (await db.query(`SELECT count(*)::int AS n FROM document_snapshots s JOIN documents d ON d.id = s.document_id WHERE d.title LIKE 'Compaction race %'`)).rows[0].n as number;
      let snapshots = await countSnapshots();
      for (const waitStarted = Date.now(); snapshots < runs && Date.now() - waitStarted < 20_000; snapshots = await countSnapshots()) await sleep(100);
      compactor.kill('SIGTERM');
      expect(await compactorExited).toBe(0);
      const external = /compactions=(\d+) folded=(\d+) errors=(\d+)/.exec(compactorOut);
      figures('compaction', { runs: `${runs}/${COMPACTION_RUNS}`, minutes: ((Date.now() - started) / 60_000).toFixed(1), writes: runs * tokens.length * WRITES, externalCompactions: external?.[1] ?? '?', foldedByExternal: external?.[2] ?? '?', externalErrors: external?.[3] ?? '?', snapshots, mismatched, lost: lostTotal });
      expect(snapshots).toBe(runs);
      expect(Number(external?.[2])).toBeGreaterThan(0);
      expect(external?.[3]).toBe('0');
    } finally {
      if (compactor.exitCode === null) compactor.kill('SIGKILL');
      await server.stop();
      await db.end();
      await database.drop();
    }
  }, 60_000 + COMPACTION_RUNS * 1500);
});
