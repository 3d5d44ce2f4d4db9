// Capacity-planning simulation: engine speed per CPU-second on one core (a borough year from empty; a forecast
// from today's position; short 181-day runs like an IPACS workbook's), 1,000 replications of a borough year on
// both cores, and the whole IPACS workbook through `steward simulate --ipacs`.
// Run with `npm run bench -- simulation` or `node --import tsx bench/simulation.bench.ts`.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIpacsCommand } from '../src/cli/simulate.js';
import { readIpacsWorkbook } from '../src/cli/ipacsWorkbook.js';
import { compileScenario } from '../src/domain/discharge/simulation/compile.js';
import { Simulator } from '../src/domain/discharge/simulation/engine.js';
import { boroughScenario } from '../src/domain/discharge/simulation/examples.js';
import { ipacsScenarios } from '../src/domain/discharge/simulation/ipacs.js';
import { Rng } from '../src/domain/discharge/simulation/rng.js';
import { summarise } from '../src/domain/discharge/simulation/results.js';
import { scenarioSchema, type Scenario } from '../src/domain/discharge/simulation/scenario.js';
import { SimulationPool } from '../src/server/discharge/simulationRunner.js';

const WORKBOOK = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../src/cli/fixtures/ipacs/IPACS_20230214_fix.xlsx',
);

/**
 * CPU seconds this process has used, all threads together: the engine's own time, whatever else the machine runs
 * (on one thread it is that thread's time; with worker threads, divide by their number for the wall time on idle cores).
 */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

interface EngineFigures {
  events: number;
  replications: number;
  cpuSeconds: number;
  wallSeconds: number;
  eventsPerCpuSecond: number;
}

/** Runs replications of each scenario on this thread (replications, daily outputs and all), after a JIT warm-up. */
function engine(scenarios: readonly Scenario[]): EngineFigures {
  const prepared = scenarios.map((s) => ({ s, sim: new Simulator(compileScenario(s)) }));
  for (const { s, sim } of prepared) for (let r = 0; r < Math.min(5, s.replications); r++) sim.run(s.seed, r);
  let events = 0;
  let replications = 0;
  const c0 = cpuSeconds();
  const t0 = performance.now();
  for (const { s, sim } of prepared) {
    for (let r = 0; r < s.replications; r++) events += sim.run(s.seed, r).events;
    replications += s.replications;
  }
  const cpu = cpuSeconds() - c0;
  return {
    events,
    replications,
    cpuSeconds: cpu,
    wallSeconds: (performance.now() - t0) / 1000,
    eventsPerCpuSecond: events / cpu,
  };
}

/** The borough with a plausible position today: people in each service for a while, a few waiting. */
function boroughFromToday(days: number, replications: number): Scenario {
  const rng = new Rng(99, 0);
  const borough = boroughScenario({ replications });
  const spread = (n: number, max: number) => Array.from({ length: n }, () => Math.round(rng.uniform() * max * 10) / 10);
  const position: Record<string, { inService: number[]; waiting: number[] }> = {
    p1: { inService: spread(60, 16), waiting: spread(3, 2) },
    p2: { inService: spread(55, 40), waiting: spread(4, 3) },
    p3: { inService: spread(40, 60), waiting: spread(2, 5) },
  };
  return scenarioSchema.parse({
    ...borough,
    name: 'Borough from today',
    days,
    warmupDays: 'auto',
    services: borough.services.map((s) => ({ ...s, initialState: position[s.id] })),
  });
}

async function pooled(replications: number) {
  const scenario = boroughScenario({ replications, days: 365 });
  const model = compileScenario(scenario);
  const workers = Math.min(2, availableParallelism());
  const pool = new SimulationPool(workers, 0);
  const t1 = performance.now();
  await pool.run({ ...scenario, replications: workers * 2 }); // starts the threads
  const t2 = performance.now();
  const c2 = cpuSeconds();
  const results = await pool.run(scenario);
  const t3 = performance.now();
  const cpuAllThreads = cpuSeconds() - c2;
  const summary = summarise(scenario, model, results);
  const t4 = performance.now();
  await pool.close();
  if (summary.services.length !== 3) throw new Error('unexpected summary');
  return {
    workers,
    wallSecondsWarmPool: (t3 - t2) / 1000,
    wallSecondsIncludingStart: (t3 - t1) / 1000,
    summariseSeconds: (t4 - t3) / 1000,
    /** CPU seconds of all threads ÷ workers: the wall time on otherwise idle cores. */
    cpuSecondsPerWorker: cpuAllThreads / workers,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Simulation engine (${cpu}, ${availableParallelism()} cores; shared with other work, so wall times are noisy)`,
  );
  console.log(
    `  load average when started: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')}`,
  );
  const line = (label: string, f: EngineFigures) =>
    console.log(
      `  ${label}: ${(f.eventsPerCpuSecond / 1e6).toFixed(2)} million events per CPU-second on one core ` +
        `(${(f.events / 1e6).toFixed(1)} million events, ${f.replications} replications, ${f.cpuSeconds.toFixed(2)} CPU-s, ${f.wallSeconds.toFixed(2)} s wall; target ≥ 2 million)`,
    );

  const year = boroughScenario({ replications: 200 });
  line(`borough year from empty (warm-up ${compileScenario(year).warmup} days, daily outputs on)`, engine([year]));
  line(
    'borough forecast from today, 90 days (initial state and daily outputs on)',
    engine([boroughFromToday(90, 1000)]),
  );
  line(
    'borough forecast from today, 30 days (initial state and daily outputs on)',
    engine([boroughFromToday(30, 2000)]),
  );
  const ipacs = ipacsScenarios(await readIpacsWorkbook(WORKBOOK), { replications: 50, seed: 1 });
  line(
    'short runs: the IPACS workbook’s 72 bed scenarios, 181 days from its initial conditions',
    engine(ipacs.filter((s) => s.model === 'bed').map((s) => s.scenario)),
  );
  line(
    'short runs: the IPACS workbook’s 36 visit scenarios (reablement as visits), 181 days',
    engine(ipacs.filter((s) => s.model === 'visit').map((s) => s.scenario)),
  );

  const p = await pooled(1000);
  console.log(
    `  1000 replications of a borough year on ${p.workers} worker threads: ${p.wallSecondsWarmPool.toFixed(2)} s (target < 5 s); ` +
      `${p.wallSecondsIncludingStart.toFixed(2)} s including starting the threads; CPU time per worker ${p.cpuSecondsPerWorker.toFixed(2)} s (the wall time on idle cores); ` +
      `summarising them (means, intervals, daily bands) ${p.summariseSeconds.toFixed(2)} s`,
  );

  const dir = await mkdtemp(path.join(tmpdir(), 'steward-bench-ipacs-'));
  const c0 = cpuSeconds();
  const run = await runIpacsCommand(WORKBOOK, { quiet: true, out: path.join(dir, 'out') });
  const allCpu = cpuSeconds() - c0;
  const threads = Math.min(8, availableParallelism());
  await rm(dir, { recursive: true, force: true });
  console.log(
    `  steward simulate --ipacs IPACS_20230214_fix.xlsx: ${run.scenarios} scenarios × ${run.replications / run.scenarios} replications, ` +
      `${(run.events / 1e6).toFixed(1)} million events: ${run.seconds.toFixed(1)} s wall for the whole workbook on ${threads} threads; ` +
      `${allCpu.toFixed(1)} CPU-s in all (reading the workbook, starting the threads, simulating, summarising, writing), ` +
      `${(allCpu / threads).toFixed(1)} s on ${threads} idle cores (the published IPACS R model: 1,649 s wall with 5 replications)`,
  );
}
