// The committed schema, the migrations and the entities must agree with the code.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { createDatabase, ROOT, spawnServer } from './support/server';

const run = promisify(execFile);

describe('schema', () => {
  it('apps/api/schema.gql is what the code generates (run `npm run schema` after changing the API)', async () => {
    const db = await createDatabase();
    const out = join(mkdtempSync(join(tmpdir(), 'concord-schema-')), 'schema.gql');
    const server = await spawnServer({ DATABASE_URL: db.url, DATA_DIR: join(tmpdir(), 'concord-schema-data'), SEED_DEMO: 'false', SCHEMA_FILE: out });
    await server.stop();
    await db.drop();
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8'));
  });

  it('migrations produce exactly the tables, columns, indexes and constraints of the entities', async () => {
    const db = await createDatabase();
    try {
      const { stdout } = await run(process.execPath, ['--disable-warning=ExperimentalWarning', '-r', '@swc-node/register', 'apps/api/src/database/check-schema.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: db.url, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      });
      expect(JSON.parse(stdout).pending).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
