// What the market dashboard's queries share: the SQL fragments naming care homes, their latest returns and the
// placement bands, the filter's where clause, the settings for a large aggregation, and reading numbers back.
import { and, sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../../client.js';
import { STALE_AFTER_DAYS } from '../../../domain/market/capacity.js';
import { londonDate } from '../../../domain/core/dates.js';
import { locationConditions, type LocationFilter } from '../register.js';

/** A care home: registered for residential or nursing care. */
export const CARE_HOME = sql`(locations.service_types && array['care_home_residential','care_home_nursing']::text[])`;
/** Each location's latest care home return and workforce return (kept by the return triggers). */
export const LATEST_CAPACITY = sql`left join care_home_latest latest on latest.location_id = locations.id`;
export const LATEST_WORKFORCE = sql`left join workforce_latest w on w.location_id = locations.id`;
/** The placement bands priced as care home placements. */
export const CARE_HOME_BANDS = sql`('standard_residential','enhanced_residential','standard_nursing','enhanced_nursing')`;
/** A homecare package, as the placement flows count one: hourly band, not a care home service. */
export const HOMECARE_PACKAGE = sql`(pl.band = 'homecare_hourly' and pl.service_type not in ('care_home_residential','care_home_nursing'))`;

/** The where clause for a location filter (register.ts locationConditions), with any extra conditions. */
export function where(f: LocationFilter, ...extra: SQL[]): SQL {
  return and(...locationConditions(f), ...extra) as SQL;
}
/** The business day of an instant (London). */
export const isoDate = londonDate;

/**
 * Run one large aggregation with settings suited to it, for this statement's transaction only: enough
 * work_mem to sort and hash a few hundred thousand rows in memory instead of spilling to disk, and no JIT
 * (compiling the plan costs more than it saves on queries that must answer in well under a second).
 */
export async function aggregateRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  // Inside a caller's transaction, run as is: its connection is shared, so no nested transactions in parallel.
  if (db instanceof PgTransaction) return queryRows<T>(db as Db, query);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`set local jit = off`);
    return queryRows<T>(tx, query);
  });
}
/** Returns at or before this are stale: whole days old more than STALE_AFTER_DAYS, as the domain's freshness(). */
export const staleCutoff = (now: Date) => new Date(now.getTime() - (STALE_AFTER_DAYS + 1) * 86_400_000).toISOString();
/** A number read back from SQL: null as 0. */
export const num = (v: unknown): number => (v == null ? 0 : Number(v));
/** A number read back from SQL, null kept as null. */
export const numOrNull = (v: unknown): number | null => (v == null ? null : Number(v));
