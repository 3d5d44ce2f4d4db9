// Reading capacity returns back: each location's latest return and its history, and the cross-market views built
// on the latest returns (homes with vacancies; homes with beds closed or held).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { queryRows } from '../client.js';
import { locationConditions, type LocationFilter } from './register.js';
import {
  careHomeCapacity,
  homecareCapacity,
  workforceSnapshots,
  type CareHomeCapacityRow,
  type HomecareCapacityRow,
  type WorkforceSnapshotRow,
} from './schema.js';

export type BedGroup = 'residential' | 'nursing' | 'dementia';

/** The tables of dated returns, one row per return, each keyed by location and dated by `asAt`. */
type ReturnTable = typeof careHomeCapacity | typeof homecareCapacity | typeof workforceSnapshots;

/**
 * A location's returns in one table ordered by date (`asc` oldest first, `desc` newest first), at most `limit`.
 * The row type follows the table.
 */
async function returnsOf<T extends ReturnTable>(
  db: Db,
  table: T,
  locationId: string,
  order: 'asc' | 'desc',
  limit: number,
): Promise<T['$inferSelect'][]> {
  const t = table as typeof careHomeCapacity;
  return db
    .select()
    .from(t)
    .where(eq(t.locationId, locationId))
    .orderBy(order === 'asc' ? asc(t.asAt) : desc(t.asAt))
    .limit(limit) as Promise<T['$inferSelect'][]>;
}

/** A care home's latest bed return, or null when it has never reported. */
export async function latestCareHomeReturn(db: Db, locationId: string): Promise<CareHomeCapacityRow | null> {
  const [row] = await returnsOf(db, careHomeCapacity, locationId, 'desc', 1);
  return row ?? null;
}
/** A homecare location's latest return for each area (postcode district) it serves; empty when it never reported. */
export async function latestHomecareReturns(db: Db, locationId: string): Promise<HomecareCapacityRow[]> {
  return db
    .selectDistinctOn([homecareCapacity.area])
    .from(homecareCapacity)
    .where(eq(homecareCapacity.locationId, locationId))
    .orderBy(homecareCapacity.area, desc(homecareCapacity.asAt));
}
/** A location's latest workforce return, or null when it has never reported. */
export async function latestWorkforceReturn(db: Db, locationId: string): Promise<WorkforceSnapshotRow | null> {
  const [row] = await returnsOf(db, workforceSnapshots, locationId, 'desc', 1);
  return row ?? null;
}

/** A care home's bed returns, oldest first (at most `limit`). */
export async function careHomeHistory(db: Db, locationId: string, limit = 500): Promise<CareHomeCapacityRow[]> {
  return returnsOf(db, careHomeCapacity, locationId, 'asc', limit);
}
/** A homecare location's returns (every area), oldest first (at most `limit`). */
export async function homecareHistory(db: Db, locationId: string, limit = 1000): Promise<HomecareCapacityRow[]> {
  return returnsOf(db, homecareCapacity, locationId, 'asc', limit);
}
/** A location's workforce returns, oldest first (at most `limit`). */
export async function workforceHistory(db: Db, locationId: string, limit = 500): Promise<WorkforceSnapshotRow[]> {
  return returnsOf(db, workforceSnapshots, locationId, 'asc', limit);
}

export interface VacancyRow {
  locationId: string;
  name: string;
  providerId: string;
  providerName: string;
  postcodeDistrict: string;
  inBorough: boolean;
  serviceTypes: string[];
  specialisms: string[];
  cqcRating: string | null;
  maxCapacity: number;
  occupied: number;
  vacantAccepting: number;
  residentialVacantAccepting: number | null;
  nursingVacantAccepting: number | null;
  dementiaVacantAccepting: number | null;
  asAt: Date;
}

/**
 * Care homes whose latest return shows beds vacant and accepting admissions (what a broker or discharge hub
 * looks for), most vacancies first. Each row carries `asAt` so callers can show how old it is.
 */
export async function currentVacancies(
  db: Db,
  f: LocationFilter = {},
  opts: { bedGroup?: BedGroup; limit?: number } = {},
): Promise<VacancyRow[]> {
  const groupCol = opts.bedGroup ? sql.raw(`latest.${opts.bedGroup}_vacant_accepting`) : null;
  // Each home's latest return, kept by the return triggers (care_home_latest).
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select locations.id as "locationId", locations.name, providers.id as "providerId", providers.name as "providerName",
      locations.postcode_district as "postcodeDistrict", locations.in_borough as "inBorough", locations.service_types as "serviceTypes",
      locations.specialisms, locations.cqc_rating as "cqcRating", latest.max_capacity as "maxCapacity", latest.occupied,
      latest.vacant_accepting as "vacantAccepting", latest.residential_vacant_accepting as "residentialVacantAccepting",
      latest.nursing_vacant_accepting as "nursingVacantAccepting", latest.dementia_vacant_accepting as "dementiaVacantAccepting", latest.as_at as "asAt"
    from locations join providers on providers.id = locations.provider_id
      join care_home_latest latest on latest.location_id = locations.id
    where ${and(...locationConditions(f))} and latest.vacant_accepting > 0 ${groupCol ? sql`and ${groupCol} > 0` : sql``}
    order by latest.vacant_accepting desc, locations.name asc
    limit ${opts.limit ?? 500}`,
  );
  return rows.map((r) => ({ ...(r as unknown as VacancyRow), asAt: new Date(r.asAt as string) }));
}

/** Latest care home return of each of the given locations (or all), keyed by location id. */
export async function latestCareHomeReturns(db: Db, locationIds?: string[]): Promise<Map<string, CareHomeCapacityRow>> {
  const q = db
    .selectDistinctOn([careHomeCapacity.locationId])
    .from(careHomeCapacity)
    .where(
      locationIds
        ? inArray(
            careHomeCapacity.locationId,
            locationIds.length ? locationIds : ['00000000-0000-0000-0000-000000000000'],
          )
        : undefined,
    )
    .orderBy(careHomeCapacity.locationId, desc(careHomeCapacity.asAt));
  const rows = await q;
  return new Map(rows.map((r) => [r.locationId, r]));
}

export interface BedStatusRow {
  locationId: string;
  name: string;
  providerName: string;
  postcodeDistrict: string;
  maxCapacity: number;
  occupied: number;
  vacantAccepting: number;
  vacantReserved: number;
  vacantClosed: number;
  closedReason: string | null;
  closedNote: string | null;
  heldForAssessment: number;
  nilReturn: boolean;
  asAt: Date;
}

/**
 * Care homes whose latest return has beds closed to admissions or held for assessment, with the reason for the
 * closure: what commissioners watch beside the vacancies (a home with empty beds it cannot fill). Most closed first.
 */
export async function bedStatusRows(db: Db, f: LocationFilter = {}, limit = 500): Promise<BedStatusRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select locations.id as "locationId", locations.name, providers.name as "providerName",
      locations.postcode_district as "postcodeDistrict", r.max_capacity as "maxCapacity", r.occupied,
      r.vacant_accepting as "vacantAccepting", r.vacant_reserved as "vacantReserved", r.vacant_closed as "vacantClosed",
      r.closed_reason as "closedReason", r.closed_note as "closedNote", r.held_for_assessment as "heldForAssessment",
      r.nil_return as "nilReturn", r.as_at as "asAt"
    from locations join providers on providers.id = locations.provider_id
      join care_home_latest latest on latest.location_id = locations.id
      join care_home_capacity r on r.id = latest.return_id
    where ${and(...locationConditions(f))} and (r.vacant_closed > 0 or r.held_for_assessment > 0)
    order by r.vacant_closed desc, r.held_for_assessment desc, locations.name asc
    limit ${limit}`,
  );
  return rows.map((r) => ({ ...(r as unknown as BedStatusRow), asAt: new Date(r.asAt as string) }));
}
