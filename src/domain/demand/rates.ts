import { AGE_COUNT, type AgeBand, bandEnd, bandLabel, validBand } from './ages.js';
import type { PopulationSex } from './population.js';

export const CARE_GROUPS = [
  'older_people',
  'learning_disability',
  'autism',
  'mental_health',
  'physical_disability',
  'all_adults',
] as const;
export type CareGroup = (typeof CARE_GROUPS)[number];

export const CARE_GROUP_LABELS: Record<CareGroup, string> = {
  older_people: 'Older people (65+)',
  learning_disability: 'Learning disability',
  autism: 'Autism',
  mental_health: 'Mental health',
  physical_disability: 'Physical disability and sensory impairment',
  all_adults: 'All adults',
};

export const SERVICES = [
  'care_home_residential',
  'care_home_nursing',
  'homecare',
  'supported_living',
  'extra_care',
  'reablement',
] as const;
export type Service = (typeof SERVICES)[number];

export const SERVICE_LABELS: Record<Service, string> = {
  care_home_residential: 'Residential care home',
  care_home_nursing: 'Nursing care home',
  homecare: 'Homecare',
  supported_living: 'Supported living',
  extra_care: 'Extra care housing',
  reablement: 'Reablement',
};

/** What one client of a service needs from supply: a bed, hours of care a week, or a unit. */
export const SERVICE_UNITS: Record<Service, 'beds' | 'hours a week' | 'units' | 'places'> = {
  care_home_residential: 'beds',
  care_home_nursing: 'beds',
  homecare: 'hours a week',
  supported_living: 'units',
  extra_care: 'units',
  reablement: 'places',
};

export const RATE_KINDS = ['prevalence', 'service_use', 'admissions'] as const;
export type RateKind = (typeof RATE_KINDS)[number];

/** A rate for one sex (or persons) and one age band, as a proportion (0.017 = 1.7%). */
export interface RateCell {
  sex: PopulationSex;
  ageFrom: number;
  ageTo: number | null;
  value: number;
}

export interface RatePoint {
  year: number;
  value: number;
}

/**
 * A prevalence or service-use rate. Demand = population × rate × share known to adult social care.
 * `history` holds the crude rate (all ages covered) in past years: the "generous" method extends its
 * linear trend.
 */
export interface RateDefinition {
  key: string;
  label: string;
  careGroup: CareGroup;
  kind: RateKind;
  /** For service-use rates: the service whose clients this counts. */
  service: Service | null;
  cells: RateCell[];
  shareKnownToAsc: number;
  source: string;
  sourceYear: number;
  history: RatePoint[];
}

export interface FieldIssue {
  field: string;
  message: string;
}

/** Checks a rate definition; returns issues naming the field (empty when it is sound). */
export function validateRate(def: RateDefinition): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!/^[a-z0-9_]+$/.test(def.key))
    issues.push({ field: 'key', message: 'use lower-case letters, digits and underscores' });
  if (!def.label.trim()) issues.push({ field: 'label', message: 'give the rate a name' });
  if (!(def.shareKnownToAsc > 0 && def.shareKnownToAsc <= 1)) {
    issues.push({
      field: 'shareKnownToAsc',
      message: 'share known to adult social care must be more than 0 and at most 1 (100%)',
    });
  }
  if (def.kind === 'service_use' && !def.service)
    issues.push({ field: 'service', message: 'a service-use rate needs a service' });
  if (!def.source.trim()) issues.push({ field: 'source', message: 'say where the rate comes from' });
  if (!Number.isInteger(def.sourceYear) || def.sourceYear < 1990 || def.sourceYear > 2100) {
    issues.push({ field: 'sourceYear', message: 'source year must be a year such as 2023' });
  }
  if (def.cells.length === 0) issues.push({ field: 'cells', message: 'give at least one age band with a rate' });
  const seen = new Map<string, Uint8Array>();
  def.cells.forEach((cell, i) => {
    const band: AgeBand = { from: cell.ageFrom, to: cell.ageTo };
    if (!validBand(band)) {
      issues.push({
        field: `cells.${i}.ageTo`,
        message: `age band ${cell.ageFrom}–${cell.ageTo ?? '+'} is not valid (0–89, or open-ended)`,
      });
      return;
    }
    if (!(cell.value >= 0 && cell.value <= 1)) {
      issues.push({
        field: `cells.${i}.value`,
        message: `rate for ${bandLabel(band)} must be between 0 and 1 (0% and 100%)`,
      });
    }
    // persons cells overlap both sexes.
    const sexes = cell.sex === 'persons' ? ['female', 'male'] : [cell.sex];
    for (const sex of sexes) {
      const used = seen.get(sex) ?? new Uint8Array(AGE_COUNT);
      seen.set(sex, used);
      for (let a = cell.ageFrom; a <= bandEnd(band); a++) {
        if (used[a]) {
          issues.push({
            field: `cells.${i}.ageFrom`,
            message: `age band ${bandLabel(band)} (${cell.sex}) overlaps another band for the same sex`,
          });
          return;
        }
        used[a] = 1;
      }
    }
  });
  def.history.forEach((p, i) => {
    if (!Number.isInteger(p.year))
      issues.push({ field: `history.${i}.year`, message: 'history year must be a whole year' });
    if (!(p.value >= 0 && p.value <= 1))
      issues.push({ field: `history.${i}.value`, message: 'history rate must be between 0 and 1' });
  });
  if (new Set(def.history.map((p) => p.year)).size !== def.history.length) {
    issues.push({ field: 'history', message: 'each history year may appear once' });
  }
  return issues;
}

/**
 * The rate as a dense vector over [sex][age] for the grid's sexes. Ages outside every cell get 0
 * (the rate does not apply there). For a persons-only population, a sex-specific rate is the
 * unweighted mean of its female and male values.
 */
export function rateVector(def: RateDefinition, sexes: readonly PopulationSex[]): Float64Array {
  const bySex = { female: new Float64Array(AGE_COUNT), male: new Float64Array(AGE_COUNT) };
  for (const cell of def.cells) {
    const end = bandEnd({ from: cell.ageFrom, to: cell.ageTo });
    const targets = cell.sex === 'persons' ? [bySex.female, bySex.male] : [bySex[cell.sex]];
    for (const t of targets) for (let a = cell.ageFrom; a <= end; a++) t[a] = cell.value;
  }
  const out = new Float64Array(sexes.length * AGE_COUNT);
  sexes.forEach((sex, si) => {
    for (let a = 0; a < AGE_COUNT; a++) {
      out[si * AGE_COUNT + a] = sex === 'persons' ? (bySex.female[a] + bySex.male[a]) / 2 : bySex[sex][a];
    }
  });
  return out;
}

/** Ages (any sex) the rate applies to, as a mask over 0…90. */
export function rateScope(def: RateDefinition): Uint8Array {
  const mask = new Uint8Array(AGE_COUNT);
  for (const cell of def.cells) {
    for (let a = cell.ageFrom; a <= bandEnd({ from: cell.ageFrom, to: cell.ageTo }); a++) mask[a] = 1;
  }
  return mask;
}

/** Human description of the ages a rate covers, e.g. "18+" or "65-74, 85+". */
export function scopeLabel(def: RateDefinition): string {
  const mask = rateScope(def);
  const parts: string[] = [];
  let start = -1;
  for (let a = 0; a <= AGE_COUNT; a++) {
    if (a < AGE_COUNT && mask[a]) {
      if (start < 0) start = a;
    } else if (start >= 0) {
      parts.push(bandLabel({ from: start, to: a - 1 === 90 ? null : a - 1 }));
      start = -1;
    }
  }
  return parts.join(', ');
}

/** Returns a copy of the definition with every cell multiplied by `factor`. */
export function scaleRate(def: RateDefinition, factor: number): RateDefinition {
  return { ...def, cells: def.cells.map((c) => ({ ...c, value: c.value * factor })) };
}
