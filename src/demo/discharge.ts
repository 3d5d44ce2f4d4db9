// The discharge part of the demo borough: loads postcode district centroids, the D2A and rehabilitation beds and
// the generated thirteen months of hub history (dischargeHistory.ts: how it is calibrated) into the database.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import {
  dischargeAwards,
  dischargeBedStays,
  dischargeBlockBeds,
  dischargeDelays,
  dischargeNotifications,
  dischargePersonDetails,
  dischargeReferrals,
  dischargeRequests,
  postcodeDistricts,
} from '../db/discharge/schema.js';
import { locations, providers } from '../db/market/schema.js';
import type { Rng } from '../domain/core/random.js';
import { DEMO_DISTRICTS, DEMO_IN_BOROUGH_DISTRICTS } from './borough.js';
import type { DemoPart } from './part.js';
import { DAY, DEMO_D2A_BEDS, DEMO_REHAB_BEDS, generateDischargeHistory } from './dischargeHistory.js';

async function insertBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, size = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

function uuidFrom(rng: Rng): () => string {
  return () => {
    const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = ((rng.int(0, 15) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

export const REHAB_UNIT_NAME = 'Eastbrook Community Rehabilitation Unit';

export const dischargeDemoPart: DemoPart = {
  name: 'discharge',
  description: 'postcode district centroids, D2A and rehab beds, and 13 months of hub referrals, offers and discharges',
  async load(db: Db, ctx) {
    const ids = uuidFrom(ctx.rng('ids'));
    await db
      .insert(postcodeDistricts)
      .values(
        DEMO_DISTRICTS.map((d) => ({ district: d.district, lat: d.lat, lng: d.lng, postcodes: 0, source: 'demo' })),
      );

    const homes = await queryRows<{
      id: string;
      provider_id: string;
      service_types: string[];
      specialisms: string[];
      on_framework: boolean;
      registered_beds: number | null;
      name: string;
    }>(
      db,
      sql`select id::text, provider_id::text, service_types, specialisms || service_user_bands as specialisms, on_framework, registered_beds, name
          from locations where in_borough and deregistered_at is null order by name`,
    );
    const careHomes = homes
      .filter((h) => h.service_types.some((t) => t.startsWith('care_home')))
      .map((h) => ({
        locationId: h.id,
        providerId: h.provider_id,
        serviceTypes: h.service_types,
        specialisms: h.specialisms,
        onFramework: h.on_framework,
        beds: h.registered_beds ?? 0,
        name: h.name,
      }));
    const agencies = homes
      .filter((h) => h.service_types.includes('homecare'))
      .map((h) => ({
        locationId: h.id,
        providerId: h.provider_id,
        serviceTypes: h.service_types,
        specialisms: h.specialisms,
      }));
    if (!careHomes.length || !agencies.length)
      throw new Error('The discharge demo needs the market demo (care homes and homecare agencies) loaded first');

    // D2A: 20 block-booked beds in the two largest framework nursing homes (BCF plan 2023-25: "20 commissioned beds in 2 nursing homes").
    const d2aHomes = careHomes
      .filter((h) => h.serviceTypes.includes('care_home_nursing') && h.onFramework)
      .sort((a, b) => b.beds - a.beds || a.name.localeCompare(b.name))
      .slice(0, 2);
    const from = new Date(ctx.asAt.getTime() - 400 * DAY).toISOString().slice(0, 10);
    const d2aBeds = Array.from({ length: DEMO_D2A_BEDS }, (_, i) => ({
      id: ids(),
      locationId: d2aHomes[i % d2aHomes.length].locationId,
      kind: 'd2a',
      label: `D2A bed ${String(Math.floor(i / d2aHomes.length) + 1).padStart(2, '0')}`,
      weeklyPricePence: 95_000,
      fromDate: from,
    }));
    // Community rehab beds: an NHS unit (not a care home), 57 beds plus 4 winter flex beds.
    const [unitProvider] = await db
      .insert(providers)
      .values({ name: 'Eastbrook Community Health NHS Trust (demo)' })
      .returning({ id: providers.id });
    const rehabDistrict = DEMO_IN_BOROUGH_DISTRICTS[1];
    const [unit] = await db
      .insert(locations)
      .values({
        providerId: unitProvider.id,
        name: REHAB_UNIT_NAME,
        address: 'Community Hospital Site, Eastbrook',
        postcode: `${rehabDistrict.district} 4RH`,
        postcodeDistrict: rehabDistrict.district,
        localAuthorityGss: rehabDistrict.gssCode,
        serviceTypes: [],
        specialisms: [],
        serviceUserBands: ['older_people'],
        inBorough: true,
        lat: rehabDistrict.lat,
        lng: rehabDistrict.lng,
      })
      .returning({ id: locations.id });
    const rehabBeds = Array.from({ length: DEMO_REHAB_BEDS.winter }, (_, i) => ({
      id: ids(),
      locationId: unit.id,
      kind: 'rehab',
      label: `Rehab bed ${String(i + 1).padStart(2, '0')}${i >= DEMO_REHAB_BEDS.base ? ' (winter)' : ''}`,
      weeklyPricePence: 182_000,
      fromDate: from,
    }));
    await db.insert(dischargeBlockBeds).values([...d2aBeds, ...rehabBeds]);
    ctx.progress(1, 4);

    const history = generateDischargeHistory(ctx.rng('history'), {
      asAt: ctx.asAt,
      days: 395,
      careHomes,
      agencies,
      d2aBedIds: d2aBeds.map((b) => b.id),
      rehabBedIds: rehabBeds.map((b, i) => ({ id: b.id, winterOnly: i >= DEMO_REHAB_BEDS.base })),
      ids,
    });
    await insertBatches(history.referrals, (b) => db.insert(dischargeReferrals).values(b));
    ctx.progress(2, 4);
    await insertBatches(history.delays, (b) => db.insert(dischargeDelays).values(b));
    await insertBatches(history.requests, (b) => db.insert(dischargeRequests).values(b));
    await insertBatches(history.awards, (b) => db.insert(dischargeAwards).values(b));
    await insertBatches(history.stays, (b) => db.insert(dischargeBedStays).values(b));
    ctx.progress(3, 4);
    // Restricted details only for people still in hospital (the hub's working set); synthetic names.
    const open = history.referrals.filter((r) => !r.dischargedAt && !r.cancelledAt);
    const names = ctx.rng('names');
    const FIRST = [
      'Margaret',
      'John',
      'Patricia',
      'David',
      'Jean',
      'Peter',
      'Doreen',
      'Brian',
      'Sheila',
      'Kenneth',
      'Iris',
      'Ronald',
    ];
    const LAST = ['Example', 'Sample', 'Testwell', 'Placeholder', 'Demo', 'Fictional'];
    if (open.length)
      await db
        .insert(dischargePersonDetails)
        .values(
          open.map((r) => ({ referralId: r.id, name: `${names.pick(FIRST)} ${names.pick(LAST)}`, nhsNumber: null })),
        );
    const live = history.requests.filter((q) => q.status === 'sent' || q.status === 'offered');
    if (live.length)
      await db.insert(dischargeNotifications).values(
        live.map((q) => ({
          providerId: q.providerId,
          requestId: q.id,
          kind: 'request',
          message: 'New request from the Transfer of Care hub',
          createdAt: q.sentAt,
        })),
      );
    ctx.progress(4, 4);
    ctx.log(
      `  ${history.referrals.length} referrals, ${history.requests.length} requests, ${history.stays.length} bed stays; ${open.length} people waiting`,
    );
  },
};
