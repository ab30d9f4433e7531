#!/usr/bin/env node
// Crash and fault scripts, long form, by hand:
//
//   nice -n 19 node tools/security/faults.mjs --kill-reps=20 --compaction-runs=1000 --outage [--max-minutes=15]
//
// Runs apps/api/test/security/faults.spec.ts (the short form CI runs: 3 kills, 50 compaction runs, one
// outage) with the given sizes and prints the figures of each scenario:
//   kill -9 of the server during a 50-client edit storm, --kill-reps times: updates written, relayed to
//     another client before the kill, and lost from the reloaded document (must be 0);
//   --outage: the private PostgreSQL of the test crashed (immediate shutdown) and restarted under load:
//     /healthz 503 during it and 200 after, GraphQL's coded errors, updates written during the outage,
//     relayed uncommitted (must be 0), lost (must be 0);
//   compaction racing writes, --compaction-runs documents: runs, writes, compactions by the second
//     compactor, mismatched stored states and lost updates (must be 0).
// Without --outage the outage scenario is left out. --max-minutes bounds the run: the kill reps and the
// compaction runs each get a share of it (the outage takes about a minute), no new rep or run starts once
// its share is spent, and the figures say how many ran (e.g. reps=14/20) — on a loaded machine a server
// start alone can take 20 s. The database is TEST_DATABASE_URL when set (the
// test creates and drops its own databases there; the outage uses a private PostgreSQL regardless), else
// an embedded one started by the test's global setup. Exit code: the test run's.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      process.stderr.write(`unknown argument ${a}\nusage: node tools/security/faults.mjs [--kill-reps=N] [--compaction-runs=N] [--outage]\n`);
      process.exit(64);
    }
    return [m[1], m[2] ?? 'true'];
  }),
);
const known = new Set(['kill-reps', 'compaction-runs', 'outage', 'max-minutes']);
for (const k of Object.keys(args)) {
  if (!known.has(k)) {
    process.stderr.write(`unknown option --${k}\n`);
    process.exit(64);
  }
}
const killReps = Number(args['kill-reps'] ?? 20);
const compactionRuns = Number(args['compaction-runs'] ?? 1000);
const outage = args.outage === 'true';
const maxMinutes = args['max-minutes'] === undefined ? null : Number(args['max-minutes']);
if (maxMinutes !== null && !(maxMinutes > 2)) {
  process.stderr.write('--max-minutes takes a number above 2\n');
  process.exit(64);
}
// Shares of the budget: startup and the outage first, then half each for the kills and the compaction runs.
const share = maxMinutes === null ? null : Math.floor(((maxMinutes - (outage ? 2 : 1)) / 2) * 60_000);
if (!Number.isInteger(killReps) || killReps < 1 || !Number.isInteger(compactionRuns) || compactionRuns < 1) {
  process.stderr.write('--kill-reps and --compaction-runs take whole numbers from 1\n');
  process.exit(64);
}

const jest = createRequire(join(ROOT, 'package.json')).resolve('jest/bin/jest');
const jestArgs = [jest, '--ci', '--colors=false', 'apps/api/test/security/faults.spec.ts'];
// The scenarios are named "faults kill -9 …", "faults PostgreSQL crashed …" and "faults compaction …".
if (!outage) jestArgs.push('--testNamePattern', '^faults (kill|compaction)');

process.stdout.write(`faults, long form: ${killReps} kill -9 reps, ${compactionRuns} compaction runs, outage ${outage ? 'on' : 'off'}${maxMinutes === null ? '' : `, at most ${maxMinutes} min`}\n`);
const started = Date.now();
const child = spawn(process.execPath, jestArgs, {
  cwd: ROOT,
  env: {
    ...process.env,
    FAULTS_KILL_REPS: String(killReps),
    FAULTS_COMPACTION_RUNS: String(compactionRuns),
    ...(share === null ? {} : { FAULTS_KILL_BUDGET_MS: String(share), FAULTS_COMPACTION_BUDGET_MS: String(share) }),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const figures = [];
let tail = '';
const onData = (stream) => (chunk) => {
  const text = chunk.toString();
  stream.write(text);
  tail = (tail + text).slice(-200_000);
};
child.stdout.on('data', onData(process.stdout));
child.stderr.on('data', onData(process.stderr));
child.on('exit', (code, signal) => {
  for (const line of tail.split('\n')) if (line.startsWith('FAULTS ') && !line.startsWith('FAULTS kill9-round')) figures.push(line);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  process.stdout.write(`\n=== fault figures (${minutes} min, node ${process.version}) ===\n`);
  for (const f of figures) process.stdout.write(`${f}\n`);
  const anyLost = figures.some((f) => /\b(lost|lostRelayed|lostWritten|mismatched|relayedInOutage)=(?!0\b)\d+/.test(f));
  process.stdout.write(code === 0 && !anyLost ? 'result: every scenario passed, 0 lost\n' : `result: FAILED (exit ${code ?? signal})\n`);
  process.exit(code ?? 1);
});
