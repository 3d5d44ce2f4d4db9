// The cases that write: C15's Capacity Tracker extract recorded against the register C02 created.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { capacitySummary } from '../db/market/dashboard.js';
import {
  careHomeCapacity,
  careHomeLatest,
  locations,
  workforceLatest,
  workforceSnapshots,
} from '../db/market/schema.js';
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
    // Named by the extract's own heading (cqcid), not Steward's template's (cqc_location_id).
    expect((err as ImportRejected).issues).toEqual([{ line: 3, field: 'cqcid', message: 'no location 1-9999999999' }]);
    expect(await ctx.db.$count(careHomeCapacity)).toBe(2);
  });

  it("reads the extract's workforce columns into the workforce returns the market dashboard counts", async () => {
    // The national extract's care-home columns in their published order (cqc/CQC_FORMAT_NOTES.md), dates as Excel
    // serial day numbers; Oakleigh House filled its workforce section, Never Inspected Home did not.
    const file = path.join(import.meta.dirname, 'fixtures', 'capacity-tracker', 'care-home-extract-workforce.csv');
    const s = await runImport(ctx.db, capacityImporter, fileSource(file), { actor, options: {} });
    expect(s.messages).toEqual([
      '2 capacity returns recorded',
      '1 workforce returns recorded (staff, agency staff, absences)',
    ]);
    const wf = await ctx.db
      .select({ id: locations.cqcLocationId, w: workforceLatest })
      .from(workforceLatest)
      .innerJoin(locations, eq(locations.id, workforceLatest.locationId));
    // By hand from the row: agency 0 + 3 + 1 = 4; absent (general and COVID-19) 0 + 0 + 2 + 0 + 1 + 0 = 3.
    expect(wf.map((r) => [r.id, r.w.nurses, r.w.careStaff, r.w.nonCareStaff, r.w.agencyStaff, r.w.absences])).toEqual([
      ['1-1000000011', 0, 24, 9, 4, 3],
    ]);
    expect(wf[0].w.vacancies).toBeNull();
    // 45915.4181828704 in lastupdatedbst is 15 September 2025 10:02:11 UK time, 09:02:11 UTC.
    expect(wf[0].w.asAt.toISOString()).toBe('2025-09-15T09:02:11.000Z');
    const sources = await ctx.db.selectDistinct({ source: workforceSnapshots.source }).from(workforceSnapshots);
    expect(sources).toEqual([{ source: 'capacity_tracker' }]);
    const summary = await capacitySummary(ctx.db, {});
    // Staff working: 0 + 24 + 9 directly employed + 4 agency = 37; no vacancies given, so none counted.
    expect(summary.workforce).toMatchObject({ staff: 37, agencyStaff: 4, vacancies: 0, absences: 3 });
    expect(summary.workforce.agencyShare).toBeCloseTo(4 / 37, 10);
  });

  it('refuses workforce cells that are not whole numbers or left empty beside others, naming line and column', async () => {
    const text = readFileSync(
      path.join(import.meta.dirname, 'fixtures', 'capacity-tracker', 'care-home-extract-workforce.csv'),
      'utf8',
    )
      .replace(',24,2,0,9,', ',twenty,2,0,9,')
      .replace(',No,,,,,', ',No,,,,5,');
    const before = await ctx.db.$count(workforceSnapshots);
    const err = await runImport(ctx.db, capacityImporter, textSource('extract.csv', text), {
      actor,
      options: {},
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    const issues = (err as ImportRejected).issues;
    expect(issues[0]).toEqual({ line: 2, field: 'careworkersemployed', message: '"twenty" is not a whole number' });
    expect(issues.slice(1).every((i) => i.line === 3 && i.message.startsWith('is empty'))).toBe(true);
    expect(issues.slice(1).map((i) => i.field)).toContain('nursesemployed');
    expect(issues.slice(1).map((i) => i.field)).not.toContain('careworkersemployed');
    expect(await ctx.db.$count(workforceSnapshots)).toBe(before);
  });
});
