// Frame generators for fuzzing ws /collab: random bytes, and valid y-websocket messages (sync step 1,
// step 2, update, awareness, query-awareness, auth) mutated: truncated, bit-flipped, with truncated or
// huge varints, wrong message types, and Yjs updates corrupted inside a well-formed envelope.
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

export type Random = () => number;

const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, xs: readonly T[]): T => xs[int(r, xs.length)];

function envelope(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

export function randomBytes(r: Random, max: number): Uint8Array {
  const n = int(r, max + 1);
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = int(r, 256);
  return b;
}

/** Valid Yjs updates to mutate: incremental edits of a small rich-text document, and its full state. */
export function sampleUpdates(r: Random): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  const fragment = doc.getXmlFragment('default');
  for (let i = 0; i < 30; i++) {
    const roll = r();
    if (roll < 0.4 || fragment.length === 0) {
      const el = new Y.XmlElement(r() < 0.3 ? 'heading' : 'paragraph');
      if (el.nodeName === 'heading') el.setAttribute('level', String(1 + int(r, 3)));
      el.insert(0, [new Y.XmlText(`fuzz sample ${i}`)]);
      fragment.insert(int(r, fragment.length + 1), [el]);
    } else if (roll < 0.7) {
      const t = (fragment.get(int(r, fragment.length)) as Y.XmlElement).get(0) as Y.XmlText;
      if (t.length > 2) t.format(0, 1 + int(r, t.length - 1), { bold: true });
    } else if (roll < 0.85) {
      const t = (fragment.get(int(r, fragment.length)) as Y.XmlElement).get(0) as Y.XmlText;
      t.insert(int(r, t.length + 1), 'ins');
    } else fragment.delete(int(r, fragment.length), 1);
  }
  doc.getMap('meta').set('k', { nested: [1, 2, 3] });
  out.push(Y.encodeStateAsUpdate(doc));
  out.push(Y.encodeStateAsUpdateV2(doc)); // the other encoding: valid bytes, wrong version for the protocol
  doc.destroy();
  return out;
}

function awarenessPayload(r: Random, clientId: number): Uint8Array {
  const d = new Y.Doc();
  d.clientID = clientId;
  const a = new awarenessProtocol.Awareness(d);
  a.setLocalState({ user: { name: `fuzz ${int(r, 1000)}`, color: '#ff0000' }, cursor: r() < 0.5 ? null : { anchor: int(r, 100) } });
  const u = awarenessProtocol.encodeAwarenessUpdate(a, [clientId]);
  a.destroy();
  d.destroy();
  return u;
}

/** A hand-made awareness update: any count, client ids, clocks and (possibly non-JSON) states. */
function rawAwareness(r: Random): Uint8Array {
  const e = encoding.createEncoder();
  const count = r() < 0.1 ? 0xffffffff : int(r, 4);
  encoding.writeVarUint(e, count);
  for (let i = 0; i < Math.min(count, 4); i++) {
    encoding.writeVarUint(e, r() < 0.3 ? int(r, 10) : int(r, 2 ** 32));
    encoding.writeVarUint(e, r() < 0.2 ? 2 ** 40 : int(r, 100));
    encoding.writeVarString(e, pick(r, ['null', '{}', '{"user":{"name":"x"}}', '{bad json', '"just a string"', '[1,2', 'x'.repeat(int(r, 5000))]));
  }
  return encoding.toUint8Array(e);
}

/** Flips, deletes, duplicates or overwrites a few bytes. */
export function mutateBytes(r: Random, bytes: Uint8Array): Uint8Array {
  let b = Uint8Array.from(bytes);
  const n = 1 + int(r, 4);
  for (let i = 0; i < n; i++) {
    const at = int(r, b.length + 1);
    switch (int(r, 6)) {
      case 0:
        if (b.length) b[Math.min(at, b.length - 1)] ^= 1 << int(r, 8);
        break;
      case 1:
        if (b.length) b[Math.min(at, b.length - 1)] = pick(r, [0, 0x7f, 0x80, 0xff, int(r, 256)]);
        break;
      case 2:
        b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + 1 + int(r, 4))]);
        break;
      case 3:
        b = Uint8Array.from([...b.subarray(0, at), ...randomBytes(r, 8), ...b.subarray(at)]);
        break;
      case 4:
        b = Uint8Array.from([...b.subarray(0, at), 0xff, 0xff, 0xff, 0xff, 0x0f, ...b.subarray(at)]); // a huge varint
        break;
      default:
        b = b.subarray(0, at); // truncated
    }
  }
  return b;
}

export interface FrameGenerator {
  /** A fuzz frame and its kind, for the tallies. */
  next(): { kind: string; bytes: Uint8Array };
  /** A well-formed message (which may still be refused: a foreign awareness id, a bad JSON state). */
  valid(): Uint8Array;
}

/** A generator of fuzz frames for a connection whose awareness client id is `clientId`. */
export function frameGenerator(r: Random, clientId: number): FrameGenerator {
  const updates = sampleUpdates(r);
  const sv = () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, updates[int(r, updates.length - 1)]); // not the V2 one
    const v = Y.encodeStateVector(d);
    d.destroy();
    return v;
  };
  const svs = [new Uint8Array([0]), sv(), sv()];
  const valid = (): Uint8Array => {
    switch (int(r, 7)) {
      case 0:
        return envelope(0, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, pick(r, svs))));
      case 1:
      case 2:
        return envelope(0, (e) => (encoding.writeVarUint(e, pick(r, [1, 2])), encoding.writeVarUint8Array(e, pick(r, updates))));
      case 3:
        return envelope(1, (e) => encoding.writeVarUint8Array(e, awarenessPayload(r, clientId)));
      case 4:
        return envelope(3, () => undefined);
      case 5:
        return envelope(2, (e) => encoding.writeVarUint(e, int(r, 3)));
      default:
        return envelope(1, (e) => encoding.writeVarUint8Array(e, rawAwareness(r)));
    }
  };
  return {
    valid,
    next() {
      const roll = r();
      if (roll < 0.15) return { kind: 'random', bytes: randomBytes(r, r() < 0.9 ? 64 : 4096) };
      if (roll < 0.3) return { kind: 'valid', bytes: valid() };
      if (roll < 0.5) return { kind: 'mutated', bytes: mutateBytes(r, valid()) };
      if (roll < 0.7) {
        // A well-formed envelope around a corrupted Yjs update: reaches the update decoder.
        const u = mutateBytes(r, pick(r, updates));
        return { kind: 'corrupt-update', bytes: envelope(0, (e) => (encoding.writeVarUint(e, pick(r, [1, 2])), encoding.writeVarUint8Array(e, u))) };
      }
      if (roll < 0.8) {
        // A length prefix that claims far more than the frame holds, or a truncated varint.
        const type = pick(r, [0, 1]);
        return { kind: 'huge-length', bytes: Uint8Array.from([type, ...(type === 0 ? [int(r, 3)] : []), ...pick(r, [[0xff, 0xff, 0xff, 0xff, 0x0f], [0x80], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], [0x81, 0x80]]), ...randomBytes(r, 16)]) };
      }
      if (roll < 0.9) {
        // Wrong message type or sync kind, with a valid-looking body.
        const v = valid();
        const type = pick(r, [4, 5, 127, 128, 0xffff, 2 ** 31, 2 ** 53 - 1]);
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, type);
        encoding.writeUint8Array(e, v.subarray(1));
        return { kind: 'wrong-type', bytes: encoding.toUint8Array(e) };
      }
      return { kind: 'empty-or-tiny', bytes: pick(r, [new Uint8Array(0), Uint8Array.from([0]), Uint8Array.from([1]), Uint8Array.from([0, 0]), Uint8Array.from([0, 1]), Uint8Array.from([0x80])]) };
    },
  };
}
