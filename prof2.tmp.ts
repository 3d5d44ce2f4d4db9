import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows } from './src/db/client';
import { createScratchDatabase } from './src/db/testing';
import { marketDemoPart } from './src/demo/market';
import { createRng } from './src/domain/core/random';
import { locationConditions } from './src/db/market/register';
import { and } from 'drizzle-orm';
const scratch = await createScratchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
const database = await openDatabase({ url: scratch.url });
await migrateDatabase(database);
const db = database.db;
await db.transaction((tx) => marketDemoPart.load(tx, { seed: 1, asAt: new Date('2026-11-23'), rng: (s) => createRng(1, 'market/' + s), log: () => {}, progress: () => {} }));
const loc = and(...locationConditions({ inBorough: true }));
const q = sql`explain analyze with periods as (
        select band, effective_from, lead(effective_from) over (partition by band order by effective_from) as effective_to, amount_pence
        from usual_rates),
      p as (
        select pl.start_date, pl.weekly_price_pence as price, pl.contract_type, r.amount_pence as rate,
          case when pl.start_date > '2023-11-23'::date then to_char(pl.start_date, 'YYYY-"Q"Q') end as quarter,
          case when pl.start_date > '2025-11-23'::date then 'recent' when pl.start_date > '2023-11-23'::date and pl.start_date <= '2024-11-23'::date then 'earlier' end as win,
          case when pl.start_date > '2025-11-23'::date then (pl.weekly_price_pence / 5000) * 5000 end as bin
        from placements pl join locations on locations.id = pl.location_id
          left join periods r on r.band = pl.band and r.effective_from <= pl.start_date and (r.effective_to is null or pl.start_date < r.effective_to)
        where pl.band in ('standard_residential','enhanced_residential','standard_nursing','enhanced_nursing') and pl.start_date > '2023-11-23'::date and pl.start_date <= '2026-11-23'::date and ${loc})
      select quarter, win, bin, count(*)::int as n, avg(price)::float8 as mean,
        percentile_cont(0.25) within group (order by price) as q1,
        count(rate)::int as compared
      from p group by grouping sets ((quarter), (win), (bin))`;
for (let i = 0; i < 2; i++) { const t = performance.now(); const rows = await queryRows<Record<string, string>>(db, q); if (i === 1) for (const r of rows) console.log(Object.values(r)[0]); console.log('ms', performance.now() - t); }
await database.close(); await scratch.drop();
