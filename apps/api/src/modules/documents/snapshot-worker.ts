// Compaction off the main thread: on the event loop, applying a document's whole history to a Y.Doc
// and encoding it stalled every live document's relay for as long as it took, several milliseconds for
// a long draft (the benchmark's p99 floor); so did the pg driver decoding the log and snapshot and
// encoding the new snapshot (hex bytea, megabytes for a long draft). The worker does the whole
// compaction on its own connection (snapshot.thread.ts).
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Compacted } from './compaction';
import { integrate } from './snapshot';

type Reply = { id: number; state?: Uint8Array; result?: Compacted; error?: string };

/** One worker thread, started on first use; if it cannot run, the work is done in this thread. */
export class SnapshotWorker {
  private worker: Worker | null = null;
  private next = 0;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly waiting = new Map<number, { resolve: (value: any) => void; reject: (e: Error) => void }>();
  private broken = false;

  integrate(updates: Uint8Array[]): Promise<Uint8Array> {
    const worker = this.start();
    if (!worker) return Promise.resolve(integrate(updates));
    return this.ask<Uint8Array>(worker, { updates });
  }

  /**
   * Starts the thread if it is not running. Loading it takes ~0.3 s of CPU (its modules, compiled on
   * the fly in development); done when a document is first opened, that burst lands while the room
   * loads rather than at the first compaction, in the middle of live editing.
   */
  warm(): void {
    this.start();
  }

  /** A whole compaction in the worker, on a connection to `url` of its own; null if the worker cannot run. */
  compact(url: string, documentId: string): Promise<Compacted> | null {
    const worker = this.start();
    if (!worker) return null;
    return this.ask<Compacted>(worker, { compact: { url, documentId } });
  }

  /** Ends the thread (and any connection it holds); the next use starts a new one. */
  async close() {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    for (const w of this.waiting.values()) w.reject(new Error('compaction worker closed'));
    this.waiting.clear();
  }

  private ask<T>(worker: Worker, message: object): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  }

  private start(): Worker | null {
    if (this.worker || this.broken) return this.worker;
    try {
      // The worker loads snapshot.ts through the same require hook as this process (its execArgv).
      const worker = new Worker(`require(${JSON.stringify(join(__dirname, 'snapshot.thread.ts'))});`, { eval: true });
      worker.unref(); // never keeps the process alive; it ends with it
      worker.on('message', (reply: Reply) => {
        const w = this.waiting.get(reply.id);
        if (!w) return;
        this.waiting.delete(reply.id);
        if (reply.state) w.resolve(reply.state);
        else if (reply.result) w.resolve(reply.result);
        else w.reject(new Error(reply.error ?? 'compaction worker failed'));
      });
      const fail = (e: unknown) => {
        this.worker = null;
        this.broken = true; // from now on in this thread: slower, never wrong
        for (const w of this.waiting.values()) w.reject(e instanceof Error ? e : new Error(String(e)));
        this.waiting.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => code !== 0 && this.worker === worker && fail(new Error(`compaction worker exited with ${code}`)));
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return null;
    }
  }
}
