#!/usr/bin/env node
// `npm run schema`: regenerates apps/api/schema.gql from the code-first resolvers, by starting the
// server once on a throwaway embedded PostgreSQL and stopping it.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '-r', '@swc-node/register', 'apps/api/src/main.ts'], {
  cwd: root,
  env: {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL')),
    SWC_NODE_PROJECT: 'tsconfig.base.json',
    SCHEMA_FILE: join(root, 'apps/api/schema.gql'),
    PORT: '0',
    SEED_DEMO: 'false',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'concord-schema-')),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
child.stdout.on('data', (d) => {
  out += d;
  if (out.includes('Concord is running at')) {
    console.log('Wrote apps/api/schema.gql');
    child.kill('SIGTERM');
  }
});
child.on('exit', (code) => process.exit(out.includes('Concord is running at') ? 0 : code ?? 1));
