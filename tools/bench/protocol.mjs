// The y-websocket protocol as the benchmark's clients speak it: a raw client (y-protocols messages
// over `ws`, carrying real Yjs updates from its own Y.Doc), a stock-provider client, and a latency
// histogram that merges across processes.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const STEP1 = 0;
export const STEP2 = 1;
export const UPDATE = 2;
/** Origin of updates applied from the network: they are not sent back. */
export const REMOTE = 'remote';

function message(type, kind, payload) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint(e, kind);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}
export const syncStep1 = (stateVector) => message(MESSAGE_SYNC, STEP1, stateVector);
export const syncStep2 = (update) => message(MESSAGE_SYNC, STEP2, update);
export const updateMessage = (update) => message(MESSAGE_SYNC, UPDATE, update);
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);
export const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** One awareness entry, as a stock client announces itself on connect. */
export function awarenessMessage(clientId, clock, state) {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** Reads a frame's type, sync kind and payload (null when it is not a sync message). */
export function readSync(data) {
  const d = decoding.createDecoder(data);
  if (decoding.readVarUint(d) !== MESSAGE_SYNC) return null;
  const kind = decoding.readVarUint(d);
  return { kind, payload: decoding.readVarUint8Array(d) };
}

/**
 * A protocol client over a bare `ws` socket. Its Y.Doc holds what it wrote; with `apply` it also
 * integrates everything it receives (a full replica), otherwise it only reads the update's metadata,
 * which is what lets one process drive hundreds of editors without measuring itself.
 */
export class RawClient {
  constructor(url, { apply = false, name = 'bench' } = {}) {
    this.url = url;
    this.apply = apply;
    this.name = name;
    this.doc = new Y.Doc();
    this.text = null;
    this.synced = false;
    this.framesIn = 0;
    this.bytesIn = 0;
    /** (update, receivedAt) for every update the server sends, after it is applied when `apply`. */
    this.onUpdate = null;
    this.doc.on('update', (update, origin) => {
      if (origin !== REMOTE) this.send(updateMessage(update));
    });
  }

  get id() {
    return this.doc.clientID;
  }

  /** Opens the socket and resolves once the server's sync step 2 has arrived. */
  connect(timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sync within ${timeoutMs} ms: ${this.url}`)), timeoutMs);
      this.resolveSynced = () => {
        clearTimeout(timer);
        resolve();
      };
      const ws = (this.ws = new WebSocket(this.url, { perMessageDeflate: false }));
      ws.on('open', () => {
        this.send(syncStep1(Y.encodeStateVector(this.doc)));
        this.send(awarenessMessage(this.doc.clientID, 1, { user: { name: this.name } }));
      });
      ws.on('message', (data) => this.receive(data));
      ws.on('close', (code) => {
        this.closedWith = code;
        if (!this.synced) {
          clearTimeout(timer);
          reject(new Error(`closed with ${code} before sync: ${this.url}`));
        }
      });
      ws.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  receive(data) {
    const now = performance.now();
    this.framesIn++;
    this.bytesIn += data.length;
    const sync = readSync(data);
    if (!sync) return;
    if (sync.kind === STEP1) return this.send(syncStep2(Y.encodeStateAsUpdate(this.doc, sync.payload)));
    if (this.apply) Y.applyUpdate(this.doc, sync.payload, REMOTE);
    this.onUpdate?.(sync.payload, now);
    if (sync.kind === STEP2 && !this.synced) {
      this.synced = true;
      this.resolveSynced();
    }
  }

  /** Appends `str` to this client's own paragraph (created on first use); returns its clock after the edit. */
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

  send(bytes) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(bytes);
  }

  close() {
    this.ws?.close();
    this.doc.destroy();
  }
}

/** Logarithmic buckets 2% wide from 1 µs: percentiles within 2%, mergeable across processes. */
const GROWTH = Math.log(1.02);
export class Histogram {
  constructor(json) {
    this.counts = new Map(json ? json.counts : []);
    this.n = json?.n ?? 0;
    this.max = json?.max ?? 0;
    this.sum = json?.sum ?? 0;
  }
  add(ms) {
    const i = ms <= 0.001 ? 0 : Math.ceil(Math.log(ms / 0.001) / GROWTH);
    this.counts.set(i, (this.counts.get(i) ?? 0) + 1);
    this.n++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }
  merge(other) {
    for (const [i, c] of other.counts) this.counts.set(i, (this.counts.get(i) ?? 0) + c);
    this.n += other.n;
    this.sum += other.sum;
    this.max = Math.max(this.max, other.max);
    return this;
  }
  /** The bucket's upper bound at quantile q (0..1); null when empty. */
  quantile(q) {
    if (this.n === 0) return null;
    const rank = Math.ceil(q * this.n);
    let seen = 0;
    for (const i of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(i);
      if (seen >= rank) return Math.min(0.001 * Math.exp(i * GROWTH), this.max);
    }
    return this.max;
  }
  summary() {
    return { n: this.n, p50: this.quantile(0.5), p95: this.quantile(0.95), p99: this.quantile(0.99), max: this.n ? this.max : null, mean: this.n ? this.sum / this.n : null };
  }
  toJSON() {
    return { counts: [...this.counts], n: this.n, max: this.max, sum: this.sum };
  }
}
