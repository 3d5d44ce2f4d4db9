import path from 'node:path';
import { createHmac } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getSetting } from '../db/core/settings.js';
import { locations, placements, usualRates } from '../db/market/schema.js';
import { describeWithDatabases } from '../db/testing.js';
import { cqcLocationsImporter } from './cqcLocations.js';
import { fileSource, ImportRejected, runImport, textSource } from './framework.js';
import { placementsImporter } from './placements.js';
import { ratesImporter } from './rates.js';

const actor = { system: 'test' };
const HEADER =
  'Package ID,Person reference,Service type,CQC location ID,Provider,Band,Start date,End date,Weekly cost (£),Hours per week,Hourly rate (£),Funding';
const FILE = [
  HEADER,
  'PK-1001,MOS123456,Residential,1-106956345,,Standard residential,01/04/2025,,"£1,050.00",,,Council',
  'PK-1002,MOS123456,Residential,1-106956345,,Enhanced residential,2025-09-01,,1180.5,,,LA',
  'PK-1003,MOS777001,Nursing,,Park House,Standard nursing,15/06/2024,31/12/2024,1320,,,CHC',
  'PK-1004,MOS777002,Residential,1-1065243315,,,01/01/2025,,990,,,Self-funded',
].join('\r\n');

describeWithDatabases('import placements and rates', (ctx) => {
  it('imports packages against the market register, pseudonymising person references with the instance key', async () => {
    await runImport(
      ctx.db,
      cqcLocationsImporter,
      fileSource(path.join(import.meta.dirname, 'fixtures', 'cqc-api', 'torbay-6-locations.json')),
      { actor, options: {} },
    );
    const s = await runImport(ctx.db, placementsImporter, textSource('packages.csv', FILE), { actor, options: {} });
    expect(s).toMatchObject({ rowsRead: 4, created: 4, updated: 0, unchanged: 0 });
    const rows = await ctx.db
      .select({ p: placements, cqc: locations.cqcLocationId })
      .from(placements)
      .innerJoin(locations, eq(locations.id, placements.locationId))
      .orderBy(asc(placements.originRef));
    expect(rows.map((r) => [r.p.originRef, r.cqc, r.p.band, r.p.weeklyPricePence, r.p.funding, r.p.endDate])).toEqual([
      ['PK-1001', '1-106956345', 'standard_residential', 105_000, 'council', null],
      ['PK-1002', '1-106956345', 'enhanced_residential', 118_050, 'council', null],
      ['PK-1003', '1-107263398', 'standard_nursing', 132_000, 'nhs', '2024-12-31'],
      ['PK-1004', '1-1065243315', 'individual', 99_000, 'self_funded', null],
    ]);
    // No source ID is stored; the same person has the same reference, the HMAC of the ID under the instance key.
    const key = Buffer.from((await getSetting<string>(ctx.db, 'pseudonymisation_key'))!, 'base64');
    expect(key).toHaveLength(32);
    const expected = `ps-${createHmac('sha256', key).update('MOS123456').digest('hex').slice(0, 24)}`;
    expect(rows[0].p.personRef).toBe(expected);
    expect(rows[1].p.personRef).toBe(expected);
    expect(rows[2].p.personRef).not.toBe(expected);
    expect(JSON.stringify(rows)).not.toMatch(/MOS\d/);
  });

  it('updates by package ID on re-import: one changed cost, the rest unchanged, no duplicates', async () => {
    const again = FILE.replace('"£1,050.00"', '1075.25').replace('01/01/2025,,990', '01/01/2025,30/06/2025,990');
    const s = await runImport(ctx.db, placementsImporter, textSource('packages-v2.csv', again), { actor, options: {} });
    expect(s).toMatchObject({ rowsRead: 4, created: 0, updated: 2, unchanged: 2 });
    expect(await ctx.db.$count(placements)).toBe(4);
    const [p] = await ctx.db.select().from(placements).where(eq(placements.originRef, 'PK-1001'));
    expect(p.weeklyPricePence).toBe(107_525);
  });

  it('refuses a file with any bad row or unknown location, naming line and column, and writes nothing', async () => {
    const bad = [
      HEADER,
      'PK-2001,MOS1,Residential,1-106956345,,Standard residential,31/02/2025,,1000,,,Council',
      'PK-2002,MOS2,Homecare,1-106956345,,,01/04/2025,,,10.5,,Council',
      'PK-2003,MOS3,Spa,1-106956345,,,01/04/2025,,1000,,,Council',
      'PK-2004,MOS4,Residential,1-1999999999,,,01/04/2025,,1000,,,Council',
    ].join('\n');
    const err = await runImport(ctx.db, placementsImporter, textSource('bad.csv', bad), { actor, options: {} }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as ImportRejected).issues.map((i) => [i.line, i.field])).toEqual([
      [2, 'Start date'],
      [3, 'Hourly rate (£)'],
      [4, 'Service type'],
      [5, 'cqc location id'],
    ]);
    const unknown = [HEADER, 'PK-2004,MOS4,Residential,1-1999999999,,,01/04/2025,,1000,,,Council'].join('\n');
    const err2 = await runImport(ctx.db, placementsImporter, textSource('u.csv', unknown), {
      actor,
      options: {},
    }).catch((e: unknown) => e);
    expect((err2 as ImportRejected).issues).toEqual([
      {
        line: 2,
        field: 'cqc location id',
        message: 'no location 1-1999999999 in the market register (import the CQC register first)',
      },
    ]);
    expect(await ctx.db.$count(placements)).toBe(4);
  });

  it('keeps the hours and hourly rate of homecare packages, costing a week at hours × rate to the penny half up', async () => {
    const file = [
      HEADER,
      // 12.5 h × £23.45 = £293.125 → £293.13; 1.13 h × £22.50 = £25.425 → £25.43 (floating point gives £25.42).
      'PK-3001,MOS900001,Homecare,1-106956345,,,01/04/2025,,,12.5,£23.45,Council',
      'PK-3002,MOS900002,Home care,1-106956345,,,01/04/2025,,,1.13,22.50,Council',
      // The file's own weekly cost stands when it gives one beside hours and rate (travel time, say).
      'PK-3003,MOS900003,Homecare,1-106956345,,,01/04/2025,,310.00,12.5,23.45,Council',
    ].join('\n');
    const s = await runImport(ctx.db, placementsImporter, textSource('homecare.csv', file), { actor, options: {} });
    expect(s).toMatchObject({ rowsRead: 3, created: 3 });
    const rows = await ctx.db
      .select()
      .from(placements)
      .where(inArray(placements.originRef, ['PK-3001', 'PK-3002', 'PK-3003']))
      .orderBy(asc(placements.originRef));
    expect(rows.map((r) => [r.band, r.hoursPerWeek, r.hourlyRatePence, r.weeklyPricePence])).toEqual([
      ['homecare_hourly', '12.50', 2_345, 29_313],
      ['homecare_hourly', '1.13', 2_250, 2_543],
      ['homecare_hourly', '12.50', 2_345, 31_000],
    ]);
    // Out of bounds: more hours than a week holds, and a week dearer than BOUNDS.weeklyPricePence (£25,000).
    const bad = [
      HEADER,
      'PK-3004,MOS900004,Homecare,1-106956345,,,01/04/2025,,,168.5,20.00,Council',
      'PK-3005,MOS900005,Homecare,1-106956345,,,01/04/2025,,,168,199.00,Council',
    ].join('\n');
    const err = await runImport(ctx.db, placementsImporter, textSource('bad-hours.csv', bad), {
      actor,
      options: {},
    }).catch((e: unknown) => e);
    expect((err as ImportRejected).issues).toEqual([
      {
        line: 2,
        field: 'Hours per week',
        message: '"168.5" is not a number of hours above 0 and at most 168 (at most two decimals)',
      },
      {
        line: 3,
        field: 'Hours per week',
        message: '168 hours at £199.00 an hour is £33,432.00 a week, more than £25,000, the most Steward accepts',
      },
    ]);
    await ctx.db.delete(placements).where(inArray(placements.originRef, ['PK-3001', 'PK-3002', 'PK-3003']));
  });

  it('imports usual rates and corrects them on re-import', async () => {
    const file =
      'Band,Effective from,Amount (£),Note\nStandard residential,01/04/2025,"£1,012.00",2025/26\nhomecare_hourly,2025-04-01,24.5,\n';
    const s = await runImport(ctx.db, ratesImporter, textSource('rates.csv', file), { actor, options: {} });
    expect(s).toMatchObject({ rowsRead: 2, created: 2, updated: 0, unchanged: 0 });
    const s2 = await runImport(ctx.db, ratesImporter, textSource('rates.csv', file.replace('24.5', '24.75')), {
      actor,
      options: {},
    });
    expect(s2).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const rates = await ctx.db.select().from(usualRates).orderBy(asc(usualRates.band));
    expect(rates.map((r) => [r.band, r.effectiveFrom, r.amountPence, r.unit])).toEqual([
      ['homecare_hourly', '2025-04-01', 2475, 'hour'],
      ['standard_residential', '2025-04-01', 101_200, 'week'],
    ]);
  });
});
