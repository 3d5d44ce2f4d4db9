import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { importRuns } from '../db/data/schema.js';
import { locations, providers } from '../db/market/schema.js';
import { boroughFor } from '../db/core/council.js';
import { putBorough } from '../db/core/settings.js';
import { capacitySummary } from '../db/market/dashboard.js';
import { describeWithDatabases } from '../db/testing.js';
import { authorityByCode } from '../domain/geography/authorities.js';
import { cqcLocationsImporter } from './cqcLocations.js';
import { fileSource, ImportRejected, runImport, textSource } from './framework.js';

const dir = path.join(import.meta.dirname, 'fixtures', 'cqc-api');
const LIST = path.join(dir, 'torbay-6-locations.json');
const NDJSON = path.join(dir, 'torbay-6-locations.ndjson');
const records = JSON.parse(readFileSync(LIST, 'utf8')) as Record<string, unknown>[];
const actor = { system: 'test' };

describeWithDatabases('import cqc-locations', (ctx) => {
  it('fills beds, ratings by key question, coordinates and ODS codes from a list of API records', async () => {
    const s = await runImport(ctx.db, cqcLocationsImporter, fileSource(LIST), { actor, options: {} });
    expect(s).toMatchObject({ rowsRead: 6, created: 6, updated: 0, unchanged: 0, removed: 0, registeredBeds: 165 });
    const rows = await ctx.db.select().from(locations).orderBy(asc(locations.cqcLocationId));
    expect(rows.map((r) => r.registeredBeds)).toEqual([32, 44, 21, 4, 34, 30]);
    const harbour = rows.find((r) => r.cqcLocationId === '1-106956345')!;
    expect(harbour).toMatchObject({
      name: 'Harbour Rise Rest Home',
      cqcRating: 'Outstanding',
      cqcRatingDate: '2019-07-02',
      odsCode: 'VL7TL',
      lat: 50.429149,
      localAuthorityName: 'Torbay',
      serviceTypes: ['care_home_residential'],
      cqcLastCheck: '2020-10-23',
      registeredAt: '2010-12-22',
      deregisteredAt: null,
    });
    expect(harbour.cqcKeyQuestionRatings).toEqual({
      safe: { rating: 'Good', date: '2019-07-02' },
      effective: { rating: 'Good', date: '2019-07-02' },
      caring: { rating: 'Outstanding', date: '2019-07-02' },
      responsive: { rating: 'Outstanding', date: '2019-07-02' },
      wellLed: { rating: 'Outstanding', date: '2019-07-02' },
    });
    // Provider records were not in the file: providers are created under their CQC ID.
    const [p] = await ctx.db.select().from(providers).where(eq(providers.id, harbour.providerId));
    expect(p.cqcProviderId).toBe(records[1].providerId);
  });

  it('is idempotent by location ID: the same records one per line change nothing', async () => {
    const s = await runImport(ctx.db, cqcLocationsImporter, fileSource(NDJSON), { actor, options: {} });
    expect(s).toMatchObject({ rowsRead: 6, created: 0, updated: 0, unchanged: 6, removed: 0 });
    expect(await ctx.db.$count(locations)).toBe(6);
  });

  it('reads one record alone, updates what changed and records deregistration and provider names', async () => {
    const park = {
      ...records[2],
      numberOfBeds: 19,
      registrationStatus: 'Deregistered',
      deregistrationDate: '2021-03-31',
    };
    const provider = { providerId: records[2].providerId, organisationType: 'Provider', name: 'Park House Care Ltd' };
    const text = `${JSON.stringify(park, null, 2)}\n${JSON.stringify(provider)}\n`;
    const s = await runImport(ctx.db, cqcLocationsImporter, textSource('park.json', text), { actor, options: {} });
    expect(s).toMatchObject({ rowsRead: 1, created: 0, updated: 1, unchanged: 0, removed: 1 });
    // Named by its name and CQC location ID, not the ID alone.
    expect(s.messages).toContain(`deregistered ${String(records[2].name)} (1-107263398)`);
    const [row] = await ctx.db.select().from(locations).where(eq(locations.cqcLocationId, '1-107263398'));
    expect(row.registeredBeds).toBe(19);
    expect(row.deregisteredAt?.toISOString()).toBe('2021-03-31T00:00:00.000Z');
    const [p] = await ctx.db.select().from(providers).where(eq(providers.id, row.providerId));
    expect(p.name).toBe('Park House Care Ltd');
    const runs = await ctx.db.select().from(importRuns).orderBy(asc(importRuns.importedAt));
    expect(runs.map((r) => [r.kind, r.fileName, r.rowsRead, r.actorLabel])).toEqual([
      ['cqc-locations', 'torbay-6-locations.json', 6, 'system:test'],
      ['cqc-locations', 'torbay-6-locations.ndjson', 6, 'system:test'],
      ['cqc-locations', 'park.json', 1, 'system:test'],
    ]);
  });

  it('refuses a file with a bad record, naming line and field, and writes nothing', async () => {
    const bad = records.map((r, i) =>
      i === 3 ? { ...r, numberOfBeds: 'twelve', onspdLatitude: 95 } : { ...r, name: `${String(r.name)} (renamed)` },
    );
    const text = bad.map((r) => JSON.stringify(r)).join('\n');
    const err = await runImport(ctx.db, cqcLocationsImporter, textSource('bad.ndjson', text), {
      actor,
      options: {},
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as ImportRejected).issues).toEqual([
      { line: 4, field: 'numberOfBeds', message: '"twelve" is not a number of beds' },
      { line: 4, field: 'onspdLatitude', message: '"95" is not between 49 and 61' },
    ]);
    const names = await ctx.db.select({ name: locations.name }).from(locations);
    expect(names.some((n) => n.name.includes('renamed'))).toBe(false);
    expect(await ctx.db.$count(importRuns)).toBe(3);
  });
});

describeWithDatabases('import cqc-locations on a set-up council: homes placed again', (ctx) => {
  it('moves a home into the council’s market when a later record places it in the council’s area', async () => {
    await putBorough(ctx.db, boroughFor(authorityByCode('E06000027')!)); // Torbay
    // First published under Devon County Council (as if miscoded), then under Torbay.
    const devon = records.map((r) => ({ ...r, localAuthority: 'Devon' }));
    await runImport(ctx.db, cqcLocationsImporter, textSource('devon.json', JSON.stringify(devon)), {
      actor,
      options: {},
    });
    const inArea = async () => (await ctx.db.select().from(locations).where(eq(locations.inBorough, true))).length;
    expect(await inArea()).toBe(0);
    const s = await runImport(ctx.db, cqcLocationsImporter, fileSource(LIST), { actor, options: {} });
    expect(s).toMatchObject({ created: 0, updated: 6, unchanged: 0 });
    expect(await inArea()).toBe(6);
    // The records name no provider: the market's largest providers say so instead of showing a bare CQC ID.
    const summary = await capacitySummary(ctx.db, { inBorough: true });
    const id = String(records[1].providerId);
    expect(summary.concentration.providers.map((p) => p.name)).toContain(`Provider ${id} (name not in the CQC file)`);
    expect(summary.concentration.providers.map((p) => p.name)).not.toContain(id);
  });
});

describeWithDatabases('import cqc-locations on a set-up council: the borough option', (ctx) => {
  it('refuses another council’s code, writing nothing', async () => {
    await putBorough(ctx.db, boroughFor(authorityByCode('E06000026')!)); // Plymouth
    const err = await runImport(ctx.db, cqcLocationsImporter, fileSource(LIST), {
      actor,
      options: { borough: 'E06000027' },
    }).catch((e: unknown) => e);
    expect((err as ImportRejected).issues).toEqual([
      {
        line: null,
        field: 'borough',
        message:
          'Steward serves Plymouth (E06000026), so this import can only mark Plymouth’s locations as in your area, not Torbay’s (E06000027): leave the council’s GSS code empty or use E06000026',
      },
    ]);
    expect(await ctx.db.$count(locations)).toBe(0);
  });
});
