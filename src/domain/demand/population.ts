import { AGE_COUNT, type AgeBand, bandEnd, bandLabel, spreadEvenly } from './ages.js';

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

export function gridIndex(grid: PopulationGrid, yearIndex: number, sexIndex: number): number {
  return (yearIndex * grid.sexes.length + sexIndex) * AGE_COUNT;
}

/**
 * Chooses, for each year, the figures to use: the mid-year estimate when there is one (the latest
 * vintage), otherwise the projection of the preferred (or latest) vintage.
 */
export function selectPopulationRows(
  rows: readonly SourcedPopulationRow[],
  preferredProjection?: string,
): { rows: SourcedPopulationRow[]; sources: Map<string, { kind: PopulationKind; vintage: string }> } {
  const byAreaYear = new Map<string, SourcedPopulationRow[]>();
  for (const r of rows) {
    const key = `${r.areaCode}|${r.year}`;
    const list = byAreaYear.get(key);
    if (list) list.push(r);
    else byAreaYear.set(key, [r]);
  }
  const chosen: SourcedPopulationRow[] = [];
  const sources = new Map<string, { kind: PopulationKind; vintage: string }>();
  for (const [key, list] of byAreaYear) {
    const estimates = list.filter((r) => r.kind === 'estimate');
    let pick: { kind: PopulationKind; vintage: string };
    if (estimates.length > 0) {
      pick = { kind: 'estimate', vintage: latestVintage(estimates.map((r) => r.vintage)) };
    } else {
      const vintages = [...new Set(list.map((r) => r.vintage))];
      const vintage = preferredProjection && vintages.includes(preferredProjection) ? preferredProjection : latestVintage(vintages);
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
 * Builds the grid for one area from its rows. Single years are used as they are; a year given only
 * in wider bands is spread evenly within each band (noted), which keeps every band total exact. Each
 * year must cover ages 0 to 90+ exactly once per sex; overlaps and gaps are errors.
 */
export function buildPopulationGrid(
  areaCode: string,
  rows: readonly PopulationRow[],
  sources?: Map<string, { kind: PopulationKind; vintage: string }>,
): PopulationGrid {
  const own = rows.filter((r) => r.areaCode === areaCode);
  if (own.length === 0) throw new PopulationError(`no population figures for area ${areaCode}`);
  const years = [...new Set(own.map((r) => r.year))].sort((a, b) => a - b);
  const hasSplit = own.some((r) => r.sex !== 'persons');
  const sexes: PopulationSex[] = hasSplit ? ['female', 'male'] : ['persons'];
  const counts = new Float64Array(years.length * sexes.length * AGE_COUNT);
  const covered = new Uint8Array(counts.length);
  const notes: string[] = [];
  let spread = false;
  for (const r of own) {
    const si = sexes.indexOf(r.sex);
    if (si < 0) continue; // persons rows are redundant when female and male are given
    const yi = years.indexOf(r.year);
    const base = (yi * sexes.length + si) * AGE_COUNT;
    const band: AgeBand = { from: r.ageFrom, to: r.ageTo };
    const end = bandEnd(band);
    for (let a = r.ageFrom; a <= end; a++) {
      if (covered[base + a]) {
        throw new PopulationError(`area ${areaCode}, ${r.year}, ${r.sex}: age ${a} is given twice (band ${bandLabel(band)})`);
      }
      covered[base + a] = 1;
    }
    if (end === r.ageFrom) counts[base + r.ageFrom] += r.count;
    else {
      spread = true;
      spreadEvenly(band, r.count, counts, base);
    }
  }
  for (let yi = 0; yi < years.length; yi++) {
    for (let si = 0; si < sexes.length; si++) {
      const base = (yi * sexes.length + si) * AGE_COUNT;
      for (let a = 0; a < AGE_COUNT; a++) {
        if (!covered[base + a]) {
          throw new PopulationError(`area ${areaCode}, ${years[yi]}, ${sexes[si]}: no figure covers age ${a === 90 ? '90 and over' : a}`);
        }
      }
    }
  }
  if (spread) notes.push('Some years were published in age bands; each band was spread evenly over its single years, so band totals are exact.');
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
export function populationIn(grid: PopulationGrid, year: number, band: AgeBand, sex: PopulationSex | 'all' = 'all'): number {
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
export function populationByBand(grid: PopulationGrid, bands: readonly AgeBand[]): { year: number; band: string; people: number }[] {
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
  return { areaCode, years, sexes, counts, sources: years.map((year) => ({ year, kind: 'given', vintage: '' })), notes: [] };
}
