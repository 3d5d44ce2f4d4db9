// Accounts as a council's security team would test them: lockout per account with its duration, throttling
// per address across accounts, the password policy, changing and resetting passwords, disabling, roles,
// signing out everywhere, and what is (and is not) written to the audit trail.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { createUser } from '../../db/core/users.js';
import { describeWithDatabases } from '../../db/testing.js';
import { providers } from '../../db/market/schema.js';
import { anonymous, createTestApp, signInAs } from '../testing.js';
import { CSRF_HEADER, SESSION_COOKIE } from './session.js';

const PASSWORD = 'marmalade kettle orchard';

describeWithDatabases('accounts: throttling, passwords, disabling and sessions', (ctx) => {
  let app: FastifyInstance;

  const signIn = (email: string, password: string, ip = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: ip });
  const asSession = (res: { cookies: { name: string; value: string }[]; json: () => { csrfToken: string } }) => {
    const token = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const headers = { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: res.json().csrfToken };
    return {
      get: (url: string) => app.inject({ method: 'GET', url, headers }),
      post: (url: string, payload?: unknown) =>
        app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload: payload as never }) }),
    };
  };
  // The session check answers 200 with signedIn false when the session has ended (no 401 logged in the browser
  // before sign-in); a route that needs a session still answers 401 with the ended session's cookie.
  const expectEnded = async (session: ReturnType<typeof asSession>) => {
    const check = await session.get('/api/auth/session');
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ signedIn: false });
    expect(check.json().user).toBeUndefined();
    expect((await session.get('/api/discharge/board')).statusCode).toBe(401);
  };
  const expectLive = async (session: ReturnType<typeof asSession>) => {
    const check = await session.get('/api/auth/session');
    expect(check.json()).toMatchObject({ signedIn: true });
    expect((await session.get('/api/discharge/board')).statusCode).toBe(200);
  };
  const auditCount = async (action: string) =>
    (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from audit_log where action = ${action}`))[0]
      .n;

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    for (const name of ['lockme', 'changer', 'managed', 'other'])
      await createUser(
        ctx.db,
        { email: `${name}@example.org`, name: `Test ${name}`, role: 'broker', password: PASSWORD },
        { system: 'test' },
      );
  });
  afterAll(async () => app.close());

  it('locks an account after ten failed sign-ins, says until when, and refuses even the right password then', async () => {
    for (let i = 0; i < 9; i++)
      expect((await signIn('lockme@example.org', `wrong-${i}`, `10.0.0.${i}`)).statusCode).toBe(401);
    const tenth = await signIn('lockme@example.org', 'wrong-9', '10.0.0.9');
    expect(tenth.statusCode).toBe(429);
    expect(tenth.json().title).toBe('Account locked');
    expect(tenth.json().detail).toMatch(/locked after 10 failed sign-ins\. Try again at \d\d:\d\d \(in 15 minutes\)/);
    expect(Number(tenth.headers['retry-after'])).toBeGreaterThan(800);
    const right = await signIn('lockme@example.org', PASSWORD, '10.0.1.1');
    expect(right.statusCode).toBe(429);
    // An email with no account locks the same way (no telling which emails exist).
    for (let i = 0; i < 9; i++) await signIn('nobody@example.org', `x-${i}`, `10.0.2.${i}`);
    expect((await signIn('nobody@example.org', 'x-9', '10.0.2.9')).json().title).toBe('Account locked');
    expect(await auditCount('sign-in-failed')).toBeGreaterThanOrEqual(20);
    expect(await auditCount('lockout')).toBe(2);
  });

  it('throttles one address guessing across many accounts', async () => {
    const ip = '192.0.2.50';
    const answers: number[] = [];
    for (let i = 0; i < 32; i++) answers.push((await signIn(`spray-${i}@example.org`, 'Winter2025!', ip)).statusCode);
    expect(answers.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(answers.slice(30)).toEqual([429, 429]);
    const refused = await signIn('other@example.org', PASSWORD, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toMatch(/from your network: try again in \d+ minutes/);
    // Another address is unaffected.
    expect((await signIn('other@example.org', PASSWORD, '192.0.2.51')).statusCode).toBe(200);
  });

  it('refuses common passwords, keyboard runs and the email itself, naming the field', async () => {
    const admin = await signInAs(app, 'admin');
    for (const password of [
      '1234567890',
      'password123',
      'qwertyuiop',
      'aaaaaaaaaaaa',
      'Password2024!',
      'jo.tester@example.org',
      'jo.tester-2024',
    ]) {
      const res = await admin.post('/api/admin/users', {
        email: 'jo.tester@example.org',
        name: 'Jo Tester',
        role: 'viewer',
        password,
      });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['password']);
    }
    const ok = await admin.post('/api/admin/users', {
      email: 'jo.tester@example.org',
      name: 'Jo Tester',
      role: 'viewer',
      password: 'tortoise lantern meadow',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('changes your own password, ending your other sessions but not this one', async () => {
    const first = asSession(await signIn('changer@example.org', PASSWORD, '10.1.0.1'));
    const second = asSession(await signIn('changer@example.org', PASSWORD, '10.1.0.2'));
    const wrong = await first.post('/api/auth/password', { currentPassword: 'not it at all', newPassword: 'x' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const weak = await first.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: '1234567890' });
    expect(weak.json().errors[0].field).toBe('newPassword');
    const ok = await first.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'harbour violin pepper',
    });
    expect(ok.statusCode).toBe(204);
    await expectLive(first);
    await expectEnded(second);
    expect((await signIn('changer@example.org', PASSWORD, '10.1.0.3')).statusCode).toBe(401);
    expect((await signIn('changer@example.org', 'harbour violin pepper', '10.1.0.3')).statusCode).toBe(200);
  });

  it('signs out everywhere; an anonymous sign-out writes nothing', async () => {
    const a = asSession(await signIn('other@example.org', PASSWORD, '10.2.0.1'));
    const b = asSession(await signIn('other@example.org', PASSWORD, '10.2.0.2'));
    const res = await a.post('/api/auth/sign-out-everywhere');
    expect(res.statusCode).toBe(200);
    expect(res.json().sessionsEnded).toBeGreaterThanOrEqual(2);
    await expectEnded(a);
    await expectEnded(b);
    // Counted by the sign-out route only: the request audit of the sign-out-everywhere above is written after its
    // response (an onResponse hook), so a count of every row could race with it.
    const signOuts = async () =>
      (
        await queryRows<{ n: number }>(
          ctx.db,
          sql`select count(*)::int as n from audit_log where entity = 'POST /api/auth/sign-out'`,
        )
      )[0].n;
    const before = await signOuts();
    for (let i = 0; i < 20; i++) expect((await anonymous(app).post('/api/auth/sign-out')).statusCode).toBe(204);
    expect(await signOuts()).toBe(before);
  });

  it('lets an administrator change a role, reset a password, disable and re-enable an account', async () => {
    const admin = await signInAs(app, 'admin');
    const [managed] = (await admin.get('/api/admin/users'))
      .json()
      .users.filter((u: { email: string }) => u.email === 'managed@example.org');
    const session = asSession(await signIn('managed@example.org', PASSWORD, '10.3.0.1'));
    const viewer = await signInAs(app, 'viewer');
    expect((await viewer.patch(`/api/admin/users/${managed.id}`, { role: 'admin' })).statusCode).toBe(403);

    const role = await admin.patch(`/api/admin/users/${managed.id}`, { role: 'commissioner' });
    expect(role.statusCode).toBe(200);
    expect(role.json().user.role).toBe('commissioner');
    await expectEnded(session); // a role change ends sessions

    const weak = await admin.post(`/api/admin/users/${managed.id}/password`, { password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(
      (await admin.post(`/api/admin/users/${managed.id}/password`, { password: 'granite puffin saddle' })).statusCode,
    ).toBe(204);
    expect((await signIn('managed@example.org', 'granite puffin saddle', '10.3.0.2')).statusCode).toBe(200);

    const disabled = await admin.patch(`/api/admin/users/${managed.id}`, { disabled: true });
    expect(disabled.json().user.disabled).toBe(true);
    expect((await signIn('managed@example.org', 'granite puffin saddle', '10.3.0.3')).statusCode).toBe(401);
    expect((await admin.patch(`/api/admin/users/${admin.user.id}`, { disabled: true })).statusCode).toBe(400);
    expect((await admin.patch(`/api/admin/users/${admin.user.id}`, { role: 'viewer' })).json().errors[0].field).toBe(
      'role',
    );
    await admin.patch(`/api/admin/users/${managed.id}`, { disabled: false });
    expect((await signIn('managed@example.org', 'granite puffin saddle', '10.3.0.4')).statusCode).toBe(200);
    expect((await admin.post(`/api/admin/users/${managed.id}/sign-out`)).json().sessionsEnded).toBeGreaterThanOrEqual(
      1,
    );
    for (const action of ['update', 'reset-password', 'disable', 'enable', 'end-sessions'])
      expect(await auditCount(action), action).toBeGreaterThanOrEqual(1);
    expect(await auditCount('access-refused')).toBeGreaterThanOrEqual(1);
  });

  it('refuses to give a provider organisation’s account a staff role, with a plain message (review 13, finding 6)', async () => {
    const admin = await signInAs(app, 'admin');
    const [{ id: providerId }] = await ctx.db
      .insert(providers)
      .values({ name: 'Outside Care Ltd' })
      .returning({ id: providers.id });
    const outsider = await signInAs(app, 'provider', { providerId });
    for (const role of ['commissioner', 'admin', 'viewer', 'broker', 'quality_officer', 'bcf_lead']) {
      const res = await admin.patch(`/api/admin/users/${outsider.user.id}`, { role, providerId: null });
      expect(res.statusCode, role).toBe(400);
      expect(res.json().errors[0].field).toBe('role');
      expect(res.json().errors[0].message).toMatch(/belongs to a provider organisation.*add a new account/);
    }
    const after = (await admin.get('/api/admin/users'))
      .json()
      .users.find((u: { id: string }) => u.id === outsider.user.id);
    expect(after).toMatchObject({ role: 'provider', providerId });
    // Nor does a staff account become a provider's.
    const staff = await signInAs(app, 'broker');
    const toProvider = await admin.patch(`/api/admin/users/${staff.user.id}`, { role: 'provider', providerId });
    expect(toProvider.statusCode).toBe(400);
    expect(toProvider.json().errors[0].message).toMatch(/add a new provider user/);
  });

  it('sends the security headers on API responses', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
