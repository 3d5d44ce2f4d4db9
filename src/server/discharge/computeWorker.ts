// Worker thread: runs one named pure computation (computeTasks.ts) per message and sends its result back
// (see computePool.ts). An error goes back as its message, its HTTP status and its fields, so the pool can
// raise the same kind of error on the calling thread.
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../domain/core/errors.js';
import { COMPUTE_TASKS, type ComputeTask } from './computeTasks.js';

interface Job {
  id: number;
  task: ComputeTask;
  args: unknown[];
}

parentPort!.on('message', (job: Job) => {
  try {
    const run = COMPUTE_TASKS[job.task] as (...args: unknown[]) => unknown;
    parentPort!.postMessage({ id: job.id, result: run(...job.args) });
  } catch (err) {
    parentPort!.postMessage({
      id: job.id,
      error: {
        message: err instanceof Error ? err.message : String(err),
        status: err instanceof DomainError ? err.status : null,
        errors: err instanceof DomainError ? err.errors : [],
      },
    });
  }
});
