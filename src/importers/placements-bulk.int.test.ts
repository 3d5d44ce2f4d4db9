// A big placements file bypasses the per-statement aggregate triggers and rebuilds the placement aggregates once
// (drizzle/0001_market_aggregates.sql). The figures must be exactly those of a full recomputation by the per-key functions the triggers
// use (market_rebuild_aggregates), after a first import, after a re-import that moves start dates, changes prices
// and ends packages, and after a refused file (which must leave everything as it was).
import path from 'node:path';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows, type Db } from '../db/client.js';
import { placements } from '../db/market/schema.js';
import { describeWithDatabases } from '../db/testing.js';
import { createRng } from '../domain/core/random.js';
import { cqcLocationsImporter } from './cqcLocations.js';
import { fileSource, ImportRejected, runImport, textSource } from './framework.js';
import { placementsImporter } from './placements.js';
import { ratesImporter } from './rates.js';

const actor = { system: 'test' };
const AGGREGATES = [
  'market_placement_flows',
  'market_price_days',
  'market_price_quarters',
  'location_open_placements',
] as const;
const HOMES = ['1-1065243315', '1-106956345', '1-107263398', '1-110529706', '1-111653711', '1-112103647'];
const HEADER =
  'Package ID,Person reference,Service type,CQC location ID,Band,Start date,End date,Weekly cost (£),Hours per week,Hourly rate (£),Funding,Contract type';

/** Every placement aggregate, as sorted JSON lines, so two states compare exactly. */
async function aggregateState(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of AGGREGATES) {
    const rows = await queryRows<Record<string, unknown>>(db, sql.raw(`select * from ${table}`));
    out[table] = rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return out;
}

/** The placements table's indexes as pg_indexes lists them: name → definition. */
async function placementIndexes(db: Db): Promise<Record<string, string>> {
  const rows = await queryRows<{ indexname: string; indexdef: string }>(
    db,
    sql`select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'placements'`,
  );
  return Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef]));
}

/** Whether each per-row check trigger of placements' foreign key to locations is enabled ('O') or not ('D'). */
async function locationCheckTriggers(db: Db): Promise<string[]> {
  const rows = await queryRows<{ enabled: string }>(
    db,
    sql`select t.tgenabled as enabled from pg_trigger t join pg_constraint c on c.oid = t.tgconstraint
        where c.conname = 'placements_location_id_locations_id_fk' and t.tgrelid = 'placements'::regclass`,
  );
  return rows.map((r) => r.enabled);
}

/** The aggregates recomputed from nothing by the per-key functions the triggers call. */
async function recomputedState(db: Db): Promise<Record<string, string[]>> {
  let state: Record<string, string[]> = {};
  await db
    .transaction(async (tx) => {
      for (const table of AGGREGATES) await tx.execute(sql.raw(`delete from ${table}`));
      await tx.execute(sql`select market_rebuild_aggregates()`);
      state = await aggregateState(tx);
      tx.rollback(); // leave the aggregates as the import left them
    })
    .catch((e: unknown) => {
      if (!(e instanceof TransactionRollbackError)) throw e;
    });
  return state;
}

/** A realistic mix of care home and homecare packages starting 2022–2024, some ended in 2025, as case management exports them. */
function packagesFile(n: number, seed: string, changed = false): string {
  const rng = createRng(2026, seed);
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const home = rng.pick(HOMES);
    const y = rng.int(2022, 2024);
    const start = `${String(rng.int(1, 28)).padStart(2, '0')}/${String(rng.int(1, 12)).padStart(2, '0')}/${y}`;
    const end = rng.bernoulli(changed ? 0.5 : 0.3) ? `${String(rng.int(1, 28)).padStart(2, '0')}/12/2025` : '';
    const funding = rng.pick(['Council', 'Council', 'CHC', 'Self-funded', 'Joint']);
    const contract = rng.pick(['Spot', 'Spot', 'Framework', 'Block', 'DPS']);
    if (rng.bernoulli(0.25))
      lines.push(
        `PKG-${i},MOS${rng.int(1, 400)},Homecare,${home},,${start},${end},,${(rng.int(20, 300) / 10).toFixed(1)},${(rng.int(2200, 3000) / 100).toFixed(2)},${funding},${contract}`,
      );
    else {
      const nursing = rng.bernoulli(0.4);
      const band = rng.pick(
        nursing ? ['Standard nursing', 'Enhanced nursing', ''] : ['Standard residential', 'Enhanced residential', ''],
      );
      lines.push(
        `PKG-${i},MOS${rng.int(1, 400)},${nursing ? 'Nursing' : 'Residential'},${home},${band},${start},${end},${(rng.int(70_000, 160_000) / 100).toFixed(2)},,,${funding},${contract}`,
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

describeWithDatabases('bulk placements import: aggregates rebuilt once', (ctx) => {
  it('gives the same figures as the triggers and as a full recomputation, for a first import and a re-import', async () => {
    await runImport(
      ctx.db,
      cqcLocationsImporter,
      fileSource(path.join(import.meta.dirname, 'fixtures', 'cqc-api', 'torbay-6-locations.json')),
      { actor, options: { borough: 'E06000027' } },
    );
    // Two homes out of the borough and one deregistered, so every scope is exercised.
    await ctx.db.execute(
      sql`update locations set in_borough = false where cqc_location_id in ('1-110529706', '1-111653711')`,
    );
    await ctx.db.execute(
      sql`update locations set deregistered_at = '2025-01-31T00:00:00Z', in_borough = false where cqc_location_id = '1-112103647'`,
    );
    await runImport(
      ctx.db,
      ratesImporter,
      textSource(
        'rates.csv',
        'Band,Effective from,Amount (£)\nStandard residential,01/04/2023,950\nStandard residential,01/04/2024,1012\nStandard nursing,01/04/2023,1150\nEnhanced residential,01/04/2024,1100\n',
      ),
      { actor, options: {} },
    );

    // Through the triggers (bulk off): the reference the bulk path must match.
    const first = packagesFile(1_200, 'first');
    const viaTriggers = await runImport(ctx.db, placementsImporter, textSource('first.csv', first), {
      actor,
      options: { bulk: 'off' },
    });
    expect(viaTriggers).toMatchObject({ rowsRead: 1_200, created: 1_200 });
    const triggered = await aggregateState(ctx.db);
    expect(triggered.market_placement_flows.length).toBeGreaterThan(100);
    expect(await recomputedState(ctx.db)).toEqual(triggered);

    // The same file again in bulk: nothing changes, and the rebuilt aggregates are identical.
    const again = await runImport(ctx.db, placementsImporter, textSource('first.csv', first), {
      actor,
      options: { bulk: 'on' },
    });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1_200 });
    expect(await aggregateState(ctx.db)).toEqual(triggered);

    // A re-import that changes prices, start and end dates and adds packages, in bulk.
    const second = packagesFile(1_500, 'second', true);
    const bulk = await runImport(ctx.db, placementsImporter, textSource('second.csv', second), {
      actor,
      options: { bulk: 'on' },
    });
    expect(bulk.rowsRead).toBe(1_500);
    expect((bulk.created ?? 0) + (bulk.updated ?? 0) + (bulk.unchanged ?? 0)).toBe(1_500);
    expect(bulk.created).toBe(300);
    const rebuilt = await aggregateState(ctx.db);
    expect(rebuilt).not.toEqual(triggered);
    expect(await recomputedState(ctx.db)).toEqual(rebuilt);

    // By hand from the table: open council or joint packages per location.
    const open = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from placements where end_date is null and funding in ('council', 'joint')`,
    );
    const fromAggregate = await queryRows<{ n: number }>(
      ctx.db,
      sql`select coalesce(sum(council_open), 0)::int as n from location_open_placements`,
    );
    expect(fromAggregate[0].n).toBe(open[0].n);
  });

  it('refuses a big file with one unknown home in its last row, and leaves placements and figures as they were', async () => {
    const before = await aggregateState(ctx.db);
    const count = await ctx.db.$count(placements);
    const file = `${packagesFile(6_000, 'third')}PKG-X,MOS1,Residential,1-1999999999,,01/04/2025,,1000,,,Council,Spot\r\n`;
    const err = await runImport(ctx.db, placementsImporter, textSource('third.csv', file), {
      actor,
      options: {},
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as ImportRejected).issues).toEqual([
      {
        line: 6_002,
        field: 'cqc location id',
        message: 'no location 1-1999999999 in the market register (import the CQC register first)',
      },
    ]);
    expect(await ctx.db.$count(placements)).toBe(count);
    expect(await aggregateState(ctx.db)).toEqual(before);
    const [setting] = await queryRows<{ v: string | null }>(
      ctx.db,
      sql`select current_setting('steward.market_bulk', true) as v`,
    );
    expect(setting.v === null || setting.v === '' || setting.v === 'off').toBe(true);
  });

  it('sets the read indexes aside for a big load and builds them again as the migrations made them; a refused file leaves them', async () => {
    const migrated = await placementIndexes(ctx.db);
    expect(Object.keys(migrated)).toHaveLength(7);
    const count = await ctx.db.$count(placements);

    // A re-import changing prices and end dates and adding packages, with the indexes set aside.
    const fourth = await runImport(
      ctx.db,
      placementsImporter,
      textSource('fourth.csv', packagesFile(1_800, 'fourth', true)),
      {
        actor,
        options: { bulk: 'on', indexes: 'rebuild' },
      },
    );
    expect(fourth.created).toBe(300);
    expect(fourth.updated).toBeGreaterThan(1_000);
    expect(await ctx.db.$count(placements)).toBe(count + 300);
    expect(await placementIndexes(ctx.db)).toEqual(migrated);
    expect(await locationCheckTriggers(ctx.db)).toEqual(['O', 'O']);
    const rebuilt = await aggregateState(ctx.db);
    expect(await recomputedState(ctx.db)).toEqual(rebuilt);

    // Refused on its last row, after the indexes were dropped and batches written: all rolled back.
    const bad = `${packagesFile(6_000, 'fifth', true)}PKG-Y,MOS1,Residential,1-1999999999,,01/04/2025,,1000,,,Council,Spot\r\n`;
    const err = await runImport(ctx.db, placementsImporter, textSource('fifth.csv', bad), {
      actor,
      options: { indexes: 'rebuild' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect(await ctx.db.$count(placements)).toBe(count + 300);
    expect(await placementIndexes(ctx.db)).toEqual(migrated);
    expect(await locationCheckTriggers(ctx.db)).toEqual(['O', 'O']);
    expect(await aggregateState(ctx.db)).toEqual(rebuilt);
  });
});

describeWithDatabases('bulk placements import into a table with no imported packages', (ctx) => {
  it('inserts every package without looking it up, then updates by package ID on the next import', async () => {
    await runImport(
      ctx.db,
      cqcLocationsImporter,
      fileSource(path.join(import.meta.dirname, 'fixtures', 'cqc-api', 'torbay-6-locations.json')),
      { actor, options: { borough: 'E06000027' } },
    );
    const migrated = await placementIndexes(ctx.db);
    const file = packagesFile(6_000, 'fresh');
    const first = await runImport(ctx.db, placementsImporter, textSource('fresh.csv', file), {
      actor,
      options: { indexes: 'rebuild' },
    });
    expect(first).toMatchObject({ rowsRead: 6_000, created: 6_000, updated: 0, unchanged: 0 });
    expect(await ctx.db.$count(placements)).toBe(6_000);
    const [ids] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(distinct origin_ref)::int as n from placements where origin = 'import'`,
    );
    expect(ids.n).toBe(6_000);
    // PGlite copies the rows with ids in time order (UUID version 7), in file order; PostgreSQL's come from the
    // column's default (version 4, random).
    const [order] = await queryRows<{ version: string[]; inOrder: boolean }>(
      ctx.db,
      sql`select array_agg(distinct substr(id::text, 15, 1)) as version,
                 bool_and(id > prev) filter (where prev is not null) as "inOrder"
          from (select id, lag(id) over (order by substr(origin_ref, 5)::int) as prev from placements) p`,
    );
    if (ctx.kind === 'pglite') expect(order).toEqual({ version: ['7'], inOrder: true });
    else expect(order.version).toEqual(['4']);
    expect(await placementIndexes(ctx.db)).toEqual(migrated);
    expect(await locationCheckTriggers(ctx.db)).toEqual(['O', 'O']);
    const loaded = await aggregateState(ctx.db);
    expect(loaded.market_price_days.length).toBeGreaterThan(100);
    expect(await recomputedState(ctx.db)).toEqual(loaded);

    // The same file again finds every package; a changed one updates them in place.
    expect(
      await runImport(ctx.db, placementsImporter, textSource('fresh.csv', file), { actor, options: {} }),
    ).toMatchObject({ created: 0, updated: 0, unchanged: 6_000 });
    const changed = await runImport(
      ctx.db,
      placementsImporter,
      textSource('changed.csv', packagesFile(6_000, 'fresh-changed', true)),
      { actor, options: {} },
    );
    expect(changed.created).toBe(0);
    expect(changed.updated).toBeGreaterThan(5_000);
    expect(await ctx.db.$count(placements)).toBe(6_000);
    expect(await recomputedState(ctx.db)).toEqual(await aggregateState(ctx.db));
  });
});
