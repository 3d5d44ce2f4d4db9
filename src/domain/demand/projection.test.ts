import { describe, expect, it } from 'vitest';
import { OLDER_PEOPLE_BANDS, REPORTING_BANDS } from './ages.js';
import { buildPopulationGrid, populationIn, seriesFromRows, sumGrids } from './population.js';
import { explainFigure, peopleIn, project, ProjectionError, sumProjections } from './projection.js';
import type { RateDefinition } from './rates.js';
import { gridFrom, yearRange } from './testing.js';
import { fitLinearTrend, rateMultipliers } from './trend.js';

function rate(partial: Partial<RateDefinition> & Pick<RateDefinition, 'key' | 'cells'>): RateDefinition {
  return {
    label: partial.key,
    careGroup: 'all_adults',
    kind: 'prevalence',
    service: null,
    shareKnownToAsc: 1,
    source: 'test',
    sourceYear: 2020,
    history: [],
    ...partial,
  };
}

// Islington's Market Position Statement (seed 003): 3,465 residents on long-term support = 1.7% of
// over-18s; adult population +4% 2020→2030 (GLA housing-led); "about 3,600 in 2030" at a constant
// rate, "about 4,400" on a linear trend. Adults in 2020 = 3,465 / 0.017 = 203,824; in 2030 × 1.04.
// A SALT-style history of the rate, 1.55% (2016) rising to 1.70% (2020), has a least-squares slope of
// 0.037 points a year, which reproduces the published 4,400.
const ADULTS_2020 = 3465 / 0.017;
const islingtonYears = yearRange(2016, 2030);
function islingtonAdults(year: number): number {
  // 4% growth over 2020–2030, spread linearly; history years grow at the same pace.
  return ADULTS_2020 * (1 + 0.004 * (year - 2020));
}
// Adults spread evenly over ages 18…90+; children are irrelevant to an 18+ rate but present.
const islington = gridFrom('E09000019', islingtonYears, ['persons'], (year, _sex, age) =>
  age < 18 ? 2000 : islingtonAdults(year) / 73,
);
const longTermSupport = rate({
  key: 'long_term_support',
  cells: [{ sex: 'persons', ageFrom: 18, ageTo: null, value: 0.017 }],
  history: [
    { year: 2016, value: 0.0155 },
    { year: 2017, value: 0.0159 },
    { year: 2018, value: 0.0162 },
    { year: 2019, value: 0.0166 },
    { year: 2020, value: 0.017 },
  ],
});

describe('Islington case (DOMAIN.md): 1.7% of over-18s held constant vs extended on trend', () => {
  const req = { grids: [islington], rates: [longTermSupport], baseYear: 2020, toYear: 2030, bands: REPORTING_BANDS };

  it('reproduces 3,465 people in the base year under both methods', () => {
    const [constant] = project({ ...req, method: 'constant' });
    const [trend] = project({ ...req, method: 'trend' });
    expect(constant.totals[0]).toBeCloseTo(3465, 6);
    expect(trend.totals[0]).toBeCloseTo(3465, 6);
  });

  it('gives about 3,600 in 2030 at a constant rate (203,824 × 1.04 × 1.7%)', () => {
    const [m] = project({ ...req, method: 'constant' });
    const v = peopleIn(m, 2030);
    expect(v).toBeCloseTo(ADULTS_2020 * 1.04 * 0.017, 6);
    expect(v).toBeCloseTo(3603.6, 1);
    expect(Math.round(v / 100) * 100).toBe(3600);
  });

  it('gives about 4,400 in 2030 on the linear trend (slope 0.037 points a year)', () => {
    const fit = fitLinearTrend(longTermSupport.history)!;
    expect(fit.slope).toBeCloseTo(0.00037, 10);
    expect(fit.at(2020)).toBeCloseTo(0.01698, 10);
    expect(fit.at(2030)).toBeCloseTo(0.02068, 10);
    const [m] = project({ ...req, method: 'trend' });
    const v = peopleIn(m, 2030);
    // Hand-worked: 3,603.6 × 2.068 / 1.698 = 4,388.8
    expect(v).toBeCloseTo(ADULTS_2020 * 1.04 * 0.017 * (0.02068 / 0.01698), 4);
    expect(v).toBeCloseTo(4388.8, 0);
    expect(Math.round(v / 100) * 100).toBe(4400);
    expect(m.method).toBe('trend');
  });

  it('applies the share known to adult social care (LD 0.4% × 80%)', () => {
    const ld = rate({
      key: 'ld',
      cells: [{ sex: 'persons', ageFrom: 18, ageTo: null, value: 0.004 }],
      shareKnownToAsc: 0.8,
    });
    const [m] = project({ ...req, rates: [ld], method: 'constant' });
    expect(peopleIn(m, 2030)).toBeCloseTo(ADULTS_2020 * 1.04 * 0.004 * 0.8, 6);
  });
});

describe('projection engine on small hand-checked inputs', () => {
  // Two sexes, three ages that matter: 65 (band 65-69), 80 (80-84), 90+.
  const grid = gridFrom('E09000999', [2025, 2026], ['female', 'male'], (year, sex, age) => {
    const growth = year === 2026 ? 1.1 : 1;
    if (age === 65) return (sex === 'female' ? 1000 : 900) * growth;
    if (age === 80) return (sex === 'female' ? 500 : 300) * growth;
    if (age === 90) return (sex === 'female' ? 200 : 100) * growth;
    return 0;
  });
  const dementia = rate({
    key: 'dementia',
    cells: [
      { sex: 'female', ageFrom: 65, ageTo: 79, value: 0.02 },
      { sex: 'male', ageFrom: 65, ageTo: 79, value: 0.015 },
      { sex: 'female', ageFrom: 80, ageTo: null, value: 0.2 },
      { sex: 'male', ageFrom: 80, ageTo: null, value: 0.15 },
    ],
  });
  const req = {
    grids: [grid],
    rates: [dementia],
    baseYear: 2025,
    toYear: 2026,
    method: 'constant' as const,
    bands: OLDER_PEOPLE_BANDS,
  };

  it('multiplies population by the rate for each sex and age', () => {
    const [m] = project(req);
    // 2025: F 1000×2% + 500×20% + 200×20% = 20+100+40 = 160; M 900×1.5% + 300×15% + 100×15% = 13.5+45+15 = 73.5
    expect(peopleIn(m, 2025, { sex: 'female' })).toBeCloseTo(160, 10);
    expect(peopleIn(m, 2025, { sex: 'male' })).toBeCloseTo(73.5, 10);
    expect(peopleIn(m, 2025)).toBeCloseTo(233.5, 10);
    expect(peopleIn(m, 2026)).toBeCloseTo(233.5 * 1.1, 10);
    // 80-84 band holds the age-80 people; 90+ its own.
    expect(peopleIn(m, 2025, { band: 3 })).toBeCloseTo(145, 10);
    expect(peopleIn(m, 2025, { band: 5 })).toBeCloseTo(55, 10);
    expect(m.populationInScope[0]).toBe(3000);
  });

  it('keeps totals consistent across bands, sexes and areas', () => {
    const other = gridFrom('E09000998', [2025, 2026], ['female', 'male'], (year, sex, age) =>
      age >= 60 ? 37 + age + (sex === 'male' ? 3 : 0) + year - 2025 : 11,
    );
    const [a, b] = project({ ...req, grids: [grid, other] });
    for (const m of [a, b]) {
      for (const year of [2025, 2026]) {
        const byBand = OLDER_PEOPLE_BANDS.reduce((s, _, bi) => s + peopleIn(m, year, { band: bi }), 0);
        const bySex = peopleIn(m, year, { sex: 'female' }) + peopleIn(m, year, { sex: 'male' });
        expect(byBand).toBeCloseTo(peopleIn(m, year), 9);
        expect(bySex).toBeCloseTo(peopleIn(m, year), 9);
      }
    }
    // Projecting the sum of areas equals the sum of the projections.
    const [combined] = project({ ...req, grids: [sumGrids('E12000007', [grid, other])] });
    const summed = sumProjections('E12000007', [a, b]);
    for (const year of [2025, 2026]) {
      expect(peopleIn(combined, year)).toBeCloseTo(peopleIn(a, year) + peopleIn(b, year), 9);
      expect(peopleIn(summed, year)).toBeCloseTo(peopleIn(combined, year), 9);
      for (let bi = 0; bi < OLDER_PEOPLE_BANDS.length; bi++) {
        expect(peopleIn(summed, year, { band: bi })).toBeCloseTo(peopleIn(combined, year, { band: bi }), 9);
      }
    }
  });

  it('explains a figure as population × rate × share × multiplier, adding up to the projection', () => {
    const [m] = project(req);
    const e = explainFigure(grid, dementia, m, 2026);
    expect(e.total).toBeCloseTo(peopleIn(m, 2026), 9);
    const f80 = e.lines.find((l) => l.sex === 'female' && l.ages === '80+')!;
    expect(f80.population).toBeCloseTo(700 * 1.1, 9);
    expect(f80.rate).toBe(0.2);
    expect(f80.people).toBeCloseTo(154, 9);
    // Restricted to one band, only that band's people.
    const only90 = explainFigure(grid, dementia, m, 2026, { from: 90, to: null });
    expect(only90.total).toBeCloseTo(peopleIn(m, 2026, { band: 5 }), 9);
  });

  it('averages sex-specific rates when the population is for persons only', () => {
    const persons = gridFrom('E06000005', [2025], ['persons'], (_y, _s, age) => (age === 70 ? 2000 : 0));
    const [m] = project({ ...req, grids: [persons], toYear: 2025 });
    expect(peopleIn(m, 2025)).toBeCloseTo(2000 * 0.0175, 10);
  });

  it('refuses a projection beyond the population it has', () => {
    expect(() => project({ ...req, toYear: 2027 })).toThrow(ProjectionError);
    expect(() => project({ ...req, baseYear: 2024 })).toThrow(/base year 2024/);
  });
});

describe('rate multipliers', () => {
  const years = yearRange(2024, 2030);
  it('custom trajectories interpolate between points and hold after the last', () => {
    // Islington dementia: 0.5% to 0.7% over 2019–2030 is a factor of 1.4.
    const m = rateMultipliers('custom', years, 2024, [], [{ year: 2028, factor: 1.4 }]);
    expect(m.factors[0]).toBe(1);
    expect(m.factors[1]).toBeCloseTo(1.1, 12);
    expect(m.factors[2]).toBeCloseTo(1.2, 12);
    expect(m.factors[4]).toBeCloseTo(1.4, 12);
    expect(m.factors[6]).toBeCloseTo(1.4, 12);
    expect(m.applied).toBe('custom');
  });
  it('trend without history falls back to a constant rate and says so', () => {
    const m = rateMultipliers('trend', years, 2024, [{ year: 2020, value: 0.01 }]);
    expect(m.factors.every((f) => f === 1)).toBe(true);
    expect(m.applied).toBe('constant');
    expect(m.note).toMatch(/No usable history/);
  });
  it('a falling trend is floored at zero', () => {
    const m = rateMultipliers('trend', yearRange(2020, 2060), 2020, [
      { year: 2018, value: 0.03 },
      { year: 2020, value: 0.02 },
    ]);
    expect(m.factors[0]).toBeCloseTo(1, 12);
    expect(m.factors[2]).toBeCloseTo(0.5, 12); // 2022: 1% on a line falling 0.5 points a year
    expect(m.factors[4]).toBeCloseTo(0, 12); // 2024: zero
    expect(m.factors[10]).toBe(0); // 2030: would be negative
    expect(Math.min(...m.factors)).toBe(0);
  });
});

describe('population grid and projection agree for banded input', () => {
  it('five-year bands spread evenly give the same band totals as single years', () => {
    const rows = [
      { areaCode: 'E09000999', year: 2025, sex: 'persons' as const, ageFrom: 0, ageTo: 64, count: 65000 },
      { areaCode: 'E09000999', year: 2025, sex: 'persons' as const, ageFrom: 65, ageTo: 69, count: 5000 },
      { areaCode: 'E09000999', year: 2025, sex: 'persons' as const, ageFrom: 70, ageTo: 70, count: 900 },
      { areaCode: 'E09000999', year: 2025, sex: 'persons' as const, ageFrom: 71, ageTo: 89, count: 9500 },
      { areaCode: 'E09000999', year: 2025, sex: 'persons' as const, ageFrom: 90, ageTo: null, count: 400 },
    ];
    const grid = buildPopulationGrid('E09000999', seriesFromRows(rows));
    expect(populationIn(grid, 2025, { from: 65, to: 69 })).toBeCloseTo(5000, 9);
    expect(populationIn(grid, 2025, { from: 0, to: null })).toBeCloseTo(80800, 9);
    const ch = rate({
      key: 'ch',
      cells: [
        { sex: 'persons', ageFrom: 65, ageTo: 69, value: 0.01 },
        { sex: 'persons', ageFrom: 90, ageTo: null, value: 0.2 },
      ],
    });
    const [m] = project({
      grids: [grid],
      rates: [ch],
      baseYear: 2025,
      toYear: 2025,
      method: 'constant',
      bands: OLDER_PEOPLE_BANDS,
    });
    expect(peopleIn(m, 2025)).toBeCloseTo(50 + 80, 9);
    expect(grid.notes.join(' ')).toMatch(/spread evenly/);
  });
});
