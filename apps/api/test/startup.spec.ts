// Start-up behaviour: configuration errors, idempotent demo seeding, structured logs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { createDatabase, ROOT, spawnServer } from './support/server';

const count = async (url: string, table: string) => {
  const c = new Client({ connectionString: url });
  await c.connect();
  const r = await c.query(`SELECT count(*)::int AS n FROM ${table}`);
  await c.end();
  return r.rows[0].n as number;
};

describe('start-up', () => {
  it('a bad variable stops the server with one line naming it', () => {
    const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', '-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, SWC_NODE_PROJECT: 'tsconfig.base.json', PORT: 'three-thousand', DATA_DIR: mkdtempSync(join(tmpdir(), 'concord-cfg-')) },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(78);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: PORT /);
    expect(r.stdout).toBe('');
  });

  it('seeds the demo once, however often it starts, and logs JSON lines', async () => {
    const db = await createDatabase();
    try {
      const env = { DATABASE_URL: db.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'concord-seed-')), SEED_DEMO: 'true' };
      const first = await spawnServer(env);
      await first.stop();
      const second = await spawnServer(env);
      await second.stop();
      expect(await count(db.url, 'workspaces')).toBe(1);
      expect(await count(db.url, 'users')).toBe(6);
      expect(await count(db.url, 'criteria')).toBe(5);
      expect(await count(db.url, 'members')).toBe(6);
      const logLines = second.output().split('\n').filter((l) => l.startsWith('{'));
      expect(logLines.length).toBeGreaterThan(3);
      for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
    } finally {
      await db.drop();
    }
  });

  it('without SEED_DEMO, a database that already has a workspace gets no demo', async () => {
    const db = await createDatabase();
    try {
      const env = { DATABASE_URL: db.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'concord-seed-')), SEED_DEMO: 'false' };
      await (await spawnServer(env)).stop();
      const c = new Client({ connectionString: db.url });
      await c.connect();
      await c.query(`INSERT INTO workspaces (name) VALUES ('Existing group')`);
      await c.end();
      const again = await spawnServer({ ...env, SEED_DEMO: '' });
      await again.stop();
      expect(await count(db.url, 'workspaces')).toBe(1);
      expect(await count(db.url, 'users')).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
