// Capacity-planning simulation: engine speed on one core, and 1,000 replications of a borough year on all cores.
// Run with `npm run bench -- simulation` or `node --import tsx bench/simulation.bench.ts`.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { compileScenario } from '../src/domain/discharge/simulation/compile.js';
import { Simulator } from '../src/domain/discharge/simulation/engine.js';
import { boroughScenario } from '../src/domain/discharge/simulation/examples.js';
import { summarise } from '../src/domain/discharge/simulation/results.js';
import { SimulationPool } from '../src/server/discharge/simulationRunner.js';

export interface SimulationBenchFigures {
  arrivalsPerYear: number;
  eventsPerSecondOneCore: number;
  /** Events per second of CPU time actually given to this thread (less affected by other work on the machine). */
  eventsPerCpuSecond: number;
  replications: number;
  workers: number;
  wallSecondsWarmPool: number;
  wallSecondsIncludingStart: number;
  /** CPU seconds all threads used for the 1,000 replications, divided by the workers: the wall time on idle cores. */
  cpuSecondsPerWorker: number;
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
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let r = 0; r < oneCoreReps; r++) {
    const result = simulator.run(scenario.seed, r);
    events += result.events;
    for (const s of result.services) arrivals += s.arrivals;
  }
  const oneCoreSeconds = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  const oneCoreCpuSeconds = (c1.user + c1.system) / 1e6;

  // Both cores: a pool of worker threads, 1,000 replications of the year.
  const workers = Math.min(2, availableParallelism());
  const pool = new SimulationPool(workers);
  const t1 = performance.now();
  await pool.run({ ...scenario, replications: workers * 2 }); // starts the threads
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  const results = await pool.run(scenario);
  const t3 = performance.now();
  const c3 = process.cpuUsage(c2);
  const summary = summarise(scenario, model, results);
  const t4 = performance.now();
  await pool.close();
  if (summary.services.length !== 3) throw new Error('unexpected summary');

  return {
    arrivalsPerYear: arrivals / oneCoreReps,
    eventsPerSecondOneCore: events / oneCoreSeconds,
    eventsPerCpuSecond: events / oneCoreCpuSeconds,
    replications,
    workers,
    wallSecondsWarmPool: (t3 - t2) / 1000,
    wallSecondsIncludingStart: (t3 - t1) / 1000,
    cpuSecondsPerWorker: (c3.user + c3.system) / 1e6 / workers,
    summariseSeconds: (t4 - t3) / 1000,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await benchSimulation();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Simulation engine (${cpu}, ${availableParallelism()} cores; shared with other work, so figures are noisy)`,
  );
  console.log(`  borough model: ${f.arrivalsPerYear.toFixed(0)} referrals a year across three pathways`);
  console.log(
    `  load average when measured: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')}`,
  );
  console.log(
    `  events per second, one core: ${(f.eventsPerSecondOneCore / 1e6).toFixed(2)} million wall-clock; ` +
      `${(f.eventsPerCpuSecond / 1e6).toFixed(2)} million per second of CPU time the thread was given (target ≥ 2 million)`,
  );
  console.log(
    `  ${f.replications} replications of one year on ${f.workers} worker threads: ${f.wallSecondsWarmPool.toFixed(2)} s (target < 5 s); ` +
      `${f.wallSecondsIncludingStart.toFixed(2)} s including starting the threads; CPU time per worker ${f.cpuSecondsPerWorker.toFixed(2)} s (the wall time on idle cores)`,
  );
  console.log(
    `  summarising ${f.replications} replications (means, confidence intervals, daily bands): ${f.summariseSeconds.toFixed(2)} s`,
  );
}
