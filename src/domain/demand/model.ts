import { z } from 'zod';
import { AGE_COUNT, type AgeBand, bandLabel } from './ages.js';
import { applyPolicyLever, budgetPressure, type BudgetResult, type ServiceSeries } from './budget.js';
import { type GapResult, type ServiceSupply, supplyGap } from './gap.js';
import { type PopulationGrid } from './population.js';
import { type MeasureProjection, project } from './projection.js';
import {
  CARE_GROUP_LABELS,
  type CareGroup,
  type RateDefinition,
  type RateKind,
  type Service,
  SERVICE_LABELS,
  SERVICE_UNITS,
  SERVICES,
  rateScope,
  type RatePoint,
  scaleRate,
  scopeLabel,
} from './rates.js';
import { METHODS, type ProjectionMethod } from './trend.js';

const trajectoryPoint = z.object({ year: z.number().int().min(2000).max(2100), factor: z.number().min(0).max(20) });

export const policyLeverSchema = z.object({
  from: z.enum(SERVICES),
  to: z.enum(SERVICES),
  share: z.number().min(0).max(1),
  startYear: z.number().int().min(2000).max(2100),
  meanStayYears: z.number().positive().max(20),
  ratio: z.number().min(0).max(10),
});

/** A scenario: the parameters a commissioner can change and save. */
export const scenarioParamsSchema = z.object({
  method: z.enum(METHODS),
  toYear: z.number().int().min(2025).max(2060),
  targetOccupancy: z.number().gt(0).max(1),
  upliftRate: z.number().min(-0.2).max(0.5),
  /** Multiplies a rate's base values (1 = as shipped or edited); share overrides the default share. */
  rateAdjustments: z.record(
    z.string(),
    z.object({ factor: z.number().min(0).max(20).optional(), shareKnownToAsc: z.number().gt(0).max(1).optional() }),
  ),
  trajectories: z.record(z.string(), z.array(trajectoryPoint).max(50)),
  lever: policyLeverSchema.nullable(),
  /** Homecare hours a week per client; null = today's mean from packages. */
  homecareHoursPerClient: z.number().positive().max(168).nullable(),
});
export type ScenarioParams = z.infer<typeof scenarioParamsSchema>;

export const DEFAULT_SCENARIO: ScenarioParams = {
  method: 'constant',
  toYear: 2045,
  targetOccupancy: 0.95,
  upliftRate: 0,
  rateAdjustments: {},
  trajectories: {},
  lever: null,
  homecareHoursPerClient: null,
};

/** Today's council-supported use of a service (from placements and packages). */
export interface CurrentUse {
  service: Service;
  clients: number;
  /** Mean weekly cost per client in pence (whole pence), or null if no prices are recorded. */
  weeklyCostPence: number | null;
  /** Homecare: mean planned hours a week per client. */
  hoursPerClient: number | null;
}

export interface ModelInput {
  grid: PopulationGrid;
  rates: readonly RateDefinition[];
  baseYear: number;
  currentUse: readonly CurrentUse[];
  /**
   * Clients on the same date in earlier years (from placements and packages): gives service-use rates
   * without a recorded history one, so the linear-trend method can extend local growth.
   */
  pastUse?: readonly { year: number; use: readonly CurrentUse[] }[];
  supply: readonly ServiceSupply[];
  bands: readonly AgeBand[];
}

export interface Calibration {
  /** Clients the rate gives in the base year before calibration. */
  expected: number;
  /** Clients counted today from placements/packages. */
  observed: number;
  factor: number;
}

export interface MeasureOutput {
  key: string;
  label: string;
  careGroup: CareGroup;
  careGroupLabel: string;
  kind: RateKind;
  service: Service | null;
  source: string;
  sourceYear: number;
  shareKnownToAsc: number;
  scope: string;
  method: ProjectionMethod;
  methodNote: string;
  calibration: Calibration | null;
  projection: MeasureProjection;
  /** The rate actually applied (after calibration and scenario adjustments). */
  rate: RateDefinition;
}

export interface ServiceOutput {
  service: Service;
  label: string;
  unit: string;
  unitsPerClient: number;
  clients: number[];
  /** clients × units per client (÷ target occupancy for beds and units): supply needed. */
  gap: GapResult | null;
}

export interface ModelResult {
  areaCode: string;
  baseYear: number;
  years: number[];
  bands: string[];
  measures: MeasureOutput[];
  services: ServiceOutput[];
  budget: BudgetResult;
  notes: string[];
}

/**
 * A service-use rate's crude history from past clients: clients ÷ population in the ages the rate
 * covers, for each past year (and the base year) the population grid holds.
 */
export function useHistory(input: ModelInput, rate: RateDefinition): RatePoint[] {
  if (!rate.service || !input.pastUse?.length) return [];
  const scope = rateScope(rate);
  const points: RatePoint[] = [];
  const all = [...input.pastUse, { year: input.baseYear, use: input.currentUse }];
  for (const { year, use } of all) {
    const clients = use.find((u) => u.service === rate.service)?.clients ?? 0;
    const yi = input.grid.years.indexOf(year);
    if (yi < 0 || clients <= 0) continue;
    let pop = 0;
    for (let si = 0; si < input.grid.sexes.length; si++) {
      const base = (yi * input.grid.sexes.length + si) * AGE_COUNT;
      for (let a = 0; a < AGE_COUNT; a++) if (scope[a]) pop += input.grid.counts[base + a];
    }
    if (pop > 0) points.push({ year, value: clients / pop });
  }
  return points.length >= 2 ? points.sort((a, b) => a.year - b.year) : [];
}

/** Applies a scenario's adjustments (factor and share) to the rates. */
export function adjustedRates(rates: readonly RateDefinition[], params: ScenarioParams): RateDefinition[] {
  return rates.map((r) => {
    const adj = params.rateAdjustments[r.key];
    if (!adj) return r;
    const scaled = adj.factor !== undefined ? scaleRate(r, adj.factor) : r;
    return adj.shareKnownToAsc !== undefined ? { ...scaled, shareKnownToAsc: adj.shareKnownToAsc } : scaled;
  });
}

/**
 * Runs one scenario for one area: rates (calibrated so that service-use rates reproduce today's
 * clients in the base year) × population, then clients by service, supply gap and budget pressure.
 */
export function runModel(input: ModelInput, params: ScenarioParams): ModelResult {
  const notes: string[] = [...input.grid.notes];
  const useByService = new Map(input.currentUse.map((u) => [u.service, u]));
  let rates = adjustedRates(input.rates, params);

  // Derive current rates: scale each service's shipped age profile to today's clients.
  const baseReq = {
    grids: [input.grid],
    baseYear: input.baseYear,
    toYear: input.baseYear,
    method: 'constant' as const,
    bands: input.bands,
  };
  const calibrations = new Map<string, Calibration>();
  for (const service of SERVICES) {
    const use = useByService.get(service);
    const serviceRates = rates.filter((r) => r.kind === 'service_use' && r.service === service);
    if (!use || use.clients <= 0 || serviceRates.length === 0) continue;
    const expected = project({ ...baseReq, rates: serviceRates }).reduce((s, m) => s + m.totals[0], 0);
    if (expected <= 0) continue;
    const factor = use.clients / expected;
    for (const r of serviceRates) calibrations.set(r.key, { expected, observed: use.clients, factor });
  }
  rates = rates.map((r) => {
    const c = calibrations.get(r.key);
    if (!c) return r;
    const scaled = scaleRate(r, c.factor);
    return r.history.length > 0 ? scaled : { ...scaled, history: useHistory(input, r) };
  });

  const projections = project({
    grids: [input.grid],
    rates,
    baseYear: input.baseYear,
    toYear: params.toYear,
    method: params.method,
    trajectories: params.trajectories,
    bands: input.bands,
  });
  const years = projections[0]?.years ?? [];
  const measures: MeasureOutput[] = projections.map((p, i) => {
    const r = rates[i];
    return {
      key: r.key,
      label: r.label,
      careGroup: r.careGroup,
      careGroupLabel: CARE_GROUP_LABELS[r.careGroup],
      kind: r.kind,
      service: r.service,
      source: r.source,
      sourceYear: r.sourceYear,
      shareKnownToAsc: r.shareKnownToAsc,
      scope: scopeLabel(r),
      method: p.method,
      methodNote: p.note,
      calibration: calibrations.get(r.key) ?? null,
      projection: p,
      rate: r,
    };
  });

  // Clients by service: the sum of the service-use measures for that service.
  const seriesRaw: ServiceSeries[] = [];
  for (const service of SERVICES) {
    const ms = measures.filter((m) => m.kind === 'service_use' && m.service === service);
    if (ms.length === 0) continue;
    seriesRaw.push({ service, clients: years.map((_, yi) => ms.reduce((s, m) => s + m.projection.totals[yi], 0)) });
  }
  const series = applyPolicyLever(years, seriesRaw, params.lever);
  if (params.lever && params.lever.share > 0) {
    notes.push(
      `Policy lever: ${Math.round(params.lever.share * 100)}% of new ${SERVICE_LABELS[params.lever.from].toLowerCase()} admissions go to ${SERVICE_LABELS[params.lever.to].toLowerCase()} from ${params.lever.startYear}, building up over a mean stay of ${params.lever.meanStayYears} years.`,
    );
  }

  const services: ServiceOutput[] = series.map((s) => {
    const use = useByService.get(s.service);
    const unitsPerClient = s.service === 'homecare' ? (params.homecareHoursPerClient ?? use?.hoursPerClient ?? 10) : 1;
    const supply = input.supply.find((x) => x.service === s.service) ?? null;
    const occupancy = SERVICE_UNITS[s.service] === 'hours a week' ? 1 : params.targetOccupancy;
    return {
      service: s.service,
      label: SERVICE_LABELS[s.service],
      unit: SERVICE_UNITS[s.service],
      unitsPerClient,
      clients: s.clients,
      gap:
        supply && years.length
          ? supplyGap({
              service: s.service,
              years,
              baseYear: input.baseYear,
              clients: s.clients,
              unitsPerClient,
              supply,
              targetOccupancy: occupancy,
            })
          : null,
    };
  });

  const weeklyCostPence: Partial<Record<Service, number>> = {};
  for (const u of input.currentUse) if (u.weeklyCostPence !== null) weeklyCostPence[u.service] = u.weeklyCostPence;
  const budget = budgetPressure({
    years,
    baseYear: input.baseYear,
    series,
    weeklyCostPence,
    upliftRate: params.upliftRate,
  });

  return {
    areaCode: input.grid.areaCode,
    baseYear: input.baseYear,
    years,
    bands: input.bands.map(bandLabel),
    measures,
    services,
    budget,
    notes,
  };
}
