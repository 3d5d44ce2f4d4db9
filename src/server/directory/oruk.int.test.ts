// The public ORUK 3.0 API over the whole demo directory: every profile path answers schema-valid pages (checked
// with ajv against the profile's own compiled schemas), filters work, and an export re-imported into an empty
// instance — from the file, and from the live API by URL — gives the same directory.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../../db/client.js';
import { describeWithDatabases } from '../../db/testing.js';
import { loadDemo } from '../../demo/index.js';
import { runImport, textSource } from '../../importers/framework.js';
import { fetchOrukFeed, orukImporter } from '../../importers/oruk.js';
import { createTestApp } from '../testing.js';
import { NEEDS_TAXONOMY } from '../../domain/directory/taxonomies.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const schema = (file: string) => JSON.parse(readFileSync(path.join(HERE, 'oruk-schema', file), 'utf8'));

const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
ajv.addSchema(schema('compiled/service_with_definitions.json'), 'swd');
const validators: Record<string, ValidateFunction> = {
  service: ajv.compile(schema('compiled/service.json')),
  serviceListItem: ajv.compile(schema('compiled/service_list.json')),
  salListItem: ajv.compile(schema('compiled/service_at_location_list.json')),
  taxonomy: ajv.getSchema('swd#/definitions/taxonomy')!,
  taxonomyTerm: ajv.getSchema('swd#/definitions/taxonomy_term')!,
  // The profile's Page (openapi.json components.schemas.Page), with every envelope field required.
  page: ajv.compile({
    ...schema('openapi.json').components.schemas.Page,
    required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
  }),
};

function expectValid(kind: keyof typeof validators, body: unknown, where: string) {
  const validate = validators[kind];
  const ok = validate(body);
  if (!ok) throw new Error(`${where} is not a valid ${kind}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

function expectNoNulls(text: string, where: string) {
  if (/:\s*null\b/.test(text)) throw new Error(`${where} sends null for an optional field`);
}

const AS_AT = new Date('2026-11-01T00:00:00Z');

describeWithDatabases('directory ORUK API', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await loadDemo(ctx.db, { seed: 1, asAt: AS_AT });
    app = await createTestApp(ctx.database);
  }, 600_000);
  afterAll(async () => app?.close());

  async function getJson(url: string) {
    const res = await app.inject({ method: 'GET', url });
    expect(res.headers['access-control-allow-origin'], url).toBe('*');
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    expectNoNulls(res.body, url);
    return res.json();
  }

  /** Every page of a list, each envelope checked, each item checked against `kind`. */
  async function allPages(pathname: string, kind: keyof typeof validators, perPage = 100) {
    const items: { id: string }[] = [];
    for (let page = 1; ; page++) {
      const url = `${pathname}${pathname.includes('?') ? '&' : '?'}page=${page}&per_page=${perPage}`;
      const body = await getJson(url);
      expectValid('page', body, url);
      expect(body.page_number).toBe(page);
      expect(body.size).toBe(body.contents.length);
      for (const [i, item] of body.contents.entries()) expectValid(kind, item, `${url} contents[${i}]`);
      items.push(...body.contents);
      if (body.last_page) {
        expect(items.length).toBe(body.total_items);
        expect(body.total_pages).toBe(
          Math.max(1, Math.ceil(body.total_items / perPage)) - (body.total_items === 0 ? 1 : 0),
        );
        return items;
      }
    }
  }

  it('answers every profile path with schema-valid pages for the whole demo directory', async () => {
    const meta = await getJson('/oruk/');
    expect(meta.version).toBe('3.0');
    expect(meta.openapi_url).toMatch(/\/api\/openapi\.json$/);

    const [{ n }] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from directory_services`);
    expect(Number(n)).toBeGreaterThan(300);

    const services = await allPages('/oruk/services', 'serviceListItem');
    expect(services.length).toBe(Number(n));
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
    for (const s of services) {
      const full = await getJson(`/oruk/services/${s.id}`);
      expectValid('service', full, `/oruk/services/${s.id}`);
      expect(full.id).toBe(s.id);
    }

    const sals = await allPages('/oruk/service_at_locations', 'salListItem');
    expect(sals.length).toBeGreaterThanOrEqual(Number(n) - 20);
    for (const sal of sals.slice(0, 60)) {
      const full = await getJson(`/oruk/service_at_locations/${sal.id}`);
      expectValid('service', full, `/oruk/service_at_locations/${sal.id}`);
    }

    const taxonomies = await allPages('/oruk/taxonomies', 'taxonomy', 2);
    expect(taxonomies.length).toBeGreaterThanOrEqual(3);
    for (const t of taxonomies) {
      const full = await getJson(`/oruk/taxonomies/${t.id}`);
      expectValid('taxonomy', full, `/oruk/taxonomies/${t.id}`);
      for (const term of full.taxonomy_terms ?? []) expectValid('taxonomyTerm', term, `taxonomy ${t.id} term`);
    }
    const terms = await allPages('/oruk/taxonomy_terms', 'taxonomyTerm', 25);
    for (const term of terms) expectValid('taxonomyTerm', await getJson(`/oruk/taxonomy_terms/${term.id}`), term.id);
  }, 600_000);

  it('filters by text, taxonomy term, postcode and proximity, modified date and day, nearest first', async () => {
    const dementia = await getJson('/oruk/services?search=dementia&per_page=200');
    expect(dementia.total_items).toBeGreaterThan(5);
    for (const s of dementia.contents) expect(JSON.stringify(s).toLowerCase()).toMatch(/dementia|memory/);

    const carersTerm = NEEDS_TAXONOMY.terms.find((t) => t.term === 'carers')!.id;
    const carers = await getJson(`/oruk/services?taxonomy_term_id=${carersTerm}&per_page=200`);
    expect(carers.total_items).toBeGreaterThan(5);
    for (const s of carers.contents) {
      const full = await getJson(`/oruk/services/${s.id}`);
      expect(full.attributes.map((a: { taxonomy_term: { id: string } }) => a.taxonomy_term.id)).toContain(carersTerm);
    }

    const near = await getJson('/oruk/service_at_locations?postcode=EB4%202QT&proximity=1500&per_page=200');
    expect(near.total_items).toBeGreaterThan(0);
    const distances = near.contents.map((c: { steward_distance_metres: number }) => c.steward_distance_metres);
    expect(distances.every((d: number) => d <= 1500)).toBe(true);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const everywhere = await getJson('/oruk/service_at_locations?per_page=1');
    expect(near.total_items).toBeLessThan(everywhere.total_items);

    const all = await getJson('/oruk/services?per_page=1000');
    const modified = all.contents.map((s: { last_modified: string }) => s.last_modified).sort();
    const cut = modified[Math.floor(modified.length / 2)];
    const recent = await getJson(`/oruk/services?modified_after=${encodeURIComponent(cut)}&per_page=1000`);
    expect(recent.total_items).toBe(modified.filter((m: string) => m >= cut).length);

    const saturday = await getJson('/oruk/services?day=SA&per_page=1000');
    expect(saturday.total_items).toBeGreaterThan(0);
    expect(saturday.total_items).toBeLessThan(all.total_items);
  });

  it('refuses bad parameters as problem+json with the field named, and unknown ids as 404', async () => {
    const bad = await app.inject({ method: 'GET', url: '/oruk/services?per_page=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.stringify(bad.json().errors)).toMatch(/per_page/);
    const postcode = await app.inject({ method: 'GET', url: '/oruk/services?postcode=ZZ99%209ZZ' });
    expect(postcode.statusCode).toBe(400);
    expect(postcode.json().errors[0].field).toBe('postcode');
    const missing = await app.inject({ method: 'GET', url: '/oruk/services/8a5f0a52-7b6f-4d59-9a57-1c1e0e9a3b11' });
    expect(missing.statusCode).toBe(404);
    // A malformed id is a record that does not exist (issue 13: never "id: Invalid UUID").
    const notUuid = await app.inject({ method: 'GET', url: '/oruk/taxonomies/not-a-uuid' });
    expect(notUuid.statusCode).toBe(404);
    expect(notUuid.body).not.toMatch(/UUID/);
  });

  it('downloads the directory as HSDS tabular CSV files in a zip, named by the day', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/directory/export.zip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="directory-\d{4}-\d{2}-\d{2}-csv\.zip"$/);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const zip = await JSZip.loadAsync(res.rawPayload);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['organizations.csv', 'services.csv']));
    const services = await zip.file('services.csv')!.async('string');
    expect(services.split('\n').filter((line) => line.trim()).length).toBeGreaterThan(300);
  });

  it('re-imports its own export into an empty instance as the same directory, from a file and from the live API', async () => {
    const exported = await getJson('/api/directory/export.json');
    expect(exported.services.length).toBeGreaterThan(300);

    const fresh = async (): Promise<Database> => {
      const database = await openDatabase({ dataDir: 'memory://' });
      await migrateDatabase(database);
      return database;
    };
    const reExport = async (database: Database) => {
      const other = await createTestApp(database);
      const body = (await other.inject({ method: 'GET', url: '/api/directory/export.json' })).json();
      await other.close();
      return body;
    };

    const fromFile = await fresh();
    try {
      const summary = await runImport(fromFile.db, orukImporter, textSource('export.json', JSON.stringify(exported)), {
        actor: { system: 'test' },
        options: {},
      });
      expect(summary.created).toBe(exported.services.length);
      const again = await reExport(fromFile);
      expect(again.services).toEqual(exported.services);
      expect(again.taxonomies).toEqual(exported.taxonomies);
    } finally {
      await fromFile.close();
    }

    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    const fromUrl = await fresh();
    try {
      const text = await fetchOrukFeed(`http://127.0.0.1:${address.port}/oruk`);
      await runImport(fromUrl.db, orukImporter, textSource('feed', text), { actor: { system: 'test' }, options: {} });
      const again = await reExport(fromUrl);
      expect(again.services).toEqual(exported.services);
      expect(again.taxonomies.map((t: { id: string }) => t.id).sort()).toEqual(
        exported.taxonomies.map((t: { id: string }) => t.id).sort(),
      );
    } finally {
      await fromUrl.close();
    }
  }, 600_000);
});
