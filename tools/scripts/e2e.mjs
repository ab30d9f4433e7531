#!/usr/bin/env node
// `npm run e2e`: builds the web app, starts Concord on a fresh embedded database (or on a fresh
// database of TEST_DATABASE_URL's server), runs the Playwright journeys in Debian's Chromium, stops.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: install Debian's package (apt-get install -y chromium).`);
  process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let dropDatabase = () => Promise.resolve();
const env = { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', PORT: '0', SEED_DEMO: 'true', DATA_DIR: mkdtempSync(join(tmpdir(), 'concord-e2e-')), LOG_LEVEL: 'warn' };
if (process.env.TEST_DATABASE_URL) {
  const name = `concord_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
} else {
  delete env.DATABASE_URL;
}

const server = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '-r', '@swc-node/register', 'apps/api/src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
const baseUrl = await new Promise((res, rej) => {
  let out = '';
  const timer = setTimeout(() => {
    server.kill('SIGTERM'); // it stops its embedded PostgreSQL too
    rej(new Error(`server did not start:\n${out}`));
  }, 120_000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = /Concord is running at http:\/\/[^:\s]+:(\d+)/.exec(out);
    if (m) {
      clearTimeout(timer);
      res(`http://127.0.0.1:${m[1]}`);
    }
  });
  server.on('exit', (code) => rej(new Error(`server exited (${code}):\n${out}`)));
});

const args = ['test', '--config', 'apps/web-e2e/playwright.config.ts', ...process.argv.slice(2)];
const tests = spawnSync(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, E2E_BASE_URL: baseUrl } });
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
await dropDatabase();
process.exit(tests.status ?? 1);
