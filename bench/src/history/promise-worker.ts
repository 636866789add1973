// A worker thread that runs planned promise histories through the domain (see storedPromise):
// the CPU-heavy part of generation, spread over the machine's cores while the main thread plans
// and writes. Same functions, same inputs: the rows are the same as computed inline.
import { parentPort } from 'node:worker_threads';
import { type PromiseWork, storeAll } from './promise-work.ts';

parentPort?.on('message', (message: { batch: number; items: PromiseWork[] }) => {
  parentPort?.postMessage({ batch: message.batch, results: storeAll(message.items) });
});
