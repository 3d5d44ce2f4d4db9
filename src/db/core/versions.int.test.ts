// Reports cached per data version: computed once per change of the area's data, whichever path wrote it, and
// never served stale after the demo's reset truncates every table (data_versions too).
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeWithDatabases } from '../testing.js';
import { cachedByVersion, dataVersion } from './versions.js';

describeWithDatabases('data versions', (ctx) => {
  it('computes a report once per change of the discharge data, and again after each write', async () => {
    let computed = 0;
    const report = () => cachedByVersion(ctx.db, 'discharge', 'probe', async () => ++computed);
    const writeProvider = (name: string) => ctx.db.execute(sql`insert into providers (name) values (${name})`);
    await writeProvider('Version probe care');
    const v1 = await dataVersion(ctx.db, 'discharge');
    expect(v1).not.toBeNull();
    expect(await report()).toBe(1);
    expect(await report()).toBe(1); // no write: the cached report
    await writeProvider('Second probe care');
    expect(await dataVersion(ctx.db, 'discharge')).toBeGreaterThan(v1!);
    expect(await report()).toBe(2); // a write: computed again
    expect(await report()).toBe(2);
  });

  it('survives a truncation of every table: the next write makes a version never used before', async () => {
    let computed = 0;
    const report = () => cachedByVersion(ctx.db, 'discharge', 'after-reset', async () => ++computed);
    await ctx.db.execute(sql`insert into providers (name) values ('Before reset care')`);
    const before = await dataVersion(ctx.db, 'discharge');
    expect(await report()).toBe(1);
    // What the demo's reset does: every table emptied, identities restarted.
    await ctx.db.execute(sql`truncate table data_versions restart identity`);
    expect(await dataVersion(ctx.db, 'discharge')).toBeNull();
    expect(await report()).toBe(2); // no version: nothing cached, computed each time
    await ctx.db.execute(sql`insert into providers (name) values ('After reset care')`);
    const after = await dataVersion(ctx.db, 'discharge');
    expect(after).toBeGreaterThan(before!); // never a version an old cached report was kept under
    expect(await report()).toBe(3);
    expect(await report()).toBe(3); // and cached again from then on
  });
});
