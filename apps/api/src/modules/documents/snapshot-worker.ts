// Compaction's CPU work (applying a document's whole history to a Y.Doc and encoding it) off the main
// thread: on the event loop it stalled every live document's relay for as long as it took, several
// milliseconds for a long draft, every COLLAB_COMPACT_AFTER updates (the benchmark's p99 floor).
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { integrate } from './snapshot';

type Reply = { id: number; state?: Uint8Array; error?: string };

/** One worker thread, started on first use; if it cannot run, the work is done in this thread. */
export class SnapshotWorker {
  private worker: Worker | null = null;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (state: Uint8Array) => void; reject: (e: Error) => void }>();
  private broken = false;

  integrate(updates: Uint8Array[]): Promise<Uint8Array> {
    const worker = this.start();
    if (!worker) return Promise.resolve(integrate(updates));
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, updates });
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
        else w.reject(new Error(reply.error ?? 'compaction worker failed'));
      });
      const fail = (e: unknown) => {
        this.worker = null;
        this.broken = true; // from now on in this thread: slower, never wrong
        for (const w of this.waiting.values()) w.reject(e instanceof Error ? e : new Error(String(e)));
        this.waiting.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => code !== 0 && fail(new Error(`compaction worker exited with ${code}`)));
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return null;
    }
  }
}
