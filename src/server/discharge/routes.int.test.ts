import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { addDays, londonDate } from '../../domain/core/dates.js';
import { SCHEMA_WORDING } from '../../domain/core/messages.js';
import { seedDischargeMarket, type DischargeFixture } from '../../db/discharge/fixtures.js';
import { anonymous, createTestApp, signInAs, type TestClient } from '../testing.js';

const PERSON = { name: 'Margaret Example', nhsNumber: '9434765919', personRef: 'HUB-R-0001' };

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describeWithDatabases('discharge routes', (ctx) => {
  let app: FastifyInstance;
  let fx: DischargeFixture;
  let broker: TestClient;
  let rosewood: TestClient;
  let oakfield: TestClient;
  let referralId: string;

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    fx = await seedDischargeMarket(ctx.db, new Date());
    broker = await signInAs(app, 'broker');
    rosewood = await signInAs(app, 'provider', { providerId: fx.nursingHome.providerId });
    oakfield = await signInAs(app, 'provider', { providerId: fx.secondHome.providerId });
  });
  afterAll(async () => app.close());

  it('refuses a referral with field-by-field problems', async () => {
    const res = await broker.post('/api/discharge/referrals', { personRef: 'x', pathway: 1, serviceNeed: 'homecare' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'personRef',
        'ageBand',
        'postcodeDistrict',
        'hospital',
        'medicallyOptimisedAt',
        'fundingRoute',
      ]),
    );
    // Every message in the user's words, naming the field (issue 13).
    for (const e of res.json().errors as { message: string }[]) expect(e.message).not.toMatch(SCHEMA_WORDING);
    expect(res.json().detail).not.toMatch(SCHEMA_WORDING);
    const nan = await broker.post('/api/discharge/referrals', { ...PERSON, pathway: 'two', serviceNeed: 'x' });
    const byField = Object.fromEntries(
      (nan.json().errors as { field: string; message: string }[]).map((e) => [e.field, e.message]),
    );
    expect(byField.serviceNeed).toBe('Select what is needed');
    expect(byField.pathway).toBeDefined();
    expect(Object.values(byField).join(' ')).not.toMatch(SCHEMA_WORDING);
    const badId = await broker.get('/api/discharge/referrals/not-an-id');
    expect(badId.statusCode).toBe(404);
    expect(badId.json().detail).not.toMatch(SCHEMA_WORDING);
  });

  it('lets only hub staff create referrals', async () => {
    const body = {
      ...PERSON,
      ageBand: '85-94',
      postcodeDistrict: 'RM7 0AB',
      hospital: 'Queen’s Hospital',
      ward: 'Sunflower',
      needsSummary: 'Hoist transfers, moderate dementia',
      medicallyOptimisedAt: new Date(Date.now() - 26 * 3_600_000).toISOString(),
      pathway: 3,
      serviceNeed: 'care_home_nursing',
      fundingRoute: 'council',
      specialisms: ['dementia'],
    };
    const viewer = await signInAs(app, 'viewer');
    expect((await viewer.post('/api/discharge/referrals', body)).statusCode).toBe(403);
    expect((await rosewood.post('/api/discharge/referrals', body)).statusCode).toBe(403);
    expect((await anonymous(app).post('/api/discharge/referrals', body)).statusCode).toBe(401);
    const res = await broker.post('/api/discharge/referrals', body);
    expect(res.statusCode).toBe(201);
    referralId = res.json().referral.id;
    expect(res.json().referral.postcodeDistrict).toBe('RM7');
  });

  it('refuses a second open referral for the same person, naming the field, and allows one after it closes', async () => {
    // The instance: a double-clicked or repeated referral made two cards for one person on the board.
    const body = {
      personRef: 'HUB-DUP-0001',
      ageBand: '75-84',
      postcodeDistrict: 'RM7',
      hospital: 'Queen’s Hospital',
      ward: 'Bluebell',
      needsSummary: 'Walks with a frame',
      medicallyOptimisedAt: new Date(Date.now() - 3_600_000).toISOString(),
      pathway: 1,
      serviceNeed: 'homecare',
      homecareHoursPerWeek: 7,
      callsPerDay: 2,
      fundingRoute: 'council',
    };
    const first = await broker.post('/api/discharge/referrals', body);
    expect(first.statusCode).toBe(201);
    const again = await broker.post('/api/discharge/referrals', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([
      expect.objectContaining({
        field: 'personRef',
        message: 'HUB-DUP-0001 already has an open referral: update that one, or cancel it before referring again',
      }),
    ]);
    const id = first.json().referral.id;
    expect(
      (await broker.post(`/api/discharge/referrals/${id}/cancel`, { reason: 'Duplicate entered in error' })).statusCode,
    ).toBe(204);
    const second = await broker.post('/api/discharge/referrals', body);
    expect(second.statusCode).toBe(201);
    // Leave the board as the later tests expect it.
    await broker.post(`/api/discharge/referrals/${second.json().referral.id}/cancel`, { reason: 'Test finished' });
  });

  it('shows name and NHS number to the hub but not to other staff, and nothing to providers', async () => {
    const mine = await broker.get(`/api/discharge/referrals/${referralId}`);
    expect(mine.json().restricted).toEqual({ name: PERSON.name, nhsNumber: PERSON.nhsNumber });
    const commissioner = await signInAs(app, 'commissioner');
    const theirs = await commissioner.get(`/api/discharge/referrals/${referralId}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().restricted).toBeNull();
    expect(theirs.body).not.toContain(PERSON.name);
    for (const url of [
      `/api/discharge/referrals/${referralId}`,
      '/api/discharge/board',
      '/api/discharge/metrics',
      `/api/discharge/referrals/${referralId}/candidates`,
      '/api/discharge/history',
    ]) {
      expect((await rosewood.get(url)).statusCode, url).toBe(403);
    }
  });

  it('lists candidates with reasons for the broker, then sends the request', async () => {
    const res = await broker.get(`/api/discharge/referrals/${referralId}/candidates`);
    expect(res.statusCode).toBe(200);
    expect(res.json().candidates.map((c: { name: string }) => c.name)).toEqual([
      'Rosewood Nursing Home',
      'Oakfield House',
    ]);
    expect(res.json().candidates[0].reasons.length).toBeGreaterThan(3);
    const bad = await broker.post(`/api/discharge/referrals/${referralId}/requests`, {
      mode: 'chosen',
      locationIds: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('locationIds');
    const sent = await broker.post(`/api/discharge/referrals/${referralId}/requests`, {
      mode: 'chosen',
      locationIds: [fx.nursingHome.locationId, fx.secondHome.locationId],
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toEqual({ sent: 2, alreadySent: 0 });
  });

  it('shows each provider only its own, anonymised request, and nothing of other offers', async () => {
    const r = await rosewood.get('/api/discharge/provider/requests');
    expect(r.statusCode).toBe(200);
    const [req] = r.json().requests;
    expect(r.json().requests).toHaveLength(1);
    expect(req).toMatchObject({
      postcodeDistrict: 'RM7',
      ageBand: '85-94',
      needsSummary: 'Hoist transfers, moderate dementia',
      locationName: 'Rosewood Nursing Home',
    });
    for (const secret of [
      PERSON.name,
      PERSON.nhsNumber,
      PERSON.personRef,
      'Sunflower',
      referralId,
      'RM7 0AB',
      'Oakfield',
    ])
      expect(r.body).not.toContain(secret);

    const o = await oakfield.get('/api/discharge/provider/requests');
    const oakReq = o.json().requests[0];
    // Oakfield cannot read or answer Rosewood's request.
    expect((await oakfield.get(`/api/discharge/provider/requests/${req.id}`)).statusCode).toBe(404);
    expect(
      (
        await oakfield.post(`/api/discharge/provider/requests/${req.id}/response`, {
          response: 'decline',
          declineReason: 'no_vacancy',
        })
      ).statusCode,
    ).toBe(404);
    // Staff cannot use the provider routes.
    expect((await broker.get('/api/discharge/provider/requests')).statusCode).toBe(403);

    const badDates = await rosewood.post(`/api/discharge/provider/requests/${req.id}/response`, {
      response: 'offer',
      pricePence: 73_500,
      earliestStart: '2020-01-01',
      canAssessBy: futureDate(1),
    });
    expect(badDates.statusCode).toBe(400);
    expect(badDates.json().errors.map((e: { field: string }) => e.field)).toEqual(['earliestStart']);
    expect(
      (
        await rosewood.post(`/api/discharge/provider/requests/${req.id}/response`, {
          response: 'offer',
          pricePence: 73_500,
          earliestStart: futureDate(1),
          canAssessBy: futureDate(0),
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await oakfield.post(`/api/discharge/provider/requests/${oakReq.id}/response`, {
          response: 'offer',
          pricePence: 79_999,
          earliestStart: futureDate(2),
          canAssessBy: futureDate(1),
        })
      ).statusCode,
    ).toBe(204);

    // Oakfield sees its own offer only, never Rosewood's price.
    const again = await oakfield.get('/api/discharge/provider/requests');
    expect(again.json().requests[0]).toMatchObject({ status: 'offered', pricePence: 79_999 });
    expect(again.body).not.toContain('73500');
  });

  it('awards the chosen offer; the vacancy drops; the loser is told; the person leaves the board once discharged', async () => {
    const detail = (await broker.get(`/api/discharge/referrals/${referralId}`)).json();
    const rosewoodOffer = detail.responses.find(
      (r: { locationName: string }) => r.locationName === 'Rosewood Nursing Home',
    );
    expect(detail.responses).toHaveLength(2);
    expect((await rosewood.post(`/api/discharge/offers/${rosewoodOffer.id}/award`)).statusCode).toBe(403);
    const award = await broker.post(`/api/discharge/offers/${rosewoodOffer.id}/award`);
    expect(award.statusCode).toBe(200);
    expect(award.json()).toMatchObject({ weeklyPricePence: 73_500, vacancyAfter: { vacantAccepting: 0 } });
    const twice = await broker.post(`/api/discharge/offers/${rosewoodOffer.id}/award`);
    expect(twice.statusCode).toBe(409);

    const oakRecord = (await oakfield.get('/api/discharge/provider/record')).json();
    expect(oakRecord.notifications[0].kind).toBe('not_selected');
    expect(oakRecord.record).toMatchObject({ received: 1, offers: 1, awarded: 0, acceptanceRate: 1 });
    expect(JSON.stringify(oakRecord)).not.toContain('Rosewood');

    const before = (await broker.get('/api/discharge/board')).json();
    expect(
      before.lanes[3].entries.map((e: { referralId: string; status: string }) => [e.referralId, e.status]),
    ).toEqual([[referralId, 'awarded']]);
    // The hub board counts the offers each person has had (two here: Rosewood's and Oakfield's).
    expect(before.lanes[3].entries[0].offers).toBe(2);
    // The time they left hospital (issue 13, finding 20): refused in the future or before the referral was made,
    // naming the field; nothing is recorded then.
    const dischargeAt = (at: Date) =>
      broker.post(`/api/discharge/referrals/${referralId}/discharge`, {
        destination: 'care_home',
        dischargedAt: at.toISOString(),
      });
    const future = await dischargeAt(new Date(Date.now() + 3 * 3_600_000));
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([
      expect.objectContaining({
        field: 'dischargedAt',
        message: 'The time they left hospital cannot be in the future',
      }),
    ]);
    const early = await dischargeAt(new Date(Date.now() - 40 * 86_400_000));
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'dischargedAt' });
    expect(early.json().errors[0].message).toMatch(
      /^The time they left hospital must be after (the referral was made|they were medically optimised) \(\d+ \w+ \d{4} at \d{2}:\d{2}\)$/,
    );
    const out = await broker.post(`/api/discharge/referrals/${referralId}/discharge`, { destination: 'care_home' });
    expect(out.statusCode).toBe(200);
    const after = (await broker.get('/api/discharge/board')).json();
    expect(after.lanes[3].entries).toEqual([]);

    const metrics = (await broker.get('/api/discharge/metrics?period=week')).json();
    const last = metrics.rows[metrics.rows.length - 1];
    expect(last.discharges[3]).toBe(1);
    expect(last.wait.n).toBe(1);
    expect(last.wait.medianDays).toBeGreaterThan(1);
  });

  it('puts the hub on the home dashboard: waiting people for staff, requests to answer for providers', async () => {
    const staff = (await broker.get('/api/dashboard'))
      .json()
      .sections.find((s: { area: string }) => s.area === 'discharge');
    expect(staff.figures.find((f: { key: string }) => f.key === 'waiting').value).toBe(0);
    const prov = (await oakfield.get('/api/dashboard'))
      .json()
      .sections.find((s: { area: string }) => s.area === 'discharge');
    expect(prov.title).toBe('Discharge requests');
    expect(prov.figures).toEqual([
      { key: 'to-answer', label: 'Requests needing your answer', value: 0, unit: 'count', href: '/discharge' },
    ]);
  });

  it('exports metrics as CSV and Excel', async () => {
    const csv = await broker.get('/api/discharge/metrics/export?period=month&format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    // Labels as the page shows them (no internal codes), the filter in the file name.
    const header = csv.body.split('\n')[0];
    expect(header).toMatch(/^Month starting,"Referrals, pathway 0",/);
    expect(header).toContain('Delayed bed-days: awaiting care home');
    expect(header).toContain('Discharged the same or next day (%)');
    expect(header).not.toMatch(/_/);
    expect(csv.headers['content-disposition']).toMatch(
      /filename="discharge-metrics-by-month-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv"/,
    );
    const xlsx = await broker.get('/api/discharge/metrics/export?period=week&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The workbook says what it is, the filter and when it was made, in UK time.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const about = wb.getWorksheet('About')!;
    expect(about.getCell('B2').value).toBe('Week (Monday to Sunday)');
    expect(String(about.getCell('B5').value)).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d \(UK time\)$/);
    expect(wb.getWorksheet('Metrics')!.getCell('A1').value).toBe('Week starting');
  });

  it('reports periods that end today at the latest, never tomorrow', async () => {
    const today = londonDate(new Date());
    const metrics = (await broker.get('/api/discharge/metrics?period=month')).json();
    expect(metrics.to).toBe(today);
    const d2a = (await broker.get('/api/discharge/d2a')).json();
    expect(d2a.to).toBe(today);
    expect(d2a.from).toBe(addDays(today, -181));
    // A window asked to end in the future ends today.
    const ahead = (await broker.get(`/api/discharge/metrics?period=week&to=${addDays(today, 30)}`)).json();
    expect(ahead.to).toBe(today);
    const record = (await oakfield.get('/api/discharge/provider/record')).json();
    expect(record.to).toBe(today);
    const csv = await broker.get('/api/discharge/metrics/export?period=month&format=csv');
    expect(csv.headers['content-disposition']).toContain(`-to-${today}.csv`);
  });
});
