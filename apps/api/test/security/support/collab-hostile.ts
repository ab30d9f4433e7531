// A hostile WebSocket client for ws /collab: a bare HTTP upgrade and hand-framed (masked) binary frames
// written straight to the TCP socket. Unlike a library client it keeps sending after the server's close
// frame, and never answers it, so a test can race frames against a close the server has decided on.
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Socket } from 'node:net';

export interface HostileSocket {
  /** Writes one masked binary frame, whatever state the connection is in; false once the TCP socket is gone. */
  send(payload: Uint8Array): boolean;
  /** Writes bytes that are already framed (many frames at once); false once the TCP socket is gone. */
  sendRaw(frames: Buffer): boolean;
  /** Payloads of the binary frames received so far. */
  readonly received: Uint8Array[];
  /** The close code the server sent, once it has. */
  closeCode: number | null;
  /** Resolves with the server's close code when its close frame arrives. */
  readonly closeFrame: Promise<number>;
  /** Resolves when the TCP connection has ended. */
  readonly ended: Promise<void>;
  readonly alive: () => boolean;
  destroy(): void;
}

export function maskedFrame(payload: Uint8Array, opcode = 2): Buffer {
  const n = payload.byteLength;
  const head = n < 126 ? Buffer.from([0x80 | opcode, 0x80 | n]) : n < 65536 ? Buffer.from([0x80 | opcode, 0x80 | 126, n >> 8, n & 255]) : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 127]), bigLength(n)]);
  const mask = randomBytes(4);
  const body = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) body[i] = payload[i] ^ mask[i & 3];
  return Buffer.concat([head, mask, body]);
}

function bigLength(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

/** Upgrades to ws `url` (ws://host:port/path?query); resolves once the upgrade has been answered. */
export function hostileSocket(url: string, headers: Record<string, string> = {}): Promise<HostileSocket> {
  const u = new URL(url.replace(/^ws/, 'http'));
  return new Promise((resolve, reject) => {
    const req = request({
      host: u.hostname,
      port: u.port,
      path: `${u.pathname}${u.search}`,
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': randomBytes(16).toString('base64'), ...headers },
    });
    req.on('error', reject);
    req.on('response', (res) => reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)));
    req.on('upgrade', (_res, socket: Socket, head: Buffer) => {
      let buffer = head;
      let gone = false;
      let onClose: (code: number) => void = () => undefined;
      const closeFrame = new Promise<number>((r) => (onClose = r));
      const ended = new Promise<void>((r) => socket.once('close', () => r()));
      void ended.then(() => (gone = true));
      const hostile: HostileSocket = {
        received: [],
        closeCode: null,
        closeFrame,
        ended,
        alive: () => !gone && !socket.destroyed,
        send(payload) {
          if (gone || socket.destroyed) return false;
          socket.write(maskedFrame(payload));
          return true;
        },
        sendRaw(frames) {
          if (gone || socket.destroyed) return false;
          socket.write(frames);
          return true;
        },
        destroy: () => socket.destroy(),
      };
      const parse = () => {
        for (;;) {
          if (buffer.length < 2) return;
          const opcode = buffer[0] & 0x0f;
          let len = buffer[1] & 0x7f;
          let offset = 2;
          if (len === 126) {
            if (buffer.length < 4) return;
            len = buffer.readUInt16BE(2);
            offset = 4;
          } else if (len === 127) {
            if (buffer.length < 10) return;
            len = Number(buffer.readBigUInt64BE(2));
            offset = 10;
          }
          if (buffer.length < offset + len) return;
          const payload = buffer.subarray(offset, offset + len);
          buffer = buffer.subarray(offset + len);
          if (opcode === 2) hostile.received.push(new Uint8Array(payload));
          if (opcode === 8) {
            hostile.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
            onClose(hostile.closeCode);
          }
        }
      };
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        parse();
      });
      socket.on('error', () => undefined);
      parse();
      resolve(hostile);
    });
    req.end();
  });
}
