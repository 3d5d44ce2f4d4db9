import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { recordCareHomeReturn } from '../../db/market/capacity.js';
import { capacitySummary, livePriceSummary } from '../../db/market/dashboard.js';
import { createLocation, createProvider } from '../../db/market/register.js';
import { createTestApp, signInAs, type TestClient } from '../testing.js';
import { capacityImporter } from '../../importers/capacity.js';
import { ImportRejected, runImport, textSource } from '../../importers/framework.js';

const fixture = (name: string) =>
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../importers/fixtures/cqc', name), 'utf8');
const sys = { system: 'test' } as const;

describeWithDatabases('market routes', (ctx) => {
  let app: FastifyInstance;
  let provA = '';
  let provB = '';
  let homeA = '';
  let homeB = '';
  let providerA: TestClient;
  let commissioner: TestClient;
  let viewer: TestClient;
  let broker: TestClient;

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    const a = await createProvider(ctx.db, { name: 'Alpha Care Ltd' }, sys);
    const b = await createProvider(ctx.db, { name: 'Beta Homes Ltd' }, sys);
    provA = a.id;
    provB = b.id;
    homeA = (
      await createLocation(
        ctx.db,
        {
          providerId: a.id,
          name: 'Alpha House',
          cqcLocationId: '1-700000001',
          postcodeDistrict: 'EB1',
          serviceTypes: ['care_home_residential'],
          registeredBeds: 30,
          inBorough: true,
        },
        sys,
      )
    ).id;
    homeB = (
      await createLocation(
        ctx.db,
        {
          providerId: b.id,
          name: 'Beta Lodge',
          cqcLocationId: '1-700000002',
          postcodeDistrict: 'EB2',
          serviceTypes: ['care_home_nursing'],
          registeredBeds: 50,
          inBorough: true,
        },
        sys,
      )
    ).id;
    await recordCareHomeReturn(ctx.db, sys, homeB, {
      maxCapacity: 50,
      occupied: 45,
      vacantReserved: 0,
      vacantAccepting: 5,
    });
    providerA = await signInAs(app, 'provider', { providerId: provA });
    commissioner = await signInAs(app, 'commissioner');
    viewer = await signInAs(app, 'viewer');
    broker = await signInAs(app, 'broker');
  });
  afterAll(async () => app.close());

  it('lets a provider update its own vacancies, and the commissioner sees them', async () => {
    const res = await providerA.post(`/api/market/locations/${homeA}/capacity`, {
      maxCapacity: 30,
      occupied: 26,
      vacantReserved: 1,
      vacantAccepting: 3,
    });
    expect(res.statusCode).toBe(201);
    const summary = (await commissioner.get('/api/market/summary')).json();
    expect(summary).toMatchObject({ careHomes: 2, maxCapacity: 80, occupied: 71, vacantAccepting: 8, staleHomes: 0 });
    const vac = (await commissioner.get('/api/market/vacancies')).json() as {
      name: string;
      vacantAccepting: number;
      freshness: string;
    }[];
    expect(vac.map((v) => [v.name, v.vacantAccepting, v.freshness])).toEqual([
      ['Beta Lodge', 5, 'current'],
      ['Alpha House', 3, 'current'],
    ]);
  });

  it('pages the care homes, counts them by fragility level and refuses a bad page size naming it', async () => {
    const all = (await commissioner.get('/api/market/care-homes')).json();
    expect(all).toMatchObject({ total: 2, page: 1, pageSize: 500 });
    expect(all.rows.map((r: { name: string }) => r.name)).toEqual(['Alpha House', 'Beta Lodge']);
    expect(all.levels.high + all.levels.watch + all.levels.none).toBe(2);
    expect(all.watch.every((r: { fragilityLevel: string }) => r.fragilityLevel !== 'none')).toBe(true);
    const second = (await commissioner.get('/api/market/care-homes?pageSize=1&page=2')).json();
    expect(second.rows.map((r: { name: string }) => r.name)).toEqual(['Beta Lodge']);
    expect(second.total).toBe(2);
    const bad = await commissioner.get('/api/market/care-homes?pageSize=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'pageSize', in: 'querystring' })]);
  });

  it('stops a provider reading or changing another provider’s data', async () => {
    expect(
      (
        await providerA.post(`/api/market/locations/${homeB}/capacity`, {
          maxCapacity: 50,
          occupied: 0,
          vacantReserved: 0,
          vacantAccepting: 50,
        })
      ).statusCode,
    ).toBe(403);
    expect((await providerA.post(`/api/market/locations/${homeB}/no-change`, {})).statusCode).toBe(403);
    expect((await providerA.get(`/api/market/locations/${homeB}`)).statusCode).toBe(403);
    expect((await providerA.get(`/api/market/providers/${provB}`)).statusCode).toBe(403);
    expect(
      (
        await providerA.send(
          'POST',
          `/api/market/providers/${provB}/capacity-csv`,
          'location_id,max_capacity,occupied,vacant_reserved,vacant_accepting\n',
          'text/csv',
        )
      ).statusCode,
    ).toBe(403);
    expect((await providerA.get('/api/market/summary')).statusCode).toBe(403);
    expect((await providerA.get('/api/market/care-homes')).statusCode).toBe(403);
    const own = await providerA.get(`/api/market/providers/${provA}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().locations.map((l: { name: string }) => l.name)).toEqual(['Alpha House']);
    const beta = (await commissioner.get('/api/market/summary')).json();
    expect(beta.vacantAccepting).toBe(8); // unchanged by the refused writes
  });

  it('lets viewers read but not write, and brokers place but providers not', async () => {
    expect((await viewer.get('/api/market/summary')).statusCode).toBe(200);
    expect(
      (
        await viewer.post(`/api/market/locations/${homeA}/capacity`, {
          maxCapacity: 30,
          occupied: 26,
          vacantReserved: 1,
          vacantAccepting: 3,
        })
      ).statusCode,
    ).toBe(403);
    const body = {
      personRef: 'P0012345',
      locationId: homeB,
      serviceType: 'care_home_nursing',
      band: 'standard_nursing',
      startDate: new Date().toISOString().slice(0, 10),
      weeklyPricePence: 71_500,
      contractType: 'framework',
    };
    expect((await providerA.post('/api/market/placements', body)).statusCode).toBe(403);
    const placed = await broker.post('/api/market/placements', body);
    expect(placed.statusCode).toBe(201);
    const after = (await commissioner.get(`/api/market/locations/${homeB}`)).json();
    expect(after.careHome).toMatchObject({ occupied: 46, vacantAccepting: 4, freshness: 'current' });
    expect(after.placements.list.map((p: { personRef: string }) => p.personRef)).toEqual(['P0012345']);
  });

  it('lets only admins and commissioners set usual rates and cost of care; every signed-in user reads them', async () => {
    const rate = {
      band: 'standard_residential',
      effectiveFrom: '2026-04-06',
      amountPence: 71_250,
      note: 'Cabinet decision',
    };
    const cost = {
      service: 'residential',
      effectiveFrom: '2026-04-06',
      amountPence: 98_300,
      source: 'Cost of care exercise',
    };
    for (const client of [viewer, broker, providerA]) {
      expect((await client.put('/api/market/rates', rate)).statusCode).toBe(403);
      expect((await client.put('/api/market/cost-of-care', cost)).statusCode).toBe(403);
    }
    expect((await viewer.get('/api/market/rates')).json()).toEqual({ usualRates: [], costOfCare: [] }); // the refused writes changed nothing
    // Implausible values are refused, every field at once, in the user's words (issue 13: a rate effective in 1999).
    const silly = await commissioner.put('/api/market/rates', {
      ...rate,
      effectiveFrom: '1999-04-01',
      amountPence: 2_600_000, // £26,000 a week: a whole number the column holds, above the bound
    });
    expect(silly.statusCode).toBe(400);
    expect(silly.json().errors.map((e: { field: string; message: string }) => [e.field, e.message])).toEqual([
      ['effectiveFrom', 'Effective from date must be on or after 1 April 2015'],
      ['amountPence', 'Amount must be £25,000 or less'],
    ]);
    const set = await commissioner.put('/api/market/rates', rate);
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      band: 'standard_residential',
      effectiveFrom: '2026-04-06',
      amountPence: 71_250,
      unit: 'week',
      note: 'Cabinet decision',
    });
    expect(
      (await commissioner.put('/api/market/cost-of-care', { ...cost, service: 'homecare', amountPence: 2_426 })).json(),
    ).toMatchObject({ service: 'homecare', unit: 'hour', amountPence: 2_426 });
    const bad = await commissioner.put('/api/market/rates', { ...rate, amountPence: 712.5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['amountPence']);
    const read = (await viewer.get('/api/market/rates')).json();
    expect(read.usualRates.map((r: { band: string; amountPence: number }) => [r.band, r.amountPence])).toEqual([
      ['standard_residential', 71_250],
    ]);
    expect(read.costOfCare.map((c: { service: string; source: string }) => [c.service, c.source])).toEqual([
      ['homecare', 'Cost of care exercise'],
    ]);
  });

  it('answers bad figures with problem+json naming the field', async () => {
    const zod = await providerA.post(`/api/market/locations/${homeA}/capacity`, {
      maxCapacity: 30,
      occupied: -2,
      vacantReserved: 0,
      vacantAccepting: 3,
    });
    expect(zod.statusCode).toBe(400);
    expect(zod.headers['content-type']).toContain('application/problem+json');
    expect(zod.json().errors.map((e: { field: string }) => e.field)).toContain('occupied');
    const rule = await providerA.post(`/api/market/locations/${homeA}/capacity`, {
      maxCapacity: 31,
      occupied: 20,
      vacantReserved: 0,
      vacantAccepting: 3,
    });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().errors).toEqual([
      { field: 'maxCapacity', message: 'Maximum capacity cannot exceed the 30 beds registered with CQC', in: 'body' },
    ]);
  });

  it('takes a "no change" confirmation and a bulk CSV, refusing a bad file whole', async () => {
    expect((await providerA.post(`/api/market/locations/${homeA}/no-change`, {})).statusCode).toBe(201);
    const ok = await providerA.send(
      'POST',
      `/api/market/providers/${provA}/capacity-csv`,
      `location_id,max_capacity,occupied,vacant_reserved,vacant_accepting\r\n${homeA},30,28,0,2\r\n`,
      'text/csv',
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ saved: 1 });
    const bad = await providerA.send(
      'POST',
      `/api/market/providers/${provA}/capacity-csv`,
      `cqc_location_id,max_capacity,occupied,vacant_reserved,vacant_accepting\n1-700000001,30,10,0,1\n1-700000002,50,1,0,1\n`,
      'text/csv',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { field: 'line 3: cqc_location_id', message: '1-700000002 is not one of your care homes', in: 'body' },
    ]);
    // Every raw text upload refuses a file that is not text by what it is (issue 13: a PNG named fake.csv), as do
    // the CQC import and any text/plain body.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    const image = 'This file is an image, not a CSV or text file: choose the spreadsheet itself and upload it again';
    for (const [who, url, type] of [
      [providerA, `/api/market/providers/${provA}/capacity-csv`, 'text/csv'],
      [providerA, `/api/market/providers/${provA}/capacity-csv`, 'text/plain'],
      [commissioner, '/api/market/import/cqc?fileName=fake.csv', 'text/csv'],
    ] as const) {
      const res = await who.send('POST', url, png.toString('utf8'), type);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'file', message: image, in: 'body' }]);
    }
    const pdf = await providerA.send(
      'POST',
      `/api/market/providers/${provA}/capacity-csv`,
      '%PDF-1.7\n\u0000\u0000binary',
      'text/csv',
    );
    expect(pdf.json().errors[0].message).toMatch(/^This file is a PDF document, not a CSV or text file/);
    const pic = (await providerA.get(`/api/market/locations/${homeA}`)).json();
    expect(pic.careHome).toMatchObject({ occupied: 28, vacantAccepting: 2 }); // the bad file changed nothing
    expect(pic.history.careHome.length).toBe(3);
    expect(pic.placements.list).toEqual([]); // providers get counts, not the list
  });

  it('imports the CQC directory idempotently and refuses a broken file with line and column', async () => {
    expect(
      (await providerA.send('POST', '/api/market/import/cqc', fixture('cqc-directory-2025.csv'), 'text/csv'))
        .statusCode,
    ).toBe(403);
    const first = await commissioner.send(
      'POST',
      '/api/market/import/cqc?fileName=cqc-directory-2025.csv',
      fixture('cqc-directory-2025.csv'),
      'text/csv',
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rowsRead: 6, created: 6, updated: 0, unchanged: 0, removed: 0 });
    const again = (
      await commissioner.send('POST', '/api/market/import/cqc', fixture('cqc-directory-2025.csv'), 'text/csv')
    ).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6, removed: 0 });
    const old = (
      await commissioner.send('POST', '/api/market/import/cqc', fixture('cqc-directory-2019.csv'), 'text/csv')
    ).json();
    // 2019 file: Rainham Lodge is new; Abbey Lodge and Cedar Court changed; Havering locations missing from it are deregistered.
    expect(old).toMatchObject({ created: 1, updated: 2, removed: 3 });
    // Each location named "Name (CQC location ID)", the deregistered ones by their name in the register.
    const gone = (old.messages as string[]).filter((m) => m.startsWith('deregistered '));
    expect(gone).toHaveLength(3);
    for (const m of gone) expect(m).toMatch(/^deregistered \S.* \(1-\d+\)$/);
    expect(old.messages).toContainEqual(expect.stringMatching(/^changed Abbey Lodge.* \(1-\d+\): /));
    // Changed fields by the words a user knows ("local authority"), never the code's names ("localAuthorityName").
    const changed = (old.messages as string[]).filter((m) => m.startsWith('changed '));
    for (const m of changed) expect(m.split('): ')[1]).not.toMatch(/[a-z][A-Z]/);
    const broken = await commissioner.send(
      'POST',
      '/api/market/import/cqc',
      fixture('cqc-directory-broken.csv'),
      'text/csv',
    );
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors[0]).toEqual({
      field: 'line 7: Date of latest check',
      message: '"31/Feb/2024 - 00:00" is not a real date',
      in: 'body',
    });
    const locs = (await commissioner.get('/api/market/locations?scope=all&search=Cedar')).json();
    expect(locs.map((l: { name: string; cqcLastCheck: string }) => [l.name, l.cqcLastCheck])).toEqual([
      ['Cedar Court Nursing Home', '2018-11-05'],
    ]);
  });

  it('bulk-imports capacity returns from the CLI format, refusing unknown homes whole', async () => {
    const header = 'cqc_location_id,max_capacity,occupied,vacant_reserved,vacant_accepting\n';
    const ok = await runImport(
      ctx.db,
      capacityImporter,
      textSource('capacity.csv', `${header}1-700000001,30,24,1,5\n1-700000002,50,44,0,6\n`),
      { actor: null, options: {} },
    );
    expect(ok).toMatchObject({ rowsRead: 2, created: 2 });
    const bad = runImport(
      ctx.db,
      capacityImporter,
      textSource('capacity.csv', `${header}1-700000001,30,10,0,1\n1-799999999,10,5,0,1\n1-700000002,60,44,0,6\n`),
      { actor: null, options: {} },
    );
    await expect(bad).rejects.toBeInstanceOf(ImportRejected);
    await expect(bad).rejects.toMatchObject({
      issues: [
        { line: 3, field: 'cqc_location_id', message: 'no location 1-799999999' },
        { line: 4, field: 'max_capacity', message: 'Maximum capacity cannot exceed the 50 beds registered with CQC' },
      ],
    });
    const a = (await commissioner.get(`/api/market/locations/${homeA}`)).json();
    expect(a.careHome).toMatchObject({ occupied: 24, vacantAccepting: 5, source: 'bulk_csv' });
  });

  it('puts the market on the home dashboard for staff', async () => {
    const dash = (await commissioner.get('/api/dashboard')).json();
    const market = dash.sections.find((s: { area: string }) => s.area === 'market');
    expect(market.figures.find((f: { key: string }) => f.key === 'vacancies').value).toBeGreaterThanOrEqual(6);
    const forProvider = (await providerA.get('/api/dashboard')).json();
    expect(forProvider.sections.find((s: { area: string }) => s.area === 'market')).toBeUndefined();
  });

  it('serves the cached market figures, and the new figure at once after each write through the API', async () => {
    const summary = async () => (await commissioner.get('/api/market/summary')).json();
    const prices = async () => (await commissioner.get('/api/market/prices')).json();
    const before = await summary();
    expect(await summary()).toMatchObject({ occupied: before.occupied, staleHomes: before.staleHomes }); // cached
    const pricesBefore = await prices();
    await prices();
    const returned = await providerA.post(`/api/market/locations/${homeA}/capacity`, {
      maxCapacity: 30,
      occupied: 20,
      vacantReserved: 1,
      vacantAccepting: 9,
    });
    expect(returned.statusCode).toBe(201);
    const after = await summary();
    const [fresh] = await queryRows<{ occupied: number }>(
      ctx.db,
      sql`select sum(l.occupied)::int as occupied from care_home_latest l join locations on locations.id = l.location_id
      where locations.in_borough and locations.service_types && array['care_home_residential','care_home_nursing']::text[]`,
    );
    expect(after.occupied).toBe(Number(fresh!.occupied)); // recomputed from the returns, not the cached figure
    expect(after.occupied).not.toBe(before.occupied);
    const placed = await broker.post('/api/market/placements', {
      personRef: 'P0099991',
      locationId: homeA,
      serviceType: 'care_home_residential',
      band: 'standard_residential',
      startDate: new Date().toISOString().slice(0, 10),
      weeklyPricePence: 90_000,
      contractType: 'spot',
    });
    expect(placed.statusCode).toBe(201);
    const pricesAfter = await prices();
    expect(pricesAfter.last12Months.n).toBe(pricesBefore.last12Months.n + 1);
    expect(pricesAfter).toEqual({ ...(await livePriceSummary(ctx.db, { inBorough: true })), asAt: pricesAfter.asAt });
  });

  it('counts stale homes afresh at each moment from the cached return times, as SQL does', async () => {
    const f = { inBorough: true };
    const staleInSql = async (now: Date) => {
      const cutoff = new Date(now.getTime() - 16 * 86_400_000).toISOString();
      const [row] = await queryRows<{ n: number }>(
        ctx.db,
        sql`select count(*)::int as n from locations left join care_home_latest l on l.location_id = locations.id
        where locations.in_borough and (l.as_at is null or l.as_at <= ${cutoff}::timestamptz)
        and locations.service_types && array['care_home_residential','care_home_nursing']::text[]`,
      );
      return Number(row!.n);
    };
    const [latest] = await queryRows<{ ms: string }>(
      ctx.db,
      sql`select floor(extract(epoch from as_at) * 1000)::bigint::text as ms from care_home_latest where location_id = ${homeA}`,
    );
    const atBoundary = new Date(Number(latest!.ms) + 16 * 86_400_000); // homeA's return exactly 16 days old (to the ms)
    const moments = [
      new Date(),
      atBoundary,
      new Date(atBoundary.getTime() + 1),
      new Date(Date.now() + 40 * 86_400_000),
    ];
    const counts = [];
    for (const now of moments) {
      const stale = (await capacitySummary(ctx.db, f, now)).staleHomes; // one version: the cached return times
      expect(stale).toBe(await staleInSql(now));
      counts.push(stale);
    }
    expect(counts[3]).toBeGreaterThan(counts[0]!); // the count does move with the clock
  });
});
