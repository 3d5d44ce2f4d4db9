// Impossible dates (30 February, 31 February) are refused with 400 naming the field, on every route that takes a
// date: the one ISO-date schema (src/domain/core/dates.ts isoDateSchema) is used for bodies and query strings alike.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../db/testing.js';
import { createTestApp, signInAs, type TestClient } from './testing.js';

describeWithDatabases('impossible dates', (ctx) => {
  let app: FastifyInstance;
  let commissioner: TestClient;
  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    commissioner = await signInAs(app, 'commissioner');
  });
  afterAll(async () => app.close());

  const expectRefused = (res: { statusCode: number; json(): unknown }, field: string, where: string) => {
    expect(res.statusCode).toBe(400);
    const body = res.json() as { errors: { field: string; message: string; in: string }[] };
    expect(body.errors).toContainEqual({
      field,
      message: 'Enter a real date, for example 27 March 2026 (written 2026-03-27)',
      in: where,
    });
  };

  it('POST /api/market/placements refuses startDate 2026-02-30', async () => {
    const res = await commissioner.post('/api/market/placements', {
      personRef: 'P-000123',
      locationId: '00000000-0000-4000-8000-000000000001',
      serviceType: 'care_home_residential',
      band: 'standard_residential',
      startDate: '2026-02-30',
      weeklyPricePence: 95_000,
    });
    expectRefused(res, 'startDate', 'body');
  });

  it('GET /api/market/placements refuses activeOn 2026-02-31', async () => {
    expectRefused(await commissioner.get('/api/market/placements?activeOn=2026-02-31'), 'activeOn', 'querystring');
  });

  it('PUT /api/market/rates refuses effectiveFrom 2026-02-30', async () => {
    const res = await commissioner.put('/api/market/rates', {
      band: 'standard_residential',
      effectiveFrom: '2026-02-30',
      amountPence: 95_000,
    });
    expectRefused(res, 'effectiveFrom', 'body');
  });

  it('GET /api/discharge/metrics refuses from 2026-02-30', async () => {
    expectRefused(await commissioner.get('/api/discharge/metrics?from=2026-02-30'), 'from', 'querystring');
  });

  it('names every problem at once: an impossible date with a negative amount and an unknown band', async () => {
    const res = await commissioner.put('/api/market/rates', {
      band: 'no_such_band',
      effectiveFrom: '2026-02-30',
      amountPence: -5,
    });
    expect(res.statusCode).toBe(400);
    const errors = (res.json() as { errors: { field: string; message: string }[] }).errors;
    expect(errors.map((e) => e.field).sort()).toEqual(['amountPence', 'band', 'effectiveFrom']);
    expect(errors.find((e) => e.field === 'effectiveFrom')?.message).toBe(
      'Enter a real date, for example 27 March 2026 (written 2026-03-27)',
    );
    for (const e of errors) expect(e.message).not.toMatch(/Invalid|expected|received/);
    // Check 13, point D: the detail named the fields by code ("effectiveFrom: …; band: …; amountPence: …").
    expect((res.json() as { detail: string }).detail).toBe('There is a problem with the information you gave');
    // One problem: its own message, which names the field by its label.
    const one = await commissioner.put('/api/market/rates', {
      band: 'standard_residential',
      effectiveFrom: '2026-02-30',
      amountPence: 95_000,
    });
    expect((one.json() as { detail: string }).detail).toBe(
      'Enter a real date, for example 27 March 2026 (written 2026-03-27)',
    );
  });

  it('names a bad query value beside an impossible date', async () => {
    const res = await commissioner.get('/api/discharge/metrics?from=2026-02-30&period=fortnight');
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['from', 'period']);
  });

  it('accepts 29 February in a leap year', async () => {
    expect((await commissioner.get('/api/market/placements?activeOn=2028-02-29')).statusCode).toBe(200);
  });
});
