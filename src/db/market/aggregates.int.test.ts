// The dashboard's derived tables (drizzle/0001_market_aggregates.sql) must always equal what a live query over
// the source tables gives. Checked on the demo borough as loaded, then again after every kind of write the
// triggers must follow: new, future-dated, ended and deleted placements, a usual rate inserted mid-history, a
// home moving out of the borough, a deregistration, a late (backdated) return and a deleted return.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createRng } from '../../domain/core/random.js';
import { marketDemoPart } from '../../demo/market.js';
import { queryRows, type Db } from '../client.js';
import { describeWithDatabases } from '../testing.js';
import { recordCareHomeReturn, recordHomecareReturn, recordWorkforceReturn } from './capacity.js';
import { careHomeRows, careHomesPage, livePriceSummary, occupancyTrend, priceSummary } from './dashboard.js';
import { createPlacement, endPlacement } from './placements.js';
import { setUsualRate } from './rates.js';
import { updateLocationCommissioning } from './register.js';

const sys = { system: 'test' } as const;
const asAt = new Date('2026-11-23T00:00:00Z');
const now = new Date('2026-11-23T12:00:00Z');
const today = '2026-11-23';

/** Deep equality, numbers equal to within a part in 10^9 (means are divided in different places). */
function expectClose(actual: unknown, expected: unknown, path = 'result'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
      throw new Error(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

/** Each derived table against the same figures computed live from the source tables. */
async function expectAggregatesMatchSources(db: Db): Promise<void> {
  const rows = (q: ReturnType<typeof sql>) => queryRows<Record<string, unknown>>(db, q);
  expect(
    await rows(sql`select location_id, return_id, as_at, max_capacity, occupied, vacant_reserved, vacant_accepting, residential_max, residential_occupied,
      residential_vacant_accepting, nursing_max, nursing_occupied, nursing_vacant_accepting, dementia_max, dementia_occupied, dementia_vacant_accepting
    from care_home_latest order by location_id`),
  ).toEqual(
    await rows(sql`
    select distinct on (location_id) location_id, id as return_id, as_at, max_capacity, occupied, vacant_reserved, vacant_accepting, residential_max, residential_occupied,
      residential_vacant_accepting, nursing_max, nursing_occupied, nursing_vacant_accepting, dementia_max, dementia_occupied, dementia_vacant_accepting
    from care_home_capacity order by location_id, as_at desc, created_at desc, id desc`),
  );
  expect(
    await rows(
      sql`select location_id, month::text, as_at, max_capacity, occupied, vacant_accepting from care_home_monthly order by location_id, month`,
    ),
  ).toEqual(
    await rows(sql`
    select distinct on (location_id, date_trunc('month', as_at at time zone 'UTC')) location_id, date_trunc('month', as_at at time zone 'UTC')::date::text as month,
      as_at, max_capacity, occupied, vacant_accepting
    from care_home_capacity order by location_id, date_trunc('month', as_at at time zone 'UTC'), as_at desc, created_at desc, id desc`),
  );
  expect(await rows(sql`select * from workforce_latest order by location_id`)).toEqual(
    await rows(sql`
    select distinct on (location_id) location_id, as_at, nurses, care_staff, non_care_staff, agency_staff, vacancies, absences
    from workforce_snapshots order by location_id, as_at desc, created_at desc`),
  );
  expect(await rows(sql`select * from homecare_latest order by location_id, area`)).toEqual(
    await rows(sql`
    select distinct on (location_id, area) location_id, area, as_at, people_supported, hours_per_week, new_hours_available
    from homecare_capacity order by location_id, area, as_at desc, created_at desc`),
  );
  const bigintsAsNumbers = (r: Record<string, unknown>[]) =>
    r.map((x) => ({ ...x, council_priced_sum_pence: Number(x.council_priced_sum_pence) }));
  expect(bigintsAsNumbers(await rows(sql`select * from location_open_placements order by location_id`))).toEqual(
    await rows(sql`
    select location_id, count(*)::int as council_open, count(*) filter (where band <> 'individual')::int as council_priced_open,
      coalesce(sum(weekly_price_pence) filter (where band <> 'individual'), 0)::bigint as council_priced_sum_pence
    from placements where end_date is null and funding in ('council', 'joint') group by location_id order by location_id`).then(
      bigintsAsNumbers,
    ),
  );

  // The price summary read from the stored figures equals the live computation, for each borough scope.
  for (const inBorough of [true, false, undefined]) {
    expectClose(
      await priceSummary(db, { inBorough }, now),
      await livePriceSummary(db, { inBorough }, now),
      `prices (inBorough ${inBorough})`,
    );
  }

  // Council placements live today per home (open ones, less future starts, plus future ends) against a live count.
  const homes = await careHomeRows(db, {}, now);
  const live = new Map(
    (
      await rows(sql`
    select location_id, count(*)::int as n, avg(weekly_price_pence) filter (where band <> 'individual')::float8 as mean
    from placements where funding in ('council', 'joint') and start_date <= ${today}::date and (end_date is null or end_date > ${today}::date)
    group by location_id`)
    ).map((r) => [String(r.location_id), r]),
  );
  for (const h of homes) {
    const l = live.get(h.locationId);
    expect(h.councilFundedActive, h.name).toBe(l ? Number(l.n) : 0);
    if (l?.mean == null) expect(h.meanCouncilPricePence, h.name).toBeNull();
    else expect(h.meanCouncilPricePence!, h.name).toBeCloseTo(Number(l.mean), 6);
  }

  // Occupancy by month: each care home's latest return by the end of each month, looked up in the returns
  // themselves month by month, summed (months before any return left out), for long and short windows.
  for (const f of [{ inBorough: true }, {}]) {
    for (const months of [36, 3]) {
      const live = await rows(sql`
        with months as (
          select generate_series(date_trunc('month', ${today}::date - make_interval(months => ${months})), date_trunc('month', ${today}::date), interval '1 month')::date as month)
        select to_char(months.month, 'YYYY-MM') as month, count(*)::int as homes, sum(c.max_capacity)::int as max_capacity,
          sum(c.occupied)::int as occupied, sum(c.vacant_accepting)::int as vacant_accepting
        from months cross join locations
        join lateral (select * from care_home_capacity c where c.location_id = locations.id
          and c.as_at < ((months.month + interval '1 month')::timestamp at time zone 'UTC')
          order by c.as_at desc, c.created_at desc, c.id desc limit 1) c on true
        where locations.deregistered_at is null and locations.service_types && array['care_home_residential','care_home_nursing']::text[]
          ${'inBorough' in f ? sql`and locations.in_borough` : sql``}
        group by months.month order by months.month`);
      const trend = await occupancyTrend(db, f, months, now);
      expect(trend.length, `${months} months`).toBe(live.length);
      expect(trend.length).toBeGreaterThan(months === 36 ? 12 : 3);
      expect(trend).toEqual(
        live.map((r) => ({
          month: r.month,
          homes: r.homes,
          maxCapacity: r.max_capacity,
          occupied: r.occupied,
          vacantAccepting: r.vacant_accepting,
          occupancy: Number(r.max_capacity) > 0 ? Number(r.occupied) / Number(r.max_capacity) : null,
        })),
      );
    }
  }

  // The care homes page ranks every home in SQL exactly as the domain's assessFragility does.
  for (const f of [{ inBorough: true }, {}]) {
    const all = await careHomeRows(db, f, now);
    const page = await careHomesPage(db, f, { pageSize: 10 }, now);
    const count = (level: string) => all.filter((h) => h.fragilityLevel === level).length;
    expect(page.levels).toEqual({ high: count('high'), watch: count('watch'), none: count('none') });
    const rank = { high: 0, watch: 1, none: 2 };
    const expectedWatch = all
      .filter((h) => h.fragilityLevel !== 'none')
      .sort(
        (a, b) =>
          rank[a.fragilityLevel] - rank[b.fragilityLevel] ||
          b.fragility.length - a.fragility.length ||
          all.indexOf(a) - all.indexOf(b),
      );
    expect(page.watch.map((h) => h.name)).toEqual(expectedWatch.slice(0, 10).map((h) => h.name));
    expect(page.rows.map((h) => h.name)).toEqual(all.slice(0, 10).map((h) => h.name));
    expect((await careHomesPage(db, f, { pageSize: 10, page: 2 }, now)).rows.map((h) => h.locationId)).toEqual(
      all.slice(10, 20).map((h) => h.locationId),
    );
  }
}

describeWithDatabases('market aggregates kept by triggers', (ctx) => {
  beforeAll(async () => {
    await ctx.db.transaction((tx) =>
      marketDemoPart.load(tx, {
        seed: 11,
        asAt,
        rng: (s) => createRng(11, `market/${s}`),
        log: () => {},
        progress: () => {},
      }),
    );
  });

  it('equal the live figures for the demo borough as loaded', async () => {
    const [counts] = await queryRows<Record<string, number>>(
      ctx.db,
      sql`select (select count(*) from market_price_quarters)::int q,
      (select count(*) from market_price_days)::int d, (select count(*) from market_placement_flows)::int f, (select count(*) from care_home_latest)::int l`,
    );
    expect(counts.q).toBeGreaterThan(12);
    expect(counts.d).toBeGreaterThan(300);
    expect(counts.f).toBeGreaterThan(300);
    expect(counts.l).toBeGreaterThan(30);
    await expectAggregatesMatchSources(ctx.db);
  });

  it('stay equal through placements, rates, scope changes, deregistration and returns', async () => {
    const homes = await careHomeRows(ctx.db, { inBorough: true }, now);
    const [a, b, c, d] = homes.filter((h) => (h.vacantAccepting ?? 0) > 2);
    const homecare = await queryRows<{ id: string }>(
      ctx.db,
      sql`select id from locations where 'homecare' = any(service_types) and in_borough limit 1`,
    );

    // New placements: starting today (takes a bed), agreed to start in ten days, and one that ends next month.
    await createPlacement(ctx.db, sys, {
      personRef: 'AGG-1',
      locationId: a.locationId,
      serviceType: 'care_home_residential',
      band: 'standard_residential',
      startDate: today,
      weeklyPricePence: 69_900,
    });
    await createPlacement(ctx.db, sys, {
      personRef: 'AGG-2',
      locationId: a.locationId,
      serviceType: 'care_home_residential',
      band: 'enhanced_residential',
      startDate: '2026-12-03',
      weeklyPricePence: 81_250,
      contractType: 'framework',
    });
    await createPlacement(ctx.db, sys, {
      personRef: 'AGG-3',
      locationId: b.locationId,
      serviceType: 'care_home_nursing',
      band: 'standard_nursing',
      startDate: '2025-10-14',
      endDate: '2026-12-20',
      weeklyPricePence: 64_000,
      funding: 'joint',
    });
    await createPlacement(ctx.db, sys, {
      personRef: 'AGG-4',
      locationId: homecare[0].id,
      serviceType: 'homecare',
      band: 'homecare_hourly',
      startDate: '2026-11-02',
      hoursPerWeek: 14,
      hourlyRatePence: 2_450,
      contractType: 'spot',
    });
    await expectAggregatesMatchSources(ctx.db);

    // An active council placement ends today; a placement is deleted outright.
    const [active] = await queryRows<{ id: string }>(
      ctx.db,
      sql`select id from placements where location_id = ${c.locationId} and end_date is null and funding = 'council' limit 1`,
    );
    await endPlacement(ctx.db, sys, active.id, today, 'died');
    await ctx.db.execute(
      sql`delete from placements where id = (select id from placements where location_id = ${d.locationId} and start_date > '2025-06-01' order by start_date limit 1)`,
    );
    // A usual rate inserted between two existing ones changes the "at or below" counts from that date.
    await setUsualRate(ctx.db, sys, { band: 'standard_residential', effectiveFrom: '2025-09-01', amountPence: 66_600 });
    await expectAggregatesMatchSources(ctx.db);

    // A placement's price and band corrected in place; a usual rate's amount corrected, and one withdrawn.
    const corrected = await queryRows(
      ctx.db,
      sql`update placements set weekly_price_pence = weekly_price_pence + 12345, band = 'enhanced_residential'
          where id = (select id from placements where location_id = ${c.locationId} and band = 'standard_residential' order by start_date limit 1) returning id`,
    );
    expect(corrected).toHaveLength(1);
    await expectAggregatesMatchSources(ctx.db);
    await ctx.db.execute(
      sql`update usual_rates set amount_pence = amount_pence - 2000 where band = 'standard_residential' and effective_from = '2025-09-01'`,
    );
    await expectAggregatesMatchSources(ctx.db);
    await ctx.db.execute(
      sql`delete from usual_rates where band = 'standard_residential' and effective_from = '2025-09-01'`,
    );
    await expectAggregatesMatchSources(ctx.db);

    // A home moves out of the borough; another is deregistered.
    await updateLocationCommissioning(ctx.db, b.locationId, { inBorough: false }, sys);
    await ctx.db.execute(sql`update locations set deregistered_at = ${now.toISOString()} where id = ${d.locationId}`);
    await expectAggregatesMatchSources(ctx.db);

    // Returns: a new one, a late one for an earlier date (must not replace the newer), a deleted latest one,
    // workforce and homecare returns.
    await recordCareHomeReturn(
      ctx.db,
      sys,
      a.locationId,
      { maxCapacity: a.maxCapacity!, occupied: a.maxCapacity! - 1, vacantReserved: 0, vacantAccepting: 1 },
      { asAt: new Date('2026-11-23T10:00:00Z') },
    );
    await recordCareHomeReturn(
      ctx.db,
      sys,
      c.locationId,
      { maxCapacity: c.maxCapacity!, occupied: 1, vacantReserved: 0, vacantAccepting: c.maxCapacity! - 1 },
      { asAt: new Date('2026-10-02T10:00:00Z') },
    );
    await ctx.db.execute(
      sql`delete from care_home_capacity where id = (select return_id from care_home_latest where location_id = ${a.locationId})`,
    );
    await recordWorkforceReturn(ctx.db, sys, a.locationId, {
      nurses: 3,
      careStaff: 20,
      nonCareStaff: 6,
      agencyStaff: 9,
      vacancies: 4,
      absences: 1,
    });
    await recordHomecareReturn(ctx.db, sys, homecare[0].id, {
      area: 'EB3',
      peopleSupported: 41,
      hoursPerWeek: 512.5,
      newHoursAvailable: 30,
    });
    await expectAggregatesMatchSources(ctx.db);
    const afterLate = await careHomeRows(ctx.db, { locationId: c.locationId }, now);
    expect(afterLate[0].occupied).not.toBe(1);

    // A full rebuild from empty tables gives the same figures.
    for (const t of [
      'market_placement_flows',
      'market_price_days',
      'market_price_quarters',
      'location_open_placements',
      'care_home_latest',
      'care_home_monthly',
      'workforce_latest',
      'homecare_latest',
    ])
      await ctx.db.execute(sql.raw(`delete from ${t}`));
    await ctx.db.execute(sql`select market_rebuild_aggregates()`);
    await expectAggregatesMatchSources(ctx.db);
  });

  it('refuses a placement that ends before it starts', async () => {
    const [home] = await queryRows<{ id: string }>(ctx.db, sql`select id from locations where in_borough limit 1`);
    const error = await ctx.db
      .execute(
        sql`insert into placements (person_ref, location_id, service_type, band, start_date, end_date, weekly_price_pence)
      values ('AGG-X', ${home.id}, 'care_home_residential', 'standard_residential', '2026-05-01', '2026-04-30', 70000)`,
      )
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(
      /placements_end_after_start/,
    );
  });
});
