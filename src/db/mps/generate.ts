// Generates the live draft of the Market Position Statement: the figures come from the other areas' own
// repositories and domain functions (demand: population and projection model; market: capacity and price summaries
// and the register; contracts: register, procurement forecasts and delivery plan), assembled by the pure
// src/domain/mps/assemble.ts with the commissioners' latest text.
import type { Db } from '../client.js';
import { getBorough, getSetting, putSetting } from '../core/settings.js';
import { cachedByVersion } from '../core/versions.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { loadModelInputs, NoPopulation } from '../demand/model-inputs.js';
import { capacitySummary, priceSummary } from '../market/dashboard.js';
import { listLocations } from '../market/register.js';
import { listContracts } from '../contracts/contracts.js';
import { listProcurements } from '../contracts/procurements.js';
import { getPlan } from '../contracts/deliveryPlan.js';
import { londonToday } from '../../domain/core/dates.js';
import { NotFound } from '../../domain/core/errors.js';
import { DEFAULT_SCENARIO, runModel, type ModelResult } from '../../domain/demand/model.js';
import type { PopulationGrid } from '../../domain/demand/population.js';
import { assembleStatement } from '../../domain/mps/assemble.js';
import type { Statement, ValueDisclosure } from '../../domain/mps/statement.js';
import { latestNarrative } from './narrative.js';

/** Publication settings of the statement. */
export interface MpsSettings {
  /** How contract values appear on public pages (default: banded). */
  valueDisclosure: ValueDisclosure;
}

const SETTINGS_KEY = 'mps';
const DEFAULT_SETTINGS: MpsSettings = { valueDisclosure: 'band' };

/** The statement's publication settings (defaults when never set). */
export async function getMpsSettings(db: Db): Promise<MpsSettings> {
  return { ...DEFAULT_SETTINGS, ...((await getSetting<Partial<MpsSettings>>(db, SETTINGS_KEY)) ?? {}) };
}

/** Changes the publication settings, audited. */
export async function putMpsSettings(db: Db, actor: AuditActor, settings: MpsSettings): Promise<MpsSettings> {
  await db.transaction(async (tx) => {
    await putSetting(tx, SETTINGS_KEY, settings);
    await recordAudit(tx, actor, { action: 'settings', entity: 'mps', detail: { ...settings } });
  });
  return settings;
}

/** Years projected ahead of the base year. */
const PROJECTION_YEARS = 15;

async function population(
  db: Db,
  gssCode: string,
  asAt: string,
): Promise<{
  grid: PopulationGrid | null;
  model: ModelResult | null;
  currentUse: { service: string; clients: number; weeklyCostPence: number | null }[];
}> {
  try {
    const loaded = await loadModelInputs(db, gssCode, asAt);
    const grid = loaded.input.grid;
    const lastYear = grid.years.at(-1)!;
    const toYear = Math.min(loaded.input.baseYear + PROJECTION_YEARS, lastYear);
    let model: ModelResult | null = null;
    if (grid.years.includes(loaded.input.baseYear) && toYear > loaded.input.baseYear) {
      model = runModel(loaded.input, { ...DEFAULT_SCENARIO, toYear });
    }
    return { grid, model, currentUse: loaded.currentUse };
  } catch (err) {
    if (err instanceof NoPopulation) return { grid: null, model: null, currentUse: [] };
    throw err;
  }
}

/**
 * The live draft for today (London), or for `now` when given: every figure read fresh from the other areas.
 * @throws NotFound when no borough has been set up.
 */
export async function draftStatement(db: Db, now: Date = new Date()): Promise<Statement> {
  const borough = await getBorough(db);
  if (!borough) throw new NotFound('The borough this Steward serves (set it up first)');
  const asAt = londonToday(now);
  const settings = await getMpsSettings(db);
  const narrative = await latestNarrative(db);
  const inBorough = { inBorough: true };
  const [pop, capacity, prices, locations, contracts, procurements, plan] = await Promise.all([
    population(db, borough.gssCode, asAt),
    capacitySummary(db, inBorough, now),
    priceSummary(db, inBorough, now, 3),
    // The register of homes and agencies, read once per change of the market (a few thousand rows at most).
    cachedByVersion(db, 'market', 'mps-locations', () => listLocations(db, inBorough, 100_000)),
    listContracts(db, {}, asAt),
    listProcurements(db, asAt),
    getPlan(db),
  ]);
  return assembleStatement({
    borough: { name: borough.name, gssCode: borough.gssCode, synthetic: borough.synthetic },
    asAt,
    generatedAt: now.toISOString(),
    valueDisclosure: settings.valueDisclosure,
    narrative,
    population: pop.grid,
    model: pop.model,
    currentUse: pop.currentUse,
    capacity,
    prices,
    locations,
    contracts,
    procurements,
    providerNames: [
      ...new Set(
        [
          ...contracts.flatMap((c) => [c.providerName, c.locationName]),
          ...locations.flatMap((l) => [l.name, l.providerName]),
        ].filter((n): n is string => !!n),
      ),
    ],
    plan,
  });
}
