// The three servers under test, started as child processes on loopback: Concord's API (on a fresh
// database), the reference y-websocket server, and the bare broadcast server. Also the /proc readings.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
const WRITERS = ['lead', 'editor', 'member.he', 'member.nhs'].map((u) => `${u}@demo.concord.test`);
const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Spawns `args` and resolves with the process and the first match of `pattern` on stdout (or stderr). */
function startProcess(args, { cwd, env, pattern, timeoutMs = 120_000 }) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const found = (d) => {
      out += d;
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m, output: () => out });
      }
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not start:\n${out}`));
    }, timeoutMs);
    child.stdout.on('data', found);
    child.stderr.on('data', found);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code}):\n${out.slice(-3000)}`));
    });
  });
}

async function stopProcess(child, signal = 'SIGTERM', timeoutMs = 30_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

async function pgAnswers(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Concord's API. A fresh database on the machine's PostgreSQL (dropped by `stop`), or, when
 * 127.0.0.1:5432 does not answer, the embedded PostgreSQL in a temporary DATA_DIR.
 */
export async function createOursDatabase() {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
  if (await pgAnswers(LOCAL_PG)) {
    const name = `concord_collab_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: LOCAL_PG });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = LOCAL_PG.replace(/\/postgres$/, `/${name}`);
    return {
      kind: 'local',
      dataDir,
      databaseUrl: url,
      adminUrl: () => url,
      async drop() {
        const c = new pg.Client({ connectionString: LOCAL_PG });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  return {
    kind: 'embedded',
    dataDir,
    databaseUrl: undefined,
    // the API writes the embedded server's port here (apps/api/src/database/embedded-postgres.ts)
    adminUrl: () => `postgres://postgres:postgres@127.0.0.1:${readFileSync(join(dataDir, 'pg.port'), 'utf8').trim()}/concord`,
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startOurs(root, db, { nodeArgs = [], extraEnv = {}, port: fixedPort = 0 } = {}) {
  const env = {
    ...process.env,
    SWC_NODE_PROJECT: 'tsconfig.base.json',
    PORT: String(fixedPort),
    HOST: '127.0.0.1',
    SEED_DEMO: 'true',
    DATA_DIR: db.dataDir,
    LOG_LEVEL: 'warn',
    COLLAB_MAX_CONNECTIONS_PER_USER: '100000',
    COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: '100000',
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '100000',
    MALLOC_ARENA_MAX: '2', // as docker/Dockerfile deploys it
    ...extraEnv,
  };
  delete env.NODE_OPTIONS;
  if (db.databaseUrl) env.DATABASE_URL = db.databaseUrl;
  else delete env.DATABASE_URL;
  // BENCH_OURS_NODE_ARGS adds Node options to our server (e.g. --trace-gc; with BENCH_SERVER_LOG to keep what it prints).
  const extraArgs = (process.env.BENCH_OURS_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const args = ['--disable-warning=ExperimentalWarning', ...extraArgs, ...nodeArgs, '-r', '@swc-node/register', 'apps/api/src/main.ts'];
  const { child, match, output } = await startProcess(args, { cwd: root, env, pattern: /Concord is running at http:\/\/[^:\s]+:(\d+)/ });
  const port = Number(match[1]);
  const base = `http://127.0.0.1:${port}`;
  const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(output())?.[1];
  const tokens = [];
  for (const email of WRITERS) {
    const r = await graphql(base, null, `mutation($e:String!){login(input:{email:$e,password:"concord-demo"}){token}}`, { e: email });
    tokens.push(r.login.token);
  }
  const workspaceId = (await graphql(base, tokens[1], '{ workspaces { id } }')).workspaces[0].id;
  const server = {
    name: 'ours',
    pid: child.pid,
    child,
    port,
    base,
    inspector,
    tokens,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    /** Creates `n` documents as the editor. */
    async rooms(n, title = 'bench') {
      const ids = [];
      for (let i = 0; i < n; i++) {
        const r = await graphql(base, tokens[1], 'mutation($w:ID!,$t:String!){createDocument(input:{workspaceId:$w,title:$t}){id}}', { w: workspaceId, t: `${title} ${i + 1}` });
        ids.push(r.createDocument.id);
      }
      return ids;
    },
    url: (room, i = 0) => `ws://127.0.0.1:${port}/collab/${room}?token=${tokens[i % tokens.length]}`,
    params: (i = 0) => ({ token: tokens[i % tokens.length] }),
    stop: () => {
      // BENCH_SERVER_LOG=file keeps our server's log (warnings and errors) for a look after the run.
      if (process.env.BENCH_SERVER_LOG) appendFileSync(process.env.BENCH_SERVER_LOG, output());
      return stopProcess(server.child);
    },
    /** Stops the server (SIGTERM, as a deployment does) and starts it again on the same port and database. */
    async restart() {
      await server.stop();
      const again = await startOurs(root, db, { nodeArgs: nodeArgs.filter((a) => !a.startsWith('--cpu-prof')), extraEnv, port });
      Object.assign(server, { pid: again.pid, child: again.child, stop: again.stop });
    },
  };
  return server;
}

export async function startReference(root, port = null) {
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port ?? (await freePort())) };
  for (const k of ['YPERSISTENCE', 'CALLBACK_URL', 'NODE_OPTIONS']) delete env[k]; // in memory only: nothing on disk
  const script = join(dirname(require.resolve('@y/websocket-server/package.json')), 'src/server.js');
  const { child } = await startProcess([script], { cwd: root, env, pattern: /running at .* on port (\d+)/ });
  return plainServer('reference', child, Number(env.PORT), () => startReference(root, Number(env.PORT)));
}

export async function startBare(root, port = 0) {
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  delete env.NODE_OPTIONS;
  const { child, match } = await startProcess([join(root, 'tools/bench/bare-broadcast-server.mjs')], { cwd: root, env, pattern: /listening on port (\d+)/ });
  return plainServer('bare', child, Number(match[1]), () => startBare(root, Number(match[1])));
}

function plainServer(name, child, port, startAgain) {
  const server = {
    name,
    pid: child.pid,
    child,
    port,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    async rooms(n) {
      return Array.from({ length: n }, () => randomUUID());
    },
    url: (room) => `ws://127.0.0.1:${port}/collab/${room}`,
    params: () => ({}),
    stop: () => stopProcess(server.child),
    async restart() {
      await server.stop();
      const again = await startAgain();
      Object.assign(server, { pid: again.pid, child: again.child, stop: again.stop });
    },
  };
  return server;
}

async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function graphql(base, token, query, variables = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

// ---- /proc ----

const CLK_TCK = 100; // USER_HZ on Linux
/** CPU time (ms) used by a process so far: utime + stime from /proc/<pid>/stat. */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return 0; // gone
  }
}

/**
 * Waits until process `pid` (all its threads) has used under `busyShare` of one core for a whole
 * `windowMs`, at most `maxMs`: what a previous load set off (unloads, compactions, answers still being
 * sent) is over. Returns the milliseconds waited.
 */
export async function waitQuiet(pid, { maxMs = 60_000, windowMs = 1000, busyShare = 0.05 } = {}) {
  const t0 = performance.now();
  for (;;) {
    const before = cpuMs(pid);
    await new Promise((r) => setTimeout(r, windowMs));
    if ((cpuMs(pid) - before) / windowMs < busyShare || performance.now() - t0 > maxMs) return performance.now() - t0;
  }
}

/** Resident memory of a process in MB (VmRSS). */
export function rssMB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
}

/** Whole-machine CPU (jiffies busy, total) from /proc/stat, to see what else the machine was doing. */
export function machineCpu() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = f[3] + f[4];
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, iowait: f[4], total };
}
