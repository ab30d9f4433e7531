#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by package and by function, and
// inclusive time of our own functions. Usage: node tools/bench/profile-summary.mjs <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

/** `windows`: [fromUs, toUs] ranges of process.hrtime (the profile's clock) to keep; all samples when omitted. */
export function summarize(file, top = 25, windows = null) {
  const profile = typeof file === 'string' ? JSON.parse(readFileSync(file, 'utf8')) : file;
  const nodes = new Map(profile.nodes.map((n) => [n.id, { ...n, self: 0 }]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (!windows || windows.some(([from, to]) => t >= from && t <= to)) nodes.get(id).self += dt / 1000;
  });
  const total = [...nodes.values()].reduce((s, n) => s + n.self, 0);

  const where = (cf) => {
    const url = cf.url ?? '';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    if (pkg) return pkg;
    if (/\/apps\/api\//.test(url)) return 'apps/api';
    if (/\/libs\//.test(url)) return 'libs';
    if (url.startsWith('node:')) return 'node (internal)';
    return cf.functionName ? `(${cf.functionName})` : '(native/other)';
  };
  const key = (cf) => `${cf.functionName || '(anonymous)'} ${(cf.url ?? '').replace(/^.*?(node_modules\/|apps\/|libs\/)/, '$1')}:${cf.lineNumber + 1}`;

  const byPackage = new Map();
  const byFunction = new Map();
  for (const n of nodes.values()) {
    if (!n.self) continue;
    byPackage.set(where(n.callFrame), (byPackage.get(where(n.callFrame)) ?? 0) + n.self);
    byFunction.set(key(n.callFrame), (byFunction.get(key(n.callFrame)) ?? 0) + n.self);
  }
  // inclusive time of our own code: a sample counts once for each distinct apps/api function on its stack
  const inclusive = new Map();
  for (const n of nodes.values()) {
    if (!n.self) continue;
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const cf = nodes.get(id).callFrame;
      if (!/\/apps\/api\//.test(cf.url ?? '')) continue;
      const k = key(cf);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + n.self);
    }
  }
  const rows = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), pct: Math.round((1000 * ms) / total) / 10 }));
  return { totalMs: Math.round(total), byPackage: rows(byPackage), selfByFunction: rows(byFunction), inclusiveApi: rows(inclusive) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = summarize(process.argv[2], Number(process.argv[3] ?? 25));
  console.log(`total sampled: ${s.totalMs} ms`);
  for (const [title, rows] of [
    ['self time by package', s.byPackage],
    ['self time by function', s.selfByFunction],
    ['inclusive time, apps/api functions', s.inclusiveApi],
  ]) {
    console.log(`\n${title}`);
    for (const r of rows) console.log(`  ${String(r.pct).padStart(5)}%  ${String(r.ms).padStart(7)} ms  ${r.name}`);
  }
}
