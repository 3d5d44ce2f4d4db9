// Directory search: one indexed query per page for the ORUK lists and the public search page. Text search uses
// PostgreSQL full text (English stemming: "carers" finds "carer"), taxonomy terms a GIN-indexed array, and
// distance the haversine formula from a postcode district's centroid (ONSPD) to each location, with a bounding
// box first when a proximity is given.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client.js';
import { EARTH_RADIUS_KM } from '../../domain/discharge/geo.js';
import { foldForSearch, type SearchCardData } from '../../domain/directory/search.js';
import {
  omitEmpty,
  type OrukLocation,
  type OrukServiceListItem,
  type ServiceStatus,
  type Weekday,
} from '../../domain/directory/oruk.js';

export interface NearPoint {
  /** Postcode district searched from, e.g. EB4. */
  district: string;
  lat: number;
  lng: number;
}

export interface DirectoryFilters {
  /** Words to find in names, descriptions, organisations, categories and places. */
  search?: string;
  /** Groups of term ids: a service must carry at least one term of every group. */
  termGroups?: string[][];
  minimumAge?: number;
  maximumAge?: number;
  day?: Weekday;
  /** true: free services only; false: paid only. */
  free?: boolean;
  /** ISO date-time: services modified on or after it. */
  modifiedAfter?: string;
  statuses?: ServiceStatus[];
  organizationId?: string;
  near?: NearPoint;
  /** With `near`: only locations within this many metres (services with no physical location but a service area covering the district stay). */
  proximityMetres?: number;
  takingReferrals?: boolean;
}

const R_M = EARTH_RADIUS_KM * 1000;
const DEG = Math.PI / 180;

/** Haversine distance in metres between two points (the method the ORUK `proximity` filter is checked with). */
export function haversineMetres(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const h =
    Math.sin(((bLat - aLat) * DEG) / 2) ** 2 +
    Math.cos(aLat * DEG) * Math.cos(bLat * DEG) * Math.sin(((bLng - aLng) * DEG) / 2) ** 2;
  return 2 * R_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function distanceSql(near: NearPoint, lat: SQL, lng: SQL): SQL {
  const la = sql`${near.lat}::float8`;
  const ln = sql`${near.lng}::float8`;
  return sql`(2 * ${R_M}::float8 * asin(least(1, sqrt(power(sin(radians(${lat} - ${la}) / 2), 2) + cos(radians(${la})) * cos(radians(${lat})) * power(sin(radians(${lng} - ${ln}) / 2), 2)))))`;
}

/**
 * Squared equirectangular distance (in degrees of latitude) from `near` to the nearest of a service's locations:
 * cheap to compute for every candidate, and in the same order as the true distance at a borough's scale.
 */
function nearestKeySql(near: NearPoint): SQL {
  const cos = Math.cos(near.lat * DEG);
  return sql`(select min(power(p.lat - ${near.lat}::float8, 2) + power((p.lng - ${near.lng}::float8) * ${cos}::float8, 2))
    from unnest(x.lats, x.lngs) as p(lat, lng))`;
}

/** A proximity in metres as the same squared-degree measure, with 1% slack (exact check follows in metres). */
function proximityKey(metres: number): number {
  return ((metres * 1.01) / R_M / DEG) ** 2;
}

function uuidArray(ids: string[]): SQL {
  return sql`array[${sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  )}]::uuid[]`;
}

/** Conditions on the search index row `x`, shared by every list. */
function serviceConditions(f: DirectoryFilters): SQL[] {
  const where: SQL[] = [];
  const words = f.search?.trim() ? foldForSearch(f.search.trim()) : '';
  if (words) where.push(sql`x.search_vector @@ websearch_to_tsquery('english', ${words})`);
  for (const group of f.termGroups ?? []) {
    if (group.length === 0) where.push(sql`false`);
    else where.push(sql`x.term_ids && ${uuidArray(group)}`);
  }
  if (f.minimumAge !== undefined) where.push(sql`x.minimum_age >= ${f.minimumAge}::float8`);
  if (f.maximumAge !== undefined) where.push(sql`x.maximum_age <= ${f.maximumAge}::float8`);
  if (f.day) where.push(sql`x.days @> array[${f.day}]::text[]`);
  if (f.free !== undefined) where.push(sql`x.free = ${f.free}`);
  if (f.modifiedAfter) where.push(sql`x.last_modified >= ${f.modifiedAfter}::timestamptz`);
  if (f.statuses?.length)
    where.push(
      sql`x.status in (${sql.join(
        f.statuses.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
  if (f.organizationId) where.push(sql`x.organization_id = ${f.organizationId}::uuid`);
  if (f.takingReferrals !== undefined) where.push(sql`x.taking_referrals = ${f.takingReferrals}`);
  if (f.near && f.proximityMetres === undefined) {
    // ORUK: with a postcode and no proximity, keep services whose service area covers it (or that set none).
    where.push(sql`(cardinality(x.area_districts) = 0 or x.area_districts @> array[${f.near.district}]::text[])`);
  }
  return where;
}

function whereOf(parts: SQL[]): SQL {
  return parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``;
}

function orderOf(f: DirectoryFilters, distance: SQL | null): SQL {
  const keys: SQL[] = [];
  if (distance) keys.push(sql`${distance} asc nulls last`);
  const words = f.search?.trim() ? foldForSearch(f.search.trim()) : '';
  // Relevance without scoring every match: services whose name matches come first.
  if (words) keys.push(sql`(x.name_vector @@ websearch_to_tsquery('english', ${words})) desc`);
  keys.push(sql`x.name asc`, sql`x.service_id asc`);
  return sql`order by ${sql.join(keys, sql`, `)}`;
}

export interface ServiceHit {
  id: string;
  /** Metres from the searched district's centroid to the service's nearest location; null without one. */
  distanceMetres: number | null;
  card: SearchCardData;
}

function nearestMetres(near: NearPoint | undefined, lats: number[], lngs: number[]): number | null {
  if (!near || !lats.length) return null;
  let best = Infinity;
  for (let i = 0; i < lats.length; i++) best = Math.min(best, haversineMetres(near.lat, near.lng, lats[i], lngs[i]));
  return Math.round(best);
}

/**
 * A page of services matching `f` (nearest first when searching near a postcode), with the total and each hit's
 * result card. One query on the search index.
 */
export async function searchServices(
  db: Db,
  f: DirectoryFilters,
  page: number,
  perPage: number,
): Promise<{ total: number; rows: ServiceHit[] }> {
  const where = serviceConditions(f);
  const key = f.near ? nearestKeySql(f.near) : null;
  if (f.near && f.proximityMetres !== undefined) {
    where.push(sql`(${key} <= ${proximityKey(f.proximityMetres)}::float8 or (cardinality(x.lats) = 0
      and x.area_districts @> array[${f.near.district}]::text[]))`);
  }
  // The window count runs over narrow index rows; the page's cards are read afterwards by id.
  const query = (limit: number, offset: number) =>
    sql`select x.service_id as id, x.lats, x.lngs, count(*) over ()::int as total
      from directory_search_index x
      ${whereOf(where)}
      ${orderOf(f, key)}
      limit ${limit} offset ${offset}`;
  const rows = await queryRows<{ id: string; lats: number[]; lngs: number[]; total: number }>(
    db,
    query(perPage, (page - 1) * perPage),
  );
  const cards = new Map(
    rows.length
      ? (
          await queryRows<{ id: string; card: SearchCardData }>(
            db,
            sql`select service_id as id, card from directory_search_cards where service_id = any(${uuidArray(rows.map((r) => r.id))})`,
          )
        ).map((c) => [c.id, c.card])
      : [],
  );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && page > 1) {
    const first = await queryRows<{ total: number }>(db, query(1, 0));
    total = first.length ? Number(first[0].total) : 0;
  }
  let hits = rows.map((r) => ({
    id: r.id,
    distanceMetres: nearestMetres(f.near, r.lats.map(Number), r.lngs.map(Number)),
    card: cards.get(r.id)!,
  }));
  if (f.near && f.proximityMetres !== undefined) {
    // The 1% slack of the cheap measure: drop any hit the exact haversine distance puts outside.
    const outside = hits.filter((h) => h.distanceMetres !== null && h.distanceMetres > f.proximityMetres!).length;
    hits = hits.filter((h) => h.distanceMetres === null || h.distanceMetres <= f.proximityMetres!);
    total -= outside;
  }
  return { total, rows: hits };
}

export interface ServiceAtLocationHit {
  id: string;
  serviceId: string;
  locationId: string;
  distanceMetres: number | null;
}

/** A page of service-at-locations matching `f` (nearest first near a postcode), with the total. */
export async function searchServiceAtLocations(
  db: Db,
  f: DirectoryFilters,
  page: number,
  perPage: number,
): Promise<{ total: number; rows: ServiceAtLocationHit[] }> {
  const where = serviceConditions(f);
  let distance: SQL | null = null;
  if (f.near) {
    distance = sql`case when l.latitude is null then null else ${distanceSql(f.near, sql`l.latitude`, sql`l.longitude`)} end`;
    if (f.proximityMetres !== undefined) {
      const dLat = f.proximityMetres / R_M / DEG;
      const dLng = dLat / Math.max(0.01, Math.cos(f.near.lat * DEG));
      where.push(sql`l.latitude between ${f.near.lat - dLat}::float8 and ${f.near.lat + dLat}::float8
        and l.longitude between ${f.near.lng - dLng}::float8 and ${f.near.lng + dLng}::float8`);
      where.push(sql`${distanceSql(f.near, sql`l.latitude`, sql`l.longitude`)} <= ${f.proximityMetres}::float8`);
    }
  }
  const query = (limit: number, offset: number) => sql`select sal.id, sal.service_id, sal.location_id,
      ${distance ?? sql`null`}::float8 as dist, count(*) over ()::int as total
    from directory_service_at_locations sal
    join directory_search_index x on x.service_id = sal.service_id
    join directory_locations l on l.id = sal.location_id
    ${whereOf(where)}
    ${orderOf(f, distance)}, sal.id
    limit ${limit} offset ${offset}`;
  const rows = await queryRows<{
    id: string;
    service_id: string;
    location_id: string;
    dist: number | null;
    total: number;
  }>(db, query(perPage, (page - 1) * perPage));
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && page > 1) {
    const first = await queryRows<{ total: number }>(db, query(1, 0));
    total = first.length ? Number(first[0].total) : 0;
  }
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      serviceId: r.service_id,
      locationId: r.location_id,
      distanceMetres: r.dist === null ? null : Math.round(Number(r.dist)),
    })),
  };
}

/** One-to-one fields of services and their organisations, for list pages, in the order of `ids`. */
export async function loadServiceListItems(db: Db, ids: string[]): Promise<OrukServiceListItem[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select s.id, s.organization_id, s.name, s.description, s.url, s.email, s.status, s.fees, s.accreditations,
        s.eligibility_description, s.minimum_age, s.maximum_age, s.assured_date, s.assurer_email, s.alert,
        s.last_modified, s.taking_referrals, s.waiting_time_days, s.capacity_updated,
        o.name as org_name, o.description as org_description, o.email as org_email, o.website as org_website,
        o.logo as org_logo, o.uri as org_uri, o.parent_organization_id as org_parent
      from directory_services s left join directory_organizations o on o.id = s.organization_id
      where s.id = any(${uuidArray(ids)})`,
  );
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));
  const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is Record<string, unknown> => !!r)
    .map((r) =>
      omitEmpty({
        id: r.id as string,
        organization_id: str(r.organization_id),
        name: r.name as string,
        description: str(r.description),
        url: str(r.url),
        email: str(r.email),
        status: r.status as ServiceStatus,
        fees: str(r.fees),
        accreditations: str(r.accreditations),
        eligibility_description: str(r.eligibility_description),
        minimum_age: num(r.minimum_age),
        maximum_age: num(r.maximum_age),
        assured_date: str(r.assured_date),
        assurer_email: str(r.assurer_email),
        alert: str(r.alert),
        last_modified: new Date(r.last_modified as string).toISOString(),
        steward_capacity:
          r.taking_referrals === null
            ? undefined
            : omitEmpty({
                taking_referrals: Boolean(r.taking_referrals),
                waiting_time_days: num(r.waiting_time_days),
                updated: str(r.capacity_updated),
              }),
        organization: r.organization_id
          ? omitEmpty({
              id: r.organization_id as string,
              name: r.org_name as string,
              description: (r.org_description as string) ?? '',
              email: str(r.org_email),
              website: str(r.org_website),
              logo: str(r.org_logo),
              uri: str(r.org_uri),
              parent_organization_id: str(r.org_parent),
            })
          : undefined,
      }),
    );
}

/** Locations' one-to-one fields, by id. */
export async function loadLocationBasics(db: Db, ids: string[]): Promise<Map<string, OrukLocation>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select id, location_type, name, description, latitude, longitude, external_identifier, external_identifier_type
      from directory_locations where id = any(${uuidArray(ids)})`,
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      omitEmpty({
        id: r.id as string,
        location_type: r.location_type as OrukLocation['location_type'],
        name: (r.name as string) ?? undefined,
        description: (r.description as string) ?? undefined,
        latitude: r.latitude === null ? undefined : Number(r.latitude),
        longitude: r.longitude === null ? undefined : Number(r.longitude),
        external_identifier: (r.external_identifier as string) ?? undefined,
        external_identifier_type: (r.external_identifier_type as string) ?? undefined,
      }),
    ]),
  );
}

/** The centroid of a postcode district from the ONSPD import (or the demo borough's), or null when unknown. */
export async function districtCentroid(db: Db, district: string): Promise<NearPoint | null> {
  const [row] = await queryRows<{ lat: number; lng: number }>(
    db,
    sql`select lat, lng from postcode_districts where district = ${district}`,
  );
  return row ? { district, lat: Number(row.lat), lng: Number(row.lng) } : null;
}

/** The service id of a service-at-location, or null when there is none with that id. */
export async function serviceOfServiceAtLocation(db: Db, id: string): Promise<string | null> {
  const [row] = await queryRows<{ service_id: string }>(
    db,
    sql`select service_id from directory_service_at_locations where id = ${id}::uuid`,
  );
  return row?.service_id ?? null;
}
