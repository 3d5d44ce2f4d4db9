// Races a council's hub produces every morning, fired for real against PostgreSQL (and, serialised, PGlite):
// two brokers awarding the same referral, independent awards at different homes, placements on one day,
// capacity returns at once. Every request answers 2xx or 409 (never 500), exactly one award wins where one
// is expected, and the market aggregates equal a full recomputation afterwards.
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows, type Db } from '../db/client.js';
import { respondToRequest, sendRequests } from '../db/discharge/brokerage.js';
import { createReferral } from '../db/discharge/referrals.js';
import { dischargeRequests, postcodeDistricts } from '../db/discharge/schema.js';
import { createLocation, createProvider } from '../db/market/register.js';
import { careHomeCapacity, usualRates } from '../db/market/schema.js';
import { describeWithDatabases } from '../db/testing.js';
import { referralInputSchema } from '../domain/discharge/referral.js';
import { createTestApp, signInAs, type TestClient } from './testing.js';

const SYSTEM = { system: 'test' } as const;
const AGGREGATES = [
  'market_placement_flows',
  'market_price_days',
  'market_price_quarters',
  'location_open_placements',
  'care_home_latest',
  'care_home_monthly',
] as const;

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Every aggregate table, as sorted JSON lines, so two states compare exactly. */
async function aggregateState(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of AGGREGATES) {
    const rows = await queryRows<Record<string, unknown>>(db, sql.raw(`select * from ${table}`));
    out[table] = rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return out;
}

async function rebuiltState(db: Db): Promise<Record<string, string[]>> {
  for (const table of AGGREGATES) await db.execute(sql.raw(`delete from ${table}`));
  await db.execute(sql`select market_rebuild_aggregates()`);
  return aggregateState(db);
}

describeWithDatabases('concurrent writers', (ctx) => {
  let app: FastifyInstance;
  let brokers: TestClient[];
  let commissioner: TestClient;
  const homes: { providerId: string; locationId: string }[] = [];
  let seq = 0;
  const tally = { requests: 0, fivehundreds: 0 };

  const fire = async (calls: (() => Promise<LightMyRequestResponse>)[]) => {
    const results = await Promise.all(calls.map((c) => c()));
    tally.requests += results.length;
    tally.fivehundreds += results.filter((r) => r.statusCode >= 500).length;
    for (const r of results) {
      expect([200, 201, 204, 409], r.body).toContain(r.statusCode);
      if (r.statusCode === 409) expect(r.headers['content-type']).toMatch(/problem\+json/);
    }
    return results;
  };

  /** A referral for a nursing bed with one offer from each of the given homes; returns the offers' ids. */
  const referralWithOffers = async (homeIdx: number[]): Promise<string[]> => {
    seq += 1;
    const input = referralInputSchema.parse({
      personRef: `RACE-${String(seq).padStart(4, '0')}`,
      ageBand: '85-94',
      postcodeDistrict: 'RM7',
      hospital: 'Queen’s Hospital',
      ward: 'Sunflower',
      medicallyOptimisedAt: new Date(Date.now() - 5 * 3_600_000).toISOString(),
      pathway: 3,
      serviceNeed: 'care_home_nursing',
      fundingRoute: 'council',
    });
    const referral = await createReferral(ctx.db, input, SYSTEM);
    await sendRequests(
      ctx.db,
      referral.id,
      { mode: 'chosen', locationIds: homeIdx.map((i) => homes[i].locationId) },
      SYSTEM,
    );
    const requests = await ctx.db.select().from(dischargeRequests).where(eq(dischargeRequests.referralId, referral.id));
    const ids: string[] = [];
    for (const i of homeIdx) {
      const q = requests.find((r) => r.locationId === homes[i].locationId)!;
      await respondToRequest(
        ctx.db,
        q.id,
        homes[i].providerId,
        { response: 'offer', pricePence: 80_000 + i * 100, earliestStart: day(1), canAssessBy: day(0), note: '' },
        SYSTEM,
      );
      ids.push(q.id);
    }
    return ids;
  };

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    await ctx.db
      .insert(postcodeDistricts)
      .values([{ district: 'RM7', lat: 51.58, lng: 0.18, postcodes: 1200, source: 'test' }]);
    await ctx.db
      .insert(usualRates)
      .values([{ band: 'standard_nursing', effectiveFrom: '2024-04-01', amountPence: 71_500 }]);
    for (let i = 0; i < 20; i++) {
      const p = await createProvider(ctx.db, { name: `Race Care ${i} Ltd` }, SYSTEM);
      const l = await createLocation(
        ctx.db,
        {
          providerId: p.id,
          name: `Race House ${i}`,
          postcode: `RM7 ${i}AB`,
          postcodeDistrict: 'RM7',
          serviceTypes: ['care_home_nursing'],
          specialisms: [],
          serviceUserBands: ['older_people'],
          cqcRating: 'Good',
          onFramework: true,
          registeredBeds: 60,
          inBorough: true,
        },
        SYSTEM,
      );
      homes.push({ providerId: p.id, locationId: l.id });
    }
    await ctx.db.insert(careHomeCapacity).values(
      homes.map((h) => ({
        locationId: h.locationId,
        asAt: new Date(Date.now() - 86_400_000),
        maxCapacity: 60,
        occupied: 30,
        vacantReserved: 0,
        vacantAccepting: 30,
        nursingMax: 60,
        nursingOccupied: 30,
        nursingVacantAccepting: 30,
        source: 'provider',
      })),
    );
    brokers = [await signInAs(app, 'broker'), await signInAs(app, 'broker')];
    commissioner = await signInAs(app, 'commissioner');
  });
  afterAll(async () => {
    await app.close();
    console.info(`[${ctx.kind}] races: ${tally.requests} requests, ${tally.fivehundreds} answered 5xx`);
  });

  it('two brokers awarding the same referral: one wins, the other is told 409 (10 trials)', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const [a, b] = await referralWithOffers([trial % 10, (trial + 1) % 10]);
      // Different offers of one referral, and the same offer twice.
      const results = await fire([
        () => brokers[0].post(`/api/discharge/offers/${a}/award`),
        () => brokers[1].post(`/api/discharge/offers/${b}/award`),
        () => brokers[1].post(`/api/discharge/offers/${a}/award`),
      ]);
      expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(2);
    }
  });

  it('ten awards to ten different homes sent together all succeed', async () => {
    const offers: string[] = [];
    for (let i = 10; i < 20; i++) offers.push(...(await referralWithOffers([i])));
    const results = await fire(offers.map((o, i) => () => brokers[i % 2].post(`/api/discharge/offers/${o}/award`)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const awards = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from discharge_awards`);
    expect(awards[0].n).toBe(20);
  });

  it('twenty placements at twenty homes on one day all succeed', async () => {
    const startDate = day(-3);
    const results = await fire(
      homes.map(
        (h, i) => () =>
          commissioner.post('/api/market/placements', {
            personRef: `PL-RACE-${i}`,
            locationId: h.locationId,
            serviceType: 'care_home_nursing',
            band: 'standard_nursing',
            startDate,
            weeklyPricePence: 70_000 + i * 250,
            funding: i % 3 === 0 ? 'joint' : 'council',
          }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const flows = await queryRows<{ starts: number }>(
      ctx.db,
      sql`select sum(starts)::int as starts from market_placement_flows where day = ${startDate}`,
    );
    expect(flows[0].starts).toBe(20);
  });

  it('capacity returns for the same homes at once all succeed and the latest is kept', async () => {
    const results = await fire(
      homes.flatMap((h, i) =>
        [0, 1].map(
          (k) => () =>
            commissioner.post(`/api/market/locations/${h.locationId}/capacity`, {
              maxCapacity: 60,
              occupied: 40 + k,
              vacantReserved: 0,
              vacantAccepting: 20 - k - (i % 5),
            }),
        ),
      ),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
  });

  it('leaves every market aggregate equal to a full recomputation', async () => {
    const live = await aggregateState(ctx.db);
    expect(live.market_placement_flows.length).toBeGreaterThan(0);
    expect(live.location_open_placements.length).toBe(20);
    const rebuilt = await rebuiltState(ctx.db);
    expect(live).toEqual(rebuilt);
  });
});
