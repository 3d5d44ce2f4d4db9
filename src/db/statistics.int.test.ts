// After a load, the planner knows how many rows the tables hold: on PGlite (which never gathers statistics on its
// own) as on PostgreSQL.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from './client.js';
import { describeWithDatabases } from './testing.js';
import { gatherStatistics } from './statistics.js';

describeWithDatabases('table statistics', (ctx) => {
  beforeAll(async () => {
    await ctx.db.execute(
      sql`insert into postcode_districts (district, lat, lng, postcodes, source)
          select 'ZZ' || g, 51.5, 0.1, g, 'test' from generate_series(1, 2000) g`,
    );
  });

  it('gives the planner the rows a table holds', async () => {
    await gatherStatistics(ctx.db);
    const [row] = await queryRows<{ reltuples: number }>(
      ctx.db,
      sql`select reltuples::int as reltuples from pg_class where relname = 'postcode_districts'`,
    );
    expect(Number(row.reltuples)).toBe(2000);
    const [plan] = await queryRows<{ 'QUERY PLAN': string }>(
      ctx.db,
      sql`explain select * from postcode_districts where postcodes > 0`,
    );
    expect(plan['QUERY PLAN']).toMatch(/rows=2000\b/);
  });
});
