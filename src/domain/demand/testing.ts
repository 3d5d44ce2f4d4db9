// Small builders for tests and benchmarks: grids from simple per-year figures.
import { AGE_COUNT } from './ages.js';
import type { PopulationGrid, PopulationSex } from './population.js';

/**
 * A grid whose population in each year and sex is given as a function of age.
 * `people(year, sex, age)` returns the count for one single year of age (90 = 90 and over).
 */
export function gridFrom(
  areaCode: string,
  years: readonly number[],
  sexes: readonly PopulationSex[],
  people: (year: number, sex: PopulationSex, age: number) => number,
): PopulationGrid {
  const counts = new Float64Array(years.length * sexes.length * AGE_COUNT);
  years.forEach((year, yi) => {
    sexes.forEach((sex, si) => {
      for (let a = 0; a < AGE_COUNT; a++) counts[(yi * sexes.length + si) * AGE_COUNT + a] = people(year, sex, a);
    });
  });
  return {
    areaCode,
    years: [...years],
    sexes: [...sexes],
    counts,
    sources: years.map((year) => ({ year, kind: 'given' as const, vintage: 'test' })),
    notes: [],
  };
}

/** The calendar years from `from` to `to`, both included (an empty list when `to` < `from`). */
export function yearRange(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
