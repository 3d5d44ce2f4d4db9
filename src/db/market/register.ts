// Provider and location register: reads and writes for provider organisations and their locations.
import { and, asc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { NotFound } from '../../domain/core/errors.js';
import type { Db } from '../client.js';
import { changedFields, recordAudit, type AuditActor } from '../core/audit.js';
import { cachedByVersion } from '../core/versions.js';
import { locations, providers, type LocationRow, type NewLocationRow, type ProviderRow } from './schema.js';
import { codesCovering } from '../../domain/geography/authorities.js';

/** Adds a provider in one audited transaction. */
export async function createProvider(
  db: Db,
  input: { name: string; cqcProviderId?: string | null },
  by: AuditActor | null,
): Promise<ProviderRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(providers)
      .values({ name: input.name.trim(), cqcProviderId: input.cqcProviderId ?? null })
      .returning();
    await recordAudit(tx, by, {
      action: 'create',
      entity: 'provider',
      entityId: row.id,
      detail: { name: row.name, cqcProviderId: row.cqcProviderId },
    });
    return row;
  });
}

/** One provider, or null. */
export async function getProvider(db: Db, id: string): Promise<ProviderRow | null> {
  const [row] = await db.select().from(providers).where(eq(providers.id, id));
  return row ?? null;
}

/** Every provider, by name. */
export async function listProviders(
  db: Db,
  opts: { search?: string; limit?: number } = {},
): Promise<(ProviderRow & { locationCount: number })[]> {
  const rows = await db
    .select({ p: providers, locationCount: sql<number>`count(${locations.id})::int` })
    .from(providers)
    .leftJoin(locations, and(eq(locations.providerId, providers.id), isNull(locations.deregisteredAt)))
    .where(opts.search ? ilike(providers.name, `%${opts.search}%`) : undefined)
    .groupBy(providers.id)
    .orderBy(asc(providers.name))
    .limit(opts.limit ?? 1000);
  return rows.map((r) => ({ ...r.p, locationCount: Number(r.locationCount) }));
}

export type LocationInput = Omit<NewLocationRow, 'id' | 'createdAt' | 'updatedAt'>;

/** Adds a location (care home or service) in one audited transaction. */
export async function createLocation(db: Db, input: LocationInput, by: AuditActor | null): Promise<LocationRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(locations).values(input).returning();
    await recordAudit(tx, by, {
      action: 'create',
      entity: 'location',
      entityId: row.id,
      detail: { name: row.name, cqcLocationId: row.cqcLocationId },
    });
    return row;
  });
}

/** One location, or null. */
export async function getLocation(db: Db, id: string): Promise<LocationRow | null> {
  const [row] = await db.select().from(locations).where(eq(locations.id, id));
  return row ?? null;
}

/** A provider's locations, by name. */
export async function locationsOfProvider(db: Db, providerId: string): Promise<LocationRow[]> {
  return db
    .select()
    .from(locations)
    .where(and(eq(locations.providerId, providerId), isNull(locations.deregisteredAt)))
    .orderBy(asc(locations.name));
}

export interface LocationFilter {
  serviceType?: string;
  specialism?: string;
  rating?: string;
  district?: string;
  localAuthorityGss?: string;
  inBorough?: boolean;
  providerId?: string;
  search?: string;
  /** One location (its page). */
  locationId?: string;
  /** Just these locations. */
  locationIds?: string[];
}

/** SQL conditions for the market filters, shared by the register and the dashboard queries. */
export function locationConditions(f: LocationFilter): SQL[] {
  const c: SQL[] = [isNull(locations.deregisteredAt) as SQL];
  if (f.serviceType) c.push(sql`${f.serviceType} = any(${locations.serviceTypes})`);
  if (f.specialism)
    c.push(
      sql`(${f.specialism} = any(${locations.specialisms}) or ${f.specialism} = any(${locations.serviceUserBands}))`,
    );
  if (f.rating)
    c.push(f.rating === 'Not rated' ? (isNull(locations.cqcRating) as SQL) : eq(locations.cqcRating, f.rating));
  if (f.district) c.push(eq(locations.postcodeDistrict, f.district.toUpperCase()));
  if (f.localAuthorityGss) c.push(inArray(locations.localAuthorityGss, codesCovering(f.localAuthorityGss)));
  if (f.inBorough !== undefined) c.push(eq(locations.inBorough, f.inBorough));
  if (f.providerId) c.push(eq(locations.providerId, f.providerId));
  if (f.search) c.push(ilike(locations.name, `%${f.search}%`));
  if (f.locationId) c.push(eq(locations.id, f.locationId));
  if (f.locationIds) c.push(f.locationIds.length ? inArray(locations.id, f.locationIds) : sql`false`);
  return c;
}

/** Locations matching the filter (at most `limit`) with their provider's name. */
export async function listLocations(
  db: Db,
  f: LocationFilter = {},
  limit = 2000,
): Promise<(LocationRow & { providerName: string })[]> {
  const rows = await db
    .select({ l: locations, providerName: providers.name })
    .from(locations)
    .innerJoin(providers, eq(providers.id, locations.providerId))
    .where(and(...locationConditions(f)))
    .orderBy(asc(locations.name))
    .limit(limit);
  return rows.map((r) => ({ ...r.l, providerName: r.providerName }));
}

/** Council quality rating (PAMMS-style), set by the quality monitoring work in the contracts area. */
export async function setCouncilQualityRating(
  db: Db,
  locationId: string,
  rating: string | null,
  date: string | null,
  by: AuditActor | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [was] = await tx.select().from(locations).where(eq(locations.id, locationId)).for('update');
    if (!was) throw new NotFound('Location');
    await tx
      .update(locations)
      .set({ councilQualityRating: rating, councilQualityRatingDate: date, updatedAt: new Date() })
      .where(eq(locations.id, locationId));
    await recordAudit(tx, by, {
      action: 'update',
      entity: 'location',
      entityId: locationId,
      detail: changedFields(was, { councilQualityRating: rating, councilQualityRatingDate: date }),
    });
  });
}

/** Commissioning flags a commissioner maintains: framework/DPS membership, in-borough, CQC rating/beds. */
export interface LocationCommissioningUpdate {
  onFramework?: boolean;
  onDps?: boolean;
  inBorough?: boolean;
  registeredBeds?: number | null;
  cqcRating?: string | null;
  cqcRatingDate?: string | null;
  selfFunderWeeklyFeePence?: number | null;
}
/**
 * Changes the council's own facts about a location (framework, quality rating, notes); audited.
 * @throws NotFound when there is no such location
 */
export async function updateLocationCommissioning(
  db: Db,
  locationId: string,
  patch: LocationCommissioningUpdate,
  by: AuditActor | null,
): Promise<LocationRow> {
  return db.transaction(async (tx) => {
    const [was] = await tx.select().from(locations).where(eq(locations.id, locationId)).for('update');
    if (!was) throw new NotFound('Location');
    const [row] = await tx
      .update(locations)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(locations.id, locationId))
      .returning();
    await recordAudit(tx, by, {
      action: 'update',
      entity: 'location',
      entityId: locationId,
      detail: changedFields(was, { ...patch }),
    });
    return row;
  });
}

/** The locations with these ids (any order; unknown ids are left out). */
export async function locationsByIds(db: Db, ids: string[]): Promise<LocationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(locations).where(inArray(locations.id, ids));
}

const DISTRICT_ORDER = new Intl.Collator('en-GB', { numeric: true });

/**
 * Postcode districts that have locations (for the area filter), in natural order (EB2 before EB10). Cached per
 * market data version (any write to locations raises it): at national scale it reads every location.
 */
export async function listDistricts(db: Db): Promise<string[]> {
  return cachedByVersion(db, 'market', 'districts', () => computeDistricts(db));
}

async function computeDistricts(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ d: locations.postcodeDistrict })
    .from(locations)
    .where(isNull(locations.deregisteredAt));
  return rows
    .map((r) => r.d)
    .filter(Boolean)
    .sort(DISTRICT_ORDER.compare);
}
