import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '../client.js';
import { putBorough } from '../core/settings.js';
import { describeWithDatabases } from '../testing.js';
import { careHomeCapacity, homecareCapacity, locations, placements, providers } from '../market/schema.js';
import { ImportRejected, runImport, textSource } from '../../importers/framework.js';
import { populationImporter } from '../../importers/population.js';
import { loadDemandDemo, DEMO_RESIDENTS } from '../../demo/demand.js';
import { DEMO_BOROUGH } from '../../demo/borough.js';
import { createRng } from '../../domain/core/random.js';
import { DEFAULT_SCENARIO, runModel } from '../../domain/demand/model.js';
import { populationIn } from '../../domain/demand/population.js';
import { loadGrid, loadModelInputs } from './model-inputs.js';
import { listAreas, residentsLatest } from './population.js';
import { effectiveRates, resetRate, saveRate } from './rates.js';
import { createScenario, listScenarios, ScenarioNameTaken } from './scenarios.js';

const REAL = new URL('../../importers/fixtures/ons', import.meta.url).pathname; // real ONS files
const actor = { system: 'test' };

async function countFigures(db: Parameters<typeof queryRows>[0], area: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(sum(cardinality(counts)), 0)::int as n from population_series where area_code = ${area}`,
  );
  return Number(row.n);
}

describeWithDatabases('demand: population import', (ctx) => {
  it('imports the real Darlington SNPP file, replaces the same vintage on re-import and builds a grid', async () => {
    const source = () => textSource('snpp-2022-darlington.csv', readFileSync(`${REAL}/snpp-2022-darlington.csv`));
    const first = await runImport(ctx.db, populationImporter, source(), { actor, options: {} });
    expect(first.created).toBe(91 * 26);
    expect(first.messages[0]).toMatch(/1 area, 2022–2047 \(projection, 2022-based SNPP\)/);
    const again = await runImport(ctx.db, populationImporter, source(), { actor, options: {} });
    expect(again.removed).toBe(91 * 26);
    expect(await countFigures(ctx.db, 'E06000005')).toBe(91 * 26);
    const grid = await loadGrid(ctx.db, 'E06000005');
    expect(grid.sexes).toEqual(['persons']);
    expect(grid.years[0]).toBe(2022);
    expect(grid.years.at(-1)).toBe(2047);
    // The published 2022 total for Darlington ("All ages" row).
    const allAges = readFileSync(`${REAL}/snpp-2022-darlington.csv`, 'utf8')
      .split('\r\n')
      .find((l) => l.includes(',All ages,'))!
      .split(',');
    expect(populationIn(grid, 2022, { from: 0, to: null })).toBeCloseTo(Number(allAges[5]), 6);
    const areas = await listAreas(ctx.db);
    expect(areas.find((a) => a.code === 'E06000005')).toMatchObject({
      name: 'Darlington',
      areaType: 'local_authority',
      figures: 91 * 26,
    });
  });

  it('refuses a broken file whole, writing nothing', async () => {
    const text = readFileSync(`${REAL}/snpp-2022-county-durham.csv`, 'utf8').replace(
      'E06000047,County Durham,Population,persons,7,',
      'E06000047,County Durham,Population,persons,seven,',
    );
    const before = await countFigures(ctx.db, 'E06000047');
    const err = await runImport(ctx.db, populationImporter, textSource('durham.csv', text), {
      actor,
      options: {},
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as ImportRejected).issues).toContainEqual({
      line: 9,
      field: 'AGE_GROUP',
      message: '"seven" is not an age, an age band or "All ages"',
    });
    expect(await countFigures(ctx.db, 'E06000047')).toBe(before);
    const [areas] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from demand_areas where code = 'E06000047'`,
    );
    expect(Number(areas.n)).toBe(0);
  });

  it('imports five-year bands and keeps band totals exact in the grid', async () => {
    const lines = ['"AREA_CODE","AREA_NAME","COMPONENT","SEX","AGE_GROUP","2030"'];
    for (let a = 0; a < 90; a += 5) lines.push(`E07000999,Bandshire,Population,persons,${a}-${a + 4},${1000 + a}.000`);
    lines.push('E07000999,Bandshire,Population,persons,90 and over,150.000');
    const total = Array.from({ length: 18 }, (_, i) => 1000 + i * 5).reduce((x, y) => x + y, 150);
    lines.push(`E07000999,Bandshire,Population,persons,All ages,${total}.000`);
    await runImport(ctx.db, populationImporter, textSource('bands.csv', lines.join('\r\n')), {
      actor,
      options: { vintage: '2022-based SNPP (bands)' },
    });
    const grid = await loadGrid(ctx.db, 'E07000999');
    expect(populationIn(grid, 2030, { from: 65, to: 69 })).toBeCloseTo(1065, 9);
    expect(populationIn(grid, 2030, { from: 65, to: 74 })).toBeCloseTo(1065 + 1070, 9);
    expect(populationIn(grid, 2030, { from: 0, to: null })).toBeCloseTo(total, 9);
    expect(grid.notes.join(' ')).toMatch(/spread evenly/);
    expect(grid.sources[0].vintage).toBe('2022-based SNPP (bands)');
  });

  it('imports the wide mid-year layout (Trafford) as estimates by sex', async () => {
    await runImport(
      ctx.db,
      populationImporter,
      textSource('myе.csv', readFileSync(`${REAL}/mid-year_population_estimates_local_authority.csv`)),
      { actor, options: {} },
    );
    const grid = await loadGrid(ctx.db, 'E08000009');
    expect(grid.sexes).toEqual(['female', 'male']);
    expect(populationIn(grid, 2020, { from: 0, to: null })).toBe(237579);
    expect(populationIn(grid, 2020, { from: 65, to: null })).toBe(41443);
    expect(grid.sources[0]).toEqual({ year: 2020, kind: 'estimate', vintage: 'mid-2020' });
  });
});

describeWithDatabases('demand: demo borough, market inputs and rates', (ctx) => {
  const asAt = '2026-11-01';
  beforeAll(async () => {
    await putBorough(ctx.db, { ...DEMO_BOROUGH });
    await loadDemandDemo(ctx.db, createRng(3, 'demand/population'));
    // A small market: two care homes (one split residential/nursing), a homecare agency, placements.
    const [p] = await ctx.db.insert(providers).values({ name: 'Test Care Ltd' }).returning();
    const [home1, home2, agency] = await ctx.db
      .insert(locations)
      .values([
        {
          providerId: p.id,
          name: 'Elm House',
          serviceTypes: ['care_home_residential'],
          registeredBeds: 60,
          localAuthorityGss: DEMO_BOROUGH.gssCode,
          inBorough: true,
        },
        {
          providerId: p.id,
          name: 'Oak Court',
          serviceTypes: ['care_home_residential', 'care_home_nursing'],
          registeredBeds: 80,
          localAuthorityGss: DEMO_BOROUGH.gssCode,
          inBorough: true,
        },
        {
          providerId: p.id,
          name: 'Home Helpers',
          serviceTypes: ['homecare'],
          localAuthorityGss: DEMO_BOROUGH.gssCode,
          inBorough: true,
        },
      ])
      .returning();
    await ctx.db.insert(careHomeCapacity).values([
      {
        locationId: home1.id,
        asAt: new Date('2026-10-01T00:00:00Z'),
        maxCapacity: 60,
        occupied: 50,
        vacantAccepting: 10,
      },
      {
        locationId: home1.id,
        asAt: new Date('2026-10-20T00:00:00Z'),
        maxCapacity: 60,
        occupied: 54,
        vacantAccepting: 6,
      },
      {
        locationId: home2.id,
        asAt: new Date('2026-10-20T00:00:00Z'),
        maxCapacity: 80,
        occupied: 72,
        vacantAccepting: 8,
        residentialMax: 30,
        residentialOccupied: 27,
        nursingMax: 50,
        nursingOccupied: 45,
      },
    ]);
    await ctx.db.insert(homecareCapacity).values({
      locationId: agency.id,
      asAt: new Date('2026-10-20T00:00:00Z'),
      peopleSupported: 40,
      hoursPerWeek: '480',
      newHoursAvailable: '60',
    });
    const pl = (i: number, over: Partial<typeof placements.$inferInsert>) => ({
      personRef: `P-${1000 + i}`,
      locationId: home1.id,
      serviceType: 'care_home_residential',
      band: 'standard_residential',
      startDate: '2025-06-01',
      weeklyPricePence: 80_000,
      ...over,
    });
    await ctx.db.insert(placements).values([
      pl(1, {}),
      pl(2, { weeklyPricePence: 90_000 }),
      pl(3, { locationId: home2.id }),
      pl(4, { endDate: '2026-01-01' }), // ended: not current
      pl(5, { funding: 'self_funded' }), // not council-funded
      pl(6, { purpose: 'd2a' }), // short-term discharge bed
      pl(7, {
        locationId: home2.id,
        serviceType: 'care_home_nursing',
        band: 'standard_nursing',
        weeklyPricePence: 100_000,
      }),
      pl(8, {
        locationId: agency.id,
        serviceType: 'homecare',
        band: 'homecare_hourly',
        hoursPerWeek: '10',
        hourlyRatePence: 2500,
        weeklyPricePence: 25_000,
      }),
      pl(9, {
        locationId: agency.id,
        serviceType: 'homecare',
        band: 'homecare_hourly',
        hoursPerWeek: '14',
        hourlyRatePence: 2500,
        weeklyPricePence: 35_000,
      }),
      pl(10, {
        locationId: agency.id,
        serviceType: 'homecare',
        band: 'individual',
        hoursPerWeek: '30',
        weeklyPricePence: 75_000,
      }), // LD package
    ]);
  });

  it('holds the demo borough population: 268,145 residents in 2024 with estimates then projections to 2047', async () => {
    expect(await residentsLatest(ctx.db, DEMO_BOROUGH.gssCode)).toEqual({
      year: 2024,
      people: DEMO_RESIDENTS,
      kind: 'estimate',
    });
    const grid = await loadGrid(ctx.db, DEMO_BOROUGH.gssCode);
    expect(grid.years[0]).toBe(2019);
    expect(grid.years.at(-1)).toBe(2047);
    expect(grid.sources.find((s) => s.year === 2024)!.kind).toBe('estimate');
    expect(grid.sources.find((s) => s.year === 2025)!.kind).toBe('projection');
    const share65 = populationIn(grid, 2024, { from: 65, to: null }) / DEMO_RESIDENTS;
    expect(share65).toBeGreaterThan(0.17);
    expect(share65).toBeLessThan(0.21);
    expect(populationIn(grid, 2040, { from: 65, to: null })).toBeGreaterThan(
      populationIn(grid, 2024, { from: 65, to: null }) * 1.1,
    );
  });

  it('reads today’s clients, mean cost and supply from the market tables', async () => {
    const inputs = await loadModelInputs(ctx.db, DEMO_BOROUGH.gssCode, asAt);
    expect(inputs.marketLinked).toBe(true);
    const use = Object.fromEntries(inputs.currentUse.map((u) => [u.service, u]));
    expect(use.care_home_residential).toEqual({
      service: 'care_home_residential',
      clients: 3,
      weeklyCostPence: 83_333, // (£800 + £900 + £800) ÷ 3 = £833.33, in whole pence
      hoursPerClient: null,
    });
    expect(use.care_home_nursing.clients).toBe(1);
    expect(use.homecare).toEqual({ service: 'homecare', clients: 2, weeklyCostPence: 30_000, hoursPerClient: 12 });
    const supply = Object.fromEntries(inputs.supply.map((s) => [s.service, s]));
    // Elm House latest return 54/60 + Oak Court's residential split 27/30
    expect(supply.care_home_residential).toEqual({ service: 'care_home_residential', capacity: 90, inUseToday: 81 });
    expect(supply.care_home_nursing).toEqual({ service: 'care_home_nursing', capacity: 50, inUseToday: 45 });
    expect(supply.homecare).toEqual({ service: 'homecare', capacity: 540, inUseToday: 480 });
    const result = runModel(inputs.input, DEFAULT_SCENARIO);
    const res = result.services.find((s) => s.service === 'care_home_residential')!;
    expect(res.clients[0]).toBeCloseTo(3, 9);
    expect(res.gap!.rows[0].inUse).toBeCloseTo(81, 9);
    expect(result.baseYear).toBe(2026);
    expect(result.years.at(-1)).toBe(2045);
  });

  it('saves, audits and resets edited rates', async () => {
    const rates = await effectiveRates(ctx.db);
    const ld = rates.find((r) => r.key === 'learning_disability_adults')!;
    expect(ld.isDefault).toBe(true);
    await saveRate(ctx.db, { ...ld, shareKnownToAsc: 0.75 }, actor);
    const edited = (await effectiveRates(ctx.db)).find((r) => r.key === 'learning_disability_adults')!;
    expect(edited).toMatchObject({ shareKnownToAsc: 0.75, isDefault: false, shipped: true });
    const audit = await queryRows<{
      action: string;
      detail: { before: { shareKnownToAsc: number }; after: { shareKnownToAsc: number } };
    }>(
      ctx.db,
      sql`select action, detail from audit_log where entity = 'demand_rate' and entity_id = 'learning_disability_adults'`,
    );
    expect(audit[0].action).toBe('update');
    expect(audit[0].detail.before.shareKnownToAsc).toBe(0.8);
    expect(audit[0].detail.after.shareKnownToAsc).toBe(0.75);
    expect(await resetRate(ctx.db, 'learning_disability_adults', actor)).toBe('reset');
    expect((await effectiveRates(ctx.db)).find((r) => r.key === 'learning_disability_adults')!.shareKnownToAsc).toBe(
      0.8,
    );
  });

  it('keeps scenario names unique', async () => {
    expect((await listScenarios(ctx.db)).map((s) => s.name)).toContain('Generous: rates on trend');
    await expect(
      createScenario(ctx.db, { name: 'generous: RATES on trend', description: '', params: DEFAULT_SCENARIO }, actor),
    ).rejects.toBeInstanceOf(ScenarioNameTaken);
  });
});
