// Load the market snapshot the matcher needs: locations that provide the service and hold the specialisms,
// with their latest capacity return, block beds, the usual rate and recent prices. The ranking itself is the
// pure matchCandidates in src/domain/discharge/matching.ts.
import { usualRateOn } from '../market/rates.js';
import { londonDate } from '../../domain/core/dates.js';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import type { LatLng } from '../../domain/discharge/geo.js';
import { textArray } from './sql.js';
import {
  matchCandidates,
  usualRateBand,
  type CandidateLocation,
  type MatchRequest,
  type MatchResult,
} from '../../domain/discharge/matching.js';
import type { ServiceNeed } from '../../domain/discharge/referral.js';

/** Market service types that can meet each need (the matcher applies the exact rule). */
function serviceTypesFor(need: ServiceNeed): string[] {
  switch (need) {
    case 'care_home_residential':
      return ['care_home_residential'];
    case 'care_home_nursing':
      return ['care_home_nursing'];
    case 'care_home_dementia':
      return ['care_home_residential', 'care_home_nursing'];
    case 'd2a_bed':
    case 'rehab_bed':
      return ['*']; // any location holding block beds of the kind (a community rehab unit is not a care home)
    case 'homecare':
    case 'reablement':
      return ['homecare'];
    case 'none':
      return [];
  }
}

/** Postcode district centroids (ONSPD), for all districts or those given: district → latitude and longitude. */
export async function loadCentroids(db: Db, districts?: string[]): Promise<Map<string, LatLng>> {
  const rows = await queryRows<{ district: string; lat: number; lng: number }>(
    db,
    districts
      ? sql`select district, lat, lng from postcode_districts where district = any(${textArray(districts)})`
      : sql`select district, lat, lng from postcode_districts`,
  );
  return new Map(rows.map((r) => [r.district, { lat: Number(r.lat), lng: Number(r.lng) }]));
}

/** The usual rate (pence) in force on a date for a band, or null (the market's one definition: db/market/rates). */
async function usualRatePenceOn(db: Db, band: string, date: string): Promise<number | null> {
  return (await usualRateOn(db, band, date))?.amountPence ?? null;
}

export interface CandidateSearch extends MatchRequest {
  /** Only look this far from the person's district centroid (km); named locations are always included. */
  radiusKm?: number;
  limit?: number;
}

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

/** Locations that could meet the need, read straight from the market tables. */
export async function loadCandidateLocations(
  db: Db,
  search: CandidateSearch,
  now: Date,
  origin: LatLng | null,
): Promise<CandidateLocation[]> {
  const types = serviceTypesFor(search.serviceNeed);
  if (!types.length) return [];
  const named = [...(search.preferredLocationIds ?? [])];
  const radius = search.radiusKm ?? 40;
  // Narrow by district first: the districts whose centroid lies in a box a little larger than the radius
  // (1° latitude ≈ 111 km), so the location lookup can use the postcode-district index instead of scanning
  // the national register. Named locations are fetched whatever their distance.
  let scope = sql``;
  if (origin) {
    const reach = radius + 8;
    const dLat = reach / 111;
    const dLng = reach / (111 * Math.cos((origin.lat * Math.PI) / 180));
    // = any(array(subquery)) runs once as an init plan, so the index on locations.postcode_district is used.
    const near = sql`array(select district from postcode_districts where lat between ${origin.lat - dLat} and ${origin.lat + dLat} and lng between ${origin.lng - dLng} and ${origin.lng + dLng})`;
    scope = named.length
      ? sql`and (l.postcode_district = any(${near}) or l.id = any(${textArray(named)}::uuid[]))`
      : sql`and l.postcode_district = any(${near})`;
  }
  const blockKind = search.serviceNeed === 'd2a_bed' ? 'd2a' : search.serviceNeed === 'rehab_bed' ? 'rehab' : null;
  const today = londonDate(now);
  const needsBeds = search.serviceNeed !== 'homecare' && search.serviceNeed !== 'reablement';
  const blockFilter = blockKind
    ? sql`and exists (select 1 from discharge_block_beds b where b.location_id = l.id and b.kind = ${blockKind})`
    : sql``;

  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select l.id, l.provider_id, l.name, p.name as provider_name, l.service_types, l.specialisms, l.service_user_bands,
          l.postcode_district, l.lat, l.lng, l.cqc_rating, l.on_framework, l.on_dps,
          ${
            needsBeds && !blockKind
              ? sql`c.as_at as cap_as_at, c.vacant_accepting, c.residential_vacant_accepting, c.nursing_vacant_accepting, c.dementia_vacant_accepting,`
              : sql`null as cap_as_at, null as vacant_accepting, null as residential_vacant_accepting, null as nursing_vacant_accepting, null as dementia_vacant_accepting,`
          }
          ${!needsBeds ? sql`h.as_at as hc_as_at, h.new_hours_available,` : sql`null as hc_as_at, null as new_hours_available,`}
          ${
            blockKind
              ? sql`(select count(*)::int from discharge_block_beds b where b.location_id = l.id and b.kind = ${blockKind}
                     and b.from_date <= ${today} and (b.to_date is null or b.to_date > ${today})) as block_total,
                  (select count(*)::int from discharge_block_beds b where b.location_id = l.id and b.kind = ${blockKind}
                     and b.from_date <= ${today} and (b.to_date is null or b.to_date > ${today})
                     and not exists (select 1 from discharge_bed_stays s where s.bed_id = b.id and s.left_at is null)) as block_free`
              : sql`null as block_total, null as block_free`
          }
        from locations l
        join providers p on p.id = l.provider_id
        ${
          needsBeds && !blockKind
            ? sql`left join lateral (select * from care_home_capacity c where c.location_id = l.id order by c.as_at desc limit 1) c on true`
            : sql``
        }
        ${
          !needsBeds
            ? sql`left join lateral (select * from homecare_capacity h where h.location_id = l.id and h.area in ('', ${search.postcodeDistrict})
                 order by (h.area = ${search.postcodeDistrict}) desc, h.as_at desc limit 1) h on true`
            : sql``
        }
        where l.deregistered_at is null
          ${types[0] === '*' ? sql`` : sql`and l.service_types && ${textArray(types)}`}
          and (l.specialisms || l.service_user_bands) @> ${textArray([...search.specialisms])}
          ${scope}
          ${blockFilter}`,
  );

  return rows.map((r) => {
    const lat = r.lat === null ? null : Number(r.lat);
    const lng = r.lng === null ? null : Number(r.lng);
    return {
      locationId: String(r.id),
      providerId: String(r.provider_id),
      name: String(r.name),
      providerName: String(r.provider_name),
      serviceTypes: r.service_types as string[],
      specialisms: [...(r.specialisms as string[]), ...(r.service_user_bands as string[])],
      postcodeDistrict: String(r.postcode_district),
      position: lat !== null && lng !== null ? { lat, lng } : null,
      cqcRating: (r.cqc_rating as string | null) ?? null,
      onFramework: Boolean(r.on_framework),
      onDps: Boolean(r.on_dps),
      vacancy: r.cap_as_at
        ? {
            asAt: toDate(r.cap_as_at),
            accepting: Number(r.vacant_accepting),
            residential: r.residential_vacant_accepting === null ? null : Number(r.residential_vacant_accepting),
            nursing: r.nursing_vacant_accepting === null ? null : Number(r.nursing_vacant_accepting),
            dementia: r.dementia_vacant_accepting === null ? null : Number(r.dementia_vacant_accepting),
          }
        : null,
      homecare: r.hc_as_at ? { asAt: toDate(r.hc_as_at), hoursAvailable: Number(r.new_hours_available) } : null,
      d2aBeds: blockKind === 'd2a' ? { total: Number(r.block_total), free: Number(r.block_free), asAt: now } : null,
      rehabBeds: blockKind === 'rehab' ? { total: Number(r.block_total), free: Number(r.block_free), asAt: now } : null,
      typicalWeeklyPricePence: null,
      typicalHourlyRatePence: null,
    } satisfies CandidateLocation;
  });
}

/** Median council price over the last year at each location for a band (weekly, or hourly for homecare). */
async function typicalPrices(db: Db, locationIds: string[], band: string, today: string): Promise<Map<string, number>> {
  if (!locationIds.length) return new Map();
  const hourly = band === 'homecare_hourly';
  const rows = await queryRows<{ location_id: string; price: number }>(
    db,
    sql`select location_id::text, round(percentile_cont(0.5) within group (order by ${hourly ? sql.raw('hourly_rate_pence') : sql.raw('weekly_price_pence')}))::int as price
        from placements
        where location_id = any(${textArray(locationIds)}::uuid[]) and band = ${band} and funding <> 'self_funded'
          and start_date > (${today}::date - interval '365 days') and ${hourly ? sql`hourly_rate_pence is not null` : sql`true`}
        group by location_id`,
  );
  return new Map(rows.map((r) => [r.location_id, Number(r.price)]));
}

export interface CandidateSearchResult extends MatchResult {
  origin: LatLng | null;
  usualRatePence: number | null;
  band: string | null;
  considered: number;
}

/** "Who can take them now": load, rank, and return the best `limit` with the reasons each matched. */
export async function searchCandidates(
  db: Db,
  search: CandidateSearch,
  now = new Date(),
): Promise<CandidateSearchResult> {
  const today = londonDate(now);
  const band = usualRateBand(search.serviceNeed);
  const homeBased = search.serviceNeed === 'homecare' || search.serviceNeed === 'reablement';
  // Three round trips: origin and usual rate together; the locations; then prices and centroids together.
  const [originMap, usual] = await Promise.all([
    loadCentroids(db, [search.postcodeDistrict]),
    band ? usualRatePenceOn(db, band, today) : Promise.resolve(null),
  ]);
  const origin = originMap.get(search.postcodeDistrict) ?? null;
  const locations = await loadCandidateLocations(db, search, now, origin);
  const [prices, centroids] = await Promise.all([
    band
      ? typicalPrices(
          db,
          locations.map((l) => l.locationId),
          band,
          today,
        )
      : Promise.resolve(new Map<string, number>()),
    loadCentroids(db, [
      ...new Set([search.postcodeDistrict, ...locations.filter((l) => !l.position).map((l) => l.postcodeDistrict)]),
    ]),
  ]);
  for (const l of locations) {
    const p = prices.get(l.locationId) ?? null;
    if (homeBased) l.typicalHourlyRatePence = p;
    else l.typicalWeeklyPricePence = p;
  }
  const result = matchCandidates(locations, search, {
    now,
    centroids,
    usualWeeklyRatePence: homeBased ? null : usual,
    usualHourlyRatePence: homeBased ? usual : null,
  });
  // The bounding box is a square; drop corners beyond the radius (named homes stay).
  const radius = search.radiusKm ?? 40;
  const candidates = result.candidates.filter(
    (c) => c.named || c.distanceKm === null || c.distanceKm <= radius || !origin,
  );
  return {
    candidates: candidates.slice(0, search.limit ?? 50),
    excluded: result.excluded,
    origin,
    usualRatePence: usual,
    band,
    considered: locations.length,
  };
}
