// Population by ESP2013 band for a place and year, from the need and demand area's population series.
import type { SourcedPopulationSeries } from '../demand/population.js';
import { ESP2013, ESP2013_65_PLUS, espBandOf } from './esp2013.js';

/**
 * Persons by ESP2013 band for one area and mid-year: the mid-year estimate when there is one, else the
 * projection (latest vintage of either); persons = the 'persons' series, or female + male. Source bands must
 * nest within the ESP2013 bands (single years or five-year bands; an open last band from 90); otherwise the
 * bands they straddle are left out and reported in `gaps`.
 * @returns null when the area has no series for the year
 */
/**
 * How a population is named in a figure's source: "estimate mid-2024" or, where the vintage already says what it
 * is ("2022-based SNPP projection"), the vintage alone, so it never reads "projection projection".
 */
export function populationLabel(pop: { kind: string; vintage: string }): string {
  return pop.vintage.toLowerCase().includes(pop.kind) ? pop.vintage : `${pop.kind} ${pop.vintage}`;
}

/**
 * A place's population for one year in the European Standard Population 2013 five-year bands (the bands the BCF
 * metrics are standardised on; ESP2013, Eurostat 2013). Mid-year estimates are preferred to projections, then the
 * latest vintage; persons are used when published, else females plus males. A source age band that straddles two
 * ESP bands cannot be split and leaves that ESP band out, named in `gaps`.
 * @param series population series (counts of people by single year or band of age) for any places and years
 * @param areaCode the place's GSS code
 * @param year the calendar year of the figures
 * @returns bands with their counts of people, the kind ('estimate' | 'projection') and vintage used, and the ESP
 *   bands left out; null when no series covers the place and year
 */
export function espPopulation(
  series: readonly SourcedPopulationSeries[],
  areaCode: string,
  year: number,
): { bands: { band: string; population: number }[]; kind: string; vintage: string; gaps: string[] } | null {
  const mine = series.filter((s) => s.areaCode === areaCode && s.year === year);
  if (mine.length === 0) return null;
  const kind = mine.some((s) => s.kind === 'estimate') ? 'estimate' : 'projection';
  const ofKind = mine.filter((s) => s.kind === kind);
  const vintage = [...new Set(ofKind.map((s) => s.vintage))].sort().at(-1)!;
  const chosen = ofKind.filter((s) => s.vintage === vintage);
  const persons = chosen.filter((s) => s.sex === 'persons');
  const use = persons.length ? persons : chosen.filter((s) => s.sex === 'female' || s.sex === 'male');
  const totals = new Map<string, number>(ESP2013.map((b) => [b.band, 0]));
  const gaps = new Set<string>();
  for (const s of use) {
    s.ageFrom.forEach((from, i) => {
      const to = i + 1 < s.ageFrom.length ? s.ageFrom[i + 1] - 1 : null;
      const band = espBandOf(from);
      const esp = ESP2013.find((b) => b.band === band)!;
      const fits = to === null ? esp.ageTo === null : esp.ageTo === null || to <= esp.ageTo;
      if (!fits) gaps.add(band);
      else totals.set(band, totals.get(band)! + s.counts[i]);
    });
  }
  return {
    bands: ESP2013.filter((b) => !gaps.has(b.band)).map((b) => ({ band: b.band, population: totals.get(b.band)! })),
    kind,
    vintage,
    gaps: [...gaps],
  };
}

/**
 * People aged 65 and over from a place's ESP2013 bands (the denominator of the BCF residential admissions metric
 * and the split of discharge activity between places): the sum of the bands from 65-69 up.
 * @returns persons; 0 when no 65+ band is present (a caller treats that as missing population)
 */
export function population65Plus(bands: readonly { band: string; population: number }[]): number {
  return bands.filter((b) => ESP2013_65_PLUS.some((e) => e.band === b.band)).reduce((s, b) => s + b.population, 0);
}
