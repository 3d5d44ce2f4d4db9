import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { auditLog } from '../../db/core/schema.js';
import { locations, providers } from '../../db/market/schema.js';
import { addDays, londonToday } from '../../domain/core/dates.js';
import { anonymous, createTestApp, signInAs, type TestClient } from '../testing.js';

const today = londonToday();
type Field = { field: string; message: string };
const fields = (r: { json(): { errors?: Field[] } }) => (r.json().errors ?? []).map((e) => e.field);

describeWithDatabases('provider concern lifecycle routes', (ctx) => {
  let app: FastifyInstance;
  let mine: string;
  let theirs: string;
  let myHome: string;
  let theirHome: string;
  let quality: TestClient;
  let commissioner: TestClient;
  let provider: TestClient;
  let otherProvider: TestClient;
  let viewer: TestClient;

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    [{ id: mine }, { id: theirs }] = await ctx.db
      .insert(providers)
      .values([{ name: 'Rosewood Care Homes Ltd' }, { name: 'Bluebird Care Services Ltd' }])
      .returning({ id: providers.id });
    [{ id: myHome }, { id: theirHome }] = await ctx.db
      .insert(locations)
      .values([
        { providerId: mine, name: 'Rosewood Lodge', postcodeDistrict: 'EB1', inBorough: true },
        { providerId: theirs, name: 'Bluebird House', postcodeDistrict: 'EB2', inBorough: true },
      ])
      .returning({ id: locations.id });
    quality = await signInAs(app, 'quality_officer');
    commissioner = await signInAs(app, 'commissioner');
    provider = await signInAs(app, 'provider', { providerId: mine });
    otherProvider = await signInAs(app, 'provider', { providerId: theirs });
    viewer = await signInAs(app, 'viewer');
  });
  afterAll(async () => app.close());

  const log = (client: TestClient, body: Record<string, unknown>) =>
    client.post('/api/contracts/concerns', {
      locationId: myHome,
      kind: 'provider_concern',
      raisedOn: addDays(today, -3),
      summary: 'Staffing below assessed levels at weekends',
      ...body,
    });

  it('takes a concern from logged to closed, with a safeguarding referral, the provider’s response and its history', async () => {
    const created = await log(quality, {});
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const url = `/api/contracts/concerns/${id}`;

    const triaged = await quality.post(`${url}/steps`, { to: 'triaged', note: 'Quality concern, not safeguarding' });
    expect(triaged.statusCode).toBe(200);
    expect(triaged.json()).toMatchObject({ status: 'triaged' });
    expect((await quality.post(`${url}/steps`, { to: 'investigating', note: 'Visit booked' })).statusCode).toBe(200);

    const referral = await quality.put(`${url}/safeguarding-referral`, {
      referralOn: addDays(today, -1),
      reference: 'ASG/2026/0142',
    });
    expect(referral.statusCode).toBe(200);
    expect(referral.json()).toMatchObject({
      safeguardingReferralOn: addDays(today, -1),
      safeguardingReference: 'ASG/2026/0142',
      safeguardingReferred: true,
    });

    const response = await provider.put(`${url}/provider-response`, {
      response: 'Weekend rota now has two extra senior carers.',
    });
    expect(response.statusCode).toBe(200);
    // The provider sees that a referral was made, but neither its reference nor the officers' notes.
    expect(response.json()).toMatchObject({
      providerResponse: 'Weekend rota now has two extra senior carers.',
      providerRespondedOn: today,
      safeguardingReferred: true,
      safeguardingReference: null,
      safeguardingReferralOn: null,
    });
    expect(response.json().history.every((h: { note: string | null }) => h.note === null)).toBe(true);

    const agreed = await quality.post(`${url}/steps`, {
      to: 'action_agreed',
      agreedAction: 'Rota reviewed weekly for 8 weeks',
    });
    expect(agreed.json()).toMatchObject({ status: 'action_agreed', agreedAction: 'Rota reviewed weekly for 8 weeks' });
    const closed = await quality.post(`${url}/steps`, { to: 'closed', note: 'Rota held for 8 weeks' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: today });
    expect(closed.json().history.map((h: { kind: string; toStatus: string }) => `${h.kind}:${h.toStatus}`)).toEqual([
      'log:logged',
      'transition:triaged',
      'transition:investigating',
      'safeguarding_referral:investigating',
      'provider_response:investigating',
      'transition:action_agreed',
      'transition:closed',
    ]);
    expect(closed.json().history[1]).toMatchObject({
      note: 'Quality concern, not safeguarding',
      by: 'Test quality_officer',
    });

    // Each write is audited against the concern.
    const audit = await ctx.db
      .select({ action: auditLog.action, entity: auditLog.entity })
      .from(auditLog)
      .where(eq(auditLog.entityId, id));
    expect(audit.map((a) => `${a.entity}:${a.action}`)).toEqual(
      expect.arrayContaining([
        'provider_concern:create',
        'provider_concern:transition',
        'safeguarding_referral:create',
        'provider_concern_response:create',
        'provider_concern:close',
      ]),
    );

    // A commissioner sees it in the location's history; the open list leaves it out.
    const all = await commissioner.get(`/api/contracts/concerns?locationId=${myHome}`);
    expect(all.json().concerns.map((c: { id: string }) => c.id)).toContain(id);
    const open = await commissioner.get(`/api/contracts/concerns?locationId=${myHome}&open=true`);
    expect(open.json().concerns.map((c: { id: string }) => c.id)).not.toContain(id);

    // Closed means closed: no further step, referral or response.
    const again = await quality.post(`${url}/steps`, { to: 'triaged' });
    expect([again.statusCode, fields(again)]).toEqual([400, ['to']]);
    const late = await provider.put(`${url}/provider-response`, { response: 'More' });
    expect([late.statusCode, fields(late)]).toEqual([400, ['status']]);
  });

  it('refuses steps out of turn, without what they need, or dated wrongly, naming the field', async () => {
    const id = (await log(quality, { raisedOn: addDays(today, -2) })).json().id as string;
    const url = `/api/contracts/concerns/${id}`;
    const skip = await quality.post(`${url}/steps`, { to: 'action_agreed', agreedAction: 'x' });
    expect([skip.statusCode, fields(skip)]).toEqual([400, ['to']]);
    expect(skip.json().errors[0].message).toBe('A concern that is logged can next be triaged or closed');
    const early = await quality.post(`${url}/steps`, { to: 'closed' });
    expect([early.statusCode, fields(early)]).toEqual([400, ['note']]);
    const before = await quality.post(`${url}/steps`, { to: 'triaged', on: addDays(today, -5) });
    expect([before.statusCode, fields(before)]).toEqual([400, ['on']]);
    const future = await quality.post(`${url}/steps`, { to: 'triaged', on: addDays(today, 2) });
    expect([future.statusCode, fields(future)]).toEqual([400, ['on']]);
    const bad = await quality.post(`${url}/steps`, { to: 'reopened' });
    expect([bad.statusCode, fields(bad)]).toEqual([400, ['to']]);
    expect((await quality.post(`${url}/steps`, { to: 'triaged' })).statusCode).toBe(200);
    expect((await quality.post(`${url}/steps`, { to: 'investigating' })).statusCode).toBe(200);
    const noAction = await quality.post(`${url}/steps`, { to: 'action_agreed', agreedAction: '  ' });
    expect([noAction.statusCode, fields(noAction)]).toEqual([400, ['agreedAction']]);
    const ref = await quality.put(`${url}/safeguarding-referral`, {
      referralOn: addDays(today, -4),
      reference: 'Mrs Smith!',
    });
    expect([ref.statusCode, fields(ref).sort()]).toEqual([400, ['reference', 'referralOn']]);
    const empty = await provider.put(`${url}/provider-response`, { response: ' ' });
    expect([empty.statusCode, fields(empty)]).toEqual([400, ['response']]);
    // Closed early with a reason.
    const closed = await quality.post(`${url}/steps`, { to: 'closed', note: 'No further action: unfounded' });
    expect(closed.json()).toMatchObject({ status: 'closed', agreedAction: null });
  });

  it('lets only quality officers move concerns on, and a provider answer and read only its own', async () => {
    const id = (await log(commissioner, {})).json().id as string;
    const theirsId = (await log(quality, { locationId: theirHome })).json().id as string;
    const blower = (await log(quality, { kind: 'whistleblowing' })).json().id as string;
    const url = `/api/contracts/concerns/${id}`;
    for (const client of [commissioner, viewer, provider]) {
      expect((await client.post(`${url}/steps`, { to: 'triaged' })).statusCode).toBe(403);
      expect(
        (await client.put(`${url}/safeguarding-referral`, { referralOn: today, reference: 'A1' })).statusCode,
      ).toBe(403);
    }
    expect((await log(viewer, {})).statusCode).toBe(403);
    expect((await log(provider, {})).statusCode).toBe(403);
    expect((await quality.put(`${url}/provider-response`, { response: 'x' })).statusCode).toBe(403);
    // Another provider's concern: refused, and not written.
    const other = await otherProvider.put(`${url}/provider-response`, { response: 'Not ours' });
    expect(other.statusCode).toBe(403);
    expect((await otherProvider.get(url)).statusCode).toBe(403);
    expect((await quality.get(url)).json().providerResponse).toBeNull();
    const written = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.entity, 'provider_concern_response')));
    expect(written).toEqual([]);
    // A provider's list is its own organisation's, never whistleblowing.
    const listed = (await provider.get('/api/contracts/concerns')).json().concerns.map((c: { id: string }) => c.id);
    expect(listed).toContain(id);
    expect(listed).not.toContain(theirsId);
    expect(listed).not.toContain(blower);
    expect((await provider.get(`/api/contracts/concerns/${blower}`)).statusCode).toBe(404);
    expect((await anonymous(app).get('/api/contracts/concerns')).statusCode).toBe(401);
    // An unknown location is named.
    const nowhere = await quality.post('/api/contracts/concerns', {
      locationId: '00000000-0000-4000-8000-000000000000',
      kind: 'complaint',
      raisedOn: today,
      summary: 'x',
    });
    expect([nowhere.statusCode, fields(nowhere)]).toEqual([400, ['locationId']]);
    const missing = await quality.post('/api/contracts/concerns', {});
    expect([missing.statusCode, fields(missing).sort()]).toEqual([400, ['kind', 'locationId', 'raisedOn', 'summary']]);
  });
});
