// Reports cached per data version (issue 15). Statement-level triggers (drizzle/0001_market_aggregates.sql (its "Data versions" part)) raise an
// area's version in the same transaction as any write to its tables, so a report computed after reading version v
// is exact for as long as the version is still v. Reading the version costs one primary-key lookup; a report that
// takes a second to compute from thousands of referrals is then computed once per change, not once per request.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';

/**
 * Areas with a data version: the tables whose writes raise it are listed in drizzle/0001_market_aggregates.sql (its
 * "Data versions" part: discharge; the same file's later part: market, demand, contracts) and
 * drizzle/0003_bcf_data_version.sql (bcf: every bcf_* table, and the population, settings, contracts and risk
 * register tables the BCF figures read).
 */
export type VersionedArea = 'discharge' | 'market' | 'demand' | 'contracts' | 'bcf';

/** The area's current version, or null when the database has no version row (then nothing is cached). */
export async function dataVersion(db: Db, area: VersionedArea): Promise<number | null> {
  const [row] = await queryRows<{ version: string | number }>(
    db,
    sql`select version from data_versions where area = ${area}`,
  );
  return row ? Number(row.version) : null;
}

interface Entry {
  version: number;
  value: Promise<unknown>;
}

const MAX_ENTRIES = 64;
/** Per database handle (tests open many), per key: the version it was computed at and the report. */
const caches = new WeakMap<object, Map<string, Entry>>();

/**
 * `compute()`'s result for `key` at the area's current data version: computed on the first request after each
 * change, then shared (concurrent requests for the same key wait for one computation). `key` must hold every
 * input of the report other than the area's data (the period, the window, the London date when the report
 * depends on today). The version is read BEFORE computing, so a write committed meanwhile makes a newer version
 * and the next request recomputes: a cached report is never older than its version. A failed computation is not
 * kept. Holds at most 64 reports per database, the least recently used dropped first.
 */
export async function cachedByVersion<T>(
  db: Db,
  area: VersionedArea,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const version = await dataVersion(db, area);
  if (version === null) return compute();
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const fullKey = `${area}|${key}`;
  const hit = cache.get(fullKey);
  if (hit && hit.version === version) {
    cache.delete(fullKey); // re-insert: most recently used last
    cache.set(fullKey, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry: Entry = { version, value };
  cache.set(fullKey, entry);
  value.catch(() => {
    if (cache.get(fullKey) === entry) cache.delete(fullKey);
  });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}
