// Worker thread: runs a range of simulation replications and sends them back (see simulationRunner.ts).
import { parentPort } from 'node:worker_threads';
import { runReplications } from '../../domain/discharge/simulation/simulate.js';
import type { Scenario } from '../../domain/discharge/simulation/scenario.js';

interface Job {
  id: number;
  scenario: Scenario;
  from: number;
  to: number;
}

parentPort!.on('message', (job: Job) => {
  try {
    const results = runReplications(job.scenario, job.from, job.to);
    parentPort!.postMessage({ id: job.id, results });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
