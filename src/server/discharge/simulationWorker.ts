// Worker thread: runs a range of simulation replications and sends them back (see simulationRunner.ts).
// The compiled model and its simulator are kept for the last few scenarios, so a scenario split into many
// short chunks (e.g. 181-day runs) is compiled once per thread, not once per chunk.
import { parentPort } from 'node:worker_threads';
import { compileScenario, type CompiledModel } from '../../domain/discharge/simulation/compile.js';
import { Simulator } from '../../domain/discharge/simulation/engine.js';
import type { Scenario } from '../../domain/discharge/simulation/scenario.js';
import { runReplications } from '../../domain/discharge/simulation/simulate.js';

interface Job {
  id: number;
  /** Identifies the scenario within this pool (the same key, the same scenario). */
  key: string;
  scenario: Scenario;
  from: number;
  to: number;
}

const CACHE = 8;
const cache = new Map<string, { model: CompiledModel; simulator: Simulator }>();

function prepared(job: Job): { model: CompiledModel; simulator: Simulator } {
  const hit = cache.get(job.key);
  if (hit) {
    cache.delete(job.key);
    cache.set(job.key, hit);
    return hit;
  }
  const model = compileScenario(job.scenario);
  const entry = { model, simulator: new Simulator(model) };
  cache.set(job.key, entry);
  if (cache.size > CACHE) cache.delete(cache.keys().next().value!);
  return entry;
}

parentPort!.on('message', (job: Job) => {
  try {
    const { model, simulator } = prepared(job);
    const results = runReplications(job.scenario, job.from, job.to, undefined, model, simulator);
    parentPort!.postMessage({ id: job.id, results });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
