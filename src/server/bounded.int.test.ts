// Bounded requests and bad stored records: ranges longer than an endpoint allows are refused naming the
// field; one implausible stored date degrades one row with a warning, never the page; /api/health answers
// while a heavy request runs.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadFlowRecords } from '../db/discharge/flow.js';
import { readDischargeHistory } from '../db/discharge/history.js';
import { createReferral } from '../db/discharge/referrals.js';
import { addDays, londonMidnight, londonToday } from '../domain/core/dates.js';
import { describeWithDatabases } from '../db/testing.js';
import { referralInputSchema } from '../domain/discharge/referral.js';
import { createTestApp, signInAs, type TestClient } from './testing.js';

const SYSTEM = { system: 'test' } as const;

describeWithDatabases('bounded requests', (ctx) => {
  let app: FastifyInstance;
  let viewer: TestClient;
  let broker: TestClient;

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    viewer = await signInAs(app, 'viewer');
    broker = await signInAs(app, 'broker');
    // A year of ordinary referrals, discharged after two days, so the metrics and the baseline have history.
    const now = Date.now();
    for (let i = 0; i < 120; i++) {
      const optimised = new Date(now - (3 + i * 3) * 86_400_000);
      const r = await createReferral(
        ctx.db,
        referralInputSchema.parse({
          personRef: `BND-${String(i).padStart(4, '0')}`,
          ageBand: '75-84',
          postcodeDistrict: 'RM7',
          hospital: 'Queen’s Hospital',
          ward: 'Bluebell',
          medicallyOptimisedAt: optimised.toISOString(),
          pathway: i % 4,
          serviceNeed: ['none', 'homecare', 'd2a_bed', 'care_home_residential'][i % 4],
          homecareHoursPerWeek: i % 4 === 1 ? 10 : undefined,
          callsPerDay: i % 4 === 1 ? 2 : undefined,
          fundingRoute: 'council',
        }),
        SYSTEM,
        new Date(optimised.getTime() - 3_600_000),
      );
      await ctx.db.execute(
        sql`update discharge_referrals set discharged_at = ${new Date(optimised.getTime() + 2 * 86_400_000).toISOString()}, destination = 'usual_residence' where id = ${r.id}`,
      );
    }
  });
  afterAll(async () => app.close());

  it('refuses ranges longer than five years, naming the field', async () => {
    for (const url of [
      '/api/discharge/d2a?from=0001-01-01&to=9999-12-31',
      '/api/discharge/d2a?from=2000-01-01&to=2030-01-01',
      '/api/discharge/metrics?from=2000-01-01&to=2030-01-01',
      '/api/discharge/history?from=2000-01-01&to=2030-01-01',
    ]) {
      const res = await viewer.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors[0].field, url).toBe('from');
    }
    const backwards = await viewer.get('/api/discharge/metrics?from=2025-01-01&to=2024-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('to');
    expect((await viewer.get('/api/discharge/history?from=2021-01-01&to=2025-12-31')).statusCode).toBe(200);
  });

  it('reads history and flow records in slices with the same result as one query', async () => {
    // Delays on some referrals, and a microsecond on one referral's times, which slices cut at milliseconds.
    await ctx.db.execute(
      sql`insert into discharge_delays (referral_id, reason, from_at, to_at)
          select id, 'awaiting_care_home', medically_optimised_at, medically_optimised_at + interval '1 day'
          from discharge_referrals where person_ref like 'BND-%' and person_ref < 'BND-0040'`,
    );
    await ctx.db.execute(
      sql`update discharge_referrals set medically_optimised_at = medically_optimised_at + interval '123 microseconds',
          referred_at = referred_at + interval '456 microseconds' where person_ref = 'BND-0007'`,
    );
    const to = londonToday();
    const from = addDays(to, -5 * 365);
    const asAt = new Date();
    const whole = await readDischargeHistory(ctx.db, { from, to, asAt, sliceRows: 1_000_000 });
    expect(whole.episodes.length).toBeGreaterThanOrEqual(120);
    for (const sliceRows of [1, 7, 50]) {
      expect(await readDischargeHistory(ctx.db, { from, to, asAt, sliceRows })).toEqual(whole);
    }
    const byId = <T extends { referralId: string }>(rows: T[]) =>
      [...rows].sort((a, b) => a.referralId.localeCompare(b.referralId));
    const [a, b] = [londonMidnight(from), londonMidnight(to)];
    const flows = byId(await loadFlowRecords(ctx.db, a, b, 1_000_000));
    expect(flows.filter((f) => f.delays.length > 0).length).toBeGreaterThan(0);
    for (const sliceRows of [1, 9]) expect(byId(await loadFlowRecords(ctx.db, a, b, sliceRows))).toEqual(flows);
  });

  it('a referral stored as medically optimised on 9999-12-31 degrades one row, not the metrics or the baseline', async () => {
    const bad = await createReferral(
      ctx.db,
      referralInputSchema.parse({
        personRef: 'BND-BAD-DATE',
        ageBand: '75-84',
        postcodeDistrict: 'RM7',
        hospital: 'Queen’s Hospital',
        ward: 'Bluebell',
        medicallyOptimisedAt: new Date(Date.now() - 86_400_000).toISOString(),
        pathway: 0,
        serviceNeed: 'none',
        fundingRoute: 'council',
      }),
      SYSTEM,
    );
    await ctx.db.execute(
      sql`update discharge_referrals set medically_optimised_at = '9999-12-31T00:00:00Z' where id = ${bad.id}`,
    );
    for (const url of [
      '/api/discharge/metrics',
      '/api/discharge/board',
      '/api/discharge/history',
      '/api/discharge/d2a',
      '/api/discharge/simulation/baseline?replications=10',
      '/api/discharge/simulation/today',
    ]) {
      const res = await broker.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    }
    const metrics = (await broker.get('/api/discharge/metrics')).json();
    expect(metrics.warnings).toEqual([
      'Referral BND-BAD-DATE is left out: its medicallyOptimisedAt date 9999-12-31 is not plausible; correct the record',
    ]);
    expect(metrics.rows.length).toBeGreaterThan(0);
  });
});
