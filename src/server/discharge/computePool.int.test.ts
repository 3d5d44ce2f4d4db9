// The flow metrics and the planner's fit worked out on a worker thread (computePool.ts) equal the same computations
// on the calling thread, on the demo borough's discharge history (five years of metrics, weekly and monthly), and
// an input error raised on the thread comes back as an input error.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import type { Db } from '../../db/client.js';
import { loadResponseRecords } from '../../db/discharge/brokerage.js';
import { loadFlowRecords, loadMetrics } from '../../db/discharge/flow.js';
import { fitFromHistory } from '../../db/discharge/simulation.js';
import { addDays, londonMidnight } from '../../domain/core/dates.js';
import { InputError } from '../../domain/core/errors.js';
import { flowMetrics } from '../../domain/discharge/metrics.js';
import { createRng } from '../../domain/core/random.js';
import { demoParts } from '../../demo/index.js';
import { ComputePool, fitOn, flowMetricsOn } from './computePool.js';

const AS_AT = new Date('2026-03-02T00:00:00Z');
const TODAY = '2026-03-02';
const FIVE_YEARS_BACK = addDays(TODAY, -5 * 365);

/** The demo's borough, market and discharge hub (the parts the discharge figures read), as the demo loads them. */
async function loadDischargeDemo(db: Db): Promise<void> {
  for (const part of demoParts.filter((p) => ['core', 'market', 'discharge'].includes(p.name)))
    await part.load(db, {
      seed: 1,
      asAt: AS_AT,
      rng: (stream) => createRng(1, `${part.name}/${stream}`),
      log: () => {},
      progress: () => {},
    });
}

describeWithDatabases('computations on a worker thread', (ctx) => {
  const pool = new ComputePool(1);
  const onThread = flowMetricsOn(pool, 0); // always on the thread, however few the records

  beforeAll(async () => {
    await loadDischargeDemo(ctx.db);
  });
  afterAll(() => pool.close());

  it('gives the flow metrics the calling thread gives, weekly and monthly over five years', async () => {
    const records = await loadFlowRecords(ctx.db, londonMidnight(FIVE_YEARS_BACK), londonMidnight(TODAY));
    const responses = await loadResponseRecords(ctx.db);
    expect(records.length).toBeGreaterThan(1_000);
    expect(responses.length).toBeGreaterThan(1_000);
    expect(records.some((r) => r.delays.length > 0)).toBe(true);
    for (const period of ['week', 'month'] as const) {
      const opts = { period, from: FIVE_YEARS_BACK, to: TODAY, asAt: AS_AT };
      const local = flowMetrics(records, responses, opts);
      const threaded = await onThread(records, responses, opts);
      expect(threaded).toEqual(local);
      expect(threaded.some((row) => row.delayedBedDaysTotal > 0 && row.wait.medianDays !== null)).toBe(true);
    }
  }, 120_000);

  it('gives the same metrics report through loadMetrics', async () => {
    const opts = { period: 'month' as const, from: addDays(TODAY, -400), to: TODAY, asAt: AS_AT };
    // Each in its own transaction handle: a different cache, so both are worked out afresh.
    const local = await ctx.db.transaction((tx) => loadMetrics(tx as unknown as Db, opts));
    const threaded = await ctx.db.transaction((tx) => loadMetrics(tx as unknown as Db, opts, onThread));
    expect(threaded).toEqual(local);
  }, 120_000);

  it('gives the fit the calling thread gives', async () => {
    const local = await ctx.db.transaction((tx) => fitFromHistory(tx as unknown as Db, TODAY));
    const threaded = await ctx.db.transaction((tx) => fitFromHistory(tx as unknown as Db, TODAY, fitOn(pool)));
    expect(local).not.toBeNull();
    expect(threaded).toEqual(local);
  }, 120_000);

  it('raises an input error from the thread as an input error, naming the field', async () => {
    const short = { from: '2026-01-01', to: '2026-01-10', referrals: [], beds: [], d2aOutcomes: {} };
    const err = await pool.run('fitHistory', short).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).errors).toEqual([
      { field: 'asAt', message: 'The history window 2026-01-01 to 2026-01-10 is shorter than 4 weeks' },
    ]);
  });
});
