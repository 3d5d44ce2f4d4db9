import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { putBorough } from '../../db/core/settings.js';
import { describeWithDatabases } from '../../db/testing.js';
import { careHomeCapacity, locations, placements, providers } from '../../db/market/schema.js';
import { DEMO_BOROUGH } from '../../demo/borough.js';
import { loadDemandDemo } from '../../demo/demand.js';
import { createRng } from '../../domain/core/random.js';
import { DEFAULT_SCENARIO } from '../../domain/demand/model.js';
import { anonymous, createTestApp, signInAs, type TestClient } from '../testing.js';

const AS_AT = '2026-11-01';

describeWithDatabases('demand routes', (ctx) => {
  let app: FastifyInstance;
  let commissioner: TestClient;
  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    await putBorough(ctx.db, { ...DEMO_BOROUGH });
    await loadDemandDemo(ctx.db, createRng(1, 'demand/population'));
    const [p] = await ctx.db.insert(providers).values({ name: 'Route Care Ltd' }).returning();
    const [home] = await ctx.db
      .insert(locations)
      .values({
        providerId: p.id,
        name: 'Birch Lodge',
        serviceTypes: ['care_home_residential'],
        registeredBeds: 40,
        localAuthorityGss: DEMO_BOROUGH.gssCode,
        inBorough: true,
      })
      .returning();
    await ctx.db.insert(careHomeCapacity).values({
      locationId: home.id,
      asAt: new Date('2026-10-15T00:00:00Z'),
      maxCapacity: 40,
      occupied: 37,
      vacantAccepting: 3,
    });
    await ctx.db.insert(placements).values(
      Array.from({ length: 30 }, (_, i) => ({
        personRef: `R-${2000 + i}`,
        locationId: home.id,
        serviceType: 'care_home_residential',
        band: 'standard_residential',
        startDate: '2025-01-01',
        weeklyPricePence: 75_000,
      })),
    );
    commissioner = await signInAs(app, 'commissioner');
  });
  afterAll(async () => app.close());

  it('refuses anonymous and provider users, lets viewers read but not write', async () => {
    expect((await anonymous(app).get('/api/demand/rates')).statusCode).toBe(401);
    const provider = await signInAs(app, 'provider', { providerId: (await ctx.db.select().from(providers))[0].id });
    expect((await provider.get('/api/demand/projection')).statusCode).toBe(403);
    const viewer = await signInAs(app, 'viewer');
    expect((await viewer.get(`/api/demand/projection?asAt=${AS_AT}`)).statusCode).toBe(200);
    const put = await viewer.put('/api/demand/rates/autism_adults', { label: 'x' });
    expect(put.statusCode).toBe(403);
    const post = await viewer.post('/api/demand/scenarios', { name: 'x', params: DEFAULT_SCENARIO });
    expect(post.statusCode).toBe(403);
  });

  it('projects the borough: population, care home gap with crossing year, budget pressure and method notes', async () => {
    const res = await commissioner.get(`/api/demand/projection?asAt=${AS_AT}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.areaCode).toBe(DEMO_BOROUGH.gssCode);
    expect(body.baseYear).toBe(2026);
    expect(body.years.at(-1)).toBe(2045);
    const ch = body.services.find((s: { service: string }) => s.service === 'care_home_residential');
    expect(ch.clients[0]).toBeCloseTo(30, 1);
    // 37 of 40 beds in use; at 95% target occupancy 38 beds are usable, so capacity runs out once
    // the 65+ care home population grows by more than 2.7%.
    expect(ch.gap.rows[0].inUse).toBeCloseTo(37, 1);
    expect(ch.gap.crossingYear).toBeGreaterThan(2026);
    expect(ch.gap.crossingYear).toBeLessThan(2035);
    expect(body.budget.rows[0].totalPence).toBe(Math.round(30 * 75_000 * (365 / 7))); // 30 clients × £750 a week
    expect(Number.isInteger(body.budget.rows.at(-1).pressurePence)).toBe(true);
    expect(body.budget.rows.at(-1).pressurePence).toBeGreaterThan(0);
    const calibrated = body.measures.find((m: { key: string }) => m.key === 'care_home_residential_65plus');
    expect(calibrated.calibration.observed).toBe(30);
    expect(body.population.sources.find((s: { year: number }) => s.year === 2024).kind).toBe('estimate');
    const pop = await commissioner.get('/api/demand/population');
    expect(pop.statusCode).toBe(200);
    const total2024 = pop.json().rows.find((r: { year: number; band: string }) => r.year === 2024 && r.band === '0+');
    expect(total2024.people).toBe(268145);
  });

  it('explains a figure as population × rate × share, adding up to the projected total', async () => {
    const proj = (await commissioner.get(`/api/demand/projection?asAt=${AS_AT}`)).json();
    const dementia = proj.measures.find((m: { key: string }) => m.key === 'dementia_65plus');
    const yi = proj.years.indexOf(2035);
    const res = await commissioner.get(`/api/demand/explain?asAt=${AS_AT}&measure=dementia_65plus&year=2035`);
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e.total).toBeCloseTo(dementia.totals[yi], 0);
    expect(e.lines.length).toBe(12); // 6 bands × 2 sexes
    for (const l of e.lines) expect(l.people).toBeCloseTo(l.population * l.rate * l.shareKnownToAsc * l.multiplier, 1);
    const bad = await commissioner.get(`/api/demand/explain?asAt=${AS_AT}&measure=dementia_65plus&year=2070`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('year');
  });

  it('refuses an invalid rate naming the field, saves a valid one and the projection moves', async () => {
    const rates = (await commissioner.get('/api/demand/rates')).json().rates;
    const dementia = rates.find((r: { key: string }) => r.key === 'dementia_65plus');
    const body = { ...dementia };
    for (const k of ['key', 'isDefault', 'shipped', 'updatedAt']) delete body[k];
    const overlapping = { ...body, cells: [...body.cells, { sex: 'female', ageFrom: 66, ageTo: 68, value: 0.5 }] };
    const bad = await commissioner.put('/api/demand/rates/dementia_65plus', overlapping);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().errors).toContainEqual({
      field: 'cells.12.ageFrom',
      message: 'age band 66-68 (female) overlaps another band for the same sex',
      in: 'body',
    });
    const tooHigh = await commissioner.put('/api/demand/rates/dementia_65plus', { ...body, shareKnownToAsc: 2 });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().errors[0].field).toBe('shareKnownToAsc');

    const before = (await commissioner.get(`/api/demand/projection?asAt=${AS_AT}`)).json();
    const doubled = { ...body, cells: body.cells.map((c: { value: number }) => ({ ...c, value: c.value * 2 })) };
    const ok = await commissioner.put('/api/demand/rates/dementia_65plus', doubled);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().rate.isDefault).toBe(false);
    const after = (await commissioner.get(`/api/demand/projection?asAt=${AS_AT}`)).json();
    const d = (b: typeof before) => b.measures.find((m: { key: string }) => m.key === 'dementia_65plus').totals[5];
    expect(d(after)).toBeCloseTo(2 * d(before), 0);
    const reset = await commissioner.delete('/api/demand/rates/dementia_65plus');
    expect(reset.json()).toEqual({ result: 'reset' });
    const audit = await queryRows<{ action: string }>(
      ctx.db,
      sql`select action from audit_log where entity = 'demand_rate' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['update', 'reset']);
  });

  it('saves a scenario with a policy lever and compares it side by side with the default', async () => {
    const params = {
      ...DEFAULT_SCENARIO,
      lever: { from: 'care_home_residential', to: 'homecare', share: 0.5, startYear: 2026, meanStayYears: 2, ratio: 1 },
    };
    const created = await commissioner.post('/api/demand/scenarios', {
      name: 'Half to homecare',
      description: 'test',
      params,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().scenario.id;
    const dup = await commissioner.post('/api/demand/scenarios', { name: 'half to HOMECARE', params });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('name');
    const badParams = await commissioner.post('/api/demand/scenarios', {
      name: 'Bad',
      params: { ...params, targetOccupancy: 1.5 },
    });
    expect(badParams.statusCode).toBe(400);
    expect(badParams.json().errors[0].field).toMatch(/params\.targetOccupancy/);

    const cmp = await commissioner.get(`/api/demand/compare?asAt=${AS_AT}&scenarios=default,${id}`);
    expect(cmp.statusCode).toBe(200);
    const [base, lever] = cmp.json().scenarios;
    const chBase = base.services.find((s: { service: string }) => s.service === 'care_home_residential');
    const chLever = lever.services.find((s: { service: string }) => s.service === 'care_home_residential');
    expect(chLever.clients.at(-1)).toBeCloseTo(chBase.clients.at(-1) / 2, 0);
    expect(chLever.gap.at(-1)).toBeLessThan(chBase.gap.at(-1));
    expect(chLever.crossingYear === null || chLever.crossingYear > chBase.crossingYear).toBe(true);
    expect((await commissioner.get('/api/demand/compare?scenarios=default')).statusCode).toBe(400);
    expect((await commissioner.delete(`/api/demand/scenarios/${id}`)).statusCode).toBe(204);
    expect((await commissioner.get(`/api/demand/projection?scenario=${id}`)).statusCode).toBe(404);
  });

  it('reports an area with no population as not found', async () => {
    const res = await commissioner.get('/api/demand/projection?area=E06000001');
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0].field).toBe('area');
  });

  it('serves the cached projection and the new figure at once after a placement or a population change', async () => {
    const residential = async () => {
      const body = (await commissioner.get(`/api/demand/projection?asAt=${AS_AT}`)).json();
      return body.services.find((s: { service: string }) => s.service === 'care_home_residential').clients[0];
    };
    const population2024 = async () =>
      (await commissioner.get('/api/demand/population'))
        .json()
        .rows.find((r: { year: number; band: string }) => r.year === 2024 && r.band === '0+').people;
    const before = await residential();
    expect(await residential()).toBe(before); // cached
    const [home] = await queryRows<{ id: string }>(ctx.db, sql`select id from locations where name = 'Birch Lodge'`);
    const broker = await signInAs(app, 'broker');
    const placed = await broker.post('/api/market/placements', {
      personRef: 'R-9999',
      locationId: home!.id,
      serviceType: 'care_home_residential',
      band: 'standard_residential',
      startDate: '2026-06-01',
      weeklyPricePence: 75_000,
      contractType: 'spot',
      funding: 'council',
    });
    expect(placed.statusCode).toBe(201);
    expect(await residential()).toBeCloseTo(before + 1, 6); // the market changed: current use read again
    const people = await population2024();
    expect(await population2024()).toBe(people);
    // Any path that writes the population (an import, or SQL) raises the demand version in its transaction.
    await ctx.db.execute(
      sql`update population_series set counts[1] = counts[1] + 5 where area_code = ${DEMO_BOROUGH.gssCode} and year = 2024 and sex = 'female'`,
    );
    expect(await population2024()).toBe(people + 5); // the 2024 estimate read again (one series is chosen per year)
  });
});
