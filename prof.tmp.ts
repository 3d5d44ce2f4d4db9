import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows } from './src/db/client';
import { createScratchDatabase } from './src/db/testing';
import { priceSummary } from './src/db/market/dashboard';
import { marketDemoPart } from './src/demo/market';
import { createRng } from './src/domain/core/random';
const scratch = await createScratchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
const database = await openDatabase({ url: scratch.url });
await migrateDatabase(database);
const db = database.db;
await db.transaction((tx) => marketDemoPart.load(tx, { seed: 1, asAt: new Date('2026-11-23'), rng: (s) => createRng(1, 'market/' + s), log: () => {}, progress: () => {} }));
const now = new Date('2026-11-23T12:00:00Z');
for (let i = 0; i < 3; i++) { const t = performance.now(); await priceSummary(db, { inBorough: true }, now); console.log('prices', performance.now() - t); }
const q = sql`explain analyze with periods as (select band, effective_from, lead(effective_from) over (partition by band order by effective_from) as effective_to, amount_pence from usual_rates)
 select count(*) from placements pl left join periods r on r.band = pl.band and r.effective_from <= pl.start_date and (r.effective_to is null or pl.start_date < r.effective_to)`;
for (const r of await queryRows<Record<string, string>>(db, q)) console.log(Object.values(r)[0]);
await database.close(); await scratch.drop();
