import { compileScenario, type CompiledModel } from './compile.js';
import { Simulator, type ReplicationResult } from './engine.js';
import { summarise, type SimulationResult } from './results.js';
import type { Scenario } from './scenario.js';

/**
 * Runs replications [from, to) of a scenario on the calling thread. Replication r always uses streams
 * derived from (seed, r), so splitting the range across threads or machines changes nothing.
 * @param simulator a simulator already built for this scenario's model (reused: no allocation per call)
 */
export function runReplications(
  scenario: Scenario,
  from = 0,
  to = scenario.replications,
  onProgress?: (done: number) => void,
  model: CompiledModel = compileScenario(scenario),
  simulator: Simulator = new Simulator(model),
): ReplicationResult[] {
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

/**
 * About how many events a run takes: every referral and move in has an arrival, a start and an end (three
 * events), over the warm-up and the measured days, in every replication, plus the people in today's position.
 * Used to size chunks of work, to refuse runs that would tie up a server, and to decide what the browser runs.
 */
export function estimateEvents(scenario: Scenario, model: CompiledModel = compileScenario(scenario)): number {
  let perDay = 0;
  let initial = 0;
  for (let s = 0; s < model.serviceCount; s++) {
    perDay += model.meanArrivals[s] + model.meanTransfersIn[s];
    initial += model.initialInService[s].length + model.initialInServiceUnknown[s];
    initial += model.initialWaiting[s].length + model.initialWaitingUnknown[s];
  }
  return Math.ceil(scenario.replications * (model.totalDays * perDay * 3 + initial * 2));
}

/** Runs replications somewhere (this thread, worker threads, a Web Worker) and returns them in order. */
export type ReplicationRunner = (
  scenario: Scenario,
  onProgress?: (done: number) => void,
) => Promise<ReplicationResult[]>;

/** Runs every replication in this thread (tests and the command line; the server uses worker threads). */
export const runInProcess: ReplicationRunner = async (scenario, onProgress) =>
  runReplications(scenario, 0, scenario.replications, onProgress);

/** Runs a scenario with a runner and summarises the replications (means, intervals, daily bands, warnings). */
export async function simulateWith(
  runner: ReplicationRunner,
  scenario: Scenario,
  onProgress?: (done: number) => void,
): Promise<SimulationResult> {
  const replications = await runner(scenario, onProgress);
  return summarise(scenario, compileScenario(scenario), replications);
}
