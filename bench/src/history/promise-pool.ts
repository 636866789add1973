import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type PromiseRows, type PromiseWork, storeAll } from './promise-work.ts';

/** Runs batches of promise work on worker threads (or inline with none), results in order. */
export interface PromisePool {
  run(items: PromiseWork[]): Promise<PromiseRows[]>;
  close(): Promise<void>;
}

/**
 * Worker threads pay off only with cores to spare: each loads the domain (seconds) and results
 * cross threads by copy. On two cores (the main thread plans and writes) inline is as fast or
 * faster, measured; beyond that, one worker per further core, up to four.
 */
export function defaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores > 2 ? Math.min(4, cores - 1) : 0;
}

export function createPromisePool(workers: number): PromisePool {
  if (workers <= 0) {
    return { run: async (items) => storeAll(items), close: async () => {} };
  }
  const threads = Array.from(
    { length: workers },
    () =>
      // A .mjs entry that loads the TypeScript worker through tsx (see promise-worker.mjs).
      new Worker(new URL('./promise-worker.mjs', import.meta.url)),
  );
  let nextBatch = 0;
  const waiting = new Map<
    number,
    { resolve(rows: PromiseRows[]): void; reject(error: unknown): void }
  >();
  for (const thread of threads) {
    thread.on('message', (message: { batch: number; results: PromiseRows[] }) => {
      waiting.get(message.batch)?.resolve(message.results);
      waiting.delete(message.batch);
    });
    thread.on('error', (error) => {
      for (const entry of waiting.values()) entry.reject(error);
      waiting.clear();
    });
  }
  const runOn = (thread: Worker, items: PromiseWork[]) =>
    new Promise<PromiseRows[]>((resolve, reject) => {
      const batch = nextBatch++;
      waiting.set(batch, { resolve, reject });
      thread.postMessage({ batch, items });
    });
  return {
    run: async (items) => {
      const share = Math.ceil(items.length / threads.length);
      const parts = await Promise.all(
        threads.map((thread, index) =>
          runOn(thread, items.slice(index * share, (index + 1) * share)),
        ),
      );
      return parts.flat();
    },
    close: async () => {
      await Promise.all(threads.map((thread) => thread.terminate()));
    },
  };
}
