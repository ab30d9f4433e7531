#!/usr/bin/env node
// Summary of a sampling heap profile (collab-bench --alloc-profile=FILE): bytes allocated per function,
// then per call path (the innermost frames), largest first.
// Usage: node tools/bench/alloc-summary.mjs FILE [rows=25]
import { readFileSync } from 'node:fs';

const [file, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const name = (f) => `${f.functionName || '(anonymous)'} ${f.url.replace(/.*node_modules\//, '').replace(/^.*?\/(apps|libs|tools)\//, '$1/')}:${f.lineNumber + 1}`;
const byFunction = new Map();
const byPath = new Map();
let total = 0;
(function walk(node, stack) {
  const here = [...stack, name(node.callFrame)];
  if (node.selfSize > 0) {
    total += node.selfSize;
    byFunction.set(here.at(-1), (byFunction.get(here.at(-1)) ?? 0) + node.selfSize);
    const path = here.slice(-5).reverse().join(' < ');
    byPath.set(path, (byPath.get(path) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, here);
})(profile.head, []);
const mb = (b) => (b / 2 ** 20).toFixed(1).padStart(7);
console.log(`allocated (sampled): ${mb(total)} MB\n\nby function`);
for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${mb(v)} MB  ${k}`);
console.log('\nby call path (innermost five frames)');
for (const [k, v] of [...byPath].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${mb(v)} MB  ${k}`);
