// The four national BCF metrics (2023–25 planning requirements), computed from counts and explained.
//
// Rates per 100,000 and percentages are plain numbers (not money). Every calculator validates its input and
// throws InputError naming the field at fault, so a figure a commissioner will quote never comes from bad data.
import { BOUNDS, withinBounds } from '../core/bounds.js';
import { InputError, type FieldError } from '../core/errors.js';
import { ESP2013, ESP2013_65_PLUS, type EspBand } from './esp2013.js';

export const METRICS = ['avoidable_admissions', 'falls', 'discharge_home', 'residential_admissions'] as const;
export type MetricKey = (typeof METRICS)[number];

/** Whether a lower or a higher figure is better. */
export type Direction = 'lower' | 'higher';

export interface MetricDefinition {
  key: MetricKey;
  /** The national template's short name. */
  name: string;
  /** The indicator in full. */
  title: string;
  unit: 'per_100000' | 'percent';
  direction: Direction;
  /** Where the figures come from in Steward. */
  source: string;
  /** How the figure is computed, in words a commissioner can check. */
  method: string;
}

export const METRIC_DEFINITIONS: Record<MetricKey, MetricDefinition> = {
  avoidable_admissions: {
    key: 'avoidable_admissions',
    name: 'Avoidable admissions',
    title: 'Unplanned hospitalisation for chronic ambulatory care sensitive conditions (ACSC), all ages',
    unit: 'per_100000',
    direction: 'lower',
    source:
      'Emergency admissions with a chronic ACSC primary diagnosis, counted by age band and quarter in the hospital activity file imported on the Data page or with the command steward import bcf-activity; population by age band from the need and demand area (mid-year estimate for the financial year).',
    method:
      'Directly age-standardised rate per 100,000 using the European Standard Population 2013 (19 five-year bands), with 95% confidence limits by the Dobson method with Byar’s approximation to the Poisson limits. The national indicator (NHS Oversight Framework / OHID) is indirectly standardised against England rates, which Steward does not hold: this directly standardised rate follows the same counts and is comparable quarter to quarter and place to place, but not digit for digit with the national ISR.',
  },
  falls: {
    key: 'falls',
    name: 'Falls',
    title: 'Emergency hospital admissions due to falls in people aged 65 and over',
    unit: 'per_100000',
    direction: 'lower',
    source:
      'Emergency admissions for falls injuries (ICD-10 S00–T98 primary diagnosis with an external cause W00–W19), people 65+, counted by five-year age band and quarter in the imported hospital activity file; population 65+ by five-year band from the mid-year estimate.',
    method:
      'Directly age-standardised rate per 100,000 (OHID Public Health Outcomes Framework indicator C29 / BCF metric): DSR = Σ(wᵢ·Oᵢ/nᵢ) / Σwᵢ × 100,000 over the six ESP2013 bands 65–69 … 90+ (weights 5,500, 5,000, 4,000, 2,500, 1,500, 1,000; Σw = 19,500). 95% confidence limits by the Dobson method as Fingertips and PHEindicatormethods::calculate_dsr compute them: Var(DSR) = Σ(wᵢ²·Oᵢ/nᵢ²)/(Σw)², and each limit = DSR + √(Var/O)·(O_limit − O), where O = ΣOᵢ and O_limit are Byar’s approximation to the exact Poisson limits of O. Fingertips suppresses a DSR built on fewer than 10 events; Steward shows it flagged.',
  },
  discharge_home: {
    key: 'discharge_home',
    name: 'Discharge to normal place of residence',
    title: 'Percentage of people discharged from acute hospital to their usual place of residence',
    unit: 'percent',
    direction: 'higher',
    source:
      'The discharge hub’s records: people discharged in the quarter (deaths left out) and those whose destination was their usual place of residence.',
    method:
      'Discharged to usual place of residence ÷ all discharged × 100, with 95% Wilson score confidence limits (the method OHID uses for proportions).',
  },
  residential_admissions: {
    key: 'residential_admissions',
    name: 'Residential admissions',
    title:
      'Long-term support needs of older people (aged 65 and over) met by admission to residential and nursing care homes, per 100,000 population (ASCOF 2A(2))',
    unit: 'per_100000',
    direction: 'lower',
    source:
      'Council-funded long-term care home placements (residential or nursing) that started in the period, from the market area’s placements; older people’s placements are those at an older people’s usual-rate band (individually negotiated learning disability and mental health placements are left out). Population 65+ from the mid-year estimate for the financial year.',
    method:
      'Permanent admissions ÷ population aged 65+ × 100,000 (ASCOF 2A part 2). A quarter’s figure is that quarter’s admissions over the year’s population, so the four quarters add up to the year.',
  },
};

/** The z value of a two-sided 95% interval, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/**
 * Byar's approximation to the lower exact Poisson confidence limit of an observed count O (Breslow & Day 1987):
 * O·(1 − 1/(9O) − z/(3√O))³; 0 when O = 0.
 */
export function byarsLower(observed: number, z = Z_95): number {
  if (observed <= 0) return 0;
  return observed * (1 - 1 / (9 * observed) - z / (3 * Math.sqrt(observed))) ** 3;
}

/** Byar's approximation to the upper exact Poisson limit: (O+1)·(1 − 1/(9(O+1)) + z/(3√(O+1)))³. */
export function byarsUpper(observed: number, z = Z_95): number {
  const o1 = observed + 1;
  return o1 * (1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1))) ** 3;
}

/** Events and population in one age band. */
export interface BandCounts {
  band: string;
  events: number;
  population: number;
}

export interface StandardisedRate {
  /** Directly standardised rate per 100,000. */
  rate: number;
  lower: number;
  upper: number;
  /** Total events O. */
  events: number;
  /** Total population of the bands. */
  population: number;
  /** Crude rate per 100,000 (events ÷ population). */
  crudeRate: number;
  /** Fewer than 10 events: Fingertips would not publish the rate. */
  lowCount: boolean;
  /** Per band: the rate per 100,000 and its ESP2013 weight. */
  bands: { band: string; events: number; population: number; weight: number; rate: number }[];
}

function isCount(n: number): boolean {
  return Number.isFinite(n) && n >= 0;
}

/**
 * Directly age-standardised rate per 100,000 with 95% confidence limits by the Dobson method (Byar's limits for
 * the total count), as OHID's Fingertips and PHEindicatormethods compute it.
 * @param rows events and population for every band of `standard` (any order; each band once)
 * @param standard the standard population bands (default ESP2013, all 19 bands)
 * @throws InputError naming each band that is missing, repeated, unknown, negative or has no population
 */
export function directlyStandardisedRate(
  rows: readonly BandCounts[],
  standard: readonly EspBand[] = ESP2013,
  z = Z_95,
): StandardisedRate {
  const errors: FieldError[] = [];
  const byBand = new Map<string, BandCounts>();
  const known = new Set(standard.map((b) => b.band));
  rows.forEach((r, i) => {
    if (!known.has(r.band))
      errors.push({ field: `bands.${i}.band`, message: `${r.band} is not one of the bands used` });
    else if (byBand.has(r.band)) errors.push({ field: `bands.${i}.band`, message: `${r.band} is given twice` });
    if (!isCount(r.events)) errors.push({ field: `bands.${i}.events`, message: 'Events must be a count of 0 or more' });
    if (!(Number.isFinite(r.population) && r.population > 0))
      errors.push({ field: `bands.${i}.population`, message: `Population for ${r.band} must be more than 0` });
    byBand.set(r.band, r);
  });
  for (const b of standard)
    if (!byBand.has(b.band)) errors.push({ field: 'bands', message: `Band ${b.band} is missing` });
  if (errors.length) throw new InputError(errors, 'The counts for the standardised rate are incomplete');

  const totalWeight = standard.reduce((s, b) => s + b.weight, 0);
  let weighted = 0;
  let variance = 0;
  let events = 0;
  let population = 0;
  const bands = standard.map((b) => {
    const r = byBand.get(b.band)!;
    weighted += (b.weight * r.events) / r.population;
    variance += (b.weight ** 2 * r.events) / r.population ** 2;
    events += r.events;
    population += r.population;
    return {
      band: b.band,
      events: r.events,
      population: r.population,
      weight: b.weight,
      rate: (r.events / r.population) * 1e5,
    };
  });
  const dsr = weighted / totalWeight;
  const varDsr = variance / totalWeight ** 2;
  const spread = events > 0 ? Math.sqrt(varDsr / events) : 0;
  const lower = events > 0 ? dsr + spread * (byarsLower(events, z) - events) : 0;
  // With no events the Dobson limits are undefined (Var = 0): the upper limit shown is then the crude rate
  // at Byar's upper limit of a zero count (about 3.7 events), "at most this".
  const upper = events > 0 ? dsr + spread * (byarsUpper(events, z) - events) : byarsUpper(0, z) / population;
  return {
    rate: dsr * 1e5,
    lower: Math.max(0, lower * 1e5),
    upper: upper * 1e5,
    events,
    population,
    crudeRate: (events / population) * 1e5,
    lowCount: events < 10,
    bands,
  };
}

/** Falls: emergency admissions 65+ directly standardised over the six ESP2013 bands 65–69 … 90+. */
export function fallsRate(rows: readonly BandCounts[], z = Z_95): StandardisedRate {
  return directlyStandardisedRate(rows, ESP2013_65_PLUS, z);
}

/** Avoidable (ACSC) admissions, all ages, directly standardised over the 19 ESP2013 bands. */
export function avoidableAdmissionsRate(rows: readonly BandCounts[], z = Z_95): StandardisedRate {
  return directlyStandardisedRate(rows, ESP2013, z);
}

/**
 * Permanent admissions of people 65+ to residential and nursing care per 100,000 population 65+ (ASCOF 2A(2)).
 * @throws InputError when admissions are not a count or the population is not positive
 */
export function residentialAdmissionsRate(admissions: number, population65: number): number {
  const errors: FieldError[] = [];
  if (!Number.isInteger(admissions) || admissions < 0)
    errors.push({ field: 'admissions', message: 'Admissions must be a whole number of 0 or more' });
  if (!(Number.isFinite(population65) && population65 > 0))
    errors.push({ field: 'population65', message: 'Population aged 65+ must be more than 0' });
  if (errors.length) throw new InputError(errors);
  return (admissions / population65) * 1e5;
}

export interface Proportion {
  /** Percentage 0–100. */
  percent: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a proportion, as a percentage (OHID's method for proportions).
 * @throws InputError when the numerator is more than the denominator or either is not a count
 */
export function wilsonPercent(numerator: number, denominator: number, z = Z_95): Proportion {
  const errors: FieldError[] = [];
  if (!Number.isInteger(denominator) || denominator <= 0)
    errors.push({ field: 'discharges', message: 'Discharges must be a whole number more than 0' });
  if (!Number.isInteger(numerator) || numerator < 0 || numerator > denominator)
    errors.push({
      field: 'toUsualResidence',
      message: 'Discharges home must be a whole number, at most all discharges',
    });
  if (errors.length) throw new InputError(errors);
  const p = numerator / denominator;
  const z2 = z * z;
  const centre = (2 * numerator + z2) / (2 * (denominator + z2));
  const half = (z * Math.sqrt(z2 + 4 * numerator * (1 - p))) / (2 * (denominator + z2));
  return { percent: p * 100, lower: (centre - half) * 100, upper: (centre + half) * 100 };
}

/** Discharge to usual place of residence as a percentage of all discharges (deaths left out). */
export function dischargeHomePercent(toUsualResidence: number, discharges: number): Proportion {
  return wilsonPercent(toUsualResidence, discharges);
}

export type Rag = 'green' | 'amber' | 'red';

/** Tolerance for amber: 5% of the plan for rates, 1 percentage point for percentages. */
export const RAG_TOLERANCE = { relative: 0.05, percentagePoints: 1 } as const;

/**
 * Red, amber or green against plan. On or better than plan: green. Within the tolerance (worse than plan by at
 * most 5% of it for rates, 1 percentage point for percentages): amber. Worse: red. Null without both figures.
 */
export function ragRating(key: MetricKey, actual: number | null, plan: number | null): Rag | null {
  if (actual === null || plan === null) return null;
  const def = METRIC_DEFINITIONS[key];
  const worseBy = def.direction === 'lower' ? actual - plan : plan - actual;
  if (worseBy <= 1e-9) return 'green';
  const tolerance = def.unit === 'percent' ? RAG_TOLERANCE.percentagePoints : plan * RAG_TOLERANCE.relative;
  return worseBy <= tolerance + 1e-9 ? 'amber' : 'red';
}

/** Round half away from zero to `digits` decimals (figures are published to one decimal). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}

/**
 * What is wrong with a metric's planned value, or null: a percentage metric (discharge to normal place of
 * residence) is planned from 0 to 100; a rate per 100,000 within BOUNDS.metricValue. The same check for the API,
 * the return import and any form. The message starts with a lower-case verb so it reads after a field name too.
 */
export function metricPlanProblem(metric: MetricKey, value: number): string | null {
  const def = METRIC_DEFINITIONS[metric];
  if (def.unit === 'percent')
    return withinBounds(value, BOUNDS.percent, false)
      ? null
      : `${def.name} is a percentage: enter a plan from ${BOUNDS.percent.min} to ${BOUNDS.percent.max}`;
  return withinBounds(value, BOUNDS.metricValue, false)
    ? null
    : `${def.name} is a rate per 100,000 people: enter a plan from 0 to ${BOUNDS.metricValue.max.toLocaleString('en-GB')}`;
}
