import { AGE_COUNT, type AgeBand, bandEnd, bandLabel } from './ages.js';
import { type PopulationGrid, type PopulationSex, gridIndex } from './population.js';
import { type RateDefinition, rateVector, scopeLabel } from './rates.js';
import { type ProjectionMethod, type TrajectoryPoint, rateMultipliers } from './trend.js';

export interface ProjectionRequest {
  grids: readonly PopulationGrid[];
  rates: readonly RateDefinition[];
  baseYear: number;
  toYear: number;
  /** First year shown (defaults to the base year); earlier grid years are left out. */
  fromYear?: number;
  method: ProjectionMethod;
  /** Custom trajectories by rate key (used when method is 'custom'; others stay constant). */
  trajectories?: Readonly<Record<string, readonly TrajectoryPoint[]>>;
  /** Bands to report people in. Totals always count every age the rate covers. */
  bands: readonly AgeBand[];
}

/** People with a need (or using a service) for one area and one rate, by year, sex and band. */
export interface MeasureProjection {
  areaCode: string;
  rateKey: string;
  years: number[];
  sexes: PopulationSex[];
  bands: AgeBand[];
  /** people[(yearIndex * sexes.length + sexIndex) * bands.length + bandIndex] */
  people: Float64Array;
  /** People in each year (every age the rate covers, both sexes). */
  totals: number[];
  /** Population in the ages the rate covers, each year: the denominator of the crude rate. */
  populationInScope: number[];
  multipliers: number[];
  method: ProjectionMethod;
  note: string;
}

export class ProjectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectionError';
  }
}

/**
 * The years a projection covers, from `fromYear` (or the base year) to `toYear`.
 * @throws ProjectionError when the area has no population for the base year or a year in between
 */
export function projectionYears(
  grid: PopulationGrid,
  req: Pick<ProjectionRequest, 'baseYear' | 'toYear' | 'fromYear'>,
): number[] {
  const from = req.fromYear ?? req.baseYear;
  if (!grid.years.includes(req.baseYear)) {
    throw new ProjectionError(`area ${grid.areaCode} has no population for the base year ${req.baseYear}`);
  }
  const years = grid.years.filter((y) => y >= from && y <= req.toYear);
  for (let y = from; y <= req.toYear; y++) {
    if (!years.includes(y))
      throw new ProjectionError(`area ${grid.areaCode} has no population for ${y} (needed up to ${req.toYear})`);
  }
  return years;
}

/** The age → band index map (-1 where no band covers the age). */
function bandMap(bands: readonly AgeBand[]): Int16Array {
  const map = new Int16Array(AGE_COUNT).fill(-1);
  bands.forEach((b, i) => {
    for (let a = b.from; a <= bandEnd(b); a++) map[a] = i;
  });
  return map;
}

/**
 * The engine: for every area and rate, people = population × rate × share known to adult social
 * care × the rate's multiplier for the year (1 for a constant rate).
 */
export function project(req: ProjectionRequest): MeasureProjection[] {
  const bands = [...req.bands];
  const map = bandMap(bands);
  const out: MeasureProjection[] = [];
  // Grids usually share their sexes and years: rate vectors and multipliers are computed once per shape.
  const vectors = new Map<string, { vec: Float64Array; ages: Int16Array; bandOf: Int16Array }>();
  const multipliers = new Map<string, ReturnType<typeof rateMultipliers>>();
  for (const grid of req.grids) {
    const years = projectionYears(grid, req);
    const S = grid.sexes.length;
    const B = bands.length;
    const yearsKey = years.join(',');
    for (const rate of req.rates) {
      const vKey = `${rate.key}|${grid.sexes.join(',')}`;
      let v = vectors.get(vKey);
      if (!v) {
        const vec = rateVector(rate, grid.sexes);
        // Only the ages the rate covers (for any sex) are visited.
        const active: number[] = [];
        for (let a = 0; a < AGE_COUNT; a++) {
          for (let si = 0; si < S; si++) {
            if (vec[si * AGE_COUNT + a] !== 0) {
              active.push(a);
              break;
            }
          }
        }
        v = { vec, ages: Int16Array.from(active), bandOf: Int16Array.from(active.map((a) => map[a])) };
        vectors.set(vKey, v);
      }
      const mKey = `${rate.key}|${yearsKey}`;
      let mult = multipliers.get(mKey);
      if (!mult) {
        mult = rateMultipliers(req.method, years, req.baseYear, rate.history, req.trajectories?.[rate.key] ?? []);
        multipliers.set(mKey, mult);
      }
      const { vec, ages, bandOf } = v;
      const n = ages.length;
      const share = rate.shareKnownToAsc;
      const people = new Float64Array(years.length * S * B);
      const totals: number[] = new Array(years.length).fill(0);
      const inScope: number[] = new Array(years.length).fill(0);
      const counts = grid.counts;
      for (let yi = 0; yi < years.length; yi++) {
        const gy = grid.years.indexOf(years[yi]);
        const factor = mult.factors[yi] * share;
        let total = 0;
        let scope = 0;
        for (let si = 0; si < S; si++) {
          const src = gridIndex(grid, gy, si);
          const rv = si * AGE_COUNT;
          const dst = (yi * S + si) * B;
          for (let k = 0; k < n; k++) {
            const a = ages[k];
            const r = vec[rv + a];
            if (r === 0) continue;
            const pop = counts[src + a];
            const value = pop * r * factor;
            total += value;
            scope += pop;
            const bi = bandOf[k];
            if (bi >= 0) people[dst + bi] += value;
          }
        }
        totals[yi] = total;
        inScope[yi] = scope;
      }
      out.push({
        areaCode: grid.areaCode,
        rateKey: rate.key,
        years,
        sexes: grid.sexes,
        bands,
        people,
        totals,
        populationInScope: inScope,
        multipliers: mult.factors,
        method: mult.applied,
        note: mult.note,
      });
    }
  }
  return out;
}

/** People in one year, optionally for one sex and one band (by index into the result's bands). */
export function peopleIn(
  m: MeasureProjection,
  year: number,
  opts: { sex?: PopulationSex; band?: number } = {},
): number {
  const yi = m.years.indexOf(year);
  if (yi < 0) throw new ProjectionError(`no projection for ${year}`);
  if (opts.sex === undefined && opts.band === undefined) return m.totals[yi];
  const S = m.sexes.length;
  const B = m.bands.length;
  let sum = 0;
  for (let si = 0; si < S; si++) {
    if (opts.sex && opts.sex !== 'persons' && m.sexes[si] !== opts.sex) continue;
    for (let bi = 0; bi < B; bi++) {
      if (opts.band !== undefined && bi !== opts.band) continue;
      sum += m.people[(yi * S + si) * B + bi];
    }
  }
  return sum;
}

/** One line of a figure's working: population × rate × share × multiplier = people. */
export interface ExplanationLine {
  sex: PopulationSex;
  ages: string;
  population: number;
  rate: number;
  shareKnownToAsc: number;
  multiplier: number;
  people: number;
}

export interface Explanation {
  areaCode: string;
  rateKey: string;
  rateLabel: string;
  source: string;
  sourceYear: number;
  year: number;
  scope: string;
  method: ProjectionMethod;
  methodNote: string;
  lines: ExplanationLine[];
  total: number;
}

/**
 * Shows how a projected figure is made, one line per sex and rate band (the rate's own bands, so
 * each line has a single rate), so a commissioner can reproduce it by hand.
 */
export function explainFigure(
  grid: PopulationGrid,
  rate: RateDefinition,
  m: MeasureProjection,
  year: number,
  band?: AgeBand,
): Explanation {
  const yi = m.years.indexOf(year);
  if (yi < 0) throw new ProjectionError(`no projection for ${year}`);
  const gy = grid.years.indexOf(year);
  const lines: ExplanationLine[] = [];
  const vec = rateVector(rate, grid.sexes);
  const cells = [...rate.cells].sort((a, b) => a.ageFrom - b.ageFrom);
  grid.sexes.forEach((sex, si) => {
    // Walk the rate's distinct (age range, value) runs for this sex, clipped to the requested band.
    const seenRanges = new Set<string>();
    for (const cell of cells) {
      let from = cell.ageFrom;
      let to = bandEnd({ from: cell.ageFrom, to: cell.ageTo });
      if (band) {
        from = Math.max(from, band.from);
        to = Math.min(to, bandEnd(band));
        if (from > to) continue;
      }
      const key = `${from}-${to}`;
      if (seenRanges.has(key)) continue;
      const r = vec[si * AGE_COUNT + from];
      if (sex !== 'persons' && cell.sex !== 'persons' && cell.sex !== sex) continue;
      seenRanges.add(key);
      let pop = 0;
      const base = gridIndex(grid, gy, si);
      for (let a = from; a <= to; a++) pop += grid.counts[base + a];
      lines.push({
        sex,
        ages: bandLabel({ from, to: to === 90 ? null : to }),
        population: pop,
        rate: r,
        shareKnownToAsc: rate.shareKnownToAsc,
        multiplier: m.multipliers[yi],
        people: pop * r * rate.shareKnownToAsc * m.multipliers[yi],
      });
    }
  });
  return {
    areaCode: m.areaCode,
    rateKey: rate.key,
    rateLabel: rate.label,
    source: rate.source,
    sourceYear: rate.sourceYear,
    year,
    scope: scopeLabel(rate),
    method: m.method,
    methodNote: m.note,
    lines,
    total: lines.reduce((s, l) => s + l.people, 0),
  };
}

/** Adds measure projections of several areas (same rate, bands and years) into one. */
export function sumProjections(areaCode: string, parts: readonly MeasureProjection[]): MeasureProjection {
  if (parts.length === 0) throw new ProjectionError('nothing to add up');
  const first = parts[0];
  const years = first.years.filter((y) => parts.every((p) => p.years.includes(y)));
  const B = first.bands.length;
  const totals = years.map(() => 0);
  const inScope = years.map(() => 0);
  const people = new Float64Array(years.length * B);
  for (const p of parts) {
    years.forEach((year, yi) => {
      const pi = p.years.indexOf(year);
      totals[yi] += p.totals[pi];
      inScope[yi] += p.populationInScope[pi];
      for (let si = 0; si < p.sexes.length; si++) {
        for (let bi = 0; bi < B; bi++) people[yi * B + bi] += p.people[(pi * p.sexes.length + si) * B + bi];
      }
    });
  }
  return {
    ...first,
    areaCode,
    years,
    sexes: ['persons'],
    people,
    totals,
    populationInScope: inScope,
    multipliers: years.map((y) => first.multipliers[first.years.indexOf(y)]),
  };
}
