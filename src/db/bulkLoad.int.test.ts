// Secondary indexes set aside for a bulk load and built again: identical to the migrations' after a commit, and
// untouched by a rollback; the primary key and unique indexes are never dropped.
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows, type Db } from './client.js';
import {
  canCopy,
  copyRows,
  lockReferenced,
  restoreForeignKeyChecks,
  restoreIndexes,
  setForeignKeyChecksAside,
  setIndexesAside,
} from './bulkLoad.js';
import { describeWithDatabases } from './testing.js';

/** The placements table's indexes as pg_indexes lists them: name → definition. */
async function placementIndexes(db: Db): Promise<Record<string, string>> {
  const rows = await queryRows<{ indexname: string; indexdef: string }>(
    db,
    sql`select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'placements'`,
  );
  return Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef]));
}

describeWithDatabases('indexes set aside for a bulk load', (ctx) => {
  it('drops only the read indexes of placements and builds them again exactly as the migrations made them', async () => {
    const migrated = await placementIndexes(ctx.db);
    expect(Object.keys(migrated).sort()).toEqual([
      'placements_ended_idx',
      'placements_import_ref_uq',
      'placements_location_start_idx',
      'placements_open_idx',
      'placements_person_idx',
      'placements_pkey',
      'placements_start_idx',
    ]);
    await ctx.db.transaction(async (tx) => {
      const aside = await setIndexesAside(tx, 'placements');
      expect(aside.map((i) => i.name)).toEqual([
        'public.placements_ended_idx',
        'public.placements_location_start_idx',
        'public.placements_open_idx',
        'public.placements_person_idx',
        'public.placements_start_idx',
      ]);
      // The primary key and the unique package ID index stay: the load's lookups and rules need them.
      expect(Object.keys(await placementIndexes(tx)).sort()).toEqual(['placements_import_ref_uq', 'placements_pkey']);
      await restoreIndexes(tx, aside);
    });
    expect(await placementIndexes(ctx.db)).toEqual(migrated);
  });

  it('leaves every index in place when the load is rolled back', async () => {
    const migrated = await placementIndexes(ctx.db);
    const err = await ctx.db
      .transaction(async (tx) => {
        expect((await setIndexesAside(tx, 'placements')).length).toBe(5);
        tx.rollback();
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionRollbackError);
    expect(await placementIndexes(ctx.db)).toEqual(migrated);
  });

  it('turns the per-row checks of a foreign key off and on again, and locks only the referenced rows that exist', async () => {
    const [provider] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into providers (name) values ('Bay Care Ltd') returning id`,
    );
    const [home] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into locations (provider_id, name) values (${provider.id}, 'Bay House') returning id`,
    );
    const missing = '00000000-0000-4000-8000-000000000001';
    const insert = (db: Db, location: string) =>
      db.execute(
        sql`insert into placements (person_ref, location_id, service_type, band, start_date, weekly_price_pence)
            values ('p1', ${location}, 'care_home_residential', 'standard_residential', '2025-04-01', 100000)`,
      );
    const err = await ctx.db
      .transaction(async (tx) => {
        const fk = await setForeignKeyChecksAside(tx, 'placements', 'placements_location_id_locations_id_fk');
        // Both test databases connect as a superuser (PGlite's user, PostgreSQL's postgres).
        expect(fk?.triggers).toHaveLength(2);
        expect([...(await lockReferenced(tx, 'locations', [home.id, missing]))]).toEqual([home.id]);
        // The market aggregate triggers (which a bulk load turns off too) would write the unknown home's figures.
        await tx.execute(sql`alter table placements disable trigger placements_inserted`);
        await insert(tx, missing); // not checked while the triggers are off: the caller's duty
        await restoreForeignKeyChecks(tx, fk!);
        tx.rollback();
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionRollbackError);
    // Rolled back, and checked again row by row.
    const refused = await insert(ctx.db, missing).catch((e: unknown) => e);
    expect(String((refused as { cause?: unknown }).cause ?? refused)).toMatch(/foreign key/);
    await insert(ctx.db, home.id);
    const [n] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from placements`);
    expect(n.n).toBe(1);
  });

  it('copies rows on PGlite exactly as written (quotes, commas, line breaks, empty text, NULL), and names the line of a refused row', async () => {
    const [provider] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into providers (name) values ('Harbour Care') returning id`,
    );
    const [home] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into locations (provider_id, name) values (${provider.id}, 'Harbour View') returning id`,
    );
    const columns = ['person_ref', 'location_id', 'service_type', 'band', 'start_date', 'end_date'];
    const columns2 = [...columns, 'weekly_price_pence', 'hours_per_week', 'origin', 'origin_ref'];
    const rows = [
      ['say "hi", then\nleave', home.id, 'homecare', 'individual', '2025-04-01', null, 0, '12.50', 'import', 'A,1'],
      ['\\.', home.id, 'care_home_residential', '', '2024-02-29', '2025-03-31', 104_500, null, 'import', 'A"2'],
      [
        'multi\r\nline',
        home.id,
        'care_home_nursing',
        'standard_nursing',
        '2023-01-01',
        null,
        150_000,
        null,
        'import',
        '\\N',
      ],
    ];
    const lines = [12, 13, 15];
    if (!canCopy(ctx.db)) {
      // node-postgres has no COPY from the client (pg-copy-streams is not a dependency): callers INSERT instead.
      expect(ctx.kind).toBe('postgres');
      await expect(copyRows(ctx.db, 'placements', columns2, rows, (i) => lines[i])).rejects.toThrow(/needs PGlite/);
      return;
    }
    expect(ctx.kind).toBe('pglite');
    const written = await ctx.db.transaction((tx) => copyRows(tx, 'placements', columns2, rows, (i) => lines[i]));
    expect(written).toBe(3);
    const back = await queryRows<Record<string, unknown>>(
      ctx.db,
      sql`select person_ref, band, start_date::text as start, end_date::text as end, weekly_price_pence as price,
                 hours_per_week::text as hours, origin_ref, funding, top_up_weekly_pence as top_up
          from placements where location_id = ${home.id} order by start_date desc`,
    );
    expect(back).toEqual([
      {
        person_ref: 'say "hi", then\nleave',
        band: 'individual',
        start: '2025-04-01',
        end: null,
        price: 0,
        hours: '12.50',
        origin_ref: 'A,1',
        funding: 'council',
        top_up: 0,
      },
      {
        person_ref: '\\.',
        band: '',
        start: '2024-02-29',
        end: '2025-03-31',
        price: 104_500,
        hours: null,
        origin_ref: 'A"2',
        funding: 'council',
        top_up: 0,
      },
      {
        person_ref: 'multi\r\nline',
        band: 'standard_nursing',
        start: '2023-01-01',
        end: null,
        price: 150_000,
        hours: null,
        origin_ref: '\\N',
        funding: 'council',
        top_up: 0,
      },
    ]);
    // The second row ends before it starts (placements_end_after_start): reported on its file line, nothing written.
    const bad = [rows[0], [...rows[1].slice(0, 4), '2025-05-01', '2025-04-30', ...rows[1].slice(6)], rows[2]].map(
      (r, i) => [...r.slice(0, 9), `B${i}`],
    );
    const refused = await ctx.db
      .transaction((tx) => copyRows(tx, 'placements', columns2, bad, (i) => lines[i]))
      .catch((e: unknown) => e);
    expect(String(refused)).toMatch(/^error: line 13: .*placements_end_after_start/);
    const [n] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from placements where origin_ref like 'B%'`,
    );
    expect(n.n).toBe(0);
  });
});
