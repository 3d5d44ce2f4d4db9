// The cases that write: C15's Capacity Tracker extract recorded against the register C02 created.
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { careHomeCapacity, careHomeLatest, locations } from '../db/market/schema.js';
import { describeWithDatabases } from '../db/testing.js';
import { capacityImporter } from './capacity.js';
import { cqcImporter } from './cqc.js';
import { fileSource, ImportRejected, runImport, textSource } from './framework.js';

const dir = path.join(import.meta.dirname, 'fixtures', 'cases');
const actor = { system: 'test' };

describeWithDatabases('import cases C02 then C15', (ctx) => {
  it('records the Capacity Tracker returns against the homes of the CQC register', async () => {
    const c02 = await runImport(
      ctx.db,
      cqcImporter,
      fileSource(path.join(dir, 'C02_cqc_current_padded_titles_crlf.csv')),
      {
        actor,
        options: {},
      },
    );
    expect(c02.created).toBe(3);
    const s = await runImport(
      ctx.db,
      capacityImporter,
      fileSource(path.join(dir, 'C15_capacity_tracker_extract.csv')),
      {
        actor,
        options: {},
      },
    );
    expect(s.rowsRead).toBe(2);
    const latest = await ctx.db
      .select({
        id: locations.cqcLocationId,
        max: careHomeLatest.maxCapacity,
        occupied: careHomeLatest.occupied,
        vacant: careHomeLatest.vacantAccepting,
        asAt: careHomeLatest.asAt,
      })
      .from(careHomeLatest)
      .innerJoin(locations, eq(locations.id, careHomeLatest.locationId))
      .orderBy(locations.cqcLocationId);
    expect(latest.map((r) => [r.id, r.max, r.occupied, r.vacant])).toEqual([
      ['1-1000000011', 30, 27, 3],
      ['1-1000000013', 40, 40, 0],
    ]);
    expect(latest[0].asAt.toISOString()).toBe('2025-09-15T09:02:11.000Z');
    const sources = await ctx.db.selectDistinct({ source: careHomeCapacity.source }).from(careHomeCapacity);
    expect(sources).toEqual([{ source: 'capacity_tracker' }]);
  });

  it('refuses an extract naming a home not in the register, and writes nothing', async () => {
    const text =
      'cqcid,location,maxcapacity,usedbeds,declaredvacancies,isacceptingadmissions,lastupdatedbst\n' +
      '1-1000000011,Oakleigh House,30,26,4,Yes,2025-09-20 09:00:00\n' +
      '1-9999999999,Elsewhere,20,20,0,No,2025-09-20 09:00:00\n';
    const err = await runImport(ctx.db, capacityImporter, textSource('ct.csv', text), { actor, options: {} }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as ImportRejected).issues).toEqual([
      { line: 3, field: 'cqc_location_id', message: 'no location 1-9999999999' },
    ]);
    expect(await ctx.db.$count(careHomeCapacity)).toBe(2);
  });
});
