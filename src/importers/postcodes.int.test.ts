import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { postcodeDistricts } from '../db/discharge/schema.js';
import { auditLog } from '../db/core/schema.js';
import { describeWithDatabases } from '../db/testing.js';
import { fileSource, ImportRejected, runImport } from './framework.js';
import { postcodesImporter } from './postcodes.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/onspd');

describeWithDatabases('steward import postcodes', (ctx) => {
  it('writes district centroids in one audited transaction, and re-importing updates them', async () => {
    const summary = await runImport(ctx.db, postcodesImporter, fileSource(path.join(fixtures, 'onspd-sample.csv')), {
      actor: { system: 'test' },
      options: {},
    });
    expect(summary).toMatchObject({ rowsRead: 8, created: 3, updated: 0, districts: 3 });
    expect(summary.messages[0]).toBe('6 live postcodes in 3 districts');
    const rows = await ctx.db.select().from(postcodeDistricts).orderBy(asc(postcodeDistricts.district));
    expect(rows.map((r) => [r.district, r.lat, r.lng, r.postcodes, r.source])).toEqual([
      ['EC1A', 51.52, -0.098, 1, 'onspd-sample.csv'],
      ['RM1', 51.5805, 0.183, 2, 'onspd-sample.csv'],
      ['RM14', 51.562, 0.254, 3, 'onspd-sample.csv'],
    ]);
    const again = await runImport(ctx.db, postcodesImporter, fileSource(path.join(fixtures, 'onspd-sample.csv')), {
      actor: { system: 'test' },
      options: {},
    });
    expect(again).toMatchObject({ created: 0, updated: 3 });
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.entity, 'postcodes'));
    expect(audit).toHaveLength(2);
  });

  it('writes nothing from a file with a bad row', async () => {
    await ctx.db.delete(postcodeDistricts);
    await expect(
      runImport(ctx.db, postcodesImporter, fileSource(path.join(fixtures, 'onspd-broken.csv')), {
        actor: { system: 'test' },
        options: {},
      }),
    ).rejects.toBeInstanceOf(ImportRejected);
    expect(await ctx.db.select().from(postcodeDistricts)).toEqual([]);
  });
});
