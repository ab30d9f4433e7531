#!/usr/bin/env node
// The physical limit the benchmark compares against: a `ws` server that relays every document update
// and awareness frame to every socket of the same room (the sender included, the same fan-out as the
// y-websocket servers), with no Yjs, no authentication and no storage. It answers the y-websocket
// handshake just enough for stock clients: sync step 1 is answered by replaying the room's relayed
// updates and an empty sync step 2. Env HOST (127.0.0.1) and PORT (0 = any free port).
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const EMPTY_STEP2 = new Uint8Array([0, 1, 2, 0, 0]); // sync, step 2, an update of 2 bytes: no structs, no deletions
const rooms = new Map(); // path → { sockets: Set, log: Buffer[] }

const http = createServer((_req, res) => res.end('bare broadcast server\n'));
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });

wss.on('connection', (ws, req) => {
  const name = (req.url ?? '/').split('?')[0];
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = { sockets: new Set(), log: [] }));
  room.sockets.add(ws);
  ws.on('close', () => room.sockets.delete(ws));
  ws.on('message', (data, isBinary) => {
    if (!isBinary || data.length < 2) return;
    if (data[0] === 0 && data[1] === 0) {
      // sync step 1: everything relayed so far, then "synced"
      for (const m of room.log) ws.send(m);
      ws.send(EMPTY_STEP2);
      return;
    }
    if (data[0] === 0) {
      if (data[1] === 1) {
        if (data.length <= 5 && data[data.length - 2] === 0 && data[data.length - 1] === 0) return; // an empty step 2
        data[1] = 2; // relayed as an update, which is what a step 2 is to everyone else
      }
      room.log.push(data);
    } else if (data[0] !== 1) {
      return; // awareness is relayed; queries and auth are not
    }
    for (const s of room.sockets) if (s.readyState === 1) s.send(data);
  });
});

http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`bare broadcast server listening on port ${http.address().port}`);
});
process.on('SIGTERM', () => process.exit(0));
