/**
 * A fixed pool of worker threads running build jobs; each worker takes the next job as soon as
 * it finishes one. `stop()` lets running jobs finish (their outputs are written whole) and
 * starts no new ones.
 */
import { Worker } from 'node:worker_threads';
import type { BuildJob, BuildResult } from './build-one.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

export async function runInPool(jobs: readonly BuildJob[], size: number, onResult: (result: BuildResult) => void, shouldStop: () => boolean): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(size, jobs.length) }, () => new Worker(WORKER_URL));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const dispatch = () => {
              if (next >= jobs.length || shouldStop()) {
                resolve();
                return;
              }
              worker.postMessage(jobs[next++]);
            };
            worker.on('message', (result: BuildResult) => {
              onResult(result);
              dispatch();
            });
            worker.on('error', reject);
            dispatch();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
