import { AGE_COUNT, type AgeBand, bandEnd, bandLabel, OPEN_AGE, spreadEvenly } from './ages.js';

export type Sex = 'female' | 'male';
export type PopulationSex = Sex | 'persons';
export type PopulationKind = 'estimate' | 'projection';

/** One published population figure: an area, a mid-year, a sex and an age or age band. */
export interface PopulationRow {
  areaCode: string;
  year: number;
  sex: PopulationSex;
  ageFrom: number;
  ageTo: number | null;
  count: number;
}

export interface SourcedPopulationRow extends PopulationRow {
  kind: PopulationKind;
  /** e.g. "ONS 2022-based SNPP" or "ONS mid-2023 estimates". */
  vintage: string;
}

/**
 * One area's population for a mid-year and sex, in age bands: ageFrom holds each band's first age
 * (ascending from 0) and the last band is open-ended. Single years give ageFrom = [0, 1, …, 90].
 */
export interface PopulationSeries {
  areaCode: string;
  year: number;
  sex: PopulationSex;
  ageFrom: number[];
  counts: number[];
}

export interface SourcedPopulationSeries extends PopulationSeries {
  kind: PopulationKind;
  vintage: string;
}

/** Figures in columns (as importers collect them). */
export interface PopulationColumns {
  areaCode: readonly string[];
  year: readonly number[];
  sex: readonly PopulationSex[];
  ageFrom: readonly number[];
  ageTo: readonly (number | null)[];
  count: readonly number[];
}

/**
 * Groups figures into series, one per area, year and sex, checking that each covers 0 to 90+ exactly
 * once (overlaps and gaps are errors).
 */
export function seriesFromColumns(cols: PopulationColumns): PopulationSeries[] {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < cols.count.length; i++) {
    const key = `${cols.areaCode[i]}|${cols.year[i]}|${cols.sex[i]}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  const out: PopulationSeries[] = [];
  for (const idx of groups.values()) {
    idx.sort((a, b) => cols.ageFrom[a] - cols.ageFrom[b]);
    const first = idx[0];
    const where = `area ${cols.areaCode[first]}, ${cols.year[first]}, ${cols.sex[first]}`;
    let next = 0;
    for (const i of idx) {
      const band = { from: cols.ageFrom[i], to: cols.ageTo[i] };
      if (band.from < next)
        throw new PopulationError(`${where}: age ${band.from} is given twice (band ${bandLabel(band)})`);
      if (band.from > next) throw new PopulationError(`${where}: no figure covers age ${next}`);
      next = bandEnd(band) + 1;
      if (band.to !== null && band.to >= 90) next = 91;
    }
    const last = idx[idx.length - 1];
    if (cols.ageTo[last] !== null && bandEnd({ from: cols.ageFrom[last], to: cols.ageTo[last] }) < 90) {
      throw new PopulationError(`${where}: no figure covers age ${next === 90 ? '90 and over' : next}`);
    }
    out.push({
      areaCode: cols.areaCode[first],
      year: cols.year[first],
      sex: cols.sex[first],
      ageFrom: idx.map((i) => cols.ageFrom[i]),
      counts: idx.map((i) => cols.count[i]),
    });
  }
  return out;
}

/**
 * Population rows (one per area, year, sex and age band) gathered into series, one per area, year, sex and source.
 */
export function seriesFromRows(rows: readonly PopulationRow[]): PopulationSeries[] {
  return seriesFromColumns({
    areaCode: rows.map((r) => r.areaCode),
    year: rows.map((r) => r.year),
    sex: rows.map((r) => r.sex),
    ageFrom: rows.map((r) => r.ageFrom),
    ageTo: rows.map((r) => r.ageTo),
    count: rows.map((r) => r.count),
  });
}

/**
 * One area's population as a dense grid: counts[(yearIndex * sexes.length + sexIndex) * 91 + age].
 * Sexes are female and male when the data give them, or persons alone when they do not.
 */
export interface PopulationGrid {
  areaCode: string;
  years: number[];
  sexes: PopulationSex[];
  counts: Float64Array;
  /** Where each year's figures came from, for the method note. */
  sources: { year: number; kind: PopulationKind | 'given'; vintage: string }[];
  notes: string[];
}

export class PopulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PopulationError';
  }
}

/** The offset in a population grid's flat counts of a year and sex (single years of age follow, 0 to 90+). */
export function gridIndex(grid: PopulationGrid, yearIndex: number, sexIndex: number): number {
  return (yearIndex * grid.sexes.length + sexIndex) * AGE_COUNT;
}

/**
 * Chooses, for each year, the figures to use: the mid-year estimate when there is one (the latest
 * vintage), otherwise the projection of the preferred (or latest) vintage.
 */
export function selectPopulationRows<
  R extends { areaCode: string; year: number; kind: PopulationKind; vintage: string },
>(
  rows: readonly R[],
  preferredProjection?: string,
): { rows: R[]; sources: Map<string, { kind: PopulationKind; vintage: string }> } {
  const byAreaYear = new Map<string, R[]>();
  for (const r of rows) {
    const key = `${r.areaCode}|${r.year}`;
    const list = byAreaYear.get(key);
    if (list) list.push(r);
    else byAreaYear.set(key, [r]);
  }
  const chosen: R[] = [];
  const sources = new Map<string, { kind: PopulationKind; vintage: string }>();
  for (const [key, list] of byAreaYear) {
    const estimates = list.filter((r) => r.kind === 'estimate');
    let pick: { kind: PopulationKind; vintage: string };
    if (estimates.length > 0) {
      pick = { kind: 'estimate', vintage: latestVintage(estimates.map((r) => r.vintage)) };
    } else {
      const vintages = [...new Set(list.map((r) => r.vintage))];
      const vintage =
        preferredProjection && vintages.includes(preferredProjection) ? preferredProjection : latestVintage(vintages);
      pick = { kind: 'projection', vintage };
    }
    sources.set(key, pick);
    for (const r of list) if (r.kind === pick.kind && r.vintage === pick.vintage) chosen.push(r);
  }
  return { rows: chosen, sources };
}

function latestVintage(vintages: string[]): string {
  // Vintages name their base year ("2022-based", "mid-2023"); the highest year wins, then the name.
  const year = (v: string) => Math.max(0, ...(v.match(/\d{4}/g) ?? []).map(Number));
  return [...new Set(vintages)].sort((a, b) => year(b) - year(a) || b.localeCompare(a))[0];
}

/**
 * Builds the grid for one area from its series. Single years are used as they are; a year given only
 * in wider bands is spread evenly within each band (noted), which keeps every band total exact.
 */
export function buildPopulationGrid(
  areaCode: string,
  series: readonly PopulationSeries[],
  sources?: Map<string, { kind: PopulationKind; vintage: string }>,
): PopulationGrid {
  const own = series.filter((r) => r.areaCode === areaCode);
  if (own.length === 0) throw new PopulationError(`no population figures for area ${areaCode}`);
  const years = [...new Set(own.map((r) => r.year))].sort((a, b) => a - b);
  const hasSplit = own.some((r) => r.sex !== 'persons');
  const sexes: PopulationSex[] = hasSplit ? ['female', 'male'] : ['persons'];
  const counts = new Float64Array(years.length * sexes.length * AGE_COUNT);
  const seen = new Set<string>();
  const notes: string[] = [];
  let spread = false;
  for (const r of own) {
    const si = sexes.indexOf(r.sex);
    if (si < 0) continue; // persons series are redundant when female and male are given
    const key = `${r.year}|${r.sex}`;
    if (seen.has(key)) throw new PopulationError(`area ${areaCode}, ${r.year}, ${r.sex}: given twice`);
    seen.add(key);
    if (r.ageFrom.length !== r.counts.length || r.ageFrom[0] !== 0) {
      throw new PopulationError(
        `area ${areaCode}, ${r.year}, ${r.sex}: age bands must start at 0 and have one count each`,
      );
    }
    const base = (years.indexOf(r.year) * sexes.length + si) * AGE_COUNT;
    for (let b = 0; b < r.ageFrom.length; b++) {
      const from = r.ageFrom[b];
      const end = b + 1 < r.ageFrom.length ? r.ageFrom[b + 1] - 1 : OPEN_AGE;
      if (end < from || from > OPEN_AGE)
        throw new PopulationError(`area ${areaCode}, ${r.year}, ${r.sex}: age bands must ascend`);
      if (end === from) counts[base + from] += r.counts[b];
      else {
        spread = true;
        spreadEvenly({ from, to: end === OPEN_AGE ? null : end }, r.counts[b], counts, base);
      }
    }
  }
  for (const year of years) {
    for (const sex of sexes) {
      if (!seen.has(`${year}|${sex}`)) throw new PopulationError(`area ${areaCode}, ${year}: no figures for ${sex}`);
    }
  }
  if (spread)
    notes.push(
      'Some years were published in age bands; each band was spread evenly over its single years, so band totals are exact.',
    );
  if (!hasSplit) notes.push('Population is for persons only; sex-specific rates are averaged over females and males.');
  return {
    areaCode,
    years,
    sexes,
    counts,
    sources: years.map((year) => {
      const s = sources?.get(`${areaCode}|${year}`);
      return { year, kind: s?.kind ?? 'given', vintage: s?.vintage ?? '' };
    }),
    notes,
  };
}

/** Population of an area in a year, for a sex (or all) and an age band. */
export function populationIn(
  grid: PopulationGrid,
  year: number,
  band: AgeBand,
  sex: PopulationSex | 'all' = 'all',
): number {
  const yi = grid.years.indexOf(year);
  if (yi < 0) throw new PopulationError(`area ${grid.areaCode} has no population for ${year}`);
  let sum = 0;
  const end = bandEnd(band);
  if ((sex === 'female' || sex === 'male') && !grid.sexes.includes(sex)) {
    throw new PopulationError(`area ${grid.areaCode} has population for persons only, not ${sex}s`);
  }
  for (let si = 0; si < grid.sexes.length; si++) {
    // 'all' and 'persons' both mean every sex in the grid.
    if ((sex === 'female' || sex === 'male') && grid.sexes[si] !== sex) continue;
    const base = gridIndex(grid, yi, si);
    for (let a = band.from; a <= end; a++) sum += grid.counts[base + a];
  }
  return sum;
}

/** Population by band for each year, summed over sexes: used for the "population by age" chart. */
export function populationByBand(
  grid: PopulationGrid,
  bands: readonly AgeBand[],
): { year: number; band: string; people: number }[] {
  const out: { year: number; band: string; people: number }[] = [];
  for (const year of grid.years) {
    for (const band of bands) out.push({ year, band: bandLabel(band), people: populationIn(grid, year, band) });
  }
  return out;
}

/** Adds the grids of several areas (e.g. wards into a borough) over the years they share. */
export function sumGrids(areaCode: string, grids: readonly PopulationGrid[]): PopulationGrid {
  if (grids.length === 0) throw new PopulationError('no areas to add up');
  const years = grids[0].years.filter((y) => grids.every((g) => g.years.includes(y)));
  const split = grids.every((g) => g.sexes.length === 2);
  const sexes: PopulationSex[] = split ? ['female', 'male'] : ['persons'];
  const counts = new Float64Array(years.length * sexes.length * AGE_COUNT);
  for (const g of grids) {
    years.forEach((year, yi) => {
      const gy = g.years.indexOf(year);
      for (let gs = 0; gs < g.sexes.length; gs++) {
        const si = split ? gs : 0;
        const src = gridIndex(g, gy, gs);
        const dst = (yi * sexes.length + si) * AGE_COUNT;
        for (let a = 0; a < AGE_COUNT; a++) counts[dst + a] += g.counts[src + a];
      }
    });
  }
  return {
    areaCode,
    years,
    sexes,
    counts,
    sources: years.map((year) => ({ year, kind: 'given', vintage: '' })),
    notes: [],
  };
}
