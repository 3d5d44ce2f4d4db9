import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAudit } from '../../db/core/audit.js';
import { dischargeBedStays, dischargeBlockBeds, dischargeReferrals } from '../../db/discharge/schema.js';
import { locations, providers } from '../../db/market/schema.js';
import { describeWithDatabases } from '../../db/testing.js';
import { Rng } from '../../domain/discharge/simulation/rng.js';
import { createTestApp, signInAs, type TestClient } from '../testing.js';

const DAY = 86_400_000;
const BASE = '/api/discharge/simulation';

/** A year of hub history (1 April 2025 – 31 March 2026): 4, 1.5 and 0.8 referrals a day on pathways 1–3. */
async function seedHistory(app: FastifyInstance) {
  const db = app.db;
  const [provider] = await db.insert(providers).values({ name: 'Eastbrook Care' }).returning();
  const [home] = await db.insert(locations).values({ providerId: provider.id, name: 'Eastbrook House' }).returning();
  const d2a = await db
    .insert(dischargeBlockBeds)
    .values(
      Array.from({ length: 12 }, (_, i) => ({
        locationId: home.id,
        kind: 'd2a',
        label: `D2A ${i + 1}`,
        weeklyPricePence: 95_000,
        fromDate: '2024-01-01',
      })),
    )
    .returning();
  await db.insert(dischargeBlockBeds).values(
    Array.from({ length: 30 }, (_, i) => ({
      locationId: home.id,
      kind: 'rehab',
      label: `Rehab ${i + 1}`,
      weeklyPricePence: 182_000,
      fromDate: '2024-01-01',
    })),
  );
  const rng = new Rng(5, 0);
  const start = Date.parse('2025-04-01T00:00:00Z');
  const rows: (typeof dischargeReferrals.$inferInsert)[] = [];
  const rates = { 1: 4, 2: 1.5, 3: 0.8 } as const;
  const meanStay = { 1: 12, 2: 20, 3: 30 } as const;
  for (const pathway of [1, 2, 3] as const) {
    let t = start;
    for (;;) {
      t += rng.exponential(1 / rates[pathway]) * DAY;
      if (t >= start + 365 * DAY) break;
      const began = t + rng.exponential(1) * DAY;
      const ended = began + Math.exp(Math.log(meanStay[pathway]) - 0.08 + 0.4 * rng.normal()) * DAY;
      rows.push({
        personRef: `P${rows.length}`,
        ageBand: '75-84',
        postcodeDistrict: 'EB1',
        hospital: 'Eastbrook General',
        ward: 'A1',
        pathway,
        serviceNeed: pathway === 1 ? 'reablement' : pathway === 2 ? 'rehab_bed' : 'd2a_bed',
        fundingRoute: 'discharge_fund',
        referredAt: new Date(t - DAY),
        medicallyOptimisedAt: new Date(t),
        dischargedAt: new Date(began),
        serviceEndedAt: new Date(ended),
        nextPathway: pathway === 2 && rng.uniform() < 0.4 ? 1 : null,
        destination: pathway === 1 ? 'usual_residence' : pathway === 2 ? 'rehab_bed' : 'd2a_bed',
      });
    }
  }
  // Spot-purchased homecare (pathway 1) does not queue for reablement slots: the fit must leave it out.
  for (let i = 0; i < 300; i++) {
    const t = start + rng.uniform() * 365 * DAY;
    rows.push({
      personRef: `H${i}`,
      ageBand: '85-94',
      postcodeDistrict: 'EB2',
      hospital: 'Eastbrook General',
      ward: 'B2',
      pathway: 1,
      serviceNeed: 'homecare',
      fundingRoute: 'council',
      referredAt: new Date(t - DAY),
      medicallyOptimisedAt: new Date(t),
      dischargedAt: new Date(t + DAY),
      destination: 'usual_residence',
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(dischargeReferrals).values(rows.slice(i, i + 500));
  await db.insert(dischargeBedStays).values(
    Array.from({ length: 40 }, (_, i) => ({
      bedId: d2a[i % d2a.length].id,
      personRef: `S${i}`,
      admittedAt: new Date(start + i * 5 * DAY),
      leftAt: new Date(start + (i * 5 + 30) * DAY),
      outcome: i % 10 < 3 ? 'usual_residence' : i % 10 < 9 ? 'care_home' : 'died',
    })),
  );
  return provider.id;
}

describeWithDatabases('capacity planning routes', (ctx) => {
  let app: FastifyInstance;
  let commissioner: TestClient;
  let providerId: string;
  let baseline: Record<string, unknown> & { services: Record<string, unknown>[] };

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    providerId = await seedHistory(app);
    commissioner = await signInAs(app, 'commissioner');
  });
  afterAll(async () => app.close());

  it('fits the model to the hub history and builds the baseline and the standard what-ifs', async () => {
    const res = await commissioner.get(`${BASE}/baseline?asAt=2026-04-01&replications=30`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.fit.from).toBe('2025-04-01');
    const [p1, p2, p3] = body.fit.pathways;
    // 4 reablement referrals a day; the 300 spot homecare referrals (0.8 a day more) are left out.
    expect(p1.arrivals.perDay).toBeGreaterThan(3.6);
    expect(p1.arrivals.perDay).toBeLessThan(4.4);
    expect(p2.capacity.places).toBe(30);
    expect(p3.capacity.places).toBe(12);
    expect(p3.costPerPlaceDayPence.value).toBe(Math.round(95_000 / 7));
    expect(p3.onward).toEqual([
      { to: 'home', probability: 0.3 },
      { to: 'long-term care', probability: 0.6 },
      { to: 'other (hospital, died, other)', probability: 0.1 },
    ]);
    expect(p2.lengthOfStay.chosen.kind).toBe('lognormal');
    expect(p2.lengthOfStay.chosen.mean / 20).toBeGreaterThan(0.9);
    expect(p2.lengthOfStay.chosen.mean / 20).toBeLessThan(1.1);
    baseline = body.baseline;
    expect(baseline.services.map((s) => s.capacity)).toEqual([p1.capacity.places, 30, 12]);
    expect(body.variants.map((v: { name: string }) => v.name)).toHaveLength(4);
    expect(body.baseline.warmupDays).toBe('auto');
    expect(body.defaults.costPerAcuteBedDayPence).toBe(34_600);
  });

  it('keeps the planner from provider users', async () => {
    const provider = await signInAs(app, 'provider', { providerId });
    expect((await provider.get(`${BASE}/baseline`)).statusCode).toBe(403);
    expect((await provider.post(`${BASE}/run`, baseline)).statusCode).toBe(403);
  });

  it('runs a scenario on worker threads and returns waits with confidence intervals', async () => {
    const res = await commissioner.post(`${BASE}/run`, { ...baseline, replications: 20 });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.scenario.replications).toBe(20);
    expect(result.services).toHaveLength(3);
    const p3 = result.services[2];
    expect(p3.metrics.waitMean.low).toBeLessThanOrEqual(p3.metrics.waitMean.mean);
    expect(p3.metrics.waitMean.high).toBeGreaterThanOrEqual(p3.metrics.waitMean.mean);
    expect(p3.daily.occupancy.mean).toHaveLength(365);
    expect(p3.daily.occupancy.p5[100]).toBeLessThanOrEqual(p3.daily.occupancy.p95[100]);
    expect(result.scenario.warmupSource).toBe('auto');
    // 0.8 D2A referrals a day × 30-day stays need 24 beds: 12 cannot keep up, and the run says so.
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'overloaded', serviceId: 'p3' })]);
    expect(result.method).toMatch(/Discrete-event simulation/);
  });

  it('names the field that is wrong, and refuses runs too big for the server', async () => {
    const bad = structuredClone(baseline) as typeof baseline & { services: { lengthOfStay: { mean: number } }[] };
    bad.services[1].lengthOfStay.mean = -3;
    const res = await commissioner.post(`${BASE}/run`, bad);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('services.1.lengthOfStay.mean');
    // Unknown or misspelt fields are refused, each by its own path with the nearest known name.
    const misspelt = structuredClone(baseline);
    misspelt.warmUpDays = 30;
    misspelt.services[1].initialOccupancy = 20;
    const refused = await commissioner.post(`${BASE}/run`, misspelt);
    expect(refused.statusCode).toBe(400);
    const errors = refused.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(['services.1.initialOccupancy', 'warmUpDays']);
    expect(errors.find((e) => e.field === 'warmUpDays')!.message).toMatch(/did you mean "warmupDays"/);
    expect(errors.find((e) => e.field === 'services.1.initialOccupancy')!.message).toMatch(/initialState\.inService/);
    const huge = await commissioner.post(`${BASE}/run`, { ...baseline, replications: 100_000 });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0].field).toBe('replications');
  });

  it('recommends D2A capacity for the target', async () => {
    const res = await commissioner.post(`${BASE}/recommend`, {
      scenario: { ...baseline, replications: 20 },
      serviceIds: ['p3'],
      replications: 20,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [rec] = res.json().recommendations;
    expect(rec.serviceId).toBe('p3');
    // 0.8 a day × 30-day stays = 24 beds busy on average, so 12 beds fall far short.
    expect(rec.recommended).toBeGreaterThan(24);
    expect(rec.recommended).toBeLessThan(40);
    expect(rec.curve.find((p: { capacity: number }) => p.capacity === rec.recommended).meetsTarget).toBe(true);
  });

  it('saves, lists, changes and deletes named scenarios, audited, for planners only', async () => {
    const viewer = await signInAs(app, 'viewer');
    expect((await viewer.post(`${BASE}/scenarios`, { name: 'Winter', scenario: baseline })).statusCode).toBe(403);

    const created = await commissioner.post(`${BASE}/scenarios`, {
      name: 'Winter',
      description: 'Flex beds',
      scenario: baseline,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json().scenario.name).toBe('Winter');

    const duplicate = await commissioner.post(`${BASE}/scenarios`, { name: 'Winter', scenario: baseline });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].field).toBe('name');

    const invalidScenario = await commissioner.post(`${BASE}/scenarios`, {
      name: 'Broken',
      scenario: { ...baseline, startDate: 'soon' },
    });
    expect(invalidScenario.statusCode).toBe(400);
    expect(invalidScenario.json().errors[0].field).toBe('scenario.startDate');

    const misspelt = await commissioner.post(`${BASE}/scenarios`, {
      name: 'Misspelt',
      scenario: { ...baseline, capacityChange: [] },
    });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().errors[0]).toMatchObject({ field: 'scenario.capacityChange' });

    const more = structuredClone(baseline);
    more.services[2].capacity = 20;
    const updated = await commissioner.put(`${BASE}/scenarios/${id}`, { name: 'Winter with more D2A', scenario: more });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await viewer.get(`${BASE}/scenarios`)).json().scenarios.map((s: { name: string }) => s.name)).toEqual([
      'Winter with more D2A',
    ]);
    expect((await viewer.get(`${BASE}/scenarios/${id}`)).json().scenario.services[2].capacity).toBe(20);

    expect((await commissioner.delete(`${BASE}/scenarios/${id}`)).statusCode).toBe(204);
    expect((await commissioner.get(`${BASE}/scenarios/${id}`)).statusCode).toBe(404);
    const audit = await listAudit(ctx.db, { limit: 20, entity: 'discharge_simulation_scenario' });
    expect(audit.map((a) => a.action)).toEqual(['delete', 'update', 'create']);
  });

  it('compares scenarios side by side', async () => {
    // 30 D2A beds against 26 (24 in use on average): fewer beds, longer waits.
    const more = structuredClone(baseline);
    more.services[2].capacity = 30;
    const fewer = structuredClone(baseline);
    fewer.services[2].capacity = 26;
    (fewer as unknown as { name: string }).name = 'Fewer D2A beds';
    const res = await commissioner.post(`${BASE}/compare`, {
      scenarios: [
        { ...more, replications: 10 },
        { ...fewer, replications: 10 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { comparison } = res.json();
    const wait = comparison.rows.find(
      (r: { serviceId: string; metric: string }) => r.serviceId === 'p3' && r.metric === 'waitMean',
    );
    expect(wait.values[1].mean).toBeGreaterThan(wait.values[0].mean);
  });

  it("reads today's position from the live records and forecasts the next 30 days from it", async () => {
    const now = Date.now();
    const open = (pathway: number, serviceNeed: string, readyDaysAgo: number, dischargedDaysAgo: number | null) => ({
      personRef: `T${pathway}-${readyDaysAgo}-${dischargedDaysAgo}`,
      ageBand: '75-84',
      postcodeDistrict: 'EB1',
      hospital: 'Eastbrook General',
      ward: 'A1',
      pathway,
      serviceNeed,
      fundingRoute: 'discharge_fund',
      referredAt: new Date(now - (readyDaysAgo + 1) * DAY),
      medicallyOptimisedAt: new Date(now - readyDaysAgo * DAY),
      dischargedAt: dischargedDaysAgo === null ? null : new Date(now - dischargedDaysAgo * DAY),
    });
    await app.db.insert(dischargeReferrals).values([
      open(3, 'd2a_bed', 4, null),
      open(3, 'd2a_bed', 1.5, null),
      open(2, 'rehab_bed', 12, 10),
      open(2, 'rehab_bed', 6, 5),
      open(1, 'homecare', 2, null), // spot homecare: not waiting for the block capacity
      open(1, 'reablement', 2, null),
    ]);
    const res = await commissioner.get(`${BASE}/today`);
    expect(res.statusCode, res.body).toBe(200);
    const position = res.json();
    const of = (id: string) => position.services.find((s: { serviceId: string }) => s.serviceId === id);
    expect(of('p3').waiting.map((d: number) => Math.round(d * 10) / 10)).toEqual([4, 1.5]);
    expect(of('p2').inService.map((d: number) => Math.round(d))).toEqual([10, 5]);
    expect(of('p1').waiting).toHaveLength(1);
    expect(position.unrecordedEnds).toBe(0);

    const forecast = structuredClone(baseline);
    Object.assign(forecast, { startDate: position.date, days: 30, replications: 40, warmupDays: 'auto' });
    forecast.services = forecast.services.map((s) => {
      const here = of(s.id as string);
      return { ...s, capacityChanges: [], initialState: { inService: here.inService, waiting: here.waiting } };
    });
    const run = await commissioner.post(`${BASE}/run`, forecast);
    expect(run.statusCode, run.body).toBe(200);
    const result = run.json();
    expect(result.scenario.fromInitialState).toBe(true);
    expect(result.scenario.warmupDays).toBe(0);
    expect(result.dates[0]).toBe(position.date);
    const p2 = result.services[1];
    expect(p2.initial).toEqual({ inService: 2, waiting: 0 });
    // Day 0 starts with today's two people in the rehab beds.
    expect(p2.daily.occupancy.p5[0]).toBeGreaterThanOrEqual(2);
    expect(result.services[2].daily.admissions.mean[0]).toBeGreaterThanOrEqual(2);
  });
});
