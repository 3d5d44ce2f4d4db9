import { compileScenario, type CompiledModel } from './compile.js';
import { Simulator, type ReplicationResult } from './engine.js';
import { summarise, type SimulationResult } from './results.js';
import type { Scenario } from './scenario.js';

/**
 * Runs replications [from, to) of a scenario on the calling thread. Replication r always uses streams
 * derived from (seed, r), so splitting the range across threads or machines changes nothing.
 */
export function runReplications(
  scenario: Scenario,
  from = 0,
  to = scenario.replications,
  onProgress?: (done: number) => void,
  model: CompiledModel = compileScenario(scenario),
): ReplicationResult[] {
  const simulator = new Simulator(model);
  const results: ReplicationResult[] = [];
  for (let r = from; r < to; r++) {
    results.push(simulator.run(scenario.seed, r));
    onProgress?.(r - from + 1);
  }
  return results;
}

/** Runs all replications on the calling thread and summarises them. */
export function simulate(scenario: Scenario, onProgress?: (done: number) => void): SimulationResult {
  const model = compileScenario(scenario);
  return summarise(scenario, model, runReplications(scenario, 0, scenario.replications, onProgress, model));
}

/** Runs replications somewhere (this thread, worker threads, a Web Worker) and returns them in order. */
export type ReplicationRunner = (
  scenario: Scenario,
  onProgress?: (done: number) => void,
) => Promise<ReplicationResult[]>;

export const runInProcess: ReplicationRunner = async (scenario, onProgress) =>
  runReplications(scenario, 0, scenario.replications, onProgress);

export async function simulateWith(
  runner: ReplicationRunner,
  scenario: Scenario,
  onProgress?: (done: number) => void,
): Promise<SimulationResult> {
  const replications = await runner(scenario, onProgress);
  return summarise(scenario, compileScenario(scenario), replications);
}
