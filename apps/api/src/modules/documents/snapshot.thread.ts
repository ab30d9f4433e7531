// The body of SnapshotWorker's thread: integrates the updates it is sent and sends the state back.
import { parentPort } from 'node:worker_threads';
import { integrate } from './snapshot';

parentPort?.on('message', ({ id, updates }: { id: number; updates: Uint8Array[] }) => {
  try {
    const state = integrate(updates);
    parentPort?.postMessage({ id, state }, [state.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ id, error: String(e) });
  }
});
