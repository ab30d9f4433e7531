#!/usr/bin/env node
// What Yjs's two builds cost for the server's work, in CPU time (process.cpuUsage, best of several runs,
// so that other work on the machine matters less): applying a long draft's state, reading its state
// vector from the update, and checking one typing update on a scratch document (the server does that
// to every incoming update). The API loads the ES module build (apps/api/src/yjs-esm.ts); this shows why.
// (Loading both builds in one process makes Yjs print its "already imported" warning: expected here.)
//   node tools/bench/yjs-build-cost.cjs
const { join } = require('node:path');

const dist = join(__dirname, '../../node_modules/yjs/dist');
const builds = { cjs: require(join(dist, 'yjs.cjs')), esm: require(join(dist, 'yjs.mjs')) };

function history(Y) {
  let seed = 7;
  const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const doc = new Y.Doc();
  const updates = [];
  doc.on('update', (u) => updates.push(u));
  const text = new Y.XmlText();
  doc.getXmlFragment('default').insert(0, [text]);
  for (let i = 0; i < 20000; i++) {
    text.insert(Math.floor(r() * (text.length + 1)), `w${i} `);
    if (i % 3 === 0) text.delete(Math.floor(r() * text.length), 1);
  }
  return { full: Y.encodeStateAsUpdate(doc), updates };
}

const best = (f, n) => {
  let b = Infinity;
  for (let k = 0; k < n; k++) {
    const t0 = process.cpuUsage();
    f();
    const u = process.cpuUsage(t0);
    b = Math.min(b, (u.user + u.system) / 1e3);
  }
  return b;
};

const { full, updates } = history(builds.cjs);
const sample = updates.slice(10000, 12000);
console.log(`a draft of ${full.byteLength} bytes from ${updates.length} updates; CPU ms, best of 7 (check: per update, µs)`);
for (let round = 0; round < 2; round++) {
  for (const [name, Y] of Object.entries(builds)) {
    const apply = best(() => Y.applyUpdate(new Y.Doc(), full), 7);
    const sv = best(() => Y.encodeStateVectorFromUpdate(full), 7);
    const check = (best(() => sample.forEach((u) => Y.applyUpdate(new Y.Doc({ guid: 'check' }), u)), 5) / sample.length) * 1000;
    console.log(`${name}: apply ${apply.toFixed(1)} ms, state vector ${sv.toFixed(1)} ms, check ${check.toFixed(1)} µs`);
  }
}
