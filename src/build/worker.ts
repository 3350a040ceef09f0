/**
 * A build worker thread: takes jobs from the main thread, one at a time, and answers each with
 * its result. Modules load once per worker, so every document after the first costs only its
 * own rendering.
 */
import { parentPort } from 'node:worker_threads';
import { buildOne, loadPipeline, type BuildJob, type BuildResult } from './build-one.js';
import { say } from '../messages/index.js';

// Load the pipeline now, while the first job is on its way (a failure shows with that job).
loadPipeline().catch(() => undefined);

parentPort!.on('message', async (job: BuildJob) => {
  let result: BuildResult;
  try {
    result = await buildOne(job);
  } catch (error) {
    result = {
      file: job.file,
      status: 'failed',
      outputs: [],
      dependencies: [],
      durationMs: 0,
      diagnostics: [{ file: job.file, severity: 'error', ...say('internal', { detail: (error as Error).message }) }],
    };
  }
  parentPort!.postMessage(result);
});
