import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeWithDatabases } from '../../db/testing.js';
import { createUser } from '../../db/core/users.js';
import { anonymous, createTestApp, signInAs } from '../testing.js';
import { SESSION_COOKIE } from './session.js';

describeWithDatabases('accounts, sessions and CSRF', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    await createUser(
      ctx.db,
      {
        email: 'Commissioner@Example.org',
        name: 'Casey Commissioner',
        role: 'commissioner',
        password: 'correct horse battery',
      },
      { system: 'test' },
    );
  });
  afterAll(async () => app?.close());

  it('signs in with the right password, sets an httpOnly SameSite cookie and returns a CSRF token', async () => {
    const res = await anonymous(app).post('/api/auth/sign-in', {
      email: 'commissioner@example.org',
      password: 'correct horse battery',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ email: 'commissioner@example.org', role: 'commissioner', providerId: null });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');

    const session = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      cookies: { [SESSION_COOKIE]: cookie.value },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json().signedIn).toBe(true);
    expect(session.json().user.name).toBe('Casey Commissioner');

    // Sign-out needs the CSRF token, then ends the session on the server.
    const noToken = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookies: { [SESSION_COOKIE]: cookie.value },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.headers['content-type']).toContain('application/problem+json');
    expect(noToken.json().errors[0].field).toBe('x-csrf-token');
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookies: { [SESSION_COOKIE]: cookie.value },
      headers: { 'x-csrf-token': body.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      cookies: { [SESSION_COOKIE]: cookie.value },
    });
    // Not signed in is an answer, not an error (no 401 in the browser console before sign-in) ...
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ signedIn: false, council: after.json().council });
    // ... while every route that needs a session still refuses the ended one.
    const refused = await app.inject({
      method: 'GET',
      url: '/api/discharge/board',
      cookies: { [SESSION_COOKIE]: cookie.value },
    });
    expect(refused.statusCode).toBe(401);
  });

  it('refuses a wrong password with problem+json naming the fields, and rate-limits guessing', async () => {
    const res = await anonymous(app).post('/api/auth/sign-in', {
      email: 'commissioner@example.org',
      password: 'wrong',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ status: 401, title: 'Sign in failed' });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['email', 'password']);
    let last = res;
    for (let i = 0; i < 12; i++)
      last = await anonymous(app).post('/api/auth/sign-in', { email: 'guess@example.org', password: `wrong-${i}` });
    expect(last.statusCode).toBe(429);
    expect(last.headers['content-type']).toContain('application/problem+json');
  });

  it('names the missing field when the body does not match the schema', async () => {
    const res = await anonymous(app).post('/api/auth/sign-in', { email: 'someone@example.org' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'password', in: 'body' })]);
  });

  it('refuses a user without the role before checking the fields they sent (403 and 401, never 400)', async () => {
    const viewer = await signInAs(app, 'viewer');
    for (const body of [{}, { band: 'no_such_band', effectiveFrom: '2026-02-30', amountPence: -5 }]) {
      const res = await viewer.put('/api/market/rates', body);
      expect(res.statusCode).toBe(403);
      expect(res.json().errors ?? []).toEqual([]);
    }
    const broker = await signInAs(app, 'broker');
    expect((await broker.post('/api/admin/users', {})).statusCode).toBe(403);
    expect((await anonymous(app).post('/api/admin/users', {})).statusCode).toBe(401);
  });

  it('lets only admins list and add users, and audits the addition', async () => {
    const viewer = await signInAs(app, 'viewer');
    expect((await viewer.get('/api/admin/users')).statusCode).toBe(403);
    expect((await anonymous(app).get('/api/admin/users')).statusCode).toBe(401);

    const admin = await signInAs(app, 'admin');
    const bad = await admin.post('/api/admin/users', {
      email: 'not-an-email',
      name: '',
      role: 'provider',
      password: 'short',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['email', 'name', 'password', 'providerId']);

    const ok = await admin.post('/api/admin/users', {
      email: 'broker@example.org',
      name: 'Bo Broker',
      role: 'broker',
      password: 'a long enough password',
    });
    expect(ok.statusCode).toBe(201);
    const list = await admin.get('/api/admin/users');
    expect(list.json().users.map((u: { email: string }) => u.email)).toContain('broker@example.org');

    const audit = (await admin.get('/api/admin/audit?limit=20')).json().entries as {
      action: string;
      entity: string;
      userEmail: string;
    }[];
    expect(audit.some((e) => e.action === 'create' && e.entity === 'user' && e.userEmail === admin.user.email)).toBe(
      true,
    );
    expect(audit.some((e) => e.action === 'request' && e.entity === 'POST /api/admin/users')).toBe(true);
  });

  it('serves health, the OpenAPI document and problem+json for unknown routes', async () => {
    expect((await anonymous(app).get('/api/health')).json()).toEqual({ status: 'ok', database: ctx.kind });
    const doc = (await anonymous(app).get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/auth/sign-in');
    const missing = await anonymous(app).get('/api/no-such-thing');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});
