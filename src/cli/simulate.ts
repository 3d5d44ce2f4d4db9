// `steward simulate <scenario.json>`: run a capacity-planning scenario on all cores, with a progress bar,
// writing the results as JSON and CSV (summary and daily), and optionally the recommended capacity per service.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { recommendCapacity, type CapacityRecommendation } from '../domain/discharge/simulation/capacitySearch.js';
import { boroughScenario } from '../domain/discharge/simulation/examples.js';
import { csvLines, curveRows, dailyRows, summaryRows } from '../domain/discharge/simulation/csv.js';
import { parseScenario, type Scenario } from '../domain/discharge/simulation/scenario.js';
import { simulateWith } from '../domain/discharge/simulation/simulate.js';
import { SimulationPool } from '../server/discharge/simulationRunner.js';
import { progressBar } from './progress.js';

export interface SimulateOptions {
  out?: string;
  replications?: number;
  seed?: number;
  recommend?: boolean;
  threads?: number;
  quiet?: boolean;
}

export class ScenarioFileError extends Error {}

/** Reads and validates a scenario file; errors name the file and the field. */
export async function readScenarioFile(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ScenarioFileError(
      `${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ScenarioFileError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok)
    throw new ScenarioFileError(
      `${file}: the scenario has problems:\n${parsed.issues.map((i) => `  ${i.field}: ${i.message}`).join('\n')}`,
    );
  return parsed.scenario;
}

/** Runs the scenario and writes <out>.json, <out>.csv, <out>-daily.csv (and <out>-capacity.csv); returns the paths. */
export async function runSimulateCommand(file: string, options: SimulateOptions = {}): Promise<string[]> {
  let scenario = await readScenarioFile(file);
  if (options.replications !== undefined) scenario = { ...scenario, replications: options.replications };
  if (options.seed !== undefined) scenario = { ...scenario, seed: options.seed };
  const out = options.out ?? path.join(path.dirname(file), path.basename(file, path.extname(file)) + '-results');
  const pool = new SimulationPool(options.threads);
  const say = (line: string) => {
    if (!options.quiet) process.stdout.write(`${line}\n`);
  };
  try {
    const bar = progressBar(`Simulating "${scenario.name}"`, scenario.replications, 'replications');
    const started = Date.now();
    const result = await simulateWith(pool.run, scenario, (done) => bar.update(done));
    bar.stop();
    say(
      `${scenario.replications} replications, ${(result.events / 1e6).toFixed(1)} million events, ${((Date.now() - started) / 1000).toFixed(1)} s on ${pool.size} threads`,
    );
    for (const s of result.services) {
      const m = s.metrics;
      say(
        `  ${s.name}: mean wait ${m.waitMean.mean.toFixed(2)} days (95% CI ${m.waitMean.low.toFixed(2)}–${m.waitMean.high.toFixed(2)}), ` +
          `95th percentile ${m.waitP95.mean.toFixed(1)} days, ${(100 * m.shareWithinTarget.mean).toFixed(1)}% get a place within ${scenario.target.withinDays} days of being ready, ` +
          `occupancy ${m.meanOccupancy.mean.toFixed(1)} of ${m.meanCapacity.mean.toFixed(1)}`,
      );
    }

    const recommendations: CapacityRecommendation[] = [];
    if (options.recommend) {
      const searchBar = progressBar(
        'Searching for the least capacity meeting the target',
        scenario.services.length,
        'services',
      );
      for (const [i, s] of scenario.services.entries()) {
        recommendations.push(await recommendCapacity(scenario, s.id, pool.run));
        searchBar.update(i + 1);
      }
      searchBar.stop();
      for (const r of recommendations) {
        say(
          `  ${r.serviceName}: ${r.recommended === null ? 'no capacity up to the search limit meets' : `${r.recommended} places meet`} the target ` +
            `(${Math.round(100 * r.target.share)}% within ${r.target.withinDays} days; today ${r.current}; least total cost at ${r.leastCost})`,
        );
      }
    }

    const files = [`${out}.json`, `${out}.csv`, `${out}-daily.csv`];
    await writeFile(files[0], JSON.stringify({ scenario, result, recommendations }, null, 2));
    await writeFile(files[1], csvLines(summaryRows(result)));
    await writeFile(files[2], csvLines(dailyRows(result)));
    if (recommendations.length) {
      files.push(`${out}-capacity.csv`);
      await writeFile(files[3], csvLines(curveRows(recommendations)));
    }
    say(`Wrote ${files.join(', ')}`);
    return files;
  } finally {
    await pool.close();
  }
}

export function register(program: Command): void {
  program
    .command('simulate')
    .description('simulate a discharge capacity scenario (JSON) and write the results as JSON and CSV')
    .argument(
      '<scenario>',
      'scenario file (JSON; the format is in src/domain/discharge/simulation/scenario.ts and README.md)',
    )
    .option('--example', 'first write an example three-pathway borough scenario to <scenario> (it must not exist yet)')
    .option('-o, --out <prefix>', 'output path prefix (default: <scenario>-results)')
    .option('-r, --replications <n>', 'override the number of replications', (v) => positiveInt(v, '--replications'))
    .option('--seed <n>', 'override the random seed', (v) => integer(v, '--seed'))
    .option('--recommend', 'also find the least capacity per service meeting the target, with the trade-off curve')
    .option('--threads <n>', 'worker threads (default: all cores)', (v) => positiveInt(v, '--threads'))
    .action(async (file: string, opts: SimulateOptions & { example?: boolean }) => {
      try {
        if (opts.example) {
          await writeFile(file, JSON.stringify(boroughScenario({ name: 'Example borough' }), null, 2), {
            flag: 'wx',
          }).catch((err: NodeJS.ErrnoException) => {
            throw new ScenarioFileError(`${file}: cannot write the example (${err.code ?? err.message})`);
          });
          process.stdout.write(`Wrote an example scenario to ${file}\n`);
        }
        await runSimulateCommand(file, opts);
      } catch (err) {
        if (err instanceof ScenarioFileError) {
          process.stderr.write(`${err.message}\n`);
          process.exitCode = 1;
        } else throw err;
      }
    });
}

function integer(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`${flag}: "${value}" is not a whole number`);
  return n;
}

function positiveInt(value: string, flag: string): number {
  const n = integer(value, flag);
  if (n < 1) throw new Error(`${flag}: must be at least 1`);
  return n;
}
