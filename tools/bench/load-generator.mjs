// A load-generator process (forked by collab-bench.mjs, driven over IPC). It holds editors of one or
// more rooms, sends edits at an open-loop rate, and measures propagation: an edit's send time and its
// arrival at every other editor of the room in this process, on this process's clock.
//   connect {rooms: [{clients: [url] | stock: {serverUrl, room, params: [..]}}], applyFirst}
//   run {ratePerClient, warmupMs, measureMs, drainMs}  → latency histogram, rates, loss, own CPU
//   join {urls, startAt}                               → per-joiner time to sync step 2 (join storm)
//   hold {urls}                                        → clients that reconnect on their own (backoff with full jitter)
//   resynced {timeoutMs}                               → when each held client was synced again after losing its socket
//   exit
import * as Y from 'yjs';
import WebSocket from 'ws';
import { EMPTY_STATE_VECTOR, EMPTY_UPDATE, Histogram, RawClient, readSync, STEP1, STEP2, syncStep1, syncStep2 } from './protocol.mjs';

process.setMaxListeners(0); // every stock provider adds an 'exit' listener
const rooms = []; // [{ members: Editor[] }]
const byClientId = new Map(); // Y clientID → Editor, for every editor of this process
let window = { start: Infinity, end: -Infinity, hist: new Histogram(), deliveries: 0 };

/** An editor: a client plus what it sent (clock after each edit, send time) and what it has seen. */
function editor(client, room, label) {
  const e = { client, room, label, seq: 0, ends: [], times: [], seen: new Map() };
  return e;
}

/** `observer` now holds `sender`'s edits up to `clock`: each newly covered edit is one delivery. */
function observe(observer, sender, clock, now) {
  let p = observer.seen.get(sender) ?? 0;
  while (p < sender.ends.length && sender.ends[p] <= clock) {
    const sentAt = sender.times[p];
    if (sentAt >= window.start && sentAt < window.end) window.hist.add(now - sentAt);
    if (now >= window.start && now < window.end) window.deliveries++;
    p++;
  }
  observer.seen.set(sender, p);
}

async function connect({ rooms: specs, applyFirst = true }) {
  const pending = [];
  for (const spec of specs) {
    const room = { members: [] };
    rooms.push(room);
    if (spec.clients) {
      spec.clients.forEach((url, i) => {
        const client = new RawClient(url, { apply: applyFirst && i === 0, name: `editor ${i}` });
        const e = editor(client, room, `c${i}`);
        // the first `editors` clients of a room edit; the others only read (to observe a lone editor)
        e.editing = spec.editors === undefined || i < spec.editors;
        client.onUpdate = (update, now) => {
          for (const [id, clock] of Y.parseUpdateMeta(update).to) {
            const sender = byClientId.get(id);
            if (sender && sender !== e && sender.room === room) observe(e, sender, clock, now);
          }
        };
        room.members.push(e);
        pending.push(client.connect());
      });
    } else {
      const { WebsocketProvider } = await import('y-websocket');
      spec.stock.params.forEach((params, i) => {
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(spec.stock.serverUrl, spec.stock.room, doc, { params, WebSocketPolyfill: WebSocket, disableBc: true });
        const client = new StockClient(doc, provider);
        const e = editor(client, room, `s${i}`);
        doc.on('afterTransaction', (tr) => {
          if (tr.local) return;
          const now = performance.now();
          for (const [id, clock] of tr.afterState) {
            if (clock === (tr.beforeState.get(id) ?? 0)) continue;
            const sender = byClientId.get(id);
            if (sender && sender !== e && sender.room === room) observe(e, sender, clock, now);
          }
        });
        room.members.push(e);
        pending.push(client.connect());
      });
    }
  }
  await Promise.all(pending);
  for (const room of rooms) for (const e of room.members) byClientId.set(e.client.id, e);
  return { clients: rooms.reduce((n, r) => n + r.members.length, 0) };
}

/** The stock y-websocket client, with the same `edit` as RawClient. */
class StockClient {
  constructor(doc, provider) {
    this.doc = doc;
    this.provider = provider;
    this.text = null;
  }
  get id() {
    return this.doc.clientID;
  }
  connect() {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('stock client did not sync')), 30_000);
      this.provider.once('sync', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  edit(str) {
    this.doc.transact(() => {
      if (!this.text) {
        const fragment = this.doc.getXmlFragment('default');
        const paragraph = new Y.XmlElement('paragraph');
        this.text = new Y.XmlText();
        paragraph.insert(0, [this.text]);
        fragment.insert(fragment.length, [paragraph]);
      }
      this.text.insert(this.text.length, str);
    });
    return Y.getState(this.doc.store, this.doc.clientID);
  }
  close() {
    this.provider.awareness.destroy();
    this.provider.destroy();
    this.doc.destroy();
  }
}

function missing() {
  let n = 0;
  for (const room of rooms) {
    for (const o of room.members) for (const s of room.members) if (o !== s) n += s.ends.length - (o.seen.get(s) ?? 0);
  }
  return n;
}

/** Edits at `ratePerClient` from every editor for warmup + measure, then waits for the stragglers. */
async function run({ ratePerClient, warmupMs, measureMs, drainMs }) {
  const editors = rooms.flatMap((r) => r.members.filter((m) => m.editing !== false)).sort(() => Math.random() - 0.5);
  const total = ratePerClient * editors.length;
  const t0 = performance.now();
  window = { start: t0 + warmupMs, end: t0 + warmupMs + measureMs, hist: new Histogram(), deliveries: 0 };
  let sent = 0;
  let sentInWindow = 0;
  let cpu0, elu0, frames0, at0, cpu, elu, frames, cpuWindowMs;
  const framesIn = () => editors.reduce((n, e) => n + (e.client.framesIn ?? 0), 0);
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (!cpu0 && now >= window.start) {
        at0 = now;
        cpu0 = process.cpuUsage();
        elu0 = performance.eventLoopUtilization();
        frames0 = framesIn();
      }
      if (now >= window.end) {
        cpuWindowMs = now - at0; // a late timer stretches the window: CPU % is over the time actually spanned
        cpu = process.cpuUsage(cpu0);
        elu = performance.eventLoopUtilization(elu0);
        frames = framesIn() - frames0;
        return resolve();
      }
      const due = Math.floor(((now - t0) * total) / 1000);
      for (; sent < due; sent++) {
        const e = editors[sent % editors.length];
        e.seq++;
        const at = performance.now();
        e.ends.push(e.client.edit(` ${e.label}#${e.seq}`));
        e.times.push(at);
        if (at >= window.start) sentInWindow++;
      }
      setTimeout(tick, 1);
    };
    tick();
  });
  const drainStart = performance.now();
  while (missing() > 0 && performance.now() - drainStart < drainMs) await new Promise((r) => setTimeout(r, 20));
  // A full replica (the first editor of each room here) must hold every edit of its room's editors.
  let unapplied = 0;
  for (const room of rooms) {
    const replica = room.members[0].client;
    if (!replica.apply && !(replica instanceof StockClient)) continue;
    for (const s of room.members) if (s.ends.length && Y.getState(replica.doc.store, s.client.id) < s.ends[s.ends.length - 1]) unapplied++;
  }
  return {
    offered: total,
    sentInWindow,
    deliveries: window.deliveries,
    frames: editors.some((e) => e.client instanceof StockClient) ? null : frames,
    hist: window.hist.toJSON(),
    missing: missing(),
    unapplied,
    cpuMs: (cpu.user + cpu.system) / 1000,
    cpuWindowMs,
    elu: elu.utilization,
    measureMs,
  };
}

/** Join storm: every socket opens at `startAt` (process.hrtime, shared by all processes) and asks for the whole document. */
async function join({ urls, startAt, timeoutMs = 60_000, verify = true }) {
  const start = BigInt(startAt);
  while (process.hrtime.bigint() < start - 2_000_000n) await new Promise((r) => setTimeout(r, 1));
  while (process.hrtime.bigint() < start);
  const ms = () => Number(process.hrtime.bigint() - start) / 1e6;
  const sockets = [];
  const results = await Promise.all(
    urls.map(
      (url, i) =>
        new Promise((resolve) => {
          const r = { openMs: null, syncMs: null, bytes: 0, error: null };
          const updates = [];
          const ws = new WebSocket(url, { perMessageDeflate: false });
          sockets.push(ws);
          const timer = setTimeout(() => resolve({ ...r, error: 'timeout' }), timeoutMs);
          ws.on('open', () => {
            r.openMs = ms();
            ws.send(syncStep1(EMPTY_STATE_VECTOR));
          });
          ws.on('message', (data) => {
            r.bytes += data.length;
            const sync = readSync(data);
            if (!sync) return;
            if (sync.kind === STEP1) return ws.send(syncStep2(EMPTY_UPDATE));
            if (verify && i === 0) updates.push(sync.payload);
            if (sync.kind !== STEP2) return;
            r.syncMs = ms();
            clearTimeout(timer);
            if (verify && i === 0) {
              // not timed: prove the bytes are the document
              const doc = new Y.Doc();
              for (const u of updates) Y.applyUpdate(doc, u);
              r.docBytes = Y.encodeStateAsUpdate(doc).byteLength;
              doc.destroy();
            }
            resolve(r);
          });
          ws.on('close', (code) => resolve({ ...r, error: r.error ?? `closed ${code}` }));
          ws.on('error', (e) => (r.error = String(e)));
        }),
    ),
  );
  joined.push(...sockets);
  return { results };
}
const joined = [];

/**
 * Clients that stay connected: when the server goes away each one reconnects by itself, as an editor's
 * browser does, after a delay drawn at random between 0 and min(2 s, 100 ms × 2^attempt) ("full
 * jitter"), so a restarted server is not met by every client at the same instant.
 */
const held = [];
function hold({ urls }) {
  const BASE_MS = 100;
  const CAP_MS = 2000;
  return Promise.all(
    urls.map((url) => {
      const h = { url, client: null, attempt: 0, lostAt: null, resyncedAt: null, synced: false };
      held.push(h);
      let first;
      const firstSync = new Promise((res, rej) => (first = { res, rej }));
      const open = () => {
        const client = (h.client = new RawClient(url, { name: 'held' }));
        client
          .connect()
          .then(() => {
            h.attempt = 0;
            if (h.lostAt !== null && h.resyncedAt === null) h.resyncedAt = process.hrtime.bigint();
            if (!h.synced) {
              h.synced = true;
              first.res();
            }
          })
          .catch(() => undefined) // its close event schedules the next attempt;
        client.ws.on('close', () => {
          client.doc.destroy();
          if (h.stopped) return;
          if (h.synced && h.lostAt === null) h.lostAt = process.hrtime.bigint();
          if (!h.synced) return first.rej(new Error(`could not connect ${url}`));
          const delay = Math.random() * Math.min(CAP_MS, BASE_MS * 2 ** h.attempt++);
          setTimeout(open, delay);
        });
      };
      open();
      return firstSync;
    }),
  ).then(() => ({ clients: urls.length }));
}

async function resynced({ timeoutMs = 30_000 }) {
  const start = performance.now();
  while (held.some((h) => h.resyncedAt === null) && performance.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 20));
  return { lostAt: held.map((h) => (h.lostAt === null ? null : String(h.lostAt))), resyncedAt: held.map((h) => (h.resyncedAt === null ? null : String(h.resyncedAt))), attempts: held.map((h) => h.attempt) };
}

process.on('message', async ({ id, cmd, ...args }) => {
  try {
    let result;
    if (cmd === 'connect') result = await connect(args);
    else if (cmd === 'run') result = await run(args);
    else if (cmd === 'join') result = await join(args);
    else if (cmd === 'hold') result = await hold(args);
    else if (cmd === 'resynced') result = await resynced(args);
    else if (cmd === 'exit') {
      for (const h of held) {
        h.stopped = true;
        h.client?.close();
      }
      for (const room of rooms) for (const e of room.members) e.client.close();
      for (const s of joined) s.terminate();
      process.send({ id, result: {} }, () => process.exit(0));
      return;
    }
    process.send({ id, result });
  } catch (e) {
    process.send({ id, error: e instanceof Error ? e.stack : String(e) });
  }
});
process.send({ ready: true });
