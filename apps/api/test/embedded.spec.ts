// `npm start` with no DATABASE_URL: the embedded PostgreSQL, kept across restarts, recovering from kill -9.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Api, DEMO } from './support/graphql';
import { spawnServer } from './support/server';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the embedded PostgreSQL', () => {
  it('serves /healthz, keeps data across a kill -9, and shuts down cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'concord-embedded-'));
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: '' };

    const first = await spawnServer(env, 120_000);
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok' });
    expect(first.output()).toContain('Demo accounts');
    const lead = await new Api(first.url).login(DEMO.lead);
    await lead.ok(`mutation { updateProfile(input: { name: "Priya (renamed)" }) { name } }`);
    const postmaster = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

    first.child.kill('SIGKILL');
    await first.exited;

    const second = await spawnServer(env, 120_000);
    try {
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
      const again = await new Api(second.url).login(DEMO.lead);
      expect((await again.ok(`{ me { name } workspaces { id } }`))).toEqual({ me: { name: 'Priya (renamed)' }, workspaces: [expect.any(Object)] });
      expect(alive(postmaster)).toBe(false); // the orphaned postmaster was stopped, not left beside a new one
    } finally {
      const code = await second.stop('SIGTERM');
      expect(code).toBe(0);
    }
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 300_000);
});
