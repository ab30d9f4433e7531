#!/usr/bin/env node
// `npm run bench:graphql`: GraphQL over HTTP on a small and a large workspace (tools/bench/large-workspace.mjs),
// with the documents the web app sends (read from apps/web/src/**/*.graphql). For each operation: the SQL
// statements one request sends (from X-SQL-Statements, CONCORD_COUNT_SQL=1, on a development-mode API) and
// autocannon at a fixed concurrency against an API run as deployed (NODE_ENV=production): p50/p95/p99
// latency and throughput. Prints a table and writes bench-results/graphql-<time>.json.
// `npm run bench` runs tools/bench/collab-bench.mjs first (--with-collab: the other options are passed on to it;
// with a collab-only option such as --servers=, --loads= or --soak-min=, only the collaboration benchmark runs).
// Options: --quick (3 s per operation), --duration=S (default 10), --connections=N (default 16),
//   --datasets=small,large, --ops=Name,Name, --regenerate (generate the template databases again),
//   --profile (CPU profile of the API on the large workspace, summarised per operation),
//   --explain (EXPLAIN ANALYZE of every statement of one request of each operation on the large workspace).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Kind, parse, print, visit } from 'graphql';
import pg from 'pg';
import { BENCH_LEAD_EMAIL, BENCH_PASSWORD, BENCH_SESSION_SECRET, cloneTemplate, describe, ensureTemplate } from './large-workspace.mjs';
import { summarize } from './profile-summary.mjs';
import { cpuMs, waitQuiet } from './servers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const QUICK = argv.includes('--quick');
const DURATION = Number(opt('duration', QUICK ? 3 : 10));
const CONNECTIONS = Number(opt('connections', 16));
const DATASETS = opt('datasets', 'small,large').split(',');
const PROFILE = argv.includes('--profile');
const EXPLAIN = argv.includes('--explain');
const BUDGET = { p95Ms: 30 };
const SLOW_MS = 2000;
const log = (...a) => console.error(`[graphql-bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

// ---------- the web app's documents ----------

function webDocuments() {
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.graphql')) files.push(join(dir, e.name));
    }
  };
  walk(join(root, 'apps/web/src'));
  const operations = new Map();
  const fragments = new Map();
  for (const f of files) {
    for (const def of parse(readFileSync(f, 'utf8')).definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION) operations.set(def.name.value, def);
      else if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
  }
  /** The operation as the web app sends it: itself and the fragments it spreads, transitively. */
  return (name) => {
    const op = operations.get(name);
    if (!op) throw new Error(`no operation ${name} in apps/web/src`);
    const needed = new Map();
    const collect = (node) =>
      visit(node, {
        FragmentSpread(s) {
          if (needed.has(s.name.value)) return;
          const frag = fragments.get(s.name.value);
          needed.set(s.name.value, frag);
          collect(frag);
        },
      });
    collect(op);
    return [op, ...needed.values()].map(print).join('\n\n');
  };
}

/** What the web app sends for each benchmarked screen, signed in as the workspace's lead. */
function operations(doc, ids) {
  return [
    { screen: 'sign-in', name: 'Login', signedIn: false, variables: { input: { email: BENCH_LEAD_EMAIL, password: BENCH_PASSWORD } } },
    { screen: 'workspace list', name: 'Workspaces', variables: {} },
    { screen: 'dashboard', name: 'WorkspaceDashboard', variables: { id: ids.workspaceId, full: true } },
    { screen: 'dashboard', name: 'WorkspacePlan', variables: { workspaceId: ids.workspaceId } },
    { screen: 'dashboard', name: 'DashboardRounds', variables: { workspaceId: ids.workspaceId } },
    { screen: 'dashboard', name: 'RecentActivity', variables: { workspaceId: ids.workspaceId, limit: 10 } },
    { screen: 'draft: annotation panel', name: 'DocumentAnnotationPage', variables: { documentId: ids.documentId, filter: { status: 'OPEN' }, first: 25 } },
    { screen: 'draft: highlights and outline counts', name: 'DocumentAnnotationOverview', variables: { documentId: ids.documentId } },
    { screen: 'round results', name: 'RoundDetail', variables: { id: ids.roundId, votes: true, lead: true } },
    { screen: 'decision log', name: 'DecisionLog', variables: { workspaceId: ids.workspaceId, first: 25 } },
    { screen: 'assessment matrix', name: 'AssessmentMatrix', variables: { workspaceId: ids.workspaceId, first: 20 } },
  ]
    .filter((o) => !opt('ops') || opt('ops').split(',').includes(o.name))
    .map((o) => ({ ...o, query: doc(o.name) }));
}

// ---------- the API ----------

/**
 * `production`: as deployed (NODE_ENV=production, which also switches graphql-js's development-only
 * checks off); such a server refuses to count SQL statements, so counts come from a second,
 * development-mode server on the same database.
 */
async function startApi(databaseUrl, { profileDir, production = false } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-gqlbench-'));
  const env = {
    ...process.env,
    SWC_NODE_PROJECT: 'tsconfig.base.json',
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SESSION_SECRET: BENCH_SESSION_SECRET,
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '10000000',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '10000000',
  };
  delete env.NODE_OPTIONS;
  delete env.NODE_ENV;
  delete env.CONCORD_COUNT_SQL;
  if (production) env.NODE_ENV = 'production';
  else env.CONCORD_COUNT_SQL = EXPLAIN ? 'trace' : '1';
  // BENCH_API_NODE_ARGS adds Node options to the API (e.g. --trace-gc), as BENCH_OURS_NODE_ARGS does in the collab bench.
  const extraArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const args = ['--disable-warning=ExperimentalWarning', ...extraArgs, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '-r', '@swc-node/register', 'apps/api/src/main.ts'];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const traced = [];
  let partial = '';
  child.stderr.on('data', (d) => {
    partial += d;
    const lines = partial.split('\n');
    partial = lines.pop();
    for (const l of lines) {
      if (l.startsWith('SQL-TRACE ')) traced.push(JSON.parse(l.slice(10)));
      else out += l + '\n';
    }
  });
  child.stdout.on('data', (d) => (out += d));
  const port = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`the API did not start:\n${out}`)), 180_000);
    const check = () => {
      const m = /Concord is running at http:\/\/[^:\s]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => rej(new Error(`the API exited (${code}):\n${out.slice(-3000)}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid,
    traced,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function post(base, token, query, variables) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const body = JSON.parse(text);
  if (body.errors && !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return { data: body.data, errors: body.errors?.length ?? 0, firstError: body.errors?.[0], statements: Number(res.headers.get('x-sql-statements')), bytes: text.length };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** autocannon at CONNECTIONS for DURATION s, after 1 s of warm-up; latencies of every response. */
async function load(base, token, op, pid) {
  const request = {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(op.signedIn === false ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query: op.query, variables: op.variables }),
  };
  const run = (limit, onResponse) =>
    new Promise((res, rej) => {
      const inst = autocannon({ url: base, connections: CONNECTIONS, ...limit, requests: [request], timeout: 60 }, (err, r) => (err ? rej(err) : res(r)));
      if (onResponse) inst.on('response', onResponse);
    });
  let warm = 0;
  await run({ duration: 1 }, () => warm++);
  // an operation too slow to answer every connection within the warm-up second is measured over a fixed
  // number of requests (3 per connection) instead of a fixed time, so that its percentiles are real
  const limit = warm >= CONNECTIONS ? { duration: DURATION } : { amount: 3 * CONNECTIONS };
  const times = [];
  const statuses = new Map();
  const cpu0 = cpuMs(pid);
  const t0 = performance.now();
  const from = Number(process.hrtime.bigint() / 1000n);
  const r = await run(limit, (_client, status, _bytes, ms) => {
    times.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const wall = (performance.now() - t0) / 1000;
  const to = Number(process.hrtime.bigint() / 1000n);
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    measuredBy: limit.amount ? `${limit.amount} requests` : `${DURATION} s`,
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    max: times[times.length - 1],
    rps: times.length / wall,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    serverCpuPct: (cpuMs(pid) - cpu0) / 10 / wall,
    // the API's CPU time per request: what the machine's load does not change much (the latencies it does)
    cpuMsPerRequest: (cpuMs(pid) - cpu0) / Math.max(1, times.length),
    window: [from, to],
  };
}

// ---------- EXPLAIN ----------

async function explainAll(url, statements) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const plans = [];
  try {
    for (const s of statements) {
      if (!/^\s*(SELECT|WITH)\b/i.test(s.sql ?? '')) continue;
      const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.sql}`, s.params ?? []);
      const plan = r.rows[0]['QUERY PLAN'][0];
      const seqScans = [];
      const walk = (n) => {
        if (n['Node Type'] === 'Seq Scan') seqScans.push(`${n['Relation Name']} (${n['Actual Rows'] * (n['Actual Loops'] ?? 1)} rows out of ${n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0)} read)`);
        for (const k of n.Plans ?? []) walk(k);
      };
      walk(plan.Plan);
      plans.push({ sql: s.sql.replace(/\s+/g, ' '), ms: plan['Execution Time'], seqScans });
    }
  } finally {
    await c.end();
  }
  return plans;
}

// ---------- main ----------

const fmt = (n, d = 1) => (n === undefined || n === null ? '–' : Number(n).toFixed(d));

async function benchDataset(kind, doc, out) {
  const template = await ensureTemplate(kind, { regenerate: argv.includes('--regenerate') });
  const db = await cloneTemplate(template);
  const ids = await describe(db.url);
  log(`${kind}: ${db.name} ${JSON.stringify(ids.sizes)}`);
  const profileDir = PROFILE && kind === 'large' ? mkdtempSync(join(tmpdir(), 'concord-gqlprof-')) : undefined;
  // The timed API runs as deployed (NODE_ENV=production); the counting one, in development mode, only
  // answers the three single requests that count each operation's statements. Both on the same database.
  const [api, counter] = await Promise.all([startApi(db.url, { profileDir, production: true }), startApi(db.url)]);
  const result = { sizes: ids.sizes, ops: {} };
  out.datasets[kind] = result;
  try {
    const token = (await post(api.base, null, `mutation($e:String!,$p:String!){login(input:{email:$e,password:$p}){token}}`, { e: BENCH_LEAD_EMAIL, p: BENCH_PASSWORD })).data.login.token;
    for (const op of operations(doc, ids)) {
      // requests of the previous load that autocannon stopped waiting for are still being answered
      await waitQuiet(api.pid, { windowMs: 500 });
      // one request at a time: X-SQL-Statements is the counting process's running count, so a request's
      // statements are the difference from the response before (a probe); three requests, each reported
      const counts = [];
      let bytes = 0;
      for (let i = 0; i < 3; i++) {
        const mark = counter.traced.length;
        const before = (await post(counter.base, null, '{ __typename }', {})).statements;
        const r = await post(counter.base, op.signedIn === false ? null : token, op.query, op.variables);
        counts.push(r.statements - before);
        bytes = r.bytes;
        if (r.errors) {
          log(`${kind} ${op.name}: ${r.errors} errors in the response, e.g. ${JSON.stringify(r.firstError).slice(0, 200)}`);
          result.ops[op.name] = { ...result.ops[op.name], responseErrors: r.errors };
        }
        if (EXPLAIN && kind === 'large' && i === 2) result.ops[op.name] = { explain: await explainAll(db.url, counter.traced.slice(mark)) };
      }
      // single requests to the timed API (warming it up), the last one timed
      let single = 0;
      let singleCpu = 0;
      let singleWindow = [];
      for (let i = 0; i < 2 && single < 10 * SLOW_MS; i++) {
        const t = performance.now();
        const c0 = cpuMs(api.pid);
        singleWindow = [Number(process.hrtime.bigint() / 1000n)];
        const r = await post(api.base, op.signedIn === false ? null : token, op.query, op.variables);
        single = performance.now() - t;
        singleCpu = cpuMs(api.pid) - c0;
        singleWindow.push(Number(process.hrtime.bigint() / 1000n));
        if (r.bytes !== bytes) log(`${kind} ${op.name}: ${r.bytes} B from the timed API, ${bytes} B from the counting one`);
      }
      // an operation whose single request takes seconds is not load-tested: 16 of them would only queue
      const l = single < SLOW_MS ? await load(api.base, token, op, api.pid) : { p50: single, p95: single, p99: single, rps: 1000 / single, notLoadTested: true, singleMs: single, cpuMsPerRequest: undefined };
      if (l.notLoadTested) Object.assign(l, { cpuMsPerRequest: singleCpu, window: singleWindow }); // the last single request's

      // the fewest of the three: a count can only be inflated, by the server's own background work between probe
      // and response (the table shows the range when they differ: a request whose statements fail sends fewer)
      result.ops[op.name] = { ...result.ops[op.name], screen: op.screen, statements: Math.min(...counts), statementCounts: counts, responseBytes: bytes, ...l };
      if (l.notLoadTested) log(`${kind} ${op.name}: one request took ${fmt(single, 0)} ms: not load-tested`);
      log(`${kind} ${op.name}: ${counts.join('/')} statements, ${bytes} B, p50 ${fmt(l.p50)} p95 ${fmt(l.p95)} p99 ${fmt(l.p99)} ms, ${fmt(l.rps, 0)} req/s, API CPU ${fmt(l.serverCpuPct, 0)}% (${fmt(l.cpuMsPerRequest)} ms/req), load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
      if (l.non2xx || l.errors) log(`  ${l.non2xx} non-2xx, ${l.errors} errors/timeouts`);
    }
  } finally {
    await Promise.all([api.stop(), counter.stop()]);
    await db.drop();
  }
  if (profileDir) {
    const file = join(profileDir, readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile')));
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    for (const r of Object.values(result.ops)) if (r.window) r.profile = summarize(profile, 12, [r.window]);
    result.profileFile = file;
  }
}

async function main() {
  if (argv.includes('--with-collab')) {
    const collab = spawn(process.execPath, [join(root, 'tools/bench/collab-bench.mjs'), ...argv.filter((a) => a !== '--with-collab')], { cwd: root, stdio: 'inherit' });
    const code = await new Promise((r) => collab.on('exit', r));
    if (code !== 0) process.exit(code ?? 1);
    // a collaboration run narrowed to some servers or loads (or a soak) is that and nothing more
    if (argv.some((a) => /^--(servers|loads|soak-min|ours-root|procs)=/.test(a))) return;
  }
  const started = performance.now();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const pgVersion = await (async () => {
    const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await c.connect();
    const v = (await c.query('SHOW server_version')).rows[0].server_version;
    await c.end();
    return v;
  })();
  const out = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, postgres: pgVersion, loadavgAtStart: loadavg() },
    config: { durationS: DURATION, connections: CONNECTIONS, budget: BUDGET },
    datasets: {},
  };
  const doc = webDocuments();
  for (const kind of DATASETS) await benchDataset(kind, doc, out);
  out.loadavgAtEnd = loadavg();
  out.elapsedS = Math.round((performance.now() - started) / 1000);

  const names = [...new Set(DATASETS.flatMap((k) => Object.keys(out.datasets[k].ops)))];
  const rows = [['operation (screen)', ...DATASETS.flatMap((k) => [`${k} SQL`, `${k} p50/p95/p99 ms`, `${k} req/s`, `${k} API CPU ms/req`]), 'p95 ≤ 30 ms (large)']];
  for (const n of names) {
    const cells = DATASETS.flatMap((k) => {
      const r = out.datasets[k].ops[n];
      if (!r) return ['–', '–', '–', '–'];
      const most = Math.max(...r.statementCounts);
      return [most > r.statements ? `${r.statements}–${most}` : String(r.statements), r.notLoadTested ? `one request: ${fmt(r.singleMs, 0)}` : `${fmt(r.p50)} / ${fmt(r.p95)} / ${fmt(r.p99)}`, r.notLoadTested ? '–' : fmt(r.rps, 0), fmt(r.cpuMsPerRequest)];
    });
    const big = out.datasets.large?.ops[n];
    rows.push([`${n} (${(out.datasets.large ?? out.datasets.small).ops[n].screen})`, ...cells, big ? (big.p95 <= BUDGET.p95Ms ? 'yes' : 'MISS') : '–']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`\nGraphQL over HTTP, ${CONNECTIONS} connections, ${DURATION} s per operation; ${out.machine.cpus} cores, Node ${process.version}, PostgreSQL ${pgVersion}`);
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join(' | '));
  for (const k of DATASETS) console.log(`${k}: ${JSON.stringify(out.datasets[k].sizes)}`);
  const growing = names.filter((n) => out.datasets.small?.ops[n] && out.datasets.large?.ops[n] && out.datasets.small.ops[n].statements !== out.datasets.large.ops[n].statements);
  if (growing.length) console.log(`SQL statements differ between small and large: ${growing.join(', ')}`);
  if (EXPLAIN) {
    for (const [n, r] of Object.entries(out.datasets.large?.ops ?? {})) {
      console.log(`\nEXPLAIN ANALYZE, ${n}:`);
      for (const p of r.explain ?? []) console.log(`  ${fmt(p.ms, 2)} ms${p.seqScans.length ? ` seq scans: ${p.seqScans.join(', ')}` : ''}  ${p.sql.slice(0, 160)}`);
    }
  }
  if (PROFILE) {
    for (const [n, r] of Object.entries(out.datasets.large?.ops ?? {})) {
      if (!r.profile) continue;
      console.log(`\nCPU profile, large ${n}: ${r.profile.totalMs} ms sampled`);
      console.log(`  by package: ${r.profile.byPackage.slice(0, 6).map((x) => `${x.name} ${x.pct}%`).join(', ')}`);
      console.log(`  apps/api inclusive: ${r.profile.inclusiveApi.slice(0, 6).map((x) => `${x.name} ${x.pct}%`).join(', ')}`);
    }
  }
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  const file = join(root, 'bench-results', `graphql-${stamp}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  console.log(`\nwrote ${file} (${out.elapsedS} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
