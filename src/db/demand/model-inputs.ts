// Gathers everything the projection model needs for one area from the database.
import { REPORTING_BANDS } from '../../domain/demand/ages.js';
import type { CurrentUse, ModelInput } from '../../domain/demand/model.js';
import type { ServiceSupply } from '../../domain/demand/gap.js';
import { buildPopulationGrid, type PopulationGrid, selectPopulationRows } from '../../domain/demand/population.js';
import { DomainError } from '../../domain/core/errors.js';
import type { Db } from '../client.js';
import { getBorough } from '../core/settings.js';
import { cachedByVersion } from '../core/versions.js';
import { currentSupply, currentUse } from './market-inputs.js';
import { populationRows } from './population.js';
import { effectiveRates, type StoredRate } from './rates.js';

/** 404: the area has no population figures yet (import SNPP or mid-year estimates first). Names the `area` field. */
export class NoPopulation extends DomainError {
  readonly status = 404 as const;
  constructor(areaCode: string) {
    const message = `no population figures have been imported for ${areaCode}`;
    super(message, [{ field: 'area', message }]);
  }
}

/**
 * An area's population by year, sex and single year of age (estimates, else projections). Cached per demand data
 * version (shared: do not mutate).
 * @throws NoPopulation when the area has none imported
 */
export async function loadGrid(db: Db, areaCode: string): Promise<PopulationGrid> {
  return cachedByVersion(db, 'demand', `grid|${areaCode}`, () => computeGrid(db, areaCode));
}

async function computeGrid(db: Db, areaCode: string): Promise<PopulationGrid> {
  const rows = await populationRows(db, [areaCode]);
  if (rows.length === 0) throw new NoPopulation(areaCode);
  const chosen = selectPopulationRows(rows);
  return buildPopulationGrid(areaCode, chosen.rows, chosen.sources);
}

export interface LoadedInputs {
  input: ModelInput;
  rates: StoredRate[];
  /** Market inputs apply to the borough this Steward serves only. */
  marketLinked: boolean;
  currentUse: CurrentUse[];
  supply: ServiceSupply[];
}

/** asAt: ISO date of "today" for current use and supply; the base year is its calendar year. */
export async function loadModelInputs(db: Db, areaCode: string, asAt: string): Promise<LoadedInputs> {
  const grid = await loadGrid(db, areaCode);
  const rates = await effectiveRates(db);
  const borough = await getBorough(db);
  const marketLinked = borough?.gssCode === areaCode;
  const use = marketLinked ? await currentUse(db, asAt) : [];
  const supply = marketLinked ? await currentSupply(db, areaCode, asAt) : [];
  const baseYear = Number(asAt.slice(0, 4));
  // The same date in each of the last three years, for service-use trends.
  const pastUse = [];
  if (marketLinked) {
    for (let back = 3; back >= 1; back--) {
      const year = baseYear - back;
      const monthDay = asAt.slice(4) === '-02-29' ? '-02-28' : asAt.slice(4);
      pastUse.push({ year, use: await currentUse(db, `${year}${monthDay}`) });
    }
  }
  return {
    input: { grid, rates, baseYear, currentUse: use, pastUse, supply, bands: REPORTING_BANDS },
    rates,
    marketLinked,
    currentUse: use,
    supply,
  };
}
