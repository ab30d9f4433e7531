// Gives the integration tests a PostgreSQL server: TEST_DATABASE_URL when set, else an embedded one
// in a temporary directory. Each test file then creates its own database on it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) {
    process.env.CONCORD_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  // Loaded with Node's own require (Node ≥ 20.19 loads ES modules that way), outside Jest's module registry.
  const { startEmbeddedPostgres } = await import('../../src/database/embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'concord-test-pg-'));
  const db = await startEmbeddedPostgres(dir, () => undefined);
  (globalThis as { __concordEmbedded?: { stop(): Promise<void> } }).__concordEmbedded = db;
  process.env.CONCORD_TEST_ADMIN_URL = db.url.replace(/\/concord$/, '/postgres');
  process.stdout.write(`\nIntegration tests use an embedded PostgreSQL in ${dir}\n`);
}
