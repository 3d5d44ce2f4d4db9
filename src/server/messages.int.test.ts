// What a person (or an API client) reads when the API refuses a form: every message names the field by the label
// the form shows, says the real range in the user's units (pounds, months, days), and is never a bare "Check …"
// or an internal limit (fresh-user check of issue 16, faults 6, 7 and 12).
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../db/testing.js';
import { providers } from '../db/market/schema.js';
import { addMonths, londonToday, longDateText } from '../domain/core/dates.js';
import { SCHEMA_WORDING } from '../domain/core/messages.js';
import { createTestApp, signInAs, type TestClient } from './testing.js';

const today = londonToday();
type Problem = { errors?: { field: string; message: string }[] };
const messages = (res: { json(): Problem }) =>
  Object.fromEntries((res.json().errors ?? []).map((e) => [e.field, e.message]));

describeWithDatabases('API messages in the form’s words', (ctx) => {
  let app: FastifyInstance;
  let commissioner: TestClient;
  let providerId: string;
  const contract = () => ({
    reference: 'EB-HC-201',
    title: 'Homecare south zone',
    providerId,
    serviceArea: 'homecare',
    careGroup: 'older_people',
    contractForm: 'framework_call_off',
    fundingSource: 'general_fund',
    totalValuePence: 300_000_000,
    annualValuePence: 100_000_000,
    startDate: addMonths(today, -12),
    initialEndDate: addMonths(today, 24),
    extensionOptionsMonths: [12],
    noticePeriodMonths: 6,
  });

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    [{ id: providerId }] = await ctx.db
      .insert(providers)
      .values({ name: 'Southside Homecare Ltd' })
      .returning({ id: providers.id });
    commissioner = await signInAs(app, 'commissioner');
  });

  it('a contract: the total in pounds within its real range, the notice period in months, no “Check …”', async () => {
    const res = await commissioner.post('/api/contracts/contracts', {
      ...contract(),
      totalValuePence: Number('99999999999999999999'),
      noticePeriodMonths: 99,
    });
    expect(res.statusCode).toBe(400);
    expect(messages(res)).toEqual({
      totalValuePence: 'Total value over the term must be £1,000,000,000 or less',
      noticePeriodMonths: 'Notice period must be 24 months or less',
    });
    const noProvider: Record<string, unknown> = contract();
    delete noProvider.providerId;
    const missing = await commissioner.post('/api/contracts/contracts', noProvider);
    expect(messages(missing)).toEqual({ providerId: 'Enter the provider' });
  });

  it('a contract: every problem in one answer, the term’s own checks with the fields’ (fault 8)', async () => {
    const res = await commissioner.post('/api/contracts/contracts', {
      ...contract(),
      noticePeriodMonths: 99,
      initialEndDate: addMonths(today, -24),
      extensionOptionsMonths: [],
      extensionsTaken: 1,
      breakClauseDates: ['2020-01-01'],
    });
    expect(res.statusCode).toBe(400);
    expect(messages(res)).toEqual({
      noticePeriodMonths: 'Notice period must be 24 months or less',
      initialEndDate: 'End date of the initial term must be on or after the start date',
      extensionsTaken: 'Extensions already taken must be 0: the contract has no extension options',
      breakClauseDates: `Break clause 1 January 2020 must fall within the contract term (${longDateText(addMonths(today, -12))} to ${longDateText(addMonths(today, -24))})`,
    });
  });

  it('a planned go-live or next review date in the past is refused in plain words (faults 5 and 18)', async () => {
    const created = await commissioner.post('/api/contracts/contracts', { ...contract(), reference: 'EB-HC-202' });
    expect(created.statusCode).toBe(201);
    const procurement = await commissioner.post('/api/contracts/procurements', {
      contractId: created.json().id,
      title: 'Homecare south zone re-tender',
      route: 're_tender',
      goLive: '2020-01-01',
    });
    expect(procurement.statusCode).toBe(400);
    expect(messages(procurement)).toEqual({ goLive: 'Planned go-live must be today or in the future' });
    const risk = {
      reference: 'CS-9',
      title: 'Homecare south zone provider exit',
      owner: 'Sam Patel',
      likelihood: 3,
      impact: 4,
    };
    const past = await commissioner.post('/api/contracts/risks', { ...risk, reviewDate: '2020-01-01' });
    expect(past.statusCode).toBe(400);
    expect(messages(past)).toEqual({ reviewDate: 'Next review date must be today or in the future' });
    const added = await commissioner.post('/api/contracts/risks', { ...risk, reviewDate: addMonths(today, 3) });
    expect(added.statusCode).toBe(201);
    const review = await commissioner.post(`/api/contracts/risks/${added.json().id}/review`, {
      likelihood: 2,
      impact: 4,
      reviewDate: addMonths(today, -1),
    });
    expect(messages(review)).toEqual({ reviewDate: 'Next review date must be today or in the future' });
  });

  it('a KPI: due day in days, tolerance by its label, a huge target by its own range', async () => {
    const created = await commissioner.post('/api/contracts/contracts', contract());
    expect(created.statusCode).toBe(201);
    const kpi = {
      contractId: created.json().id,
      name: 'Visits on time',
      unit: '%',
      target: 95,
      direction: 'higher_is_better',
      frequency: 'monthly',
      reportingFrom: addMonths(today, -6),
    };
    const res = await commissioner.post('/api/contracts/kpis', { ...kpi, dueDays: 999, tolerance: -3 });
    expect(res.statusCode).toBe(400);
    expect(messages(res)).toEqual({
      tolerance: 'Tolerance before it is red must be 0 or more',
      dueDays: 'Due day must be 120 days or less',
    });
    const huge = await commissioner.post('/api/contracts/kpis', { ...kpi, target: 99_999_999_999 });
    expect(messages(huge)).toEqual({ target: 'Target must be 1,000,000,000 or less' });
    for (const r of [res, huge])
      for (const m of Object.values(messages(r))) {
        expect(m).not.toMatch(SCHEMA_WORDING);
        expect(m).not.toMatch(/^Check /);
      }
  });
});
