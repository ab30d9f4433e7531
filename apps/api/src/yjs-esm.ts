// Loads Yjs's ES module build wherever the API (or its compaction thread) asks for 'yjs'.
// The API runs as CommonJS, so `require('yjs')` would get yjs.cjs, whose every call into lib0 goes
// through a namespace getter (`_interopNamespaceDefault`; the top frame of a cold load's profile); the
// same work in yjs.mjs costs about half (applying an 860 KB draft: 140-145 vs 77 ms of CPU; its state
// vector: 32 vs 11 ms — tools/bench/yjs-build-cost.cjs). Node 20.19+ can require() an ES module. Every
// `require('yjs')` in the process (ours, y-protocols', the editor schema's) resolves to the one file,
// so there is still a single Yjs. Must be imported before anything that imports 'yjs'.
import Module from 'node:module';

type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve & { concordYjsEsm?: true } };

if (!loader._resolveFilename.concordYjsEsm && process.env.CONCORD_YJS_BUILD !== 'cjs') {
  const original = loader._resolveFilename;
  let esm: string | null = null;
  const resolve: Resolve & { concordYjsEsm?: true } = function (this: unknown, request, parent, ...rest) {
    if (request === 'yjs') {
      esm ??= original.call(this, request, parent, ...rest).replace(/yjs\.cjs$/, 'yjs.mjs');
      return esm;
    }
    return original.call(this, request, parent, ...rest);
  };
  resolve.concordYjsEsm = true;
  loader._resolveFilename = resolve;
}
