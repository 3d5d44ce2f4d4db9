import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { auditLog, users } from '../../db/core/schema.js';
import { providers } from '../../db/market/schema.js';
import { createTestApp, signInAs, type TestClient } from '../testing.js';

type Field = { field: string; message: string };
const fields = (r: { json(): { errors?: Field[] } }) => (r.json().errors ?? []).map((e) => e.field).sort();

describeWithDatabases('provider approvers manage their own organisation’s accounts', (ctx) => {
  let app: FastifyInstance;
  let mine: string;
  let theirs: string;
  let approver: TestClient;
  let colleague: TestClient;
  let otherApprover: TestClient;
  let admin: TestClient;

  const approverFor = async (providerId: string) => {
    const client = await signInAs(app, 'provider', { providerId });
    await ctx.db.update(users).set({ providerApprover: true }).where(eq(users.id, client.user.id));
    return client;
  };

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    [{ id: mine }, { id: theirs }] = await ctx.db
      .insert(providers)
      .values([{ name: 'Rosewood Care Homes Ltd' }, { name: 'Bluebird Care Services Ltd' }])
      .returning({ id: providers.id });
    approver = await approverFor(mine);
    colleague = await signInAs(app, 'provider', { providerId: mine });
    otherApprover = await approverFor(theirs);
    admin = await signInAs(app, 'admin');
  });
  afterAll(async () => app.close());

  it('adds a colleague to its own organisation, who can then sign in, and removes them again', async () => {
    const added = await approver.post('/api/provider-users', {
      email: 'Sam.Senior@Rosewood.example',
      name: 'Sam Senior',
      password: 'correct horse battery',
    });
    expect(added.statusCode).toBe(201);
    const user = added.json().user;
    expect(user).toMatchObject({
      email: 'sam.senior@rosewood.example',
      role: 'provider',
      providerId: mine,
      providerApprover: false,
      disabled: false,
    });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'sam.senior@rosewood.example', password: 'correct horse battery' },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().user).toMatchObject({ role: 'provider', providerId: mine });

    const list = await approver.get('/api/provider-users');
    expect(list.json().users.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining([approver.user.email, colleague.user.email, 'sam.senior@rosewood.example']),
    );
    expect(list.json().users[0].providerApprover).toBe(true);
    expect(list.json().users.some((u: { providerId: string }) => u.providerId !== mine)).toBe(false);

    const removed = await approver.patch(`/api/provider-users/${user.id}`, { disabled: true });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().user.disabled).toBe(true);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'sam.senior@rosewood.example', password: 'correct horse battery' },
    });
    expect(again.statusCode).toBe(401);
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.map((a) => [a.action, a.userId])).toEqual(
      expect.arrayContaining([
        ['create', approver.user.id],
        ['disable', approver.user.id],
      ]),
    );
  });

  it('refuses anyone but an approver, another organisation’s accounts, and any role above provider', async () => {
    const body = { email: 'x@rosewood.example', name: 'X', password: 'correct horse battery' };
    expect((await colleague.post('/api/provider-users', body)).statusCode).toBe(403);
    expect((await colleague.get('/api/provider-users')).statusCode).toBe(403);
    expect((await admin.post('/api/provider-users', body)).statusCode).toBe(403);
    // Another organisation's account, or a staff account: 403, and nothing changes.
    const other = await otherApprover.patch(`/api/provider-users/${colleague.user.id}`, { disabled: true });
    expect(other.statusCode).toBe(403);
    const staff = await approver.patch(`/api/provider-users/${admin.user.id}`, { disabled: true });
    expect(staff.statusCode).toBe(403);
    const [still] = await ctx.db.select().from(users).where(eq(users.id, colleague.user.id));
    expect(still.disabledAt).toBeNull();
    // No role above provider, no other provider, no field but disabled and providerApprover.
    const admins = await approver.post('/api/provider-users', { ...body, role: 'admin' });
    expect([admins.statusCode, fields(admins)]).toEqual([400, ['role']]);
    const raise = await approver.patch(`/api/provider-users/${colleague.user.id}`, { role: 'commissioner' });
    expect(raise.statusCode).toBe(400);
    const move = await approver.patch(`/api/provider-users/${colleague.user.id}`, { providerId: theirs });
    expect(move.statusCode).toBe(400);
    const [unchanged] = await ctx.db.select().from(users).where(eq(users.id, colleague.user.id));
    expect([unchanged.role, unchanged.providerId]).toEqual(['provider', mine]);
    // Every problem with a new account at once, naming the fields.
    const bad = await approver.post('/api/provider-users', { email: 'nope', name: ' ', password: 'short' });
    expect([bad.statusCode, fields(bad)]).toEqual([400, ['email', 'name', 'password']]);
    // An approver cannot remove or demote itself (the organisation keeps an approver).
    const self = await approver.patch(`/api/provider-users/${approver.user.id}`, { providerApprover: false });
    expect([self.statusCode, fields(self)]).toEqual([400, ['providerApprover']]);
    const gone = await approver.patch(`/api/provider-users/${approver.user.id}`, { disabled: true });
    expect([gone.statusCode, fields(gone)]).toEqual([400, ['disabled']]);
  });

  it('makes a colleague an approver, who can then add accounts', async () => {
    const made = await approver.patch(`/api/provider-users/${colleague.user.id}`, { providerApprover: true });
    expect(made.json().user.providerApprover).toBe(true);
    const added = await colleague.post('/api/provider-users', {
      email: 'night.lead@rosewood.example',
      name: 'Night Lead',
      password: 'correct horse battery',
      providerApprover: true,
    });
    expect([added.statusCode, added.json().user.providerApprover]).toEqual([201, true]);
  });

  it('says the same for any email already in use: council staff’s, another organisation’s or its own', async () => {
    const body = (email: string) => ({ email, name: 'Casey Nurse', password: 'correct horse battery' });
    const answers = await Promise.all(
      [admin.user.email, otherApprover.user.email, colleague.user.email.toUpperCase()].map(async (email) => {
        const r = await approver.post('/api/provider-users', body(email));
        return [r.statusCode, r.json().errors];
      }),
    );
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]).toEqual([
      400,
      [
        {
          field: 'email',
          message:
            'This email address cannot be used for a new account: if your colleague already has one, find them in the accounts list, or use another email address',
          in: 'body',
        },
      ],
    ]);
  });

  it('keeps the organisation’s accounts history: who added, removed, gave back access or made an approver, and when', async () => {
    const added = await approver.post('/api/provider-users', {
      email: 'weekend.lead@rosewood.example',
      name: 'Weekend Lead',
      password: 'correct horse battery',
    });
    const id = added.json().user.id;
    await approver.patch(`/api/provider-users/${id}`, { disabled: true });
    await approver.patch(`/api/provider-users/${id}`, { disabled: false });
    await admin.patch(`/api/admin/users/${id}`, { providerApprover: true });
    const history = await approver.get('/api/provider-users/history');
    expect(history.statusCode).toBe(200);
    const events = history.json().events;
    const lead = events.filter((e: { account: string }) => e.account === 'Weekend Lead');
    const who = approver.user.name;
    expect(lead.map((e: { what: string; by: string }) => [e.what, e.by])).toEqual([
      ['Made an approver', 'Council administrator'],
      ['Access given back', who],
      ['Access removed', who],
      ['Account added', who],
    ]);
    for (const e of lead) expect(Date.now() - Date.parse(e.at)).toBeLessThan(10 * 60_000);
    // Another organisation's history shows none of these; a colleague who is not an approver cannot read it.
    const theirs = (await otherApprover.get('/api/provider-users/history')).json().events;
    expect(theirs.some((e: { account: string }) => e.account === 'Weekend Lead')).toBe(false);
    const stranger = await signInAs(app, 'provider', { providerId: mine });
    expect((await stranger.get('/api/provider-users/history')).statusCode).toBe(403);
  });
});
