// The hub's metrics are cached per discharge data version (issue 15): after every kind of write the cached
// report must equal a full recomputation, and a report must not be recomputed while nothing changed.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../testing.js';
import { dataVersion } from '../core/versions.js';
import { seedDischargeMarket } from './fixtures.js';
import { loadMetrics } from './flow.js';
import { createReferral, recordDelay, recordDischarge } from './referrals.js';

const NOW = new Date();
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const WINDOW = { period: 'month' as const, from: day(-90), to: day(1) };

describeWithDatabases('metrics cached per data version', (ctx) => {
  let referralId: string;

  beforeAll(async () => {
    await seedDischargeMarket(ctx.db, NOW);
  });

  /** The report as a fresh computation gives it: a new transaction handle is a different cache. */
  const recomputed = () =>
    ctx.db.transaction((tx) => loadMetrics(tx as unknown as typeof ctx.db, { ...WINDOW, asAt: NOW }));

  it('raises the version with each write to the hub tables, in the writing transaction', async () => {
    const before = await dataVersion(ctx.db, 'discharge');
    expect(before).not.toBeNull();
    const r = await createReferral(
      ctx.db,
      {
        personRef: 'CACHE-0001',
        ageBand: '85-94',
        postcodeDistrict: 'RM1',
        hospital: 'Queen’s Hospital',
        ward: 'Ward 3',
        medicallyOptimisedAt: new Date(NOW.getTime() - 3 * 86_400_000).toISOString(),
        pathway: 1,
        serviceNeed: 'reablement',
        doubleHanded: false,
        specialisms: [],
        equipment: [],
        needsSummary: '',
        fundingRoute: 'discharge_fund',
        preferredDistricts: [],
        preferredLocationIds: [],
      },
      { system: 'test' },
      new Date(NOW.getTime() - 4 * 86_400_000),
    );
    referralId = r.id;
    expect(await dataVersion(ctx.db, 'discharge')).toBeGreaterThan(before!);
    // A write rolled back leaves the version where it was.
    const v = await dataVersion(ctx.db, 'discharge');
    await expect(
      ctx.db.transaction(async (tx) => {
        await tx.execute(sql`update discharge_referrals set ward = 'Ward 4' where id = ${referralId}`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await dataVersion(ctx.db, 'discharge')).toBe(v);
  });

  it('serves the same report while nothing changes, and a recomputed one after each write', async () => {
    const first = await loadMetrics(ctx.db, { ...WINDOW, asAt: NOW });
    const again = await loadMetrics(ctx.db, { ...WINDOW, asAt: NOW });
    expect(again.rows).toBe(first.rows); // the cached object, not a new computation
    expect(first).toEqual(await recomputed());

    await recordDelay(
      ctx.db,
      referralId,
      'awaiting_assessment',
      '',
      { system: 'test' },
      new Date(NOW.getTime() - 2 * 86_400_000),
    );
    const afterDelay = await loadMetrics(ctx.db, { ...WINDOW, asAt: NOW });
    expect(afterDelay.rows).not.toBe(first.rows);
    expect(afterDelay).toEqual(await recomputed());
    const delayed = (r: typeof first) => r.rows.reduce((n, row) => n + row.delayedBedDays.awaiting_assessment, 0);
    expect(delayed(afterDelay)).toBeGreaterThan(delayed(first));

    await recordDischarge(
      ctx.db,
      referralId,
      'usual_residence',
      { system: 'test' },
      new Date(NOW.getTime() - 3_600_000),
    );
    const afterDischarge = await loadMetrics(ctx.db, { ...WINDOW, asAt: NOW });
    expect(afterDischarge).toEqual(await recomputed());
    const discharges = (r: typeof first) => r.rows.reduce((n, row) => n + row.discharges[1], 0);
    expect(discharges(afterDischarge)).toBe(discharges(afterDelay) + 1);
  });
});
