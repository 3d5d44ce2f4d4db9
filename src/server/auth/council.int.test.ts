// The council every page's banner names: public before sign-in, in the session answer after it; the synthetic
// flag is true only for the demo borough.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { putBorough } from '../../db/core/settings.js';
import { describeWithDatabases } from '../../db/testing.js';
import { anonymous, createTestApp, signInAs } from '../testing.js';

describeWithDatabases('the council the banner names', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(ctx.database);
  });
  afterAll(async () => app?.close());

  it('is null before set-up, then the demo borough marked synthetic', async () => {
    expect((await anonymous(app).get('/api/auth/council')).json()).toEqual({ council: null });
    await putBorough(ctx.db, { name: 'Ashworth', gssCode: 'E09999999', synthetic: true });
    const res = await anonymous(app).get('/api/auth/council');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      council: { name: 'Ashworth', officialName: 'Ashworth', gssCode: 'E09999999', synthetic: true },
    });
    const signedIn = await signInAs(app, 'commissioner');
    expect((await signedIn.get('/api/auth/session')).json().council).toMatchObject({ synthetic: true });
  });

  it('names a real council (Plymouth, E06000026) as not synthetic, signed out and in', async () => {
    await putBorough(ctx.db, { name: 'Plymouth', gssCode: 'E06000026', synthetic: false });
    const want = { name: 'Plymouth', officialName: 'Plymouth City Council', gssCode: 'E06000026', synthetic: false };
    expect((await anonymous(app).get('/api/auth/council')).json()).toEqual({ council: want });
    const admin = await signInAs(app, 'admin');
    expect((await admin.get('/api/auth/session')).json().council).toEqual(want);
  });
});
