import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { ipacsOutputRows, ipacsScenarios, type IpacsWorkbook, type SheetRow } from './ipacs.js';
import { simulate } from './simulate.js';

function rows(values: Record<string, unknown>[]): SheetRow[] {
  return values.map((v, i) => ({ row: i + 2, values: v }));
}

/** A small workbook in the IPACS layout: Bristol pathways 1 and 2, two capacity and two arrival scenarios. */
function workbook(): IpacsWorkbook {
  const dates = ['2023-01-01', '2023-01-02', '2023-01-03'].map((d) => new Date(`${d}T00:00:00Z`));
  return {
    arrivals: rows(
      ['P1_B', 'P2_B'].flatMap((node) =>
        ['BArr', 'S1Arr'].flatMap((scenario) =>
          dates.map((date, k) => ({ node, arrivals: scenario === 'BArr' ? 2 + k : 3, scenario, date })),
        ),
      ),
    ),
    initialConditions: rows([
      { node: 'P1_B', measure: 'dtoc', value: 4 },
      { node: 'P1_B', measure: 'occ', value: 20 },
      { node: 'P2_B', measure: 'dtoc', value: 3 },
      { node: 'P2_B', measure: 'occ', value: 9 },
    ]),
    capacity: rows([
      { node: 'P1_B', scenario: 'BCap', capacity: 20 },
      { node: 'P1_B', scenario: 'S1Cap', capacity: 2000 },
      { node: 'P2_B', scenario: 'BCap', capacity: 10 },
      { node: 'P2_B', scenario: 'S1Cap', capacity: 2000 },
    ]),
    los: rows([
      {
        node: 'P1_B',
        median: 9,
        IVR: 4,
        FVR: 1,
        scenario: 'Blos',
        mean_los: 18.07,
        los_dist: 'lnorm',
        los_params: '2.19722457733622 , 1.18070193297709',
      },
      {
        node: 'P2_B',
        median: 34,
        IVR: null,
        FVR: null,
        scenario: 'Blos',
        mean_los: 42.79,
        los_dist: 'lnorm',
        los_params: '3.52636052461616 , 0.678150286901899',
      },
    ]),
    costs: rows([
      { node: 'P1_B', community_cost: 125, acute_dtoc: 346 },
      { node: 'P2_B', community_cost: 150, acute_dtoc: 346 },
    ]),
  };
}

describe('IPACS workbooks in', () => {
  it('runs every combination of capacity, stay and arrival scenario, named as IPACS names its columns', () => {
    const scenarios = ipacsScenarios(workbook(), { replications: 5, seed: 1 });
    expect(scenarios.map((s) => s.name).sort()).toEqual([
      'P1_B_BCap_Blos_BArr',
      'P1_B_BCap_Blos_S1Arr',
      'P1_B_S1Cap_Blos_BArr',
      'P1_B_S1Cap_Blos_S1Arr',
      'P2_B_BCap_Blos_BArr',
      'P2_B_BCap_Blos_S1Arr',
      'P2_B_S1Cap_Blos_BArr',
      'P2_B_S1Cap_Blos_S1Arr',
    ]);
    const bed = scenarios.find((s) => s.name === 'P2_B_BCap_Blos_BArr')!;
    expect(bed.model).toBe('bed');
    expect(bed.scenario.startDate).toBe('2023-01-01');
    expect(bed.scenario.days).toBe(3);
    const service = bed.scenario.services[0];
    expect(service.arrivals).toEqual({ kind: 'series', start: '2023-01-01', perDay: [2, 3, 4] });
    expect(service.initialState).toMatchObject({ inServiceDaysUnknown: 9, waitingDaysUnknown: 3 });
    expect(service.unit === 'bed' && service.costPerPlaceDayPence).toBe(15_000);
    expect(bed.scenario.costPerAcuteBedDayPence).toBe(34_600);
    // Lognormal with IPACS's μ = ln(median) and σ: mean e^(μ + σ²/2) = the workbook's mean_los.
    expect(service.lengthOfStay.kind === 'lognormal' && service.lengthOfStay.mean).toBeCloseTo(42.79, 2);
    const visit = scenarios.find((s) => s.name === 'P1_B_BCap_Blos_BArr')!.scenario.services[0];
    // IPACS: n_slots = capacity × mean(initial and final visit rates) = 20 × 2.5.
    expect(visit.unit).toBe('visit');
    expect(visit.capacity).toBe(50);
    expect(visit.unit === 'visit' && visit.visits).toEqual({ firstDay: 4, lastDay: 1 });
  });

  it('writes daily outputs in the IPACS layout (bed: occ, niq, wait, cost; visit: niq, occ, wait, cost)', () => {
    const scenarios = ipacsScenarios(workbook(), { replications: 3, seed: 1 });
    const runs = scenarios.map((s) => ({ name: s.name, model: s.model, result: simulate(s.scenario) }));
    const bed = ipacsOutputRows(
      'bed',
      runs.filter((r) => r.model === 'bed'),
    );
    expect(bed[0][0]).toBe('date');
    expect(bed[0][1]).toBe('P2_B_BCap_Blos_BArr__occ');
    expect(bed[0]).toContain('P2_B_S1Cap_Blos_S1Arr__cost');
    expect(bed).toHaveLength(4);
    expect(bed[1][0]).toBe('2023-01-01');
    const visit = ipacsOutputRows(
      'visit',
      runs.filter((r) => r.model === 'visit'),
    );
    expect(visit[0][1]).toBe('P1_B_BCap_Blos_BArr__niq');
    // With 2,000 × 2.5 visits a day nobody waits for a first visit.
    const column = visit[0].indexOf('P1_B_S1Cap_Blos_BArr__niq');
    expect(visit.slice(1).map((r) => r[column])).toEqual([0, 0, 0]);
  });

  it('names the sheet, row and column of every problem', () => {
    const bad = workbook();
    bad.initialConditions = bad.initialConditions.filter(
      (r) => !(r.values.node === 'P2_B' && r.values.measure === 'dtoc'),
    );
    bad.los[1].values.los_dist = 'weibull';
    bad.arrivals[0].values.arrivals = 'lots';
    try {
      ipacsScenarios(bad, { replications: 2, seed: 1 });
      throw new Error('expected the workbook to be refused');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const fields = (err as InputError).errors.map((e) => `${e.field}: ${e.message}`);
      expect(fields).toContainEqual(expect.stringMatching(/^arrivals row 2, arrivals: "lots" is not a number/));
      expect(fields).toContainEqual(expect.stringMatching(/^los row 3, los_dist: "weibull"/));
    }
    const noQueue = workbook();
    noQueue.initialConditions = noQueue.initialConditions.filter(
      (r) => r.values.measure !== 'dtoc' || r.values.node !== 'P2_B',
    );
    expect(() => ipacsScenarios(noQueue, { replications: 2, seed: 1 })).toThrow(/P2_B needs an occ and a dtoc row/);
  });
});
