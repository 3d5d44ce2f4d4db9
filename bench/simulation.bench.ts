// Capacity-planning simulation: engine speed on one core, and 1,000 replications of a borough year on all cores.
// Run with `npm run bench -- simulation` or `node --import tsx bench/simulation.bench.ts`.
import { availableParallelism, cpus } from 'node:os';
import { compileScenario } from '../src/domain/discharge/simulation/compile.js';
import { Simulator } from '../src/domain/discharge/simulation/engine.js';
import { boroughScenario } from '../src/domain/discharge/simulation/examples.js';
import { summarise } from '../src/domain/discharge/simulation/results.js';
import { SimulationPool } from '../src/server/discharge/simulationRunner.js';

export interface SimulationBenchFigures {
  arrivalsPerYear: number;
  eventsPerSecondOneCore: number;
  replications: number;
  workers: number;
  wallSecondsWarmPool: number;
  wallSecondsIncludingStart: number;
  summariseSeconds: number;
}

export async function benchSimulation(replications = 1000): Promise<SimulationBenchFigures> {
  const scenario = boroughScenario({ replications, days: 365, warmupDays: 60 });
  const model = compileScenario(scenario);

  // One core: the engine alone on the calling thread.
  const simulator = new Simulator(model);
  for (let r = 0; r < 20; r++) simulator.run(scenario.seed, r); // let the JIT settle
  let events = 0;
  let arrivals = 0;
  const oneCoreReps = 300;
  const t0 = performance.now();
  for (let r = 0; r < oneCoreReps; r++) {
    const result = simulator.run(scenario.seed, r);
    events += result.events;
    for (const s of result.services) arrivals += s.arrivals;
  }
  const oneCoreSeconds = (performance.now() - t0) / 1000;

  // Both cores: a pool of worker threads, 1,000 replications of the year.
  const workers = Math.min(2, availableParallelism());
  const pool = new SimulationPool(workers);
  const t1 = performance.now();
  await pool.run({ ...scenario, replications: workers * 2 }); // starts the threads
  const t2 = performance.now();
  const results = await pool.run(scenario);
  const t3 = performance.now();
  const summary = summarise(scenario, model, results);
  const t4 = performance.now();
  await pool.close();
  if (summary.services.length !== 3) throw new Error('unexpected summary');

  return {
    arrivalsPerYear: arrivals / oneCoreReps,
    eventsPerSecondOneCore: events / oneCoreSeconds,
    replications,
    workers,
    wallSecondsWarmPool: (t3 - t2) / 1000,
    wallSecondsIncludingStart: (t3 - t1) / 1000,
    summariseSeconds: (t4 - t3) / 1000,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await benchSimulation();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Simulation engine (${cpu}, ${availableParallelism()} cores; shared with other work, so figures are noisy)`);
  console.log(`  borough model: ${f.arrivalsPerYear.toFixed(0)} referrals a year across three pathways`);
  console.log(`  events per second, one core: ${(f.eventsPerSecondOneCore / 1e6).toFixed(2)} million (target ≥ 2 million)`);
  console.log(`  ${f.replications} replications of one year on ${f.workers} worker threads: ${f.wallSecondsWarmPool.toFixed(2)} s (target < 5 s); ` +
    `${f.wallSecondsIncludingStart.toFixed(2)} s including starting the threads`);
  console.log(`  summarising ${f.replications} replications (means, confidence intervals, daily bands): ${f.summariseSeconds.toFixed(2)} s`);
}
