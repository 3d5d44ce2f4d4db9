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

/**
 * A Capacity Tracker extract for homes 0 … n-1, dated in `month` (yyyy-mm), home i on day 1 + i % 28; with
 * workforce columns when `workforce`. `edit` may change a home's line.
 */
function trackerExtract(n: number, month: string, workforce = false, edit = (_i: number, line: string) => line) {
  const lines = [
    'cqcid,location,localauthority,maxcapacity,usedbeds,declaredvacancies,isacceptingadmissions,lastupdatedbst' +
      (workforce
        ? ',nursesemployed,careworkersemployed,noncareworkersemployed,agencycareworkersemployed,careworkersabsentgeneral'
        : ''),
  ];
  for (let i = 0; i < n; i++)
    lines.push(
      edit(
        i,
        `${cqcId(i)},Home ${i},Devon,${50 + (i % 10)},${30 + (i % 10)},${i % 5},Yes,${month}-${String(1 + (i % 28)).padStart(2, '0')} 09:00:00` +
          (workforce ? `,${i % 5},${20 + (i % 10)},${i % 7},${i % 3},${i % 2}` : ''),
      ),
    );
  return textSource('national-capacity.csv', lines.join('\n'));
}

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
    'imports a 700-home Capacity Tracker extract, more homes than the per-home lock limit',
    { timeout: 120_000 },
    async () => {
      const summary = await runImport(ctx.db, capacityImporter, trackerExtract(IMPORTED, '2026-11'), {
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

  it(
    'imports a 15,000-home Capacity Tracker extract with workforce in one transaction, figures as a full recomputation',
    { timeout: 120_000 },
    async () => {
      const auditBefore = await rows(sql`select count(*)::int as n from audit_log`);
      const summary = await runImport(ctx.db, capacityImporter, trackerExtract(HOMES, '2026-12', true), {
        actor,
        options: {},
      });
      // Set-based, the file imports within the test's time (row by row it took more than 500 s on PostgreSQL).
      expect(summary.rowsRead).toBe(HOMES);
      expect(summary.created).toBe(2 * HOMES);
      expect(summary.messages).toEqual([
        '15000 capacity returns recorded',
        '15000 workforce returns recorded (staff, agency staff, absences)',
      ]);
      const [written] = await rows(sql`select
        (select count(*)::int from care_home_capacity where source = 'capacity_tracker' and as_at >= '2026-12-01') as capacity,
        (select count(*)::int from workforce_snapshots where source = 'capacity_tracker' and as_at >= '2026-12-01') as workforce,
        (select count(*)::int from audit_log where actor_label = 'system:test' and entity = 'care_home_capacity') as capacity_audit,
        (select count(*)::int from audit_log where actor_label = 'system:test' and entity = 'workforce') as workforce_audit`);
      expect(written).toEqual({
        capacity: HOMES,
        workforce: HOMES,
        capacity_audit: HOMES + IMPORTED,
        workforce_audit: HOMES,
      });
      // A return per row and workforce return per row, and the import's own entry.
      const [auditAfter] = await rows(sql`select count(*)::int as n from audit_log`);
      expect(auditAfter.n).toBe((auditBefore[0].n as number) + 2 * HOMES + 1);

      // Home 13's December return as filed, and its audit entry naming it.
      const [h13] =
        await rows(sql`select c.return_id, c.as_at, c.max_capacity, c.occupied, c.vacant_accepting from care_home_latest c
        join locations l on l.id = c.location_id where l.cqc_location_id = ${cqcId(13)}`);
      expect(h13).toMatchObject({ max_capacity: 53, occupied: 33, vacant_accepting: 3 });
      expect(new Date(h13.as_at as string).toISOString()).toBe('2026-12-14T09:00:00.000Z');
      const [a13] = await rows(
        sql`select action, detail from audit_log where entity = 'care_home_capacity' and entity_id = ${h13.return_id}`,
      );
      expect(a13.action).toBe('create');
      expect(a13.detail).toMatchObject({
        maxCapacity: 53,
        occupied: 33,
        vacantAccepting: 3,
        source: 'capacity_tracker',
      });
      const [w13] = await rows(sql`select w.nurses, w.care_staff, w.agency_staff, w.absences from workforce_latest w
        join locations l on l.id = w.location_id where l.cqc_location_id = ${cqcId(13)}`);
      expect(w13).toEqual({ nurses: 3, care_staff: 23, agency_staff: 1, absences: 1 });

      // The trigger-kept figures equal a full recomputation from the returns.
      const first = await latest();
      expect(first).toHaveLength(HOMES);
      expect(first).toEqual(await latestFromSources());
      const monthly = () =>
        rows(
          sql`select location_id, month::text, as_at, max_capacity, occupied, vacant_accepting from care_home_monthly order by location_id, month`,
        );
      const workforce = () => rows(sql`select * from workforce_latest order by location_id`);
      const monthlyBefore = await monthly();
      const workforceBefore = await workforce();
      expect(workforceBefore).toHaveLength(HOMES);
      await ctx.db.execute(sql`delete from care_home_latest`);
      await ctx.db.execute(sql`delete from care_home_monthly`);
      await ctx.db.execute(sql`delete from workforce_latest`);
      await ctx.db.execute(sql`select market_rebuild_aggregates()`);
      expect(await latest()).toEqual(first);
      expect(await monthly()).toEqual(monthlyBefore);
      expect(await workforce()).toEqual(workforceBefore);
    },
  );

  it('rejects a national extract with every bad row named, and writes nothing', { timeout: 120_000 }, async () => {
    const [before] = await rows(sql`select count(*)::int as n from care_home_capacity`);
    const source = trackerExtract(HOMES, '2027-01', false, (i, line) =>
      i === 20 ? line.replace(cqcId(20), '1-9999999999') : i === 14_000 ? line.replace(/,50,/, ',70,') : line,
    );
    await expect(runImport(ctx.db, capacityImporter, source, { actor, options: {} })).rejects.toMatchObject({
      issues: [
        { line: 22, field: 'cqcid', message: 'no location 1-9999999999' },
        {
          line: 14_002,
          field: 'maxcapacity',
          message: 'Maximum capacity cannot exceed the 60 beds registered with CQC',
        },
      ],
    });
    const [after] = await rows(sql`select count(*)::int as n from care_home_capacity`);
    expect(after.n).toBe(before.n);
  });

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
