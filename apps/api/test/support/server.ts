// Runs the real server as a child process on its own fresh database, and talks to it over HTTP.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Pool } from 'pg';

export const ROOT = resolve(__dirname, '../../../..');

export function adminUrl(): string {
  const url = process.env.CONCORD_TEST_ADMIN_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('No test database: run through `npm test` (the global setup provides one)');
  return url;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `concord_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    name,
    url: withDatabase(adminUrl(), name),
    async drop() {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawns `apps/api/src/main.ts` with the given environment and waits for its "listening" log line. */
export function spawnServer(env: Record<string, string | undefined>, timeoutMs = 45_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SWC_NODE_PROJECT: 'tsconfig.base.json', PORT: '0', LOG_LEVEL: 'info', WEB_DIST: join(ROOT, 'dist/apps/web'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${out.slice(-4000)}`));
    }, timeoutMs);
    let started = false;
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      // Looked for until found: the whole output searched again on every chunk of a long-running server's
      // logs cost the bad-input suite over a minute of CPU.
      if (started) return;
      // The start banner is printed whatever LOG_LEVEL says.
      const m = /Concord is running at http:\/\/[^:\s]+:(\d+)/.exec(out);
      if (m) {
        started = true;
        clearTimeout(timer);
        const port = Number(m[1]);
        resolvePromise({
          url: `http://127.0.0.1:${port}`,
          port,
          child,
          output: () => out,
          exited,
          async stop(signal: NodeJS.Signals = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out.slice(-4000)}`));
    });
  });
}

export interface TestServer extends ServerProcess {
  databaseUrl: string;
  dataDir: string;
  db: Pool;
  close(): Promise<void>;
}

/** A server on a fresh database, seeded with the demo workspace unless `seed` is false. */
export async function startServer(opts: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const database = await createDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-test-data-'));
  const server = await spawnServer({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    SEED_DEMO: opts.seed === false ? 'false' : 'true',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ...opts.env,
  });
  const db = new Pool({ connectionString: database.url, max: 3 });
  // An idle client is terminated when the database is dropped at the end: not a test failure.
  db.on('error', () => undefined);
  return {
    ...server,
    databaseUrl: database.url,
    dataDir,
    db,
    async close() {
      await server.stop();
      await db.end();
      await database.drop();
    },
  };
}
