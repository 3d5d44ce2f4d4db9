import { afterAll, describe, expect, it } from 'vitest';
import { runReplications, simulateWith } from '../../domain/discharge/simulation/simulate.js';
import { boroughScenario } from '../../domain/discharge/simulation/examples.js';
import { SimulationPool } from './simulationRunner.js';

describe('simulation on worker threads', () => {
  const pool = new SimulationPool(2, 0); // always on the threads, however small the run
  afterAll(() => pool.close());

  it('gives exactly the replications the calling thread gives, in order', async () => {
    const scenario = boroughScenario({ replications: 9 });
    let progress = 0;
    const threaded = await pool.run(scenario, (done) => (progress = done));
    const local = runReplications(scenario);
    expect(threaded.map((r) => r.replication)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(threaded.map((r) => r.services)).toEqual(local.map((r) => r.services));
    expect(Array.from(threaded[4].daily[1].queue)).toEqual(Array.from(local[4].daily[1].queue));
    expect(progress).toBe(9);
  }, 60_000);

  it('summarises a threaded run like a local one', async () => {
    const scenario = boroughScenario({ replications: 4, days: 60 });
    const result = await simulateWith(pool.run, scenario);
    expect(result.scenario.replications).toBe(4);
    expect(result.services).toHaveLength(3);
  }, 60_000);

  it('runs several scenarios at once, each as if run alone', async () => {
    const a = boroughScenario({ replications: 3, days: 30 });
    const b = boroughScenario({ replications: 5, days: 40, seed: 9 });
    const [ra, rb] = await pool.runMany([a, b]);
    expect(ra.map((r) => r.services)).toEqual(runReplications(a).map((r) => r.services));
    expect(rb.map((r) => r.services)).toEqual(runReplications(b).map((r) => r.services));
  }, 60_000);

  it('runs small jobs on the calling thread, with the same results', async () => {
    const small = new SimulationPool(2, 1_000_000);
    const scenario = boroughScenario({ replications: 3, days: 30 });
    const done: number[] = [];
    const results = await small.run(scenario, (n) => done.push(n));
    expect(results.map((r) => r.services)).toEqual(runReplications(scenario).map((r) => r.services));
    expect(done).toEqual([1, 2, 3]);
    await small.close();
  });

  it('refuses work once closed', async () => {
    const other = new SimulationPool(1);
    await other.close();
    await expect(other.run(boroughScenario({ replications: 2 }))).rejects.toThrow(/closed/);
  });
});
