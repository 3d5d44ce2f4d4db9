// `steward simulate <scenario.json>`: run a capacity-planning scenario on all cores, with a progress bar, writing
// the results as JSON, CSV and XLSX (summary, and every daily series with its 5–95% band), and optionally the
// recommended capacity per service. `steward simulate --ipacs <workbook.xlsx>` runs every scenario of an IPACS
// input workbook and writes IPACS-style daily outputs beside Steward's own.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import ExcelJS from 'exceljs';
import { isDomainError } from '../domain/core/errors.js';
import { recommendCapacity, type CapacityRecommendation } from '../domain/discharge/simulation/capacitySearch.js';
import { compileScenario } from '../domain/discharge/simulation/compile.js';
import { boroughScenario } from '../domain/discharge/simulation/examples.js';
import { csvLines, curveRows, dailyRows, summaryRows } from '../domain/discharge/simulation/csv.js';
import { ipacsOutputRows, ipacsScenarios } from '../domain/discharge/simulation/ipacs.js';
import { summarise, type SimulationResult } from '../domain/discharge/simulation/results.js';
import { parseScenario, type Scenario } from '../domain/discharge/simulation/scenario.js';
import { simulateWith } from '../domain/discharge/simulation/simulate.js';
import { SimulationPool } from '../server/discharge/simulationRunner.js';
import { readIpacsWorkbook } from './ipacsWorkbook.js';
import { progressBar } from './progress.js';

export interface SimulateOptions {
  out?: string;
  replications?: number;
  seed?: number;
  recommend?: boolean;
  threads?: number;
  quiet?: boolean;
}

/** Runs this small (about a second on one core) are run on the main thread, without starting worker threads. */
const CLI_IN_PROCESS_EVENTS = 3_000_000;

/** A problem with the file given to the command, already worded for the user (file and field). */
export class ScenarioFileError extends Error {}

/**
 * Reads and validates a scenario file with the same strict schema as the API and the planner page.
 * @throws ScenarioFileError naming the file and each field at fault (unknown fields with the nearest known name)
 */
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

/** Writes rows as a one-sheet workbook (numbers as numbers). */
async function writeXlsx(file: string, sheet: string, rows: (string | number | null)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Steward';
  const ws = workbook.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  await workbook.xlsx.writeFile(file);
}

function describe(result: SimulationResult, say: (line: string) => void): void {
  for (const s of result.services) {
    const m = s.metrics;
    say(
      `  ${s.name}: mean wait ${m.waitMean.mean.toFixed(2)} days (95% CI ${m.waitMean.low.toFixed(2)}–${m.waitMean.high.toFixed(2)}), ` +
        `95th percentile ${m.waitP95.mean.toFixed(1)} days, ${(100 * m.shareWithinTarget.mean).toFixed(1)}% get a place within ${result.scenario.target.withinDays} days of being ready, ` +
        `occupancy ${m.meanOccupancy.mean.toFixed(1)} people` +
        (s.unit === 'visit'
          ? `, ${m.meanVisits.mean.toFixed(1)} of ${m.meanCapacity.mean.toFixed(1)} visits a day`
          : ` of ${m.meanCapacity.mean.toFixed(1)} places`),
    );
  }
  for (const w of result.warnings) say(`  Warning: ${w.message}`);
}

/**
 * Runs the scenario and writes <out>.json, <out>.csv, <out>-daily.csv, <out>-daily.xlsx (and <out>-capacity.csv).
 * @returns the paths written
 */
export async function runSimulateCommand(file: string, options: SimulateOptions = {}): Promise<string[]> {
  let scenario = await readScenarioFile(file);
  if (options.replications !== undefined) scenario = { ...scenario, replications: options.replications };
  if (options.seed !== undefined) scenario = { ...scenario, seed: options.seed };
  const out = options.out ?? path.join(path.dirname(file), path.basename(file, path.extname(file)) + '-results');
  const pool = new SimulationPool(options.threads, CLI_IN_PROCESS_EVENTS);
  const say = (line: string) => {
    if (!options.quiet) process.stdout.write(`${line}\n`);
  };
  try {
    const bar = progressBar(`Simulating "${scenario.name}"`, scenario.replications, 'replications');
    const started = Date.now();
    const result = await simulateWith(pool.run, scenario, (done) => bar.update(done));
    bar.stop();
    say(
      `${scenario.replications} replications, ${(result.events / 1e6).toFixed(1)} million events, ${((Date.now() - started) / 1000).toFixed(1)} s ${pool.runsInProcess([scenario]) ? 'on one thread' : `on ${pool.size} thread${pool.size === 1 ? '' : 's'}`}` +
        (result.scenario.fromInitialState
          ? ', from the initial state given'
          : `, after a ${result.scenario.warmupDays}-day warm-up (${result.scenario.warmupSource})`),
    );
    describe(result, say);

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

    const files = [`${out}.json`, `${out}.csv`, `${out}-daily.csv`, `${out}-daily.xlsx`];
    const daily = dailyRows(result);
    await writeFile(files[0], JSON.stringify({ scenario, result, recommendations }, null, 2));
    await writeFile(files[1], csvLines(summaryRows(result)));
    await writeFile(files[2], csvLines(daily));
    await writeXlsx(files[3], 'Daily', daily);
    if (recommendations.length) {
      files.push(`${out}-capacity.csv`);
      await writeFile(files[4], csvLines(curveRows(recommendations)));
    }
    say(`Wrote ${files.join(', ')}`);
    return files;
  } finally {
    await pool.close();
  }
}

export interface IpacsRun {
  files: string[];
  scenarios: number;
  replications: number;
  events: number;
  seconds: number;
}

/** Replications per IPACS scenario unless told otherwise (IPACS itself runs 5). */
export const IPACS_REPLICATIONS = 100;

/**
 * Runs every scenario of an IPACS input workbook on all cores and writes <out>-bed.csv and <out>-visit.csv in
 * IPACS's output layout, and <out>-daily.csv and <out>-summary.csv in Steward's (every series, with bands).
 * @throws InputError naming the workbook's sheet, row and column at fault
 */
export async function runIpacsCommand(workbookFile: string, options: SimulateOptions = {}): Promise<IpacsRun> {
  const workbook = await readIpacsWorkbook(workbookFile);
  const replications = options.replications ?? IPACS_REPLICATIONS;
  const scenarios = ipacsScenarios(workbook, { replications, seed: options.seed ?? 1 });
  const out =
    options.out ??
    path.join(
      path.dirname(workbookFile),
      `steward_output_using_${path.basename(workbookFile, path.extname(workbookFile))}`,
    );
  const say = (line: string) => {
    if (!options.quiet) process.stdout.write(`${line}\n`);
  };
  const pool = new SimulationPool(options.threads, CLI_IN_PROCESS_EVENTS);
  try {
    const total = scenarios.reduce((a, s) => a + s.scenario.replications, 0);
    say(
      `${workbookFile}: ${scenarios.length} scenarios (${scenarios.filter((s) => s.model === 'visit').length} visit-based, ${
        scenarios.filter((s) => s.model === 'bed').length
      } bed-based), ${scenarios[0]?.scenario.days ?? 0} days from ${scenarios[0]?.scenario.startDate ?? '—'}, ${replications} replications each`,
    );
    const bar = progressBar('Simulating the IPACS workbook', total, 'replications');
    const started = Date.now();
    const replicated = await pool.runMany(
      scenarios.map((s) => s.scenario),
      (done) => bar.update(done),
    );
    bar.stop();
    const runs = scenarios.map((s, i) => ({
      name: s.name,
      model: s.model,
      result: summarise(s.scenario, compileScenario(s.scenario), replicated[i]),
    }));
    const seconds = (Date.now() - started) / 1000;
    const events = runs.reduce((a, r) => a + r.result.events, 0);
    const where = pool.runsInProcess(scenarios.map((s) => s.scenario))
      ? 'on one thread'
      : `on ${pool.size} thread${pool.size === 1 ? '' : 's'}`;
    say(`${total} replications, ${(events / 1e6).toFixed(1)} million events, ${seconds.toFixed(1)} s ${where}`);

    const files = [`${out}-bed.csv`, `${out}-visit.csv`, `${out}-daily.csv`, `${out}-summary.csv`];
    await writeFile(
      files[0],
      csvLines(
        ipacsOutputRows(
          'bed',
          runs.filter((r) => r.model === 'bed'),
        ),
      ),
    );
    await writeFile(
      files[1],
      csvLines(
        ipacsOutputRows(
          'visit',
          runs.filter((r) => r.model === 'visit'),
        ),
      ),
    );
    const daily = runs.flatMap((r, i) => dailyRows(r.result).slice(i === 0 ? 0 : 1));
    await writeFile(files[2], csvLines(daily));
    const summary = runs.flatMap((r, i) => summaryRows(r.result).slice(i === 0 ? 0 : 1));
    await writeFile(files[3], csvLines(summary));
    say(`Wrote ${files.join(', ')}`);
    say(
      'How these differ from the published IPACS outputs: src/domain/discharge/simulation/README.md, "IPACS workbooks".',
    );
    return { files, scenarios: scenarios.length, replications: total, events, seconds };
  } finally {
    await pool.close();
  }
}

/** Registers `steward simulate` (a scenario file, or `--ipacs <workbook>`). */
export function register(program: Command): void {
  program
    .command('simulate')
    .description(
      'simulate a discharge capacity scenario (JSON), or every scenario of an IPACS workbook (--ipacs), and write the results',
    )
    .argument(
      '[scenario]',
      'scenario file (JSON; the format is in src/domain/discharge/simulation/scenario.ts and README.md)',
    )
    .option('--ipacs <workbook>', 'run every scenario of an IPACS input workbook (.xlsx) and write IPACS-style outputs')
    .option('--example', 'first write an example three-pathway borough scenario to <scenario> (it must not exist yet)')
    .option('-o, --out <prefix>', 'output path prefix (default: <scenario>-results)')
    .option('-r, --replications <n>', 'override the number of replications', (v) => positiveInt(v, '--replications'))
    .option('--seed <n>', 'override the random seed', (v) => integer(v, '--seed'))
    .option('--recommend', 'also find the least capacity per service meeting the target, with the trade-off curve')
    .option('--threads <n>', 'worker threads (default: all cores)', (v) => positiveInt(v, '--threads'))
    .action(async (file: string | undefined, opts: SimulateOptions & { example?: boolean; ipacs?: string }) => {
      try {
        if (opts.ipacs) {
          if (file) throw new ScenarioFileError('give either a scenario file or --ipacs <workbook>, not both');
          await runIpacsCommand(opts.ipacs, opts);
          return;
        }
        if (!file) throw new ScenarioFileError('give a scenario file (or --ipacs <workbook>)');
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
        } else if (isDomainError(err)) {
          const where = opts.ipacs ?? file ?? '';
          process.stderr.write(`${where}: ${err.message}\n`);
          for (const e of err.errors) process.stderr.write(`  ${e.field}: ${e.message}\n`);
          process.exitCode = 1;
        } else throw err;
      }
    });
}

function integer(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`${flag}: "${value}" is not a whole number`);
  return n;
}

function positiveInt(value: string, flag: string): number {
  const n = integer(value, flag);
  if (n < 1) throw new InvalidArgumentError(`${flag}: must be at least 1`);
  return n;
}
