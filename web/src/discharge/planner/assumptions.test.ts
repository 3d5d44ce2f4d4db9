import { describe, expect, it } from 'vitest';
import { boroughScenario } from '../../../../src/domain/discharge/simulation/examples.js';
import { scenarioSchema } from '../../../../src/domain/discharge/simulation/scenario.js';
import { applyAssumptions, assumptionsOf } from './assumptions';

describe('planner assumptions', () => {
  it('round-trips a scenario through the form fields', () => {
    const scenario = boroughScenario();
    const result = applyAssumptions(scenario, assumptionsOf(scenario));
    expect(result.problems).toEqual([]);
    expect(result.scenario).toEqual(scenario);
  });

  it('applies edits, moving winter flex with the base capacity', () => {
    const scenario = boroughScenario();
    const a = assumptionsOf(scenario);
    a.services[1].capacity = '60';
    a.services[2].losMean = '28';
    a.sharePercent = '90';
    const r = applyAssumptions(scenario, a);
    expect(r.scenario!.services[1].capacity).toBe(60);
    expect(r.scenario!.services[1].capacityChanges.map((c) => c.capacity)).toEqual([64, 60]);
    expect(r.scenario!.services[2].lengthOfStay).toEqual({ kind: 'lognormal', mean: 28, sd: 15 });
    expect(r.scenario!.target.share).toBe(0.9);
  });

  it('names each wrong field with the path the server uses', () => {
    const scenario = boroughScenario();
    const a = assumptionsOf(scenario);
    a.services[0].capacity = '12.5';
    a.services[2].losMean = 'long';
    a.replications = '5';
    const r = applyAssumptions(scenario, a);
    expect(r.scenario).toBeNull();
    expect(r.problems).toEqual([
      { field: 'replications', message: 'The number of replications must be 10 or more' },
      { field: 'services.0.capacity', message: 'Reablement (pathway 1) places must be a whole number from 0 to 5,000' },
      {
        field: 'services.2.lengthOfStay.mean',
        message: 'Enter the D2A care home beds (pathway 3) mean length of stay as a number',
      },
    ]);
  });

  it('edits a visit service (visits a day, cost per visit in pounds) and flex beds, in pence and by field path', () => {
    const base = boroughScenario();
    const scenario = {
      ...base,
      services: [
        {
          ...base.services[0],
          unit: 'visit' as const,
          capacity: 200,
          visits: { firstDay: 3, lastDay: 1 },
          costPerVisitPence: 2426,
        },
        ...base.services.slice(1),
      ],
    } as typeof base;
    const a = assumptionsOf(scenario);
    expect(a.services[0]).toMatchObject({ capacity: '200', visitsFirst: '3', visitsLast: '1', cost: '24.26' });
    a.services[0].visitsFirst = '4';
    a.services[0].cost = '25.5';
    a.services[1].flexPlaces = '9';
    a.services[1].flexOpenWhenWaiting = '5';
    const r = applyAssumptions(scenario, a);
    expect(r.problems).toEqual([]);
    const p1 = r.scenario!.services[0];
    expect(p1.unit === 'visit' && p1.visits).toEqual({ firstDay: 4, lastDay: 1 });
    expect(p1.unit === 'visit' && p1.costPerVisitPence).toBe(2550);
    expect(r.scenario!.services[1].flex).toEqual({ places: 9, openWhenWaiting: 5, closeWhenWaiting: 0, leadDays: 0 });
    a.services[0].visitsLast = '0';
    expect(applyAssumptions(scenario, a).problems).toEqual([
      {
        field: 'services.0.visits.lastDay',
        message: 'Reablement (pathway 1) visits a day at the end must be more than 0 and at most 12',
      },
    ]);
  });

  it('refuses implausible assumptions with the domain’s ranges, naming each field (review 13, finding 4)', () => {
    const base = boroughScenario();
    const scenario = {
      ...base,
      services: [
        {
          ...base.services[0],
          unit: 'visit' as const,
          capacity: 200,
          visits: { firstDay: 3, lastDay: 1 },
          costPerVisitPence: 2426,
        },
        ...base.services.slice(1),
      ],
    } as typeof base;
    const a = assumptionsOf(scenario);
    a.services[0].capacity = '999999';
    a.services[0].perDay = '999999';
    a.services[0].losMean = '99999';
    a.services[0].cost = '99999999';
    a.costPerAcuteBedDay = '9999999';
    const r = applyAssumptions(scenario, a);
    expect(r.scenario).toBeNull();
    const name = scenario.services[0].name;
    expect(r.problems).toEqual([
      { field: 'costPerAcuteBedDayPence', message: 'The cost of an acute bed-day must be from £0 to £3,000' },
      { field: 'services.0.capacity', message: `${name} visits a day must be a whole number from 0 to 5,000` },
      { field: 'services.0.arrivals.perDay', message: `${name} referrals a day must be a number from 0 to 500` },
      {
        field: 'services.0.lengthOfStay.mean',
        message: `${name} mean length of stay must be more than 0 and at most 365 days`,
      },
      { field: 'services.0.costPerVisitPence', message: `${name} cost per visit must be from £0 to £200` },
    ]);
    // The API's schema refuses the same values with the same ranges.
    const bad = { ...scenario, costPerAcuteBedDayPence: 999_999_900 };
    const parsed = scenarioSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].message).toBe('Cost of an acute bed-day must be from £0 to £3,000');
  });
});

describe('assumptions to the precision a person enters (review 13 finding 16)', () => {
  // As the review saw the borough scenario fitted from the hub's history: 18.443 days (SD 8.639), 5.932 a day.
  const fitted = () => {
    const scenario = boroughScenario();
    const s = scenario.services[2];
    scenario.services[2] = {
      ...s,
      lengthOfStay: { kind: 'lognormal', mean: 18.443, sd: 8.639 },
      arrivals: { kind: 'poisson', perDay: 5.932 },
    } as typeof s;
    return scenario;
  };

  it('shows stays to one decimal place and referrals a day to two', () => {
    const a = assumptionsOf(fitted());
    expect([a.services[2].losMean, a.services[2].losSd, a.services[2].perDay]).toEqual(['18.4', '8.6', '5.93']);
  });

  it('keeps the exact figures of fields left as shown, and takes what the user typed in the others', () => {
    const scenario = fitted();
    const same = applyAssumptions(scenario, assumptionsOf(scenario));
    expect(same.scenario).toEqual(scenario);
    const a = assumptionsOf(scenario);
    a.services[2].losMean = '20';
    const edited = applyAssumptions(scenario, a).scenario!.services[2];
    expect(edited.lengthOfStay).toEqual({ kind: 'lognormal', mean: 20, sd: 8.639 });
    expect(edited.arrivals).toEqual({ kind: 'poisson', perDay: 5.932 });
  });
});
