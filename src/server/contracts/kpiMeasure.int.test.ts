// KPIs typed by their measure (issue 12 item 4): the target, tolerance and every return's value are of the measure's
// type (a percentage 0–100, a whole count, whole pence for money), the API says which measure a KPI has, and a KPI's
// measure cannot change once returns are in.
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { providers } from '../../db/market/schema.js';
import { createContract } from '../../db/contracts/contracts.js';
import { addMonths, londonToday, monthStart } from '../../domain/core/dates.js';
import { createTestApp, signInAs, type TestClient } from '../testing.js';

const today = londonToday();
type Problem = { errors?: { field: string; message: string }[] };
const errorsOf = (res: { json(): Problem }) =>
  (res.json().errors ?? []).map(({ field, message }) => ({ field, message }));

describeWithDatabases('KPIs typed by their measure', (ctx) => {
  let app: FastifyInstance;
  let commissioner: TestClient;
  let provider: TestClient;
  let contractId: string;
  const base = () => ({
    contractId,
    direction: 'higher_is_better',
    frequency: 'monthly',
    dueDays: null,
    reportingFrom: addMonths(today, -3),
  });

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    const [{ id: providerId }] = await ctx.db
      .insert(providers)
      .values({ name: 'Meadow Homecare Ltd' })
      .returning({ id: providers.id });
    contractId = await createContract(
      ctx.db,
      { system: 'test' },
      {
        reference: 'KM-001',
        title: 'Homecare south zone',
        providerId,
        locationId: null,
        serviceArea: 'homecare',
        careGroup: 'older_people',
        contractForm: 'framework_call_off',
        fundingSource: 'general_fund',
        totalValuePence: 240_000_000,
        annualValuePence: 80_000_000,
        startDate: addMonths(today, -12),
        initialEndDate: addMonths(today, 24),
        extensionOptionsMonths: [],
        extensionsTaken: 0,
        breakClauseDates: [],
        noticePeriodMonths: 3,
        socialValue: null,
        leadOfficer: null,
      },
    );
    commissioner = await signInAs(app, 'commissioner');
    provider = await signInAs(app, 'provider', { providerId });
  });

  const kpiNamed = async (name: string) => {
    const list = (await commissioner.get(`/api/contracts/kpis?contractId=${contractId}`)).json().kpis as {
      id: string;
      name: string;
      measure: string;
      unit: string;
      target: number;
    }[];
    return list.find((k) => k.name === name)!;
  };

  it('refuses a target and tolerance not of the measure’s type, every problem at once', async () => {
    const bad = await commissioner.post('/api/contracts/kpis', {
      ...base(),
      name: 'Visits on time',
      measure: 'percent',
      unit: '%',
      target: 120,
      tolerance: 150,
    });
    expect(bad.statusCode).toBe(400);
    expect(errorsOf(bad)).toEqual([
      { field: 'target', message: 'The target must be a percentage from 0 to 100' },
      { field: 'tolerance', message: 'The tolerance must be a percentage from 0 to 100' },
    ]);
    const fraction = await commissioner.post('/api/contracts/kpis', {
      ...base(),
      name: 'People reviewed',
      measure: 'count',
      unit: 'people',
      target: 40.5,
    });
    expect(errorsOf(fraction)).toEqual([{ field: 'target', message: 'The target must be a whole number of people' }]);
    const unknown = await commissioner.post('/api/contracts/kpis', {
      ...base(),
      name: 'People reviewed',
      measure: 'litres',
      unit: 'people',
      target: 40,
    });
    expect(errorsOf(unknown).map((e) => e.field)).toEqual(['measure']);
    expect(errorsOf(unknown)[0].message).not.toMatch(/Invalid option|expected one of/);
  });

  it('keeps money in pence, stores the unit the measure implies, and reads a measure from a unit when none is given', async () => {
    const money = await commissioner.post('/api/contracts/kpis', {
      ...base(),
      name: 'Average weekly package cost',
      measure: 'pence',
      unit: 'pounds',
      direction: 'lower_is_better',
      target: 45_000,
      tolerance: 2_500,
    });
    expect(money.statusCode).toBe(201);
    expect(await kpiNamed('Average weekly package cost')).toMatchObject({
      measure: 'pence',
      unit: '£',
      target: 45_000,
    });
    const lastMonth = monthStart(addMonths(today, -1));
    const id = money.json().id as string;
    const halfPenny = await provider.post(`/api/contracts/kpis/${id}/returns`, {
      periodStart: lastMonth,
      value: 46_000.5,
    });
    expect(errorsOf(halfPenny)).toEqual([
      {
        field: 'value',
        message: 'Average weekly package cost must be an amount from £0 to £10,000,000 in pounds and pence',
      },
    ]);
    expect(
      (await provider.post(`/api/contracts/kpis/${id}/returns`, { periodStart: lastMonth, value: 46_000 })).statusCode,
    ).toBe(201);

    const counted = await commissioner.post('/api/contracts/kpis', {
      ...base(),
      name: 'Carers supported',
      unit: 'carers',
      target: 120,
      tolerance: 10,
    });
    expect(counted.statusCode).toBe(201);
    expect(await kpiNamed('Carers supported')).toMatchObject({ measure: 'count', unit: 'carers' });
    const part = await provider.post(`/api/contracts/kpis/${counted.json().id}/returns`, {
      periodStart: lastMonth,
      value: 118.5,
    });
    expect(errorsOf(part)).toEqual([{ field: 'value', message: 'Carers supported must be a whole number of carers' }]);
  });

  it('fixes the measure once returns are in, and writes a change of measure into the history in words', async () => {
    const kpi = await kpiNamed('Average weekly package cost');
    const edit = {
      name: kpi.name,
      measure: 'number',
      unit: 'pounds',
      target: 450,
      direction: 'lower_is_better',
      frequency: 'monthly',
      tolerance: 25,
      dueDays: null,
    };
    const refused = await commissioner.put(`/api/contracts/kpis/${kpi.id}`, edit);
    expect(refused.statusCode).toBe(400);
    expect(errorsOf(refused)).toEqual([
      {
        field: 'measure',
        message: 'This KPI already has returns, so how it is measured cannot change: retire it and add a new KPI',
      },
    ]);

    const fresh = await commissioner.post('/api/contracts/kpis', {
      ...base(),
      name: 'Hours delivered',
      unit: 'hours',
      target: 1_000,
    });
    expect(
      (
        await commissioner.put(`/api/contracts/kpis/${fresh.json().id}`, {
          ...edit,
          name: 'Hours delivered',
          measure: 'count',
          unit: 'visits',
          target: 900,
        })
      ).statusCode,
    ).toBe(204);
    const detail = (await commissioner.get(`/api/contracts/contracts/${contractId}`)).json();
    expect(detail.history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'measure', label: 'Measured as', before: 'Hours', after: 'Count (people, visits…)' },
        { field: 'unit', label: 'Unit', before: 'hours', after: 'visits' },
      ]),
    );
  });
});
