// Where a planner's scenario runs: in a Web Worker in the browser when it is small enough to answer in about a
// second, otherwise on the server's pool of worker threads (POST /api/discharge/simulation/run).
import { apiSend } from '../../api';
import { estimateEvents } from '../../../../src/domain/discharge/simulation/simulate';
import type { FieldIssue } from '../../../../src/domain/discharge/simulation/strict';
import type { Scenario, SimulationResult } from './types';

/** Events the browser runs itself: about a second on an ordinary laptop (the engine does 2–5 million a second). */
export const BROWSER_EVENT_LIMIT = 3_000_000;

export type WorkerRequest = { id: number; scenario: Scenario };
export type WorkerReply =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'result'; result: SimulationResult }
  | { id: number; kind: 'invalid'; issues: FieldIssue[] }
  | { id: number; kind: 'error'; message: string };

/** A scenario the engine refused, with every field at fault (the same words the server would use). */
export class ScenarioProblems extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

export interface RunProgress {
  where: 'browser' | 'server';
  /** Replications done and in all (null on the server, which reports only when it is finished). */
  done: number | null;
  total: number;
}

let worker: Worker | null = null;
let nextId = 1;

function browserWorker(): Worker {
  if (!worker) worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** True when the browser should run the scenario itself. */
export function runsInBrowser(scenario: Scenario): boolean {
  return typeof Worker !== 'undefined' && estimateEvents(scenario) <= BROWSER_EVENT_LIMIT;
}

function runInBrowser(scenario: Scenario, onProgress: (p: RunProgress) => void): Promise<SimulationResult> {
  const w = browserWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const listen = (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.kind === 'progress') {
        onProgress({ where: 'browser', done: message.done, total: message.total });
        return;
      }
      w.removeEventListener('message', listen);
      if (message.kind === 'result') resolve(message.result);
      else if (message.kind === 'invalid') reject(new ScenarioProblems(message.issues));
      else reject(new Error(message.message));
    };
    w.addEventListener('message', listen);
    w.postMessage({ id, scenario } satisfies WorkerRequest);
  });
}

/**
 * Runs a scenario where it answers fastest, reporting progress.
 * @throws ScenarioProblems (browser) or ApiError (server) naming each field at fault
 */
export async function runScenario(scenario: Scenario, onProgress: (p: RunProgress) => void): Promise<SimulationResult> {
  if (runsInBrowser(scenario)) return runInBrowser(scenario, onProgress);
  onProgress({ where: 'server', done: null, total: scenario.replications });
  return apiSend<SimulationResult>('POST', '/api/discharge/simulation/run', scenario);
}
