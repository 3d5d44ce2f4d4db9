// National scale (issue 14): writing returns or placements for more homes than PostgreSQL's shared lock table
// holds (max_locks_per_transaction 64 × max_connections ≈ 6,400 slots by default) in one transaction. The market
// aggregate triggers lock what they recompute; past market_lock_keys_limit() homes in one transaction they lock
// the whole class once instead of one lock per home (drizzle/0004_market_lock_batches.sql), so the write succeeds
// and the figures equal a full recomputation from the source rows.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../db/client.js';
import { describeWithDatabases } from '../db/testing.js';
import { capacityImporter } from './capacity.js';
import { runImport, textSource } from './framework.js';

const HOMES = 15_000;
const IMPORTED = 700;
const actor = { system: 'test' };
const cqcId = (i: number) => `1-${String(5_000_000_000 + i)}`;

describeWithDatabases('market aggregates for thousands of homes in one transaction', (ctx) => {
  const rows = (q: ReturnType<typeof sql>) => queryRows<Record<string, unknown>>(ctx.db, q);
  const latestFromSources = () =>
    rows(sql`select distinct on (location_id) location_id, id as return_id, as_at, max_capacity, occupied, vacant_accepting
      from care_home_capacity order by location_id, as_at desc, created_at desc, id desc`);
  const latest = () =>
    rows(
      sql`select location_id, return_id, as_at, max_capacity, occupied, vacant_accepting from care_home_latest order by location_id`,
    );

  it(
    'records 15,000 homes’ returns in one transaction and keeps the latest and monthly figures exact',
    { timeout: 120_000 },
    async () => {
      await ctx.db.execute(sql`insert into providers (cqc_provider_id, name) values ('1-NATL', 'National Homes')`);
      await ctx.db.execute(sql`
      insert into locations (provider_id, cqc_location_id, name, service_types, registered_beds, in_borough)
      select p.id, '1-' || (5000000000 + i)::text, 'Home ' || i, '{care_home_residential}', 60, i % 7 = 0
      from providers p, generate_series(0, ${HOMES - 1}) as i where p.cqc_provider_id = '1-NATL'`);
      // One transaction, two statements of 7,500 homes each (15,000 home locks before 0004).
      await ctx.db.transaction(async (tx) => {
        for (const [from, to] of [
          [0, 7_499],
          [7_500, HOMES - 1],
        ])
          await tx.execute(sql`
          insert into care_home_capacity (location_id, as_at, max_capacity, occupied, vacant_reserved, vacant_accepting, source)
          select l.id, timestamptz '2026-10-01 09:00Z' + (i % 28) * interval '1 day', 50 + i % 10, 30 + i % 10, 0, i % 5, 'bulk_csv'
          from locations l join generate_series(${from}::int, ${to}::int) as i on l.cqc_location_id = '1-' || (5000000000 + i)::text`);
      });
      const first = await latest();
      expect(first).toHaveLength(HOMES);
      expect(first).toEqual(await latestFromSources());
      const monthly = await rows(
        sql`select location_id, month::text, as_at, max_capacity, occupied, vacant_accepting from care_home_monthly order by location_id, month`,
      );
      expect(monthly).toHaveLength(HOMES);
      expect(monthly).toEqual(
        await rows(sql`select distinct on (location_id, date_trunc('month', as_at at time zone 'UTC')) location_id,
        date_trunc('month', as_at at time zone 'UTC')::date::text as month, as_at, max_capacity, occupied, vacant_accepting
        from care_home_capacity order by location_id, date_trunc('month', as_at at time zone 'UTC'), as_at desc, created_at desc, id desc`),
      );

      // A full rebuild over every location (one statement, 15,000 homes) gives the same figures.
      await ctx.db.execute(sql`delete from care_home_latest`);
      await ctx.db.execute(sql`delete from care_home_monthly`);
      await ctx.db.execute(sql`select market_rebuild_aggregates()`);
      expect(await latest()).toEqual(first);
    },
  );

  it(
    'imports a Capacity Tracker extract for more homes than the per-home lock limit',
    { timeout: 120_000 },
    async () => {
      const lines = [
        'cqcid,location,localauthority,maxcapacity,usedbeds,declaredvacancies,isacceptingadmissions,lastupdatedbst',
      ];
      for (let i = 0; i < IMPORTED; i++)
        lines.push(
          `${cqcId(i)},Home ${i},Devon,${50 + (i % 10)},${30 + (i % 10)},${i % 5},Yes,2026-11-${String(1 + (i % 28)).padStart(2, '0')} 09:00:00`,
        );
      const summary = await runImport(ctx.db, capacityImporter, textSource('national-capacity.csv', lines.join('\n')), {
        actor,
        options: {},
      });
      expect(summary.created).toBe(IMPORTED);
      expect(await latest()).toEqual(await latestFromSources());
      // Home 13 as filed: max 53, 33 used, 3 declared vacancies accepting admissions.
      const [h13] = await rows(sql`select c.max_capacity, c.occupied, c.vacant_accepting from care_home_latest c
      join locations l on l.id = c.location_id where l.cqc_location_id = ${cqcId(13)}`);
      expect(h13).toEqual({ max_capacity: 53, occupied: 33, vacant_accepting: 3 });
    },
  );

  it('writes placements for 15,000 homes in one statement', { timeout: 120_000 }, async () => {
    await ctx.db.execute(sql`
      insert into placements (person_ref, location_id, service_type, band, start_date, weekly_price_pence, funding)
      select 'NATL-' || l.cqc_location_id, l.id, 'care_home_residential', 'standard_residential', date '2026-01-05' + (hashtext(l.id::text) & 255), 90000, 'council'
      from locations l where l.cqc_location_id like '1-5%'`);
    const [open] = await rows(
      sql`select count(*)::int as n, sum(council_open)::int as open from location_open_placements`,
    );
    expect(open).toEqual({ n: HOMES, open: HOMES });
  });
});
