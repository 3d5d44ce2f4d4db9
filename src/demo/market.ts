// Loads the market part of the demo borough: the pure generator (src/demo/marketGenerator.ts) produces the
// data; this writes it in batches and creates a demo sign-in for every provider with a location in the borough.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { bulkInsert } from '../db/market/bulk-insert.js';
import {
  careHomeCapacity,
  costOfCare,
  homecareCapacity,
  locations,
  placements,
  providers,
  usualRates,
  workforceSnapshots,
} from '../db/market/schema.js';
import type { Rng } from '../domain/core/random.js';
import { generateDemoMarket, type DemoMarket } from './marketGenerator.js';
import { DEMO_BOROUGH, DEMO_DISTRICTS, DEMO_NEIGHBOURS } from './borough.js';
import type { DemoContext, DemoPart } from './part.js';
import { createDemoProviderUser, demoProviderEmail, slugify } from './users.js';

/** A v4-shaped UUID from the seeded stream, so ids are the same on every load with the same seed. */
function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((rng.int(0, 15) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function insertInBatches<T>(
  db: Db,
  rows: T[],
  insert: (batch: T[]) => Promise<unknown>,
  size = 500,
  onBatch?: () => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await insert(rows.slice(i, i + size));
    onBatch?.();
  }
}

export function demoMarketData(ctx: Pick<DemoContext, 'asAt' | 'rng'>): DemoMarket {
  return generateDemoMarket(ctx.rng('generate'), {
    asAt: ctx.asAt.toISOString().slice(0, 10),
    boroughGss: DEMO_BOROUGH.gssCode,
    boroughName: DEMO_BOROUGH.name,
    districts: DEMO_DISTRICTS,
    neighbourNames: Object.fromEntries(DEMO_NEIGHBOURS.map((n) => [n.gssCode, n.name])),
  });
}

/** Email of the demo provider user for a provider name (the featured one: FEATURED_PROVIDER_NAME). */
export function demoProviderSignIn(providerName: string): string {
  return demoProviderEmail(slugify(providerName));
}

export const marketDemoPart: DemoPart = {
  name: 'market',
  description: 'providers, care homes, homecare, three years of capacity returns, usual rates and placements',
  async load(db, ctx) {
    const m = demoMarketData(ctx);
    const ids = ctx.rng('ids');
    const providerId = new Map(m.providers.map((p) => [p.key, uuidFrom(ids)]));
    const locationId = new Map(m.locations.map((l) => [l.key, uuidFrom(ids)]));
    const total = 6;
    let done = 0;
    const step = () => ctx.progress(++done, total);

    await insertInBatches(db, m.providers, (b) =>
      db
        .insert(providers)
        .values(b.map((p) => ({ id: providerId.get(p.key)!, name: p.name, cqcProviderId: p.cqcProviderId }))),
    );
    await insertInBatches(db, m.locations, (b) =>
      db.insert(locations).values(
        b.map((l) => ({
          id: locationId.get(l.key)!,
          providerId: providerId.get(l.providerKey)!,
          cqcLocationId: l.cqcLocationId,
          name: l.name,
          address: l.address,
          postcode: l.postcode,
          postcodeDistrict: l.postcodeDistrict,
          localAuthorityGss: l.localAuthorityGss,
          localAuthorityName: l.localAuthorityName,
          region: l.region,
          serviceTypes: l.serviceTypes,
          specialisms: l.specialisms,
          serviceUserBands: l.serviceUserBands,
          registeredBeds: l.registeredBeds,
          cqcRating: l.cqcRating,
          cqcRatingDate: l.cqcRatingDate,
          cqcLastCheck: l.cqcRatingDate,
          inBorough: l.inBorough,
          onFramework: l.onFramework,
          onDps: l.onDps,
          councilQualityRating: l.councilQualityRating,
          councilQualityRatingDate: l.councilQualityRatingDate,
          selfFunderWeeklyFeePence: l.selfFunderWeeklyFeePence,
          registeredAt: l.registeredAt,
          lat: l.lat,
          lng: l.lng,
          locationUrl: `https://www.cqc.org.uk/location/${l.cqcLocationId}`,
        })),
      ),
    );
    step();
    await db.insert(usualRates).values(m.usualRates);
    await db.insert(costOfCare).values(m.costOfCare);
    step();
    await bulkInsert(
      db,
      careHomeCapacity,
      m.careHomeCapacity.map(({ locationKey, ...c }) => ({
        ...c,
        locationId: locationId.get(locationKey)!,
        asAt: new Date(c.asAt),
        source: 'demo',
      })),
    );
    await bulkInsert(
      db,
      homecareCapacity,
      m.homecareCapacity.map((c) => ({
        locationId: locationId.get(c.locationKey)!,
        asAt: new Date(c.asAt),
        area: c.area,
        peopleSupported: c.peopleSupported,
        hoursPerWeek: String(c.hoursPerWeek),
        newHoursAvailable: String(c.newHoursAvailable),
        source: 'demo',
      })),
    );
    await bulkInsert(
      db,
      workforceSnapshots,
      m.workforce.map(({ locationKey, ...w }) => ({
        ...w,
        locationId: locationId.get(locationKey)!,
        asAt: new Date(w.asAt),
        source: 'demo',
      })),
    );
    step();
    await bulkInsert(
      db,
      placements,
      m.placements.map((p) => ({
        personRef: p.personRef,
        locationId: locationId.get(p.locationKey)!,
        serviceType: p.serviceType,
        band: p.band,
        startDate: p.startDate,
        endDate: p.endDate,
        weeklyPricePence: p.weeklyPricePence,
        hoursPerWeek: p.hoursPerWeek == null ? null : String(p.hoursPerWeek),
        hourlyRatePence: p.hourlyRatePence,
        topUpWeeklyPence: p.topUpWeeklyPence,
        funding: p.funding,
        contractType: p.contractType,
        purpose: p.purpose,
        origin: 'demo',
        endReason: p.endReason,
      })),
    );
    // Fresh statistics so the planner picks sensible joins for the dashboard straight away.
    await db.execute(
      sql`analyze providers, locations, care_home_capacity, homecare_capacity, workforce_snapshots, placements, usual_rates, cost_of_care`,
    );
    step();
    // A sign-in for every provider with a location in the borough (providers see only their own records).
    const inBorough = new Set(m.locations.filter((l) => l.inBorough).map((l) => l.providerKey));
    for (const p of m.providers) {
      if (inBorough.has(p.key)) await createDemoProviderUser(db, providerId.get(p.key)!, p.name);
    }
    step();
    const featured = m.providers.find((p) => p.key === m.featuredProviderKey)!;
    ctx.log(
      `  ${m.locations.length} locations, ${m.placements.length} placements; provider sign-in e.g. ${demoProviderSignIn(featured.name)}`,
    );
    step();
  },
};
