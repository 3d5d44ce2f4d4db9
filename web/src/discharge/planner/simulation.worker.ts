// Web Worker: runs a capacity-planning scenario in the browser with the same engine and the same strict schema
// as the server and the CLI, posting progress as replications finish, then the summarised result.
import { compileScenario } from '../../../../src/domain/discharge/simulation/compile';
import { Simulator } from '../../../../src/domain/discharge/simulation/engine';
import { summarise } from '../../../../src/domain/discharge/simulation/results';
import { parseScenario } from '../../../../src/domain/discharge/simulation/scenario';
import type { ReplicationResult } from '../../../../src/domain/discharge/simulation/collect';
import type { WorkerReply, WorkerRequest } from './runner';

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, scenario: input } = event.data;
  const reply = (message: WorkerReply) => (self as unknown as Worker).postMessage(message);
  try {
    const parsed = parseScenario(input);
    if (!parsed.ok) {
      reply({ id, kind: 'invalid', issues: parsed.issues });
      return;
    }
    const scenario = parsed.scenario;
    const model = compileScenario(scenario);
    const simulator = new Simulator(model);
    const results: ReplicationResult[] = [];
    let last = 0;
    for (let r = 0; r < scenario.replications; r++) {
      results.push(simulator.run(scenario.seed, r));
      const now = performance.now();
      if (now - last > 50) {
        last = now;
        reply({ id, kind: 'progress', done: r + 1, total: scenario.replications });
      }
    }
    reply({ id, kind: 'progress', done: scenario.replications, total: scenario.replications });
    reply({ id, kind: 'result', result: summarise(scenario, model, results) });
  } catch (err) {
    reply({ id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
