#!/usr/bin/env node
// `npm run bench:web`: the web app's initial JavaScript and its time to interactive in headless Chromium.
//
// 1. Builds the app into a temporary directory (or, with --skip-build, reads dist/apps/web) and sums the
//    gzip size of the JavaScript the first page load needs: index.html's entry script, its modulepreload
//    links and anything else the entry imports statically. Exits non-zero when that is over the budget
//    (300 KB, 1 KB = 1,000 bytes; zlib's default level, as Vite's report and a gzip-ing proxy use).
// 2. Starts the API on a fresh database (the machine's PostgreSQL or the embedded one, SEED_DEMO=true), or
//    on a copy of --database-url (e.g. the large workspace's template database `concord_bench_large`),
//    signs in through the form once and then, --runs times, each in a new browser context (empty cache):
//      dashboard  load /w/:id/dashboard
//      editor     load /w/:id/drafts/:documentId (the workspace's largest draft)
//      editor-nav in the loaded app, from the click on the draft's link in the Drafts list
//    Each is timed from navigation start (for editor-nav: the click) to
//      ready  the main content is there: for the dashboard the h1, the plan's timeline and the section nav
//             (whose first link is then focused from outside, to check it takes focus); for the editor the
//             ProseMirror text box, editable, holding the draft's text, with the connection saying "Saved"
//      tti    the end of the last long task (≥ 50 ms) before the first 500 ms without one, not earlier than
//             ready. The classic TTI waits for a 5 s quiet window; 500 ms is used here, so this is the
//             point the main thread first stays free for half a second once the content is in.
//    The editor also gets a keystroke (typed at the end, then deleted): "key" is keydown to the letter
//    being in the DOM. Prints median and p95 of each; writes bench-results/web-<time>.json.
//
// Options: --runs=N (5), --skip-build (measure dist/apps/web), --web-dir=DIR (measure another build, e.g. of
// the previous commit), --database-url=URL (copied with CREATE DATABASE … TEMPLATE, so the
// original is not changed), --email=, --password=, --workspace-id=, --document-id=, --shots=DIR (saves a
// screenshot of the dashboard and of the editor), --budget-kb=300, --size-only (no browser), --large (the
// large workspace: --database-url of concord_bench_large from tools/bench/large-workspace.mjs, as its lead).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { createOursDatabase, machineCpu, startOurs } from './servers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const a = argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : dflt;
};
const RUNS = Number(opt('runs', 5));
const BUDGET_BYTES = Number(opt('budget-kb', 300)) * 1000;
// --large: the large workspace of tools/bench/large-workspace.mjs (generate it first), as its lead.
const LARGE = argv.includes('--large') ? await import('./large-workspace.mjs') : undefined;
const DATABASE_URL = opt('database-url', LARGE && LARGE.ADMIN_URL.replace(/\/[^/]*$/, `/${LARGE.DEPLOYMENTS.large.template}`));
const EMAIL = opt('email', LARGE?.BENCH_LEAD_EMAIL ?? 'lead@demo.concord.test');
const PASSWORD = opt('password', LARGE?.BENCH_PASSWORD ?? process.env.DEMO_PASSWORD ?? 'concord-demo');
const SHOTS = opt('shots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const QUIET_MS = 500;

// ---------------------------------------------------------------- 1. initial JavaScript

function build() {
  if (argv.includes('--skip-build') || opt('web-dir')) {
    const dir = resolve(opt('web-dir', join(root, 'dist/apps/web')));
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} has no build: run without --skip-build`);
    return { dir, cleanup: () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'concord-web-bench-'));
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const gz = (file) => gzipSync(readFileSync(file)).length;

/** Chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
function staticImports(dir, file) {
  const code = readFileSync(join(dir, 'assets', file), 'utf8');
  const out = new Set();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["']\.\/([^"']+\.js)["']/g)) out.add(m[1]);
  return [...out];
}

function measureSize(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const preloaded = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  // The entry's static import closure: what runs before the first render, preloaded or not.
  const initial = new Set(entry);
  for (const queue = [...entry]; queue.length; ) {
    for (const dep of staticImports(dir, queue.shift())) {
      if (initial.has(dep)) continue;
      initial.add(dep);
      queue.push(dep);
    }
  }
  for (const f of preloaded) initial.add(f);
  const notPreloaded = [...initial].filter((f) => !entry.includes(f) && !preloaded.includes(f));
  const chunks = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  const sizes = Object.fromEntries(chunks.map((f) => [f, { raw: readFileSync(join(dir, 'assets', f)).length, gzip: gz(join(dir, 'assets', f)) }]));
  const sum = (files, k = 'gzip') => files.reduce((a, f) => a + sizes[f][k], 0);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/assets\/([^"]+\.css)"/g)].map((m) => m[1]);
  return {
    initial: [...initial].map((f) => ({ file: f, ...sizes[f] })).sort((a, b) => b.gzip - a.gzip),
    initialGzip: sum([...initial]),
    initialRaw: sum([...initial], 'raw'),
    notPreloaded,
    initialCssGzip: css.reduce((a, f) => a + gz(join(dir, 'assets', f)), 0),
    allGzip: sum(chunks),
    allRaw: sum(chunks, 'raw'),
    chunkCount: chunks.length,
    lazy: chunks.filter((f) => !initial.has(f)).map((f) => ({ file: f, ...sizes[f] })).sort((a, b) => b.gzip - a.gzip).slice(0, 8),
  };
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

// ---------------------------------------------------------------- 2. time to interactive

/** Installed before the app's scripts: long tasks, the clicks' and keydowns' times. */
function instrument() {
  const b = (window.__bench = { longTasks: [], clicks: [], keydowns: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    b.noLongTasks = true;
  }
  document.addEventListener('click', (e) => b.clicks.push(e.timeStamp), true);
  document.addEventListener('keydown', (e) => b.keydowns.push(e.timeStamp), true);
}

/** Resolves once `ready` (a page function that returns true) holds, polled each animation frame. */
async function waitReady(page, ready, arg, timeout = 60_000) {
  const waited = page.waitForFunction(
    ([src, a]) => {
      const ok = new Function('a', `return (${src})(a)`)(a);
      if (ok && window.__bench.readyAt === undefined) window.__bench.readyAt = performance.now();
      return ok;
    },
    [ready.toString(), arg],
    { polling: 'raf', timeout },
  );
  try {
    await waited;
  } catch (e) {
    const shot = join(tmpdir(), `web-bench-timeout-${Date.now()}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    const state = await page
      .evaluate(() => ({ url: location.href, h1: document.querySelector('h1')?.textContent, connection: document.querySelector('[data-connection]')?.getAttribute('data-connection'), editorChars: document.querySelector('.ProseMirror')?.textContent.length }))
      .catch(() => ({}));
    throw new Error(`not ready after ${timeout} ms (${JSON.stringify(state)}; screenshot ${shot}): ${e.message}`);
  }
}

/**
 * Waits until QUIET_MS have passed without a long task after ready; returns the page's figures (ms from
 * `since`: its time origin, i.e. navigation start, or the click). tti is taken in the same evaluation that
 * sees the quiet window, so a later long task does not move it.
 */
async function settle(page, since = 0) {
  const handle = await page.waitForFunction(
    ([quiet, since]) => {
      const b = window.__bench;
      const mine = b.longTasks.filter(([s]) => s >= since);
      const lastEnd = Math.max(b.readyAt, ...mine.map(([, e]) => e));
      if (performance.now() - lastEnd < quiet) return false;
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        ready: b.readyAt - since,
        tti: lastEnd - since,
        fcp: since === 0 && paint ? paint.startTime : undefined,
        domContentLoaded: since === 0 && nav ? nav.domContentLoadedEventEnd : undefined,
        longTasks: mine.length,
        longTaskMs: mine.reduce((a, [s, e]) => a + e - s, 0),
        noLongTasks: b.noLongTasks,
      };
    },
    [QUIET_MS, since],
    { polling: 50, timeout: 60_000 },
  );
  return handle.jsonValue();
}

const dashboardReady = () => {
  const nav = document.querySelector('nav[aria-label="Workspace sections"]');
  return !!(document.querySelector('main h1') && document.querySelector('figure.plan-timeline, [data-testid="plan-dates"]') && nav && nav.querySelector('a[href]'));
};

const editorReady = (minChars) => {
  const el = document.querySelector('.ProseMirror[contenteditable="true"]');
  const status = document.querySelector('[data-connection]');
  return !!(el && status && status.getAttribute('data-connection') === 'saved' && (el.textContent ?? '').length >= minChars);
};

/** Types a letter at the end of the draft and deletes it; returns keydown → letter in the DOM (ms). */
async function keystroke(page) {
  const box = page.locator('.ProseMirror[contenteditable="true"]');
  await box.evaluate((el) => {
    el.focus();
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('.collaboration-carets__caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let last = null;
    while (texts.nextNode()) last = texts.currentNode;
    const range = document.createRange();
    if (last) range.setStart(last, last.length);
    else range.setStart(el, el.childNodes.length);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    const before = el.textContent.length;
    window.__bench.echo = new Promise((res) => {
      const mo = new MutationObserver(() => {
        if (el.textContent.length > before) {
          mo.disconnect();
          res(performance.now());
        }
      });
      mo.observe(el, { subtree: true, characterData: true, childList: true });
    });
  });
  await page.waitForTimeout(50); // ProseMirror reads the new selection on selectionchange
  await page.keyboard.press('q');
  const ms = await page.evaluate(async () => {
    const at = await window.__bench.echo;
    return at - window.__bench.keydowns.at(-1);
  });
  await page.keyboard.press('Backspace');
  return ms;
}

async function pickTarget(adminUrl, email) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT d.id AS document_id, d.title, d.workspace_id, w.name AS workspace_name, m.role,
              coalesce(length(s.state), 0) AS snapshot_bytes, coalesce(u.n, 0)::int AS updates, coalesce(u.bytes, 0)::int AS update_bytes
         FROM documents d
         JOIN workspaces w ON w.id = d.workspace_id
         JOIN members m ON m.workspace_id = d.workspace_id
         JOIN users us ON us.id = m.user_id AND lower(us.email) = lower($1)
         LEFT JOIN document_snapshots s ON s.document_id = d.id
         LEFT JOIN LATERAL (SELECT count(*) AS n, sum(length(data)) AS bytes FROM document_updates WHERE document_id = d.id) u ON true
        WHERE ($2::uuid IS NULL OR d.workspace_id = $2::uuid) AND ($3::uuid IS NULL OR d.id = $3::uuid)
        ORDER BY m.role IN ('REVIEWER', 'OBSERVER'), coalesce(length(s.state), 0) + coalesce(u.bytes, 0) DESC LIMIT 1`,
      [email, opt('workspace-id') ?? null, opt('document-id') ?? null],
    );
    if (!rows[0]) throw new Error(`${email} is a member of no workspace with a draft`);
    const counts = await c.query(
      `SELECT (SELECT count(*) FROM documents WHERE workspace_id = $1)::int AS documents,
              (SELECT count(*) FROM members WHERE workspace_id = $1)::int AS members`,
      [rows[0].workspace_id],
    );
    return { ...rows[0], ...counts.rows[0] };
  } finally {
    await c.end();
  }
}

/** A copy of --database-url's database, dropped at the end. */
async function copyDatabase(url) {
  const src = new URL(url);
  const template = decodeURIComponent(src.pathname.slice(1));
  const name = `concord_webbench_${randomBytes(4).toString('hex')}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`CREATE DATABASE ${name} TEMPLATE "${template.replace(/"/g, '""')}"`);
  await c.end();
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-web-bench-data-'));
  return {
    kind: `copy of ${template}`,
    dataDir,
    databaseUrl: copy.toString(),
    adminUrl: () => copy.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: admin.toString() });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};

async function measureTti(webDir) {
  const db = DATABASE_URL ? await copyDatabase(DATABASE_URL) : await createOursDatabase();
  let server;
  let browser;
  try {
    server = await startOurs(root, db, { extraEnv: { WEB_DIST: webDir, ...(LARGE ? { SESSION_SECRET: LARGE.BENCH_SESSION_SECRET } : {}) } });
    const target = await pickTarget(db.adminUrl(), EMAIL);
    console.log(`\nServer on ${db.kind} database; workspace "${target.workspace_name}" (${target.documents} drafts, ${target.members} members); draft "${target.title}" (snapshot ${kB(target.snapshot_bytes)} + ${target.updates} updates of ${kB(target.update_bytes)}); signed in as ${EMAIL} (${target.role})`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const viewport = { width: 1280, height: 900 };

    // Sign in through the form once; each run starts from its session cookie in a new context.
    const first = await browser.newContext({ baseURL: server.base, viewport });
    const signInPage = await first.newPage();
    await signInPage.goto('/sign-in');
    await signInPage.getByLabel('Email address').fill(EMAIL);
    await signInPage.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await signInPage.getByRole('button', { name: 'Sign in' }).click();
    await signInPage.waitForURL(/\/w\/[^/]+\/dashboard$/);
    const storageState = await first.storageState();
    await first.close();

    const ws = target.workspace_id;
    const dashboardUrl = `/w/${ws}/dashboard`;
    const editorUrl = `/w/${ws}/drafts/${target.document_id}`;
    // "Loaded" = at least most of the draft's text: its length as the server has it is not known here,
    // so the first load's text length (once "Saved") is taken as the reference for the later runs.
    let minChars = 1;
    const results = { dashboard: [], editor: [], 'editor-nav': [] };
    // The first pass after the server starts: its first load of the draft (all its updates from the
    // database) and cold query plans; reported apart, not in the medians.
    const warm = { dashboard: [], editor: [], 'editor-nav': [] };
    const newPage = async () => {
      const context = await browser.newContext({ baseURL: server.base, viewport, storageState });
      context.setDefaultNavigationTimeout(120_000);
      context.setDefaultTimeout(120_000);
      await context.addInitScript(instrument);
      return { context, page: await context.newPage() };
    };

    // Before each load: the server answers /healthz within 200 ms, so a backlog of its own (folding the
    // draft's log after the keystroke, say) is not counted as the app's time. The waits are reported.
    const serverWaits = [];
    const serverIdle = async () => {
      const t0 = performance.now();
      for (;;) {
        const t = performance.now();
        const ok = await fetch(`${server.base}/healthz`, { signal: AbortSignal.timeout(600_000) }).then((r) => r.ok, () => false);
        if (ok && performance.now() - t < 200) break;
        if (performance.now() - t0 > 900_000) throw new Error('the server stayed busy for 15 minutes');
        await new Promise((r) => setTimeout(r, 500));
      }
      serverWaits.push(performance.now() - t0);
    };

    for (let run = 0; run <= RUNS; run++) {
      const warmup = run === 0; // the server's first queries (plans, caches) are not the app's
      {
        await serverIdle();
        const { context, page } = await newPage();
        await page.goto(dashboardUrl, { waitUntil: 'commit' });
        await waitReady(page, dashboardReady);
        const m = await settle(page);
        const link = page.getByRole('navigation', { name: 'Workspace sections' }).getByRole('link').first();
        await link.focus();
        m.navFocusable = await link.evaluate((el) => document.activeElement === el);
        (warmup ? warm : results).dashboard.push(m);
        if (SHOTS && run === RUNS) await page.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });

        // In the loaded app: Drafts, then the draft's link (both pages are lazily loaded chunks).
        await page.getByRole('navigation', { name: 'Workspace sections' }).getByRole('link', { name: 'Drafts' }).click();
        const draftLink = page.locator(`a[href$="/drafts/${target.document_id}"]`).first();
        await draftLink.waitFor({ timeout: 120_000 });
        await page.waitForTimeout(QUIET_MS);
        await serverIdle();
        const clicksBefore = await page.evaluate(() => {
          window.__bench.readyAt = undefined;
          return window.__bench.clicks.length;
        });
        await draftLink.click();
        const since = await page.evaluate((n) => window.__bench.clicks[n], clicksBefore);
        await waitReady(page, editorReady, minChars, warmup ? 600_000 : 60_000);
        const nav = await settle(page, since);
        (warmup ? warm : results)['editor-nav'].push(nav);
        await context.close();
      }
      {
        await serverIdle();
        const { context, page } = await newPage();
        await page.goto(editorUrl, { waitUntil: 'commit' });
        await waitReady(page, editorReady, minChars, warmup ? 600_000 : 60_000);
        const m = await settle(page);
        m.chars = await page.locator('.ProseMirror').evaluate((el) => el.textContent.length);
        if (warmup) minChars = Math.max(1, Math.floor(m.chars * 0.9));
        if (SHOTS && run === RUNS) await page.screenshot({ path: join(SHOTS, 'editor.png') });
        m.key = await keystroke(page);
        (warmup ? warm : results).editor.push(m);
        await context.close();
      }
      if (warmup) {
        const r = (k) => Math.round(warm[k][0].ready);
        process.stdout.write(`warm-up: dashboard ready ${r('dashboard')} ms, editor-nav ${r('editor-nav')} ms, editor ${r('editor')} ms; runs: `);
      } else process.stdout.write(`${run} `);
    }
    console.log();
    return { target: { ...target, minChars }, database: db.kind, results, warmup: warm, serverWaits };
  } finally {
    await browser?.close();
    await server?.stop();
    await db.drop();
  }
}

// ---------------------------------------------------------------- main

const cpuBefore = machineCpu();
const loadBefore = loadavg();
const { dir, cleanup } = build();
const size = measureSize(dir);
console.log(`Initial JavaScript (entry + what it imports statically / preloads), gzip: ${kB(size.initialGzip)} (raw ${kB(size.initialRaw)}; budget ${kB(BUDGET_BYTES)})`);
for (const c of size.initial) console.log(`  ${c.file.padEnd(40)} ${kB(c.gzip).padStart(9)}  (raw ${kB(c.raw)})`);
if (size.notPreloaded.length) console.log(`  statically imported but not preloaded: ${size.notPreloaded.join(', ')}`);
console.log(`Initial CSS, gzip: ${kB(size.initialCssGzip)}`);
console.log(`All ${size.chunkCount} JavaScript chunks, gzip: ${kB(size.allGzip)} (raw ${kB(size.allRaw)}); largest lazy ones:`);
for (const c of size.lazy) console.log(`  ${c.file.padEnd(40)} ${kB(c.gzip).padStart(9)}`);
const overBudget = size.initialGzip > BUDGET_BYTES;

let tti;
if (!argv.includes('--size-only')) {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  try {
    tti = await measureTti(dir);
  } finally {
    cleanup();
  }
  const cpuAfter = machineCpu();
  const busy = (cpuAfter.busy - cpuBefore.busy) / (cpuAfter.total - cpuBefore.total);
  const chromiumVersion = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`\nTime to interactive, ${RUNS} runs (after one warm-up), ms from navigation start (editor-nav: from the click); ready = content in, tti = + ${QUIET_MS} ms without long tasks`);
  console.log(`${'page'.padEnd(11)} ${'FCP'.padStart(13)} ${'ready'.padStart(13)} ${'tti'.padStart(13)} ${'long tasks'.padStart(16)} ${'key'.padStart(11)}`);
  const fmt = (xs) => (xs.some((x) => x === undefined) ? '—' : `${Math.round(quantile(xs, 0.5))} / ${Math.round(quantile(xs, 0.95))}`);
  for (const [name, rs] of Object.entries(tti.results)) {
    const lt = `${fmt(rs.map((r) => r.longTasks)).split(' / ')[0]} (${Math.round(quantile(rs.map((r) => r.longTaskMs), 0.5))} ms)`;
    console.log(`${name.padEnd(11)} ${fmt(rs.map((r) => r.fcp)).padStart(13)} ${fmt(rs.map((r) => r.ready)).padStart(13)} ${fmt(rs.map((r) => r.tti)).padStart(13)} ${lt.padStart(16)} ${fmt(rs.map((r) => r.key)).padStart(11)}`);
  }
  console.log('(median / p95; long tasks: median count and time)');
  const waits = tti.serverWaits.filter((ms) => ms > 1000);
  if (waits.length) console.log(`Waited for the server to be idle before ${waits.length} load(s): ${waits.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  if (tti.results.dashboard.some((r) => !r.navFocusable)) console.log('WARNING: the section nav did not take focus in some run');
  console.log(`Machine: ${availableParallelism()} cores, Node ${process.version}, ${chromiumVersion}; CPU busy during the run ${(busy * 100).toFixed(0)} % (all processes), load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} before`);
  tti.machine = { cores: availableParallelism(), node: process.version, chromium: chromiumVersion, cpuBusy: busy, loadBefore };
} else cleanup();

const outDir = join(root, 'bench-results');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, `web-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ size, budgetBytes: BUDGET_BYTES, quietWindowMs: QUIET_MS, runs: RUNS, ...tti }, null, 2));
console.log(`Wrote ${out}`);
if (overBudget) {
  console.error(`FAIL: the initial JavaScript is ${kB(size.initialGzip)} gzip, over the ${kB(BUDGET_BYTES)} budget`);
  process.exit(1);
}
