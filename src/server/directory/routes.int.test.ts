// The directory API as each kind of user meets it: anonymous search and suggestions, curators' edits, reviews,
// decisions and publishing from the market register, with roles checked on the server and history kept.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { saveServices } from '../../db/directory/records.js';
import { ensureShippedTaxonomies } from '../../db/directory/taxonomies.js';
import { postcodeDistricts } from '../../db/discharge/schema.js';
import { locations, providers } from '../../db/market/schema.js';
import { createRng } from '../../domain/core/random.js';
import { DEMO_DISTRICTS, DEMO_IN_BOROUGH_DISTRICTS } from '../../demo/borough.js';
import { generateCommunityServices } from '../../demo/directory.js';
import { anonymous, createTestApp, signInAs } from '../testing.js';

describeWithDatabases('directory routes', (ctx) => {
  let app: FastifyInstance;
  let first: { id: string; name: string };
  let locationId: string;
  let providerId: string;
  beforeAll(async () => {
    await ensureShippedTaxonomies(ctx.db);
    await ctx.db
      .insert(postcodeDistricts)
      .values(
        DEMO_DISTRICTS.map((d) => ({ district: d.district, lat: d.lat, lng: d.lng, postcodes: 0, source: 'test' })),
      );
    const { services } = generateCommunityServices(
      createRng(3, 'test'),
      '2026-11-01',
      90,
      DEMO_IN_BOROUGH_DISTRICTS,
      'test',
    );
    await saveServices(ctx.db, services, {
      source: 'demo',
      action: 'created',
      actor: { system: 'test' },
      keepLastModified: true,
    });
    first = services.find((s) => s.service_at_locations?.[0]?.location.location_type === 'physical')!;
    const [p] = await ctx.db.insert(providers).values({ name: 'Elm Care Ltd', cqcProviderId: '1-987' }).returning();
    const [l] = await ctx.db
      .insert(locations)
      .values({
        providerId: p.id,
        name: 'Elm House',
        address: '12 Elm Road, Collier Heath',
        postcode: 'EB4 2QT',
        postcodeDistrict: 'EB4',
        serviceTypes: ['care_home_residential'],
        specialisms: ['dementia'],
        registeredBeds: 40,
        inBorough: true,
        lat: 51.615,
        lng: 0.1745,
      })
      .returning();
    locationId = l.id;
    providerId = p.id;
    app = await createTestApp(ctx.database);
  });
  afterAll(async () => app?.close());

  it('lets anyone search by need and postcode, nearest first, and refuses an unknown postcode with the field named', async () => {
    const res = await anonymous(app).get('/api/directory/search?need=carers&postcode=EB4%202QT&perPage=50');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.district).toBe('EB4');
    expect(body.total).toBeGreaterThan(0);
    const d = body.results.map((r: { distanceMetres: number | null }) => r.distanceMetres ?? Infinity);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    for (const r of body.results) expect(r.categories).toContain('Support for carers');
    const free = (await anonymous(app).get('/api/directory/search?cost=free&perPage=500')).json();
    expect(free.results.every((r: { free: boolean }) => r.free)).toBe(true);
    const cafe = (await anonymous(app).get('/api/directory/search?q=memory%20cafe')).json();
    expect(cafe.total).toBeGreaterThan(0);
    const bad = await anonymous(app).get('/api/directory/search?postcode=ZZ1%201ZZ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('postcode');
  });

  it('keeps curation to staff: anonymous and provider users cannot list or edit entries, viewers cannot edit', async () => {
    expect((await anonymous(app).get('/api/directory/entries')).statusCode).toBe(401);
    const provider = await signInAs(app, 'provider', { providerId });
    expect((await provider.get('/api/directory/entries')).statusCode).toBe(403);
    const viewer = await signInAs(app, 'viewer');
    expect((await viewer.get(`/api/directory/entries/${first.id}`)).statusCode).toBe(200);
    expect(
      (await viewer.put(`/api/directory/entries/${first.id}`, { service: { name: 'x', status: 'active' } })).statusCode,
    ).toBe(403);
    expect((await viewer.post('/api/directory/publish', { marketLocationIds: [locationId] })).statusCode).toBe(403);
  });

  it('holds a suggestion until a curator approves it, then publishes it with history naming the curator', async () => {
    const current = (await anonymous(app).get(`/oruk/services/${first.id}`)).json();
    const suggestion = await anonymous(app).post('/api/directory/suggestions', {
      kind: 'change',
      serviceId: first.id,
      service: { ...current, description: 'Now with a Saturday session.' },
      submitterName: 'Sam',
      submitterEmail: 'sam@example.org',
    });
    expect(suggestion.statusCode).toBe(201);
    expect((await anonymous(app).get(`/oruk/services/${first.id}`)).json().description).toBe(current.description);

    const curator = await signInAs(app, 'commissioner');
    const queue = (await curator.get('/api/directory/suggestions')).json();
    expect(queue.map((s: { id: string }) => s.id)).toContain(suggestion.json().id);
    const detail = (await curator.get(`/api/directory/suggestions/${suggestion.json().id}`)).json();
    expect(detail.changes).toEqual([
      { field: 'Description', before: current.description, after: 'Now with a Saturday session.' },
    ]);
    const decided = await curator.post(`/api/directory/suggestions/${suggestion.json().id}/decision`, {
      decision: 'approve',
    });
    expect(decided.statusCode).toBe(200);
    expect((await anonymous(app).get(`/oruk/services/${first.id}`)).json().description).toBe(
      'Now with a Saturday session.',
    );
    const again = await curator.post(`/api/directory/suggestions/${suggestion.json().id}/decision`, {
      decision: 'reject',
    });
    expect(again.statusCode).toBe(409);
    const entry = (await curator.get(`/api/directory/entries/${first.id}`)).json();
    expect(entry.history[0]).toMatchObject({ action: 'suggestion approved', actorLabel: curator.user.email });
    expect(entry.curation.lastReviewedOn).not.toBeNull();
  });

  it('checks a suggested record field by field and refuses a change to an entry that does not exist', async () => {
    const bad = await anonymous(app).post('/api/directory/suggestions', {
      kind: 'new',
      service: { name: '', status: 'open', email: 'nope' },
      submitterName: 'Sam',
      submitterEmail: 'sam@example.org',
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['service.name', 'service.status', 'service.email']));
    const missing = await anonymous(app).post('/api/directory/suggestions', {
      kind: 'change',
      serviceId: '0c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      service: { name: 'x', status: 'active' },
      submitterName: 'Sam',
      submitterEmail: 'sam@example.org',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lets a curator add an entry (placed at its postcode district), mark entries reviewed and see those overdue', async () => {
    const curator = await signInAs(app, 'quality_officer');
    const added = await curator.post('/api/directory/entries', {
      service: {
        name: 'Knit and natter',
        status: 'active',
        organization: { name: 'Collier Heath Knitters', description: '' },
        service_at_locations: [
          {
            location: {
              location_type: 'physical',
              name: 'Library',
              addresses: [
                {
                  address_1: '1 High St',
                  city: 'Collier Heath',
                  state_province: '',
                  postal_code: 'EB4 1AA',
                  country: 'GB',
                  address_type: 'physical',
                },
              ],
            },
          },
        ],
      },
    });
    expect(added.statusCode).toBe(201);
    const record = (await anonymous(app).get(`/oruk/services/${added.json().id}`)).json();
    expect(record.service_at_locations[0].location.latitude).toBe(
      DEMO_DISTRICTS.find((d) => d.district === 'EB4')!.lat,
    );
    const due = (await curator.get('/api/directory/review-due')).json();
    expect(due.entries.length).toBe(0); // every test entry was created today, due in a year
    const reviewed = await curator.post(`/api/directory/entries/${added.json().id}/reviewed`);
    expect(reviewed.statusCode).toBe(200);
  });

  it('publishes a market register location as an entry tagged with CQC terms, and again refreshes the same entry', async () => {
    const curator = await signInAs(app, 'commissioner');
    const published = await curator.post('/api/directory/publish', { marketLocationIds: [locationId] });
    expect(published.statusCode).toBe(200);
    const [id] = published.json().serviceIds;
    const record = (await anonymous(app).get(`/oruk/services/${id}`)).json();
    expect(record.attributes.map((a: { taxonomy_term: { name: string } }) => a.taxonomy_term.name)).toEqual([
      'Care and support',
      'Residential homes',
      'Dementia',
    ]);
    const again = await curator.post('/api/directory/publish', { marketLocationIds: [locationId] });
    expect(again.json().serviceIds).toEqual([id]);
    const candidates = (await curator.get('/api/directory/publish-candidates')).json();
    expect(candidates.market.find((m: { id: string }) => m.id === locationId)).toMatchObject({
      published: true,
      serviceId: id,
    });
    const dupes = (await curator.get('/api/directory/duplicates')).json();
    expect(dupes.some((g: { reason: string }) => g.reason.startsWith('Charity number'))).toBe(true);
  });

  it('imports a feed all or nothing, listing every problem', async () => {
    const admin = await signInAs(app, 'admin');
    const rejected = await admin.post('/api/directory/import', {
      services: [
        { id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name: 'Ok', status: 'active' },
        { id: 'bad', name: '', status: 'active' },
      ],
    });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().errors.map((e: { field: string }) => e.field)).toEqual(['services.1.id', 'services.1.name']);
    expect((await anonymous(app).get('/oruk/services/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f')).statusCode).toBe(404);
    const broker = await signInAs(app, 'broker');
    expect((await broker.post('/api/directory/import', { services: [] })).statusCode).toBe(403);
  });
});
