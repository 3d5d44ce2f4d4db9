// The CQC directory importer through the reference geography: councils created since 2019 and deregistration
// judged by the area a file covers, not by the council’s name (cases C03 and C16, fixtures/cases/).
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { boroughFor } from '../db/core/council.js';
import { putBorough } from '../db/core/settings.js';
import { describeWithDatabases } from '../db/testing.js';
import { DEMO_BOROUGH } from '../demo/borough.js';
import { authorityByCode } from '../domain/geography/authorities.js';
import { locations } from '../db/market/schema.js';
import { listLocations } from '../db/market/register.js';
import { cqcImporter } from './cqc.js';
import { fileSource, ImportRejected, runImport } from './framework.js';

const fixture = (name: string) => fileSource(join(import.meta.dirname, 'fixtures/cases', name));
const actor = { system: 'import cqc' };

describeWithDatabases('CQC import: councils created since 2019 (C03)', (ctx) => {
  it('records the new unitary councils’ GSS codes and flags North Yorkshire’s homes in borough', async () => {
    const summary = await runImport(ctx.db, cqcImporter, fixture('C03_cqc_new_unitary_councils.csv'), {
      actor,
      options: { borough: 'E06000065' },
    });
    expect(summary.created).toBe(4);
    const rows = await ctx.db.select().from(locations);
    const byId = Object.fromEntries(rows.map((r) => [r.cqcLocationId, r]));
    expect(byId['1-1000000021'].localAuthorityGss).toBe('E06000065');
    expect(byId['1-1000000022'].localAuthorityGss).toBe('E06000065');
    expect(byId['1-1000000023'].localAuthorityGss).toBe('E06000063');
    expect(byId['1-1000000024'].localAuthorityGss).toBe('E06000060');
    expect(
      rows
        .filter((r) => r.inBorough)
        .map((r) => r.cqcLocationId)
        .sort(),
    ).toEqual(['1-1000000021', '1-1000000022']);
    // ?la= filters by area: the former North Yorkshire County Council's code finds the same two homes.
    const la = await listLocations(ctx.db, { localAuthorityGss: 'E10000023' });
    expect(la.map((l) => l.cqcLocationId).sort()).toEqual(['1-1000000021', '1-1000000022']);
  });
});

describeWithDatabases('CQC import: an area published under its successor council (C16)', (ctx) => {
  it('deregisters the home missing from the later file published under Cumberland', async () => {
    const first = await runImport(ctx.db, cqcImporter, fixture('C16a_cqc_march2023_cumbria.csv'), {
      actor,
      options: {},
    });
    expect(first.created).toBe(2);
    const [fell] = await ctx.db.select().from(locations).where(eq(locations.cqcLocationId, '1-1000000025'));
    expect(fell.localAuthorityGss).toBe('E10000006'); // Cumbria: split in two, kept
    const second = await runImport(ctx.db, cqcImporter, fixture('C16b_cqc_may2023_cumberland_fellview_gone.csv'), {
      actor,
      options: {},
    });
    expect(second.deregisteredLocations).toEqual(['1-1000000025']);
    expect(second.removed).toBe(1);
    const [solway] = await ctx.db.select().from(locations).where(eq(locations.cqcLocationId, '1-1000000023'));
    expect(solway.localAuthorityGss).toBe('E06000063');
    expect(solway.deregisteredAt).toBeNull();
  });
});

describeWithDatabases('CQC import on a council set up as Cumberland (C16): homes placed again', (ctx) => {
  it('brings a home first published under Cumbria into Cumberland’s market when a later file records it there', async () => {
    await putBorough(ctx.db, boroughFor(authorityByCode('E06000063')!));
    await runImport(ctx.db, cqcImporter, fixture('C16a_cqc_march2023_cumbria.csv'), { actor, options: {} });
    const inArea = async () =>
      (await ctx.db.select().from(locations).where(eq(locations.inBorough, true))).map((l) => l.cqcLocationId).sort();
    // Cumbria (E10000006) covered Westmorland and Furness too: a home recorded under it is not yet Cumberland's.
    expect(await inArea()).toEqual([]);
    const second = await runImport(ctx.db, cqcImporter, fixture('C16b_cqc_may2023_cumberland_fellview_gone.csv'), {
      actor,
      options: {},
    });
    expect(second.updated).toBe(1);
    expect(await inArea()).toEqual(['1-1000000023']);
  });
});

describeWithDatabases('CQC import on a council set up as Plymouth: the borough option (C03)', (ctx) => {
  it('refuses another council’s code, writing nothing, and takes the council’s own', async () => {
    await putBorough(ctx.db, boroughFor(authorityByCode('E06000026')!));
    const err = await runImport(ctx.db, cqcImporter, fixture('C03_cqc_new_unitary_councils.csv'), {
      actor,
      options: { borough: 'E06000065' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as ImportRejected).issues).toEqual([
      {
        line: null,
        field: 'borough',
        message:
          'Steward serves Plymouth (E06000026), so this import can only mark Plymouth’s locations as in your area, not North Yorkshire’s (E06000065): leave the council’s GSS code empty or use E06000026',
      },
    ]);
    expect(await ctx.db.$count(locations)).toBe(0);
    const ok = await runImport(ctx.db, cqcImporter, fixture('C03_cqc_new_unitary_councils.csv'), {
      actor,
      options: { borough: 'E06000026' },
    });
    expect(ok.created).toBe(4);
    expect(await ctx.db.$count(locations, eq(locations.inBorough, true))).toBe(0);
  });
});

describeWithDatabases('CQC import on the demo borough: the borough option (review 13, finding 10)', (ctx) => {
  it('counts the demo borough as set up: another council’s code is refused, saying how to set up the real one', async () => {
    await putBorough(ctx.db, DEMO_BOROUGH);
    const err = await runImport(ctx.db, cqcImporter, fixture('C03_cqc_new_unitary_councils.csv'), {
      actor,
      options: { borough: 'E06000065' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    const [issue] = (err as ImportRejected).issues;
    expect(issue.field).toBe('borough');
    expect(issue.message).toBe(
      'Steward serves Eastbrook (demo borough), so this import cannot mark North Yorkshire’s (E06000065) locations as in your area: set up North Yorkshire first (Administration › Your council, or `steward setup --council E06000065`), or leave the council’s GSS code empty',
    );
    // Nothing written: no North Yorkshire home is counted in Eastbrook.
    expect(await ctx.db.$count(locations)).toBe(0);
  });
});
