import { describe, expect, it } from 'vitest';
import { aggregateToBands, BandMismatchError, bandLabel, commonBands, parseAgeLabel, REPORTING_BANDS } from './ages.js';
import {
  buildPopulationGrid,
  populationIn,
  PopulationError,
  selectPopulationRows,
  seriesFromRows,
  type SourcedPopulationRow,
} from './population.js';

describe('age labels', () => {
  it.each([
    ['0', { from: 0, to: 0 }],
    ['89', { from: 89, to: 89 }],
    ['90 and over', { from: 90, to: null }],
    ['90', { from: 90, to: null }],
    ['Aged 90+', { from: 90, to: null }],
    ['Age 7', { from: 7, to: 7 }],
    ['65-69', { from: 65, to: 69 }],
    ['65 to 69', { from: 65, to: 69 }],
    ['aged_65_and_over', { from: 65, to: null }],
    ['aged_0_to_15', { from: 0, to: 15 }],
    ['85+', { from: 85, to: null }],
  ])('reads %s', (label, band) => {
    expect(parseAgeLabel(label)).toEqual(band);
  });
  it('recognises All ages and refuses nonsense', () => {
    expect(parseAgeLabel('All ages')).toBe('all');
    expect(parseAgeLabel('ninety')).toBeNull();
    expect(parseAgeLabel('91')).toBeNull();
    expect(parseAgeLabel('70-65')).toBeNull();
    expect(parseAgeLabel('85-90')).toBeNull(); // 90 means 90 and over: a closed band cannot end there
  });
  it('labels bands', () => {
    expect(REPORTING_BANDS.map(bandLabel)).toEqual(['0-17', '18-64', '65-74', '75-84', '85+']);
  });
});

describe('mixed band aggregation', () => {
  // One source in single years for 65–69, another in five-year bands above, and a 90+ group.
  const values = [
    ...[65, 66, 67, 68, 69].map((a) => ({ band: { from: a, to: a }, value: 100 + a })),
    { band: { from: 70, to: 74 }, value: 400 },
    { band: { from: 75, to: 79 }, value: 300 },
    { band: { from: 80, to: 84 }, value: 200 },
    { band: { from: 85, to: 89 }, value: 120 },
    { band: { from: 90, to: null }, value: 60 },
  ];
  it('adds single years and five-year bands into wider bands, preserving the total', () => {
    const sums = aggregateToBands(values, [
      { from: 65, to: 74 },
      { from: 75, to: 84 },
      { from: 85, to: null },
    ]);
    expect(sums).toEqual([100 * 5 + (65 + 66 + 67 + 68 + 69) + 400, 500, 180]);
    expect(sums.reduce((a, b) => a + b, 0)).toBe(values.reduce((a, v) => a + v.value, 0));
  });
  it('refuses a target boundary that cuts a source band', () => {
    expect(() =>
      aggregateToBands(values, [
        { from: 65, to: 72 },
        { from: 73, to: null },
      ]),
    ).toThrow(BandMismatchError);
    expect(() =>
      aggregateToBands(values, [
        { from: 65, to: 72 },
        { from: 73, to: null },
      ]),
    ).toThrow(/70-74 straddles/);
  });
  it('refuses source bands that no target covers', () => {
    expect(() => aggregateToBands(values, [{ from: 70, to: null }])).toThrow(/65 is not covered/);
  });
  it('finds the finest bands two layouts share', () => {
    const a = [
      { from: 60, to: 64 },
      { from: 65, to: 74 },
      { from: 75, to: 84 },
      { from: 85, to: null },
    ];
    const b = [
      { from: 60, to: 69 },
      { from: 70, to: 74 },
      { from: 75, to: 79 },
      { from: 80, to: null },
    ];
    expect(commonBands([a, b])).toEqual([
      { from: 60, to: 74 },
      { from: 75, to: null },
    ]);
    expect(commonBands([a, a])).toEqual(a);
    // every source set aggregates into the common bands
    for (const set of [a, b])
      expect(() =>
        aggregateToBands(
          set.map((band) => ({ band, value: 1 })),
          commonBands([a, b]),
        ),
      ).not.toThrow();
  });
});

describe('population grid', () => {
  const base = { areaCode: 'E09000999', year: 2024 };
  it('refuses an age given twice and an age missing', () => {
    const rows = [
      { ...base, sex: 'persons' as const, ageFrom: 0, ageTo: 70, count: 1 },
      { ...base, sex: 'persons' as const, ageFrom: 65, ageTo: 69, count: 1 },
    ];
    expect(() => buildPopulationGrid('E09000999', seriesFromRows(rows))).toThrow(/age 65 is given twice/);
    expect(() => buildPopulationGrid('E09000999', seriesFromRows(rows.slice(0, 1)))).toThrow(/no figure covers age 71/);
    expect(() => buildPopulationGrid('E09000001', [])).toThrow(PopulationError);
  });
  it('uses female and male rows and ignores the redundant persons rows', () => {
    const rows = (['female', 'male', 'persons'] as const).flatMap((sex) => [
      { ...base, sex, ageFrom: 0, ageTo: 64, count: sex === 'persons' ? 1700 : sex === 'female' ? 900 : 800 },
      { ...base, sex, ageFrom: 65, ageTo: null, count: sex === 'persons' ? 300 : sex === 'female' ? 170 : 130 },
    ]);
    const grid = buildPopulationGrid('E09000999', seriesFromRows(rows));
    expect(grid.sexes).toEqual(['female', 'male']);
    expect(populationIn(grid, 2024, { from: 0, to: null })).toBeCloseTo(2000, 9);
    expect(populationIn(grid, 2024, { from: 65, to: null }, 'female')).toBeCloseTo(170, 9);
  });
  it('prefers estimates over projections for the same year, and the latest vintage', () => {
    const row = (
      year: number,
      kind: 'estimate' | 'projection',
      vintage: string,
      count: number,
    ): SourcedPopulationRow => ({
      areaCode: 'E09000999',
      year,
      sex: 'persons',
      ageFrom: 0,
      ageTo: null,
      count,
      kind,
      vintage,
    });
    const { rows, sources } = selectPopulationRows([
      row(2023, 'estimate', 'ONS mid-2023 estimates', 100),
      row(2023, 'projection', 'ONS 2018-based SNPP', 90),
      row(2023, 'projection', 'ONS 2022-based SNPP', 95),
      row(2030, 'projection', 'ONS 2018-based SNPP', 120),
      row(2030, 'projection', 'ONS 2022-based SNPP', 130),
    ]);
    expect(rows.map((r) => r.count).sort()).toEqual([100, 130]);
    expect(sources.get('E09000999|2030')).toEqual({ kind: 'projection', vintage: 'ONS 2022-based SNPP' });
    const preferred = selectPopulationRows(
      [row(2030, 'projection', 'ONS 2018-based SNPP', 120), row(2030, 'projection', 'ONS 2022-based SNPP', 130)],
      'ONS 2018-based SNPP',
    );
    expect(preferred.rows[0].count).toBe(120);
  });
});
