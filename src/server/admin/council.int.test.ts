// The "Your council" API: administrators only; unknown councils refused naming the field and the closest
// matches; a county brings its districts; locations re-flagged in-borough by area; the demo borough is kept.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listAudit } from '../../db/core/audit.js';
import { putBorough } from '../../db/core/settings.js';
import { createLocation, createProvider } from '../../db/market/register.js';
import { locations } from '../../db/market/schema.js';
import { describeWithDatabases } from '../../db/testing.js';
import { anonymous, createTestApp, signInAs } from '../testing.js';

const sys = { system: 'test' };

describeWithDatabases('Your council API', (ctx) => {
  let app: FastifyInstance;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    const p = await createProvider(ctx.db, { name: 'Westcountry Care Ltd', cqcProviderId: '1-555000101' }, sys);
    for (const [name, gss] of [
      ['Exe View', 'E07000041'], // Exeter, a district of Devon
      ['Dartmoor House', 'E10000008'], // recorded under Devon itself
      ['Hoe Court', 'E06000026'], // Plymouth
    ] as const) {
      const l = await createLocation(
        ctx.db,
        { providerId: p.id, name, serviceTypes: ['care_home_residential'], localAuthorityGss: gss, inBorough: false },
        sys,
      );
      ids[name] = l.id;
    }
  });
  afterAll(async () => app.close());

  const flagged = async () =>
    (await ctx.db.select().from(locations).where(eq(locations.inBorough, true))).map((l) => l.name).sort();

  it('is for administrators only', async () => {
    expect((await anonymous(app).get('/api/admin/council')).statusCode).toBe(401);
    const commissioner = await signInAs(app, 'commissioner');
    expect((await commissioner.get('/api/admin/council')).statusCode).toBe(403);
    expect((await commissioner.put('/api/admin/council', { council: 'Devon' })).statusCode).toBe(403);
  });

  it('sets the council by name or code, refusing unknown and district councils with what to use', async () => {
    const admin = await signInAs(app, 'admin');
    const before = await admin.get('/api/admin/council');
    expect(before.json()).toEqual({ council: null });

    const typo = await admin.put('/api/admin/council', { council: 'Plymuoth' });
    expect(typo.statusCode).toBe(400);
    expect(typo.headers['content-type']).toMatch(/application\/problem\+json/);
    const [err] = typo.json().errors;
    expect(err.field).toBe('council');
    expect(err.message).toContain('Closest matches: E06000026 Plymouth (unitary authority)');

    const district = await admin.put('/api/admin/council', { council: 'Exeter' });
    expect(district.statusCode).toBe(400);
    expect(district.json().errors[0].message).toContain('use E10000008 Devon (county council)');

    const devon = await admin.put('/api/admin/council', { council: 'Devon County Council' });
    expect(devon.statusCode).toBe(200);
    const body = devon.json();
    expect(body.council).toMatchObject({
      gssCode: 'E10000008',
      name: 'Devon',
      officialName: 'Devon County Council',
      tier: 'county',
      tierLabel: 'County council',
      region: 'South West',
      synthetic: false,
    });
    expect(body.council.districts).toHaveLength(8);
    expect(body.council.districts).toContainEqual({ gssCode: 'E07000041', name: 'Exeter' });
    // Exeter's home is in Devon's area; Plymouth's is not.
    expect(body.inBorough).toBe(2);
    expect(await flagged()).toEqual(['Dartmoor House', 'Exe View']);

    const plymouth = await admin.put('/api/admin/council', { council: 'E06000026' });
    expect(plymouth.json()).toMatchObject({ council: { name: 'Plymouth', districts: [] }, inBorough: 1 });
    expect(await flagged()).toEqual(['Hoe Court']);
    expect((await admin.get('/api/admin/council')).json().council.gssCode).toBe('E06000026');

    const audit = await listAudit(ctx.db, { entity: 'council', limit: 10 });
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ['update', 'E06000026'],
      ['setup', 'E10000008'],
    ]);
  });

  it('keeps the demo borough: its data is synthetic', async () => {
    await putBorough(ctx.db, { name: 'Eastbrook (demo borough)', gssCode: 'E09000099', synthetic: true });
    const admin = await signInAs(app, 'admin');
    expect((await admin.get('/api/admin/council')).json().council).toMatchObject({
      name: 'Eastbrook (demo borough)',
      synthetic: true,
      tier: null,
    });
    const res = await admin.put('/api/admin/council', { council: 'Plymouth' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('steward setup --council E06000026');
  });
});
