import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boroughScenario } from '../domain/discharge/simulation/examples.js';
import { fileURLToPath } from 'node:url';
import { InputError } from '../domain/core/errors.js';
import { runIpacsCommand, runSimulateCommand, ScenarioFileError } from './simulate.js';

const IPACS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'ipacs');

describe('steward simulate', () => {
  it('runs a scenario file and writes JSON, summary CSV, daily CSV and the capacity curve', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'steward-simulate-'));
    const file = path.join(dir, 'winter.json');
    const scenario = boroughScenario({ name: 'Winter', replications: 8, days: 120 });
    await writeFile(file, JSON.stringify(scenario));
    const files = await runSimulateCommand(file, { quiet: true, threads: 2, recommend: true, replications: 6 });
    expect(files.map((f) => path.basename(f))).toEqual([
      'winter-results.json',
      'winter-results.csv',
      'winter-results-daily.csv',
      'winter-results-daily.xlsx',
      'winter-results-capacity.csv',
    ]);
    const json = JSON.parse(await readFile(files[0], 'utf8'));
    expect(json.result.scenario.replications).toBe(6);
    expect(json.recommendations).toHaveLength(3);
    const csv = (await readFile(files[1], 'utf8')).split('\r\n');
    expect(csv[0]).toBe('scenario,service,pathway,metric,unit,mean,ci_low,ci_high,replications');
    expect(csv.some((l) => l.startsWith('Winter,Reablement (pathway 1),1,Mean wait,days,'))).toBe(true);
    const daily = (await readFile(files[2], 'utf8')).trim().split('\r\n');
    expect(daily).toHaveLength(1 + 3 * 120);
    expect((await readFile(files[3])).subarray(0, 2).toString()).toBe('PK');
    const curve = (await readFile(files[4], 'utf8')).trim().split('\r\n');
    expect(curve.filter((l) => l.includes(',yes,'))).toHaveLength(
      json.recommendations.filter((r: { recommended: number | null }) => r.recommended !== null).length,
    );
  }, 120_000);

  it('says which file and field is wrong', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'steward-simulate-'));
    const file = path.join(dir, 'bad.json');
    const scenario = boroughScenario() as unknown as { services: { capacity: number }[] };
    scenario.services[2].capacity = -4;
    await writeFile(file, JSON.stringify(scenario));
    await expect(runSimulateCommand(file, { quiet: true })).rejects.toThrow(ScenarioFileError);
    await expect(runSimulateCommand(file, { quiet: true })).rejects.toThrow(
      /bad\.json: the scenario has problems:\n {2}services\.2\.capacity: /,
    );
    // A misspelt field is refused, not dropped, with the nearest known name.
    await writeFile(file, JSON.stringify({ ...boroughScenario(), warmUpDays: 30 }));
    await expect(runSimulateCommand(file, { quiet: true })).rejects.toThrow(
      /warmUpDays: Unknown field "warmUpDays": did you mean "warmupDays"\?/,
    );
    await writeFile(file, '{ "startDate": ');
    await expect(runSimulateCommand(file, { quiet: true })).rejects.toThrow(/bad\.json: not valid JSON/);
    await expect(runSimulateCommand(path.join(dir, 'missing.json'), { quiet: true })).rejects.toThrow(
      /missing\.json: cannot read the file \(ENOENT\)/,
    );
  });

  it('runs every scenario of the published IPACS workbook and writes outputs in its layout', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'steward-ipacs-'));
    const run = await runIpacsCommand(path.join(IPACS, 'IPACS_20230214_fix.xlsx'), {
      quiet: true,
      threads: 2,
      replications: 2,
      out: path.join(dir, 'out'),
    });
    expect(run.scenarios).toBe(108); // 36 visit-based (pathway 1), 72 bed-based (pathways 2 and 3)
    for (const kind of ['bed', 'visit'] as const) {
      const ours = (await readFile(path.join(dir, `out-${kind}.csv`), 'utf8')).trim().split('\r\n');
      const published = (await readFile(path.join(IPACS, `${kind}_testing_using_IPACS_20230214_fix.csv`), 'utf8'))
        .trim()
        .split('\n');
      expect(ours).toHaveLength(published.length); // 181 days and the header
      const columns = (line: string) => line.split(',').map((c) => c.replace(/"/g, ''));
      expect(new Set(columns(ours[0]))).toEqual(new Set(columns(published[0])));
      expect(columns(ours[1])[0]).toBe('2023-01-01');
    }
  }, 300_000);

  it('names the sheet that is missing from a workbook that is not an IPACS one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'steward-ipacs-'));
    const file = path.join(dir, 'not-ipacs.xlsx');
    await writeFile(file, 'not a workbook');
    await expect(runIpacsCommand(file, { quiet: true })).rejects.toThrow(InputError);
    await expect(runIpacsCommand(file, { quiet: true })).rejects.toThrow(/cannot read it as an Excel workbook/);
  });
});
