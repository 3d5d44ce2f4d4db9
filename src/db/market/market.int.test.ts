import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createRng } from '../../domain/core/random.js';
import { hhi, providerShares } from '../../domain/market/concentration.js';
import { DEMO_OLDER_BEDS, DEMO_OLDER_HOMES } from '../../demo/marketGenerator.js';
import { quantileSorted } from '../../domain/core/statistics.js';
import { meanPriceChange, shareAtOrBelowUsualRate } from '../../domain/market/prices.js';
import { activePlacementsTotal } from '../../domain/market/placement.js';
import { marketDemoPart } from '../../demo/market.js';
import { queryRows } from '../client.js';
import { describeWithDatabases } from '../testing.js';
import { adjustVacancy, confirmNoChange, recordCareHomeReturn } from './capacity.js';
import { currentVacancies, latestCareHomeReturn } from './capacityQueries.js';
import { capacitySummary, careHomeRows, occupancyTrend, priceSummary } from './dashboard.js';
import { marketHeadlines } from './headlines.js';
import { createPlacement, endPlacement } from './placements.js';
import { listUsualRates, setUsualRate, usualRateOn } from './rates.js';
import { createLocation, createProvider } from './register.js';

const sys = { system: 'test' } as const;

describeWithDatabases('market repositories', (ctx) => {
  let homeId = '';
  let homecareId = '';
  beforeAll(async () => {
    const p = await createProvider(ctx.db, { name: 'Test Care Ltd', cqcProviderId: '1-555000001' }, sys);
    const home = await createLocation(
      ctx.db,
      {
        providerId: p.id,
        name: 'Test House',
        postcode: 'RM1 1AA',
        postcodeDistrict: 'RM1',
        serviceTypes: ['care_home_nursing', 'care_home_residential'],
        specialisms: ['dementia'],
        registeredBeds: 40,
        inBorough: true,
        cqcRating: 'Good',
      },
      sys,
    );
    const hc = await createLocation(
      ctx.db,
      { providerId: p.id, name: 'Test Homecare', serviceTypes: ['homecare'], inBorough: true },
      sys,
    );
    homeId = home.id;
    homecareId = hc.id;
  });

  it('records a return, refuses an impossible one naming the field, and audits', async () => {
    await recordCareHomeReturn(
      ctx.db,
      sys,
      homeId,
      {
        maxCapacity: 40,
        occupied: 35,
        vacantReserved: 1,
        vacantAccepting: 4,
        nursingMax: 20,
        nursingOccupied: 18,
        nursingVacantAccepting: 2,
      },
      { asAt: new Date('2026-11-01T09:00:00Z') },
    );
    await expect(
      recordCareHomeReturn(ctx.db, sys, homeId, {
        maxCapacity: 41,
        occupied: 35,
        vacantReserved: 1,
        vacantAccepting: 4,
      }),
    ).rejects.toMatchObject({
      errors: [{ field: 'maxCapacity', message: 'Maximum capacity cannot exceed the 40 beds registered with CQC' }],
    });
    await expect(
      recordCareHomeReturn(ctx.db, sys, homecareId, {
        maxCapacity: 1,
        occupied: 0,
        vacantReserved: 0,
        vacantAccepting: 1,
      }),
    ).rejects.toMatchObject({ errors: [{ field: 'locationId' }] });
    const audit = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from audit_log where entity = 'care_home_capacity'`,
    );
    expect(Number(audit[0].n)).toBe(1);
  });

  it('finds current vacancies and shows them as stale when old', async () => {
    const v = await currentVacancies(ctx.db, { inBorough: true });
    expect(v.map((r) => [r.name, r.vacantAccepting, r.nursingVacantAccepting])).toEqual([['Test House', 4, 2]]);
    expect(await currentVacancies(ctx.db, { inBorough: true }, { bedGroup: 'dementia' })).toEqual([]);
    const s = await capacitySummary(ctx.db, { inBorough: true }, new Date('2026-11-23T12:00:00Z'));
    expect(s).toMatchObject({
      careHomes: 1,
      registeredBeds: 40,
      maxCapacity: 40,
      occupied: 35,
      vacantAccepting: 4,
      staleHomes: 1,
    });
    expect(s.occupancy).toBe(0.875);
  });

  it('"no change" copies the figures forward with a new date', async () => {
    const before = await latestCareHomeReturn(ctx.db, homeId);
    const res = await confirmNoChange(ctx.db, sys, homeId, null);
    expect(res).toEqual({ careHome: true, homecareAreas: 0, workforce: false });
    const after = await latestCareHomeReturn(ctx.db, homeId);
    expect(after).toMatchObject({
      noChange: true,
      occupied: before!.occupied,
      vacantAccepting: before!.vacantAccepting,
      nursingMax: 20,
    });
    expect(after!.asAt.getTime()).toBeGreaterThan(before!.asAt.getTime());
    await expect(confirmNoChange(ctx.db, sys, homecareId, null)).rejects.toMatchObject({ status: 409 });
  });

  it('a placement takes a bed (and its nursing bed) and ending it frees the bed', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const pl = await createPlacement(ctx.db, sys, {
      personRef: 'P-TEST-1',
      locationId: homeId,
      serviceType: 'care_home_nursing',
      band: 'standard_nursing',
      startDate: today,
      weeklyPricePence: 71_500,
      contractType: 'framework',
    });
    expect(await latestCareHomeReturn(ctx.db, homeId)).toMatchObject({
      occupied: 36,
      vacantAccepting: 3,
      nursingOccupied: 19,
      nursingVacantAccepting: 1,
      source: 'system',
    });
    await endPlacement(ctx.db, sys, pl.id, today, 'returned home');
    expect(await latestCareHomeReturn(ctx.db, homeId)).toMatchObject({
      occupied: 35,
      vacantAccepting: 4,
      nursingOccupied: 18,
    });
    await expect(endPlacement(ctx.db, sys, pl.id, today, 'again')).rejects.toMatchObject({ status: 409 });
    await expect(
      createPlacement(ctx.db, sys, {
        personRef: 'Jane Smith',
        locationId: homeId,
        serviceType: 'homecare',
        band: 'homecare_hourly',
        startDate: today,
      }),
    ).rejects.toMatchObject({
      errors: expect.arrayContaining([
        { field: 'personRef', message: expect.stringContaining('pseudonymous') },
        { field: 'hoursPerWeek', message: 'is needed for an hourly homecare package' },
      ]),
    });
  });

  it('prices an hourly package as hours × rate', async () => {
    const pkg = await createPlacement(ctx.db, sys, {
      personRef: 'P-TEST-2',
      locationId: homecareId,
      serviceType: 'homecare',
      band: 'homecare_hourly',
      startDate: '2026-01-05',
      hoursPerWeek: 10.5,
      hourlyRatePence: 2_426,
      contractType: 'dps',
    });
    expect(pkg.weeklyPricePence).toBe(25_473);
  });

  it('adjustVacancy refuses to overfill a home', async () => {
    await recordCareHomeReturn(ctx.db, sys, homeId, {
      maxCapacity: 40,
      occupied: 40,
      vacantReserved: 0,
      vacantAccepting: 0,
    });
    await expect(adjustVacancy(ctx.db, sys, homeId, 1)).rejects.toMatchObject({ errors: [{ field: 'occupied' }] });
  });

  it('looks up the usual rate in force on a date', async () => {
    await setUsualRate(ctx.db, sys, { band: 'standard_residential', effectiveFrom: '2025-04-01', amountPence: 62_000 });
    await setUsualRate(ctx.db, sys, { band: 'standard_residential', effectiveFrom: '2026-04-01', amountPence: 70_100 });
    expect((await usualRateOn(ctx.db, 'standard_residential', '2026-03-31'))?.amountPence).toBe(62_000);
    expect((await usualRateOn(ctx.db, 'standard_residential', '2026-04-01'))?.amountPence).toBe(70_100);
    await expect(
      setUsualRate(ctx.db, sys, { band: 'gold', effectiveFrom: '2026-13-01', amountPence: -1 }),
    ).rejects.toMatchObject({ errors: [{ field: 'band' }, { field: 'effectiveFrom' }, { field: 'amountPence' }] });
    expect((await listUsualRates(ctx.db)).length).toBe(2);
  });
});

describeWithDatabases('market demo borough and dashboard figures', (ctx) => {
  const asAt = new Date('2026-11-23T00:00:00Z');
  const now = new Date('2026-11-23T12:00:00Z');
  beforeAll(async () => {
    await ctx.db.transaction((tx) =>
      marketDemoPart.load(tx, {
        seed: 7,
        asAt,
        rng: (s) => createRng(7, `market/${s}`),
        log: () => {},
        progress: () => {},
      }),
    );
  });

  it('has the calibrated older people’s care home market', async () => {
    const s = await capacitySummary(ctx.db, { inBorough: true, specialism: 'older_people' }, now);
    expect(s.careHomes).toBe(DEMO_OLDER_HOMES);
    expect(s.registeredBeds).toBe(DEMO_OLDER_BEDS);
    expect(s.occupancy).toBeGreaterThan(0.84);
    expect(s.occupancy).toBeLessThan(0.95);
    const goodOrBetter = s.ratings
      .filter((r) => r.rating === 'Good' || r.rating === 'Outstanding')
      .reduce((a, r) => a + r.count, 0);
    expect(goodOrBetter / DEMO_OLDER_HOMES).toBeGreaterThan(0.75);
    expect(s.staleHomes).toBeGreaterThanOrEqual(1);
    // Bed-weighted occupancy equals the sum over each home's latest return.
    const latest = await queryRows<{ m: number; o: number }>(
      ctx.db,
      sql`
      select sum(max_capacity)::int m, sum(occupied)::int o from (select distinct on (location_id) * from care_home_capacity order by location_id, as_at desc) c
      join locations l on l.id = c.location_id where l.in_borough and 'older_people' = any(l.service_user_bands)`,
    );
    expect(s.occupied / s.maxCapacity).toBeCloseTo(Number(latest[0].o) / Number(latest[0].m), 12);
  });

  it('computes quartiles in SQL exactly as the domain does (QUARTILE.INC)', async () => {
    const p = await priceSummary(ctx.db, { inBorough: true }, now);
    const last = p.quarters[p.quarters.length - 2];
    const prices = await queryRows<{ w: number }>(
      ctx.db,
      sql`
      select weekly_price_pence w from placements pl join locations l on l.id = pl.location_id where l.in_borough and l.deregistered_at is null
      and pl.band in ('standard_residential','enhanced_residential','standard_nursing','enhanced_nursing') and to_char(pl.start_date, 'YYYY-"Q"Q') = ${last.quarter}`,
    );
    const sorted = prices.map((r) => Number(r.w)).sort((a, b) => a - b);
    expect(last.n).toBe(sorted.length);
    expect(last.q1).toBeCloseTo(quantileSorted(sorted, 0.25)!, 6);
    expect(last.median).toBeCloseTo(quantileSorted(sorted, 0.5)!, 6);
    expect(last.q3).toBeCloseTo(quantileSorted(sorted, 0.75)!, 6);
  });

  it('tells the price story: a plausible rise in two years (fees 7–12% a year), spot share falling, usual-rate share from the same rows', async () => {
    const p = await priceSummary(ctx.db, { scope: undefined } as never, now);
    const rows = await queryRows<{
      start_date: string;
      weekly_price_pence: number;
      band: string;
      contract_type: string;
      funding: string;
    }>(
      ctx.db,
      sql`
      select start_date::text, weekly_price_pence, band, contract_type, funding from placements
      where band in ('standard_residential','enhanced_residential','standard_nursing','enhanced_nursing')`,
    );
    const domain = meanPriceChange(
      rows.map((r) => ({ startDate: r.start_date, weeklyPricePence: Number(r.weekly_price_pence) })),
      '2026-11-23',
    );
    expect(p.change.change).toBeCloseTo(domain.change!, 10);
    expect(p.change.change).toBeGreaterThan(0.1);
    expect(p.change.change).toBeLessThan(0.28);
    const rates = (await listUsualRates(ctx.db)).map((r) => ({
      band: r.band,
      effectiveFrom: r.effectiveFrom,
      amountPence: r.amountPence,
    }));
    const last12 = rows.filter((r) => r.start_date > '2025-11-23' && r.start_date <= '2026-11-23');
    const share = shareAtOrBelowUsualRate(
      last12.map((r) => ({
        band: r.band,
        startDate: r.start_date,
        weeklyPricePence: Number(r.weekly_price_pence),
        contractType: r.contract_type,
        funding: r.funding,
      })),
      rates,
    );
    expect(p.last12Months).toMatchObject({ compared: share.compared, atOrBelowUsualRate: share.atOrBelow });
    const first = p.contractMix
      .slice(0, 4)
      .reduce((a, q) => ({ spot: a.spot + q.spot, all: a.all + q.spot + q.framework + q.block + q.dps }), {
        spot: 0,
        all: 0,
      });
    const lastQ = p.contractMix
      .slice(-4)
      .reduce((a, q) => ({ spot: a.spot + q.spot, all: a.all + q.spot + q.framework + q.block + q.dps }), {
        spot: 0,
        all: 0,
      });
    expect(first.spot / first.all).toBeGreaterThan(0.42);
    expect(lastQ.spot / lastQ.all).toBeLessThan(first.spot / first.all);
    expect(p.outOfBorough.outOfBorough).toBeGreaterThan(0);
    expect(p.usualRates.find((r) => r.band === 'standard_residential')?.amountPence).toBe(70_100);
  });

  it('flags fragile homes and computes concentration like the domain', async () => {
    const homes = await careHomeRows(ctx.db, { inBorough: true }, now);
    const high = homes.filter((h) => h.fragilityLevel === 'high');
    expect(high.length).toBeGreaterThanOrEqual(2);
    expect(homes.some((h) => h.fragility.includes('low_occupancy'))).toBe(true);
    expect(homes.some((h) => h.fragility.includes('cqc_inadequate'))).toBe(true);
    expect(homes.some((h) => h.fragility.includes('stale_data'))).toBe(true);
    for (const h of homes) if (h.councilFundedShare != null) expect(h.councilFundedShare).toBeLessThanOrEqual(1);
    const s = await capacitySummary(ctx.db, { inBorough: true }, now);
    expect(s.concentration.hhi).toBeCloseTo(
      hhi(
        providerShares(
          homes.map((h) => ({ providerId: h.providerId, name: h.providerName, units: h.registeredBeds ?? 0 })),
        ),
      ),
      6,
    );
    const trend = await occupancyTrend(ctx.db, { inBorough: true }, 36, now);
    expect(trend.length).toBeGreaterThanOrEqual(36);
    // Issue 13: the home dashboard said 90.6% and the market chart 90.7% for the same month. The chart's
    // current month is the headline (each home's latest return), to the bed.
    const last = trend[trend.length - 1];
    expect(last.month).toBe('2026-11');
    expect([last.occupied, last.maxCapacity]).toEqual([s.occupied, s.maxCapacity]);
    expect(last.occupancy).toBe(s.occupancy);
  });

  it('gives the home dashboard its headlines', async () => {
    const h = await marketHeadlines(ctx.db, now);
    expect(h.careHomes).toBeGreaterThanOrEqual(DEMO_OLDER_HOMES);
    expect(h.homecareAgencies).toBeGreaterThan(30);
    expect(h.activePlacements).toBeGreaterThan(1500);
    // Review 13 finding 6: the card's total is the prices page's table by funding, everywhere, to the placement;
    // in the borough alone the table counts fewer (the page says so).
    const everywhere = await priceSummary(ctx.db, {}, now, 2);
    expect(activePlacementsTotal(everywhere.funding)).toBe(h.activePlacements);
    const inBorough = await priceSummary(ctx.db, { inBorough: true }, now, 2);
    expect(activePlacementsTotal(inBorough.funding)).toBeLessThan(h.activePlacements);
    // Two years of fee rises, plausibly 7–12% a year (issue 13: the demo said "up 83% on two years before").
    expect(h.meanNewPlacementPriceChange).toBeGreaterThan(0.1);
    expect(h.meanNewPlacementPriceChange).toBeLessThan(0.28);
  });
});
