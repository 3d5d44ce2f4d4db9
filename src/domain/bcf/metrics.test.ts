import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { ESP2013, ESP2013_65_PLUS, espBandOf } from './esp2013.js';
import {
  avoidableAdmissionsRate,
  metricPlanProblem,
  byarsLower,
  byarsUpper,
  dischargeHomePercent,
  fallsRate,
  ragRating,
  residentialAdmissionsRate,
  round,
} from './metrics.js';

describe('ESP2013 weights', () => {
  it('has 19 bands summing to 100,000, the 65+ bands to 19,500', () => {
    expect(ESP2013).toHaveLength(19);
    expect(ESP2013.reduce((s, b) => s + b.weight, 0)).toBe(100_000);
    expect(ESP2013_65_PLUS.map((b) => b.weight)).toEqual([5500, 5000, 4000, 2500, 1500, 1000]);
    expect(espBandOf(64)).toBe('60-64');
    expect(espBandOf(95)).toBe('90+');
  });
});

describe('falls: emergency admissions 65+, directly standardised per 100,000 (worked case)', () => {
  // A place's year, worked by hand from the ESP2013 weights (../shared/data/esp2013/):
  //
  //  band   events O  population n   weight w   w·O/n
  //  65-69      30       14,000        5,500    11.785714
  //  70-74      45       12,000        5,000    18.750000
  //  75-79      60        9,000        4,000    26.666667
  //  80-84      80        6,000        2,500    33.333333
  //  85-89      90        3,500        1,500    38.571429
  //  90+        70        1,500        1,000    46.666667
  //  total     375       46,000       19,500   175.773810
  //
  //  DSR = 175.773810 / 19,500 × 100,000 = 901.404 → 901.4 per 100,000
  //  Var(DSR) = Σ w²·O/n² / (Σw)² = 2.25707e-7 (as a proportion)
  //  Byar, O = 375, z = 1.959964:
  //    O_L = 375·(1 − 1/3375 − z/(3·√375))³ = 338.0004
  //    O_U = 376·(1 − 1/3384 + z/(3·√376))³ = 414.9439
  //  Dobson: limit = DSR + √(Var/O)·(O_limit − O)
  //    lower = 0.00901404 + √(2.25707e-7/375)·(338.0004 − 375) = 0.00810632 → 810.6
  //    upper = 0.00901404 + √(2.25707e-7/375)·(414.9439 − 375) = 0.00999400 → 999.4
  const rows = [
    { band: '65-69', events: 30, population: 14_000 },
    { band: '70-74', events: 45, population: 12_000 },
    { band: '75-79', events: 60, population: 9_000 },
    { band: '80-84', events: 80, population: 6_000 },
    { band: '85-89', events: 90, population: 3_500 },
    { band: '90+', events: 70, population: 1_500 },
  ];

  it('gives the DSR and its 95% limits to 0.1', () => {
    const r = fallsRate(rows);
    expect(round(r.rate)).toBe(901.4);
    expect(round(r.lower)).toBe(810.6);
    expect(round(r.upper)).toBe(999.4);
    expect(r.events).toBe(375);
    expect(r.population).toBe(46_000);
    expect(round(r.crudeRate)).toBe(815.2);
    expect(r.lowCount).toBe(false);
  });

  it("uses Byar's limits for the total count", () => {
    expect(byarsLower(375)).toBeCloseTo(338.0004, 3);
    expect(byarsUpper(375)).toBeCloseTo(414.9439, 3);
    expect(byarsLower(0)).toBe(0);
    // (1 − 1/9 + z/3)³ = 3.668; the exact Poisson limit is 3.689.
    expect(byarsUpper(0)).toBeCloseTo(3.668, 3);
  });

  it('does not depend on the order of the bands and flags fewer than 10 events', () => {
    expect(fallsRate([...rows].reverse()).rate).toBeCloseTo(fallsRate(rows).rate, 10);
    const few = fallsRate(rows.map((r) => ({ ...r, events: r.band === '90+' ? 5 : 0 })));
    expect(few.lowCount).toBe(true);
    // 5 events in the 90+ band only: 1,000 × 5/1,500 / 19,500 × 100,000 = 17.1
    expect(round(few.rate)).toBe(17.1);
  });

  it('refuses a missing band, a repeated band and a zero population, naming each', () => {
    try {
      fallsRate([...rows.slice(1), { band: '70-74', events: 1, population: 0 }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const fields = (e as InputError).errors.map((x) => `${x.field}: ${x.message}`);
      expect(fields).toContain('bands.5.band: 70-74 is given twice');
      expect(fields).toContain('bands.5.population: Population for 70-74 must be more than 0');
      expect(fields).toContain('bands: Band 65-69 is missing');
    }
  });
});

describe('avoidable admissions: DSR over the 19 ESP2013 bands', () => {
  it('equals the crude rate when every band has the same rate', () => {
    // 200 per 100,000 in every band: the standardised rate is 200 whatever the weights.
    const rows = ESP2013.map((b) => ({ band: b.band, events: 20, population: 10_000 }));
    const r = avoidableAdmissionsRate(rows);
    expect(round(r.rate)).toBe(200);
    expect(round(r.crudeRate)).toBe(200);
    // Worked by hand: O = 380; Var = Σw²·20/10,000² / 100,000² = 585,000,000 × 2e-7 / 1e10 = 1.17e-8;
    // √(Var/O) = 5.5489e-6; Byar O_L = 342.7482, O_U = 420.1958 (z = 1.959964);
    // lower = 0.002 + 5.5488e-6 × (342.7482 − 380) = 0.00179330 → 179.3; upper → 222.3.
    expect(round(r.lower)).toBe(179.3);
    expect(round(r.upper)).toBe(222.3);
  });
});

describe('residential admissions 65+ per 100,000 (ASCOF 2A(2))', () => {
  it('reproduces the seed’s Havering 2022/23 figure from a count and population', () => {
    // 267 admissions over a 65+ population of 47,918 → 557.2 per 100,000 (seed 001, section 4.3).
    expect(round(residentialAdmissionsRate(267, 47_918))).toBe(557.2);
    // Redbridge 460.9 (195 ÷ 42,309); Barking & Dagenham 789.6 (171 ÷ 21,657).
    expect(round(residentialAdmissionsRate(195, 42_309))).toBe(460.9);
    expect(round(residentialAdmissionsRate(171, 21_657))).toBe(789.6);
  });

  it('refuses a fractional count or an empty population', () => {
    expect(() => residentialAdmissionsRate(1.5, 100)).toThrow(InputError);
    expect(() => residentialAdmissionsRate(1, 0)).toThrow(InputError);
  });
});

describe('discharge to usual place of residence', () => {
  it('gives the percentage with Wilson 95% limits', () => {
    // 870 of 1,000: p = 0.87; Wilson centre (1740 + 3.8415)/(2·1003.8415), half-width
    // 1.96·√(3.8415 + 4·870·0.13)/(2·1003.8415) → 84.8% to 88.9%.
    const r = dischargeHomePercent(870, 1000);
    expect(r.percent).toBe(87);
    expect(round(r.lower)).toBe(84.8);
    expect(round(r.upper)).toBe(88.9);
  });
  it('refuses more discharges home than discharges', () => {
    expect(() => dischargeHomePercent(11, 10)).toThrow(InputError);
  });
});

describe('RAG against plan', () => {
  it('rates lower-is-better rates with a 5% amber band', () => {
    expect(ragRating('residential_admissions', 550, 550.1)).toBe('green');
    expect(ragRating('residential_admissions', 577, 550.1)).toBe('amber'); // within 27.5
    expect(ragRating('residential_admissions', 580, 550.1)).toBe('red');
    expect(ragRating('falls', null, 1900)).toBeNull();
  });
  it('rates discharge home with a one-point amber band, higher being better', () => {
    expect(ragRating('discharge_home', 93.1, 93)).toBe('green');
    expect(ragRating('discharge_home', 92.2, 93)).toBe('amber');
    expect(ragRating('discharge_home', 91.5, 93)).toBe('red');
  });
});

describe('metricPlanProblem (issue 13, finding 2)', () => {
  it('plans a percentage metric from 0 to 100 and a rate within its bound', () => {
    expect(metricPlanProblem('discharge_home', 150)).toBe(
      'Discharge to normal place of residence is a percentage: enter a plan from 0 to 100',
    );
    expect(metricPlanProblem('discharge_home', 93.5)).toBeNull();
    expect(metricPlanProblem('falls', 150)).toBeNull();
    expect(metricPlanProblem('falls', -1)).toMatch(/rate per 100,000 people/);
  });
});
