#!/usr/bin/env node
// What loading the (e) document costs, outside any server: the 30,000-word, 50,000-update history
// folded 500 updates at a time with Y.mergeUpdates (the API's compaction today) or as an integrated
// state (Y.encodeStateAsUpdate of a Y.Doc), applied with yjs's CommonJS build (what the API loads
// through @swc-node/register) and its ES module build. Usage: node tools/bench/snapshot-load-cost.mjs
// (Yjs warns that it "was already imported": expected, both builds are loaded on purpose.)
import { createRequire } from 'node:module';
import * as esm from 'yjs';

const cjs = createRequire(import.meta.url)('yjs');
const VOCABULARY = 'the guidance sets out how universities colleges and nhs mental health services share information about students at risk'.split(' ');
let seed = 1;
const word = () => VOCABULARY[(seed = (seed * 1103515245 + 12345) % 2147483648) % VOCABULARY.length];

// the same history as collab-bench.mjs buildHistory: a word per update, a typo typed and deleted every third word
const doc = new esm.Doc();
const updates = [];
doc.on('update', (u) => updates.push(u));
const fragment = doc.getXmlFragment('default');
let text;
for (let i = 0; i < 30_000; i++) {
  if (i % 100 === 0) {
    doc.transact(() => {
      const p = new esm.XmlElement('paragraph');
      text = new esm.XmlText();
      p.insert(0, [text]);
      fragment.insert(fragment.length, [p]);
      text.insert(0, word());
    });
  } else text.insert(text.length, ` ${word()}`);
  if (i % 3 === 2) {
    const at = text.length;
    text.insert(at, ' teh');
    text.delete(at, 4);
  }
}
let merged = null;
for (let i = 0; i < updates.length; i += 500) merged = esm.mergeUpdates([...(merged ? [merged] : []), ...updates.slice(i, i + 500)]);
const integrated = esm.encodeStateAsUpdate(doc);

const median = (f) => {
  const times = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[4].toFixed(1);
};
console.log(`${updates.length} updates; merged snapshot ${merged.byteLength} bytes, integrated state ${integrated.byteLength} bytes`);
for (const [name, Y] of [
  ['yjs CommonJS build', cjs],
  ['yjs ES module build', esm],
]) {
  console.log(`${name}: apply merged ${median(() => Y.applyUpdate(new Y.Doc(), merged))} ms, apply integrated ${median(() => Y.applyUpdate(new Y.Doc(), integrated))} ms (median of 9)`);
}
