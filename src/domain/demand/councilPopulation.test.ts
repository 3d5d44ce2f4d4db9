import { describe, expect, it } from 'vitest';
import { populationForCouncil } from './councilPopulation';
import type { PopulationColumns, PopulationSex } from './population';

/** Figures for areas × ages (65 and 90+) × one year, persons; value = base + index of area × 10 + age. */
function columns(areas: readonly string[], base = 1000): PopulationColumns & { count: number[] } {
  const c = {
    areaCode: [] as string[],
    year: [] as number[],
    sex: [] as PopulationSex[],
    ageFrom: [] as number[],
    ageTo: [] as (number | null)[],
    count: [] as number[],
  };
  areas.forEach((area, k) => {
    for (const [from, to] of [
      [65, 65],
      [90, null],
    ] as const) {
      c.areaCode.push(area);
      c.year.push(2030);
      c.sex.push('persons');
      c.ageFrom.push(from);
      c.ageTo.push(to);
      c.count.push(base + k * 10 + from + 0.125);
    }
  });
  return c;
}

const DEVON_DISTRICTS = [
  'E07000040',
  'E07000041',
  'E07000042',
  'E07000043',
  'E07000044',
  'E07000045',
  'E07000046',
  'E07000047',
];

describe('population for a two-tier council', () => {
  it('adds a county up from a file holding only its districts', () => {
    const cover = populationForCouncil(columns(DEVON_DISTRICTS), 'E10000008');
    expect(cover.status).toBe('rolled-up');
    if (cover.status !== 'rolled-up') return;
    expect([...cover.from].sort()).toEqual(DEVON_DISTRICTS);
    expect(cover.added.areaCode).toEqual(['E10000008', 'E10000008']);
    // Age 65: Σ_k (1000 + 10k + 65 + 0.125) for k = 0..7 = 8 × 1065.125 + 10 × 28 = 8521 + 280 = 8801.
    expect(cover.added.count[cover.added.ageFrom.indexOf(65)]).toBe(8801);
    // 90+: 8 × 1090.125 + 280 = 9001.
    expect(cover.added.count[cover.added.ageFrom.indexOf(90)]).toBe(9001);
    expect(cover.added.ageTo[cover.added.ageFrom.indexOf(90)]).toBeNull();
  });

  it('leaves a file holding the county alone, and says what is missing when a district is', () => {
    expect(populationForCouncil(columns(['E10000008', ...DEVON_DISTRICTS]), 'E10000008')).toEqual({
      status: 'present',
    });
    const short = populationForCouncil(columns(DEVON_DISTRICTS.filter((c) => c !== 'E07000047')), 'E10000008');
    expect(short).toEqual({ status: 'absent', found: DEVON_DISTRICTS.slice(0, 7), missing: ['E07000047'] });
    expect(populationForCouncil(columns(DEVON_DISTRICTS), 'E06000026')).toEqual({
      status: 'absent',
      found: [],
      missing: [],
    });
  });

  it('adds a new unitary up from the councils it replaced (Cumberland, 2023)', () => {
    const cover = populationForCouncil(columns(['E07000026', 'E07000028', 'E07000029', 'E07000027']), 'E06000063');
    expect(cover.status).toBe('rolled-up');
    if (cover.status !== 'rolled-up') return;
    expect([...cover.from].sort()).toEqual(['E07000026', 'E07000028', 'E07000029']); // not Barrow-in-Furness
    // Age 65: (1065.125) + (1075.125) + (1085.125) = 3225.375.
    expect(cover.added.count[0]).toBe(3225.375);
  });

  it('leaves out a figure a part lacks', () => {
    const c = columns(DEVON_DISTRICTS);
    // Drop Torridge's 90+ figure (the last one).
    for (const k of ['areaCode', 'year', 'sex', 'ageFrom', 'ageTo', 'count'] as const) (c[k] as unknown[]).pop();
    const cover = populationForCouncil(c, 'E10000008');
    expect(cover.status === 'rolled-up' && cover.added.ageFrom).toEqual([65]);
  });
});
