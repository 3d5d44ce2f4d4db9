import type { Db } from '../../db/client.js';
import { cachedByVersion } from '../../db/core/versions.js';

/**
 * Total residents of the borough in the latest estimate year, from the need-and-demand area's population
 * tables. Returns null until population data has been loaded.
 */
export type PopulationSource = (db: Db, gssCode: string) => Promise<number | null>;

let source: PopulationSource | null = null;

/** The need-and-demand area registers how to read the borough's population (see src/server/app.ts). */
export function setPopulationSource(fn: PopulationSource): void {
  source = fn;
}

/**
 * The borough's latest population (persons, all ages) from the demand area, or null when none is imported.
 * Cached per 'demand' data version (population_series writes raise it) and calendar year (the source falls back
 * to the current year's projection), so the home dashboard reads it once per change, not once per request.
 */
export async function boroughPopulation(db: Db, gssCode: string): Promise<number | null> {
  const read = source;
  if (!read) return null;
  return cachedByVersion(db, 'demand', `borough-population|${gssCode}|${new Date().getUTCFullYear()}`, () =>
    read(db, gssCode),
  );
}
