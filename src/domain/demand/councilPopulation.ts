// Two-tier areas: a county council commissions care for its districts, so a population file that holds only the
// districts (a NOMIS extract, a district-level estimate) is added up to the county; likewise the councils a new
// unitary replaced. Pure: the population importer calls it before writing.
import { constituentAreas } from '../geography/authorities.js';
import type { PopulationColumns, PopulationSex } from './population.js';

export type CouncilCoverage =
  | { status: 'present' }
  /** The council's figures, added up from `from`: rows to append to the file's. */
  | { status: 'rolled-up'; from: string[]; added: PopulationColumns & { count: number[] } }
  /** No figures for the council; `found`/`missing`: which of its parts the file holds, when it holds some. */
  | { status: 'absent'; found: string[]; missing: string[] };

/**
 * Does a population file hold figures for the council, directly or through the areas that make it up
 * (`constituentAreas`)? When it holds every part and not the council itself, returns the council's figures: for
 * each year, sex and age band present in every part, the sum of the parts (rounded to 3 decimals, as ONS publishes
 * projections). A part missing for some year, sex or age leaves that figure out.
 */
export function populationForCouncil(cols: PopulationColumns, councilGss: string): CouncilCoverage {
  const present = new Set(cols.areaCode);
  if (present.has(councilGss)) return { status: 'present' };
  const tilings = constituentAreas(councilGss);
  const complete = tilings.find((parts) => parts.every((p) => present.has(p)));
  if (!complete) {
    const best = [...tilings].sort(
      (a, b) => b.filter((p) => present.has(p)).length - a.filter((p) => present.has(p)).length,
    )[0];
    const found = best?.filter((p) => present.has(p)) ?? [];
    return { status: 'absent', found, missing: found.length ? best.filter((p) => !present.has(p)) : [] };
  }
  const parts = new Set(complete);
  const sums = new Map<
    string,
    { year: number; sex: PopulationSex; ageFrom: number; ageTo: number | null; sum: number; n: Set<string> }
  >();
  for (let i = 0; i < cols.count.length; i++) {
    const area = cols.areaCode[i];
    if (!parts.has(area)) continue;
    const key = `${cols.year[i]}|${cols.sex[i]}|${cols.ageFrom[i]}|${cols.ageTo[i]}`;
    let s = sums.get(key);
    if (!s) {
      s = {
        year: cols.year[i],
        sex: cols.sex[i],
        ageFrom: cols.ageFrom[i],
        ageTo: cols.ageTo[i],
        sum: 0,
        n: new Set(),
      };
      sums.set(key, s);
    }
    s.sum += cols.count[i];
    s.n.add(area);
  }
  const added = {
    areaCode: [] as string[],
    year: [] as number[],
    sex: [] as PopulationSex[],
    ageFrom: [] as number[],
    ageTo: [] as (number | null)[],
    count: [] as number[],
  };
  for (const s of sums.values()) {
    if (s.n.size !== parts.size) continue;
    added.areaCode.push(councilGss);
    added.year.push(s.year);
    added.sex.push(s.sex);
    added.ageFrom.push(s.ageFrom);
    added.ageTo.push(s.ageTo);
    added.count.push(Math.round(s.sum * 1000) / 1000);
  }
  return { status: 'rolled-up', from: complete, added };
}
