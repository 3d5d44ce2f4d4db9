// Placements (care homes) and packages (homecare, supported living, extra care), pseudonymous.
import { isIsoDate, londonToday } from '../../domain/core/dates.js';
import { and, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { weeklyCostOfHours } from '../../domain/market/prices.js';
import { validatePlacement, type NewPlacement } from '../../domain/market/placement.js';
import { isCareHome } from '../../domain/market/types.js';
import { adjustVacancy } from './capacity.js';
import type { BedGroup } from './capacityQueries.js';
import { locations, placements, type PlacementRow } from './schema.js';

export type { NewPlacement } from '../../domain/market/placement.js';

function bedGroupOf(serviceType: string, band: string): BedGroup | undefined {
  if (serviceType === 'care_home_nursing' || band.endsWith('_nursing')) return 'nursing';
  if (serviceType === 'care_home_residential') return 'residential';
  return undefined;
}

/**
 * Create a placement in one transaction with its audit entry. For a care home placement that starts on or
 * before today, `takeBed` (default true) also records the bed as taken in the home's capacity (when the home
 * has reported capacity), so vacancies stay current without the provider re-entering them.
 */
export async function createPlacement(
  db: Db,
  by: AuditActor | null,
  input: NewPlacement,
  opts: { takeBed?: boolean; createdBy?: string | null } = {},
): Promise<PlacementRow> {
  const errors = validatePlacement(input);
  if (errors.length) throw new InputError(errors);
  return db.transaction(async (tx) => {
    const [loc] = await tx.select().from(locations).where(eq(locations.id, input.locationId));
    if (!loc) throw new InputError([{ field: 'locationId', message: 'No location with this id' }]);
    if (loc.deregisteredAt)
      throw new InputError([{ field: 'locationId', message: `${loc.name} is no longer registered with CQC` }]);
    const hourly = input.hoursPerWeek != null;
    const weekly = hourly
      ? weeklyCostOfHours(input.hoursPerWeek as number, input.hourlyRatePence as number)
      : (input.weeklyPricePence as number);
    const [row] = await tx
      .insert(placements)
      .values({
        personRef: input.personRef,
        locationId: input.locationId,
        serviceType: input.serviceType,
        band: input.band,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        weeklyPricePence: weekly,
        hoursPerWeek: hourly ? String(input.hoursPerWeek) : null,
        hourlyRatePence: input.hourlyRatePence ?? null,
        topUpWeeklyPence: input.topUpWeeklyPence ?? 0,
        funding: input.funding ?? 'council',
        contractType: input.contractType ?? 'spot',
        purpose: input.purpose ?? 'long_term',
        origin: input.origin ?? 'manual',
        originRef: input.originRef ?? null,
        createdBy: opts.createdBy ?? null,
      })
      .returning();
    await recordAudit(tx, by, {
      action: 'create',
      entity: 'placement',
      entityId: row.id,
      detail: {
        locationId: row.locationId,
        band: row.band,
        startDate: row.startDate,
        weeklyPricePence: row.weeklyPricePence,
        funding: row.funding,
        contractType: row.contractType,
        origin: row.origin,
      },
    });
    const today = londonToday();
    if ((opts.takeBed ?? true) && isCareHome(loc.serviceTypes) && input.startDate <= today && !input.endDate) {
      const [has] = await tx
        .execute(sql`select 1 from care_home_capacity where location_id = ${loc.id} limit 1`)
        .then((r) => (r as unknown as { rows: unknown[] }).rows);
      if (has)
        await adjustVacancy(tx, by, loc.id, 1, {
          group: bedGroupOf(input.serviceType, input.band),
          reason: 'placement',
        });
    }
    return row;
  });
}

/** End a placement (the person died, moved, or went home); frees the bed in the home's capacity. */
export async function endPlacement(
  db: Db,
  by: AuditActor | null,
  id: string,
  endDate: string,
  reason: string,
  opts: { freeBed?: boolean } = {},
): Promise<PlacementRow> {
  if (!isIsoDate(endDate)) throw new InputError([{ field: 'endDate', message: 'must be a date (yyyy-mm-dd)' }]);
  return db.transaction(async (tx) => {
    const [cur] = await tx.select().from(placements).where(eq(placements.id, id));
    if (!cur) throw new NotFound('Placement');
    if (cur.endDate)
      throw new Conflict(`This placement already ended on ${cur.endDate}`, [
        { field: 'endDate', message: `This placement already ended on ${cur.endDate}` },
      ]);
    if (endDate < cur.startDate)
      throw new InputError([{ field: 'endDate', message: `must be on or after the start date ${cur.startDate}` }]);
    const [row] = await tx
      .update(placements)
      .set({ endDate, endReason: reason, updatedAt: new Date() })
      .where(eq(placements.id, id))
      .returning();
    await recordAudit(tx, by, { action: 'end', entity: 'placement', entityId: id, detail: { endDate, reason } });
    if (opts.freeBed ?? true) {
      const [loc] = await tx.select().from(locations).where(eq(locations.id, cur.locationId));
      const [has] = await tx
        .execute(sql`select 1 from care_home_capacity where location_id = ${cur.locationId} limit 1`)
        .then((r) => (r as unknown as { rows: unknown[] }).rows);
      if (loc && isCareHome(loc.serviceTypes) && has)
        await adjustVacancy(tx, by, cur.locationId, -1, {
          group: bedGroupOf(cur.serviceType, cur.band),
          reason: 'placement ended',
        });
    }
    return row;
  });
}

export interface PlacementFilter {
  locationId?: string;
  providerId?: string;
  activeOn?: string;
  startedFrom?: string;
  startedTo?: string;
  personRef?: string;
}

/** Placements matching the filter (location, provider, active on a date), at most `limit`; money in pence. */
export async function listPlacements(db: Db, f: PlacementFilter = {}, limit = 1000): Promise<PlacementRow[]> {
  const c: SQL[] = [];
  if (f.locationId) c.push(eq(placements.locationId, f.locationId));
  if (f.providerId)
    c.push(sql`${placements.locationId} in (select id from locations where provider_id = ${f.providerId})`);
  if (f.activeOn)
    c.push(
      lte(placements.startDate, f.activeOn),
      or(isNull(placements.endDate), sql`${placements.endDate} > ${f.activeOn}`) as SQL,
    );
  if (f.startedFrom) c.push(gte(placements.startDate, f.startedFrom));
  if (f.startedTo) c.push(lte(placements.startDate, f.startedTo));
  if (f.personRef) c.push(eq(placements.personRef, f.personRef));
  return db
    .select()
    .from(placements)
    .where(c.length ? and(...c) : undefined)
    .orderBy(desc(placements.startDate))
    .limit(limit);
}

/** One placement, or null. */
export async function getPlacement(db: Db, id: string): Promise<PlacementRow | null> {
  const [row] = await db.select().from(placements).where(eq(placements.id, id));
  return row ?? null;
}
