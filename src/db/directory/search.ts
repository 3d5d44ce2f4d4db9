// Directory search: one indexed query per page for the ORUK lists and the public search page. Text search uses
// PostgreSQL full text (English stemming: "carers" finds "carer"), taxonomy terms a GIN-indexed array, and
// distance the haversine formula from a postcode district's centroid (ONSPD) to each location, with a bounding
// box first when a proximity is given.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client.js';
import { EARTH_RADIUS_KM } from '../../domain/discharge/geo.js';
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

function distanceSql(near: NearPoint): SQL {
  const lat = sql`${near.lat}::float8`;
  const lng = sql`${near.lng}::float8`;
  return sql`(2 * ${R_M}::float8 * asin(least(1, sqrt(power(sin(radians(l.latitude - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${lng}) / 2), 2)))))`;
}

function boxSql(near: NearPoint, metres: number): SQL {
  const dLat = (metres / R_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos((near.lat * Math.PI) / 180));
  return sql`l.latitude between ${near.lat - dLat}::float8 and ${near.lat + dLat}::float8 and l.longitude between ${near.lng - dLng}::float8 and ${near.lng + dLng}::float8`;
}

function uuidArray(ids: string[]): SQL {
  return sql`array[${sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  )}]::uuid[]`;
}

/** Conditions on the service row `s`, shared by every list. */
function serviceConditions(f: DirectoryFilters): SQL[] {
  const where: SQL[] = [];
  if (f.search?.trim()) where.push(sql`s.search_vector @@ websearch_to_tsquery('english', ${f.search.trim()})`);
  for (const group of f.termGroups ?? []) {
    if (group.length === 0) where.push(sql`false`);
    else where.push(sql`s.term_ids && ${uuidArray(group)}`);
  }
  if (f.minimumAge !== undefined) where.push(sql`s.minimum_age >= ${f.minimumAge}::float8`);
  if (f.maximumAge !== undefined) where.push(sql`s.maximum_age <= ${f.maximumAge}::float8`);
  if (f.day) where.push(sql`${f.day} = any(s.days)`);
  if (f.free !== undefined) where.push(sql`s.free = ${f.free}`);
  if (f.modifiedAfter) where.push(sql`s.last_modified >= ${f.modifiedAfter}::timestamptz`);
  if (f.statuses?.length)
    where.push(
      sql`s.status in (${sql.join(
        f.statuses.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
  if (f.organizationId) where.push(sql`s.organization_id = ${f.organizationId}::uuid`);
  if (f.takingReferrals !== undefined) where.push(sql`s.taking_referrals = ${f.takingReferrals}`);
  if (f.near && f.proximityMetres === undefined) {
    // ORUK: with a postcode and no proximity, keep services whose service area covers it (or that set none).
    where.push(sql`(exists (select 1 from directory_service_areas a where a.service_id = s.id and ${f.near.district} = any(a.districts))
      or not exists (select 1 from directory_service_areas a where a.service_id = s.id and cardinality(a.districts) > 0))`);
  }
  return where;
}

function whereOf(parts: SQL[]): SQL {
  return parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``;
}

function orderOf(f: DirectoryFilters, distance: SQL | null, nameCol: SQL): SQL {
  const keys: SQL[] = [];
  if (distance) keys.push(sql`${distance} asc nulls last`);
  if (f.search?.trim())
    keys.push(sql`ts_rank(s.search_vector, websearch_to_tsquery('english', ${f.search.trim()})) desc`);
  keys.push(sql`${nameCol} asc`, sql`s.id asc`);
  return sql`order by ${sql.join(keys, sql`, `)}`;
}

export interface ServiceHit {
  id: string;
  /** Metres from the searched district's centroid to the service's nearest location; null without one. */
  distanceMetres: number | null;
}

/** A page of services matching `f` (nearest first when searching near a postcode), with the total. */
export async function searchServices(
  db: Db,
  f: DirectoryFilters,
  page: number,
  perPage: number,
): Promise<{ total: number; rows: ServiceHit[] }> {
  const where = serviceConditions(f);
  let join = sql``;
  let distance: SQL | null = null;
  if (f.near) {
    const box = f.proximityMetres !== undefined ? sql` and ${boxSql(f.near, f.proximityMetres)}` : sql``;
    join = sql`left join lateral (
      select min(${distanceSql(f.near)}) as dist
      from directory_service_at_locations sal join directory_locations l on l.id = sal.location_id
      where sal.service_id = s.id and l.latitude is not null${box}
    ) d on true`;
    distance = sql`d.dist`;
    if (f.proximityMetres !== undefined) {
      where.push(sql`(d.dist <= ${f.proximityMetres}::float8 or (d.dist is null
        and not exists (select 1 from directory_service_at_locations sal join directory_locations l on l.id = sal.location_id
          where sal.service_id = s.id and l.location_type = 'physical')
        and exists (select 1 from directory_service_areas a where a.service_id = s.id and ${f.near.district} = any(a.districts))))`);
    }
  }
  const rows = await queryRows<{ id: string; dist: number | null; total: number }>(
    db,
    sql`select s.id, ${distance ?? sql`null`}::float8 as dist, count(*) over ()::int as total
      from directory_services s ${join}
      ${whereOf(where)}
      ${orderOf(f, distance, sql`s.name`)}
      limit ${perPage} offset ${(page - 1) * perPage}`,
  );
  const total = rows.length ? Number(rows[0].total) : await countServices(db, f, page);
  return {
    total,
    rows: rows.map((r) => ({ id: r.id, distanceMetres: r.dist === null ? null : Math.round(Number(r.dist)) })),
  };
}

/** Past the last page the window count is empty: count separately so the page still says how many there are. */
async function countServices(db: Db, f: DirectoryFilters, page: number): Promise<number> {
  if (page === 1) return 0;
  const all = await searchServices(db, f, 1, 1);
  return all.total;
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
    distance = sql`case when l.latitude is null then null else ${distanceSql(f.near)} end`;
    if (f.proximityMetres !== undefined) {
      where.push(boxSql(f.near, f.proximityMetres));
      where.push(sql`${distanceSql(f.near)} <= ${f.proximityMetres}::float8`);
    }
  }
  const query = (limit: number, offset: number) => sql`select sal.id, sal.service_id, sal.location_id,
      ${distance ?? sql`null`}::float8 as dist, count(*) over ()::int as total
    from directory_service_at_locations sal
    join directory_services s on s.id = sal.service_id
    join directory_locations l on l.id = sal.location_id
    ${whereOf(where)}
    ${orderOf(f, distance, sql`s.name`)}, sal.id
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

export interface SearchCard {
  id: string;
  name: string;
  organisation: string | null;
  description: string | null;
  status: ServiceStatus;
  distanceMetres: number | null;
  /** Nearest (or first) location's name and one-line address. */
  place: string | null;
  address: string | null;
  postcode: string | null;
  free: boolean;
  fees: string | null;
  days: Weekday[];
  categories: string[];
  phone: string | null;
  url: string | null;
  email: string | null;
  takingReferrals: boolean | null;
  waitingTimeDays: number | null;
}

/** What the public search page shows for each hit: one card per service, in the order of `hits`. */
export async function loadSearchCards(db: Db, hits: ServiceHit[], near?: NearPoint): Promise<SearchCard[]> {
  if (hits.length === 0) return [];
  const ids = hits.map((h) => h.id);
  const order = near ? sql`${distanceSql(near)} asc nulls last, sal.position` : sql`sal.position`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select s.id, s.name, s.description, s.status, s.free, s.fees, s.days, s.url, s.email, s.taking_referrals,
        s.waiting_time_days, o.name as organisation,
        (select array_agg(t.name order by a.position) from directory_attributes a
           join directory_taxonomy_terms t on t.id = a.taxonomy_term_id where a.service_id = s.id) as categories,
        (select p.number from directory_phones p where p.service_id = s.id order by p.position limit 1) as phone,
        loc.name as place, loc.address, loc.postcode
      from directory_services s
      left join directory_organizations o on o.id = s.organization_id
      left join lateral (
        select l.name, concat_ws(', ', ad.address_1, ad.address_2, ad.city) as address, ad.postal_code as postcode
        from directory_service_at_locations sal join directory_locations l on l.id = sal.location_id
        left join lateral (select * from directory_addresses x where x.location_id = l.id order by x.position limit 1) ad on true
        where sal.service_id = s.id
        order by ${order} limit 1
      ) loc on true
      where s.id = any(${uuidArray(ids)})`,
  );
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  return hits
    .map((h) => ({ h, r: byId.get(h.id) }))
    .filter((x): x is { h: ServiceHit; r: Record<string, unknown> } => !!x.r)
    .map(({ h, r }) => ({
      id: h.id,
      name: r.name as string,
      organisation: (r.organisation as string) ?? null,
      description: (r.description as string) ?? null,
      status: r.status as ServiceStatus,
      distanceMetres: h.distanceMetres,
      place: (r.place as string) ?? null,
      address: (r.address as string) || null,
      postcode: (r.postcode as string) ?? null,
      free: Boolean(r.free),
      fees: (r.fees as string) ?? null,
      days: ((r.days as string[]) ?? []) as Weekday[],
      categories: (r.categories as string[]) ?? [],
      phone: (r.phone as string) ?? null,
      url: (r.url as string) ?? null,
      email: (r.email as string) ?? null,
      takingReferrals: r.taking_referrals === null ? null : Boolean(r.taking_referrals),
      waitingTimeDays: r.waiting_time_days === null ? null : Number(r.waiting_time_days),
    }));
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
