#!/usr/bin/env node
// `npm start`: builds the web app when its sources are newer than the build, then runs the server
// (TypeScript compiled on the fly by swc). Signals pass through so the server shuts down cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const skipWeb = process.argv.includes('--no-web');

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

if (!skipWeb) {
  const built = join(root, 'dist/apps/web/index.html');
  const sources = Math.max(newest(join(root, 'apps/web')), newest(join(root, 'libs')));
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    process.stdout.write('Building the web app…\n');
    const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '-r', '@swc-node/register', 'apps/api/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { SWC_NODE_PROJECT: 'tsconfig.base.json', ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
// `npm start` runs us under `sh -c`; a SIGTERM sent to npm stops that shell but reaches no further.
// When our parent goes away, stop the server (and its database) cleanly rather than run on orphaned.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) child.kill('SIGTERM');
}, 500).unref();
