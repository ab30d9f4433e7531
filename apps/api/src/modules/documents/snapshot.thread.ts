// The body of SnapshotWorker's thread. Two kinds of work, both kept off the API's event loop:
// - integrate: applies the updates it is sent and sends the state back (long loads);
// - compact: a whole compaction on a connection of its own (compaction.ts), so that neither the
//   Yjs work nor the pg driver's decoding and encoding of the snapshot and log (megabytes of bytea
//   for a long draft) stall the relay of live edits.
// The thread runs at a lower CPU priority than the event loop (Linux: nice 10 for this thread only), so
// on a busy machine compaction waits rather than the editors.
import '../../yjs-esm'; // first: the ES module build of Yjs, as in the main thread
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { Client } from 'pg';
import { compactWith } from './compaction';
import { integrate } from './snapshot';

try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
} catch {
  // not Linux, or not allowed: same priority as the rest
}

type Message = { id: number; updates: Uint8Array[] } | { id: number; compact: { url: string; documentId: string } };

let connection: { url: string; client: Client } | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** The thread's connection, opened on first use and again after one failed (a database restart). */
async function clientFor(url: string): Promise<Client> {
  if (connection?.url === url) return connection.client;
  if (connection) await connection.client.end().catch(() => undefined);
  const client = new Client({ connectionString: url });
  connection = { url, client };
  client.on('error', () => {
    if (connection?.client === client) connection = null;
  });
  try {
    await client.connect();
  } catch (e) {
    if (connection?.client === client) connection = null;
    throw e;
  }
  return client;
}

async function compact(url: string, documentId: string) {
  // One connection for the thread's compactions (they come one after another, seconds apart at the
  // busiest); dropped on any error, so a database restart costs one failed compaction at most.
  const client = await clientFor(url);
  try {
    await client.query('BEGIN');
    const result = await compactWith(async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[], documentId, integrate);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (connection?.client === client) connection = null;
    await client.end().catch(() => undefined);
    throw e;
  }
}

parentPort?.on('message', (message: Message) => {
  const { id } = message;
  if ('compact' in message) {
    // One at a time: they share the connection, and each is a transaction.
    const run = queue.then(() => compact(message.compact.url, message.compact.documentId));
    queue = run.catch(() => undefined);
    run.then(
      (result) => parentPort?.postMessage({ id, result }),
      (e) => parentPort?.postMessage({ id, error: String(e) }),
    );
    return;
  }
  try {
    const state = integrate(message.updates);
    parentPort?.postMessage({ id, state }, [state.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ id, error: String(e) });
  }
});
