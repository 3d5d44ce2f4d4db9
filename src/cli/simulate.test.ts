import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boroughScenario } from '../domain/discharge/simulation/examples.js';
import { runSimulateCommand, ScenarioFileError } from './simulate.js';

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
    const curve = (await readFile(files[3], 'utf8')).trim().split('\r\n');
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
    await writeFile(file, '{ "startDate": ');
    await expect(runSimulateCommand(file, { quiet: true })).rejects.toThrow(/bad\.json: not valid JSON/);
    await expect(runSimulateCommand(path.join(dir, 'missing.json'), { quiet: true })).rejects.toThrow(
      /missing\.json: cannot read the file \(ENOENT\)/,
    );
  });
});
