import { scenarioSchema, type Scenario, type ScenarioInput } from './scenario.js';

/**
 * A borough-sized three-pathway scenario used by tests and the bench (about 3,650 referrals a year), with the
 * seed BCF plan's community rehab beds: 57 open all year, 61 in the winter (seed 001: "a baseline of 52 beds
 * with a flex to 57 … during the winter period 61 beds are open").
 */
export function boroughScenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  return scenarioSchema.parse({
    name: 'Borough baseline',
    startDate: '2026-04-01',
    days: 365,
    warmupDays: 'auto',
    replications: 200,
    seed: 2026,
    costPerAcuteBedDayPence: 34_500,
    target: { withinDays: 2, share: 0.95 },
    services: [
      {
        id: 'p1',
        name: 'Reablement (pathway 1)',
        pathway: 1,
        unit: 'slot',
        capacity: 70,
        arrivals: { kind: 'poisson', perDay: 7, dayOfWeek: [1.2, 1.15, 1.1, 1.1, 1.15, 0.7, 0.6] },
        lengthOfStay: { kind: 'lognormal', mean: 8, sd: 6 },
        costPerPlaceDayPence: 6_000,
      },
      {
        id: 'p2',
        name: 'Step-down rehab beds (pathway 2)',
        pathway: 2,
        unit: 'bed',
        capacity: 57,
        capacityChanges: [
          { from: '2026-12-01', capacity: 61 },
          { from: '2027-03-01', capacity: 57 },
        ],
        arrivals: {
          kind: 'poisson',
          perDay: 2,
          month: [1.15, 1.1, 1.05, 0.95, 0.9, 0.9, 0.9, 0.9, 0.95, 1, 1.05, 1.15],
        },
        lengthOfStay: { kind: 'gamma', mean: 24, sd: 12 },
        onward: [{ to: 'p1', probability: 0.4 }],
        costPerPlaceDayPence: 25_000,
      },
      {
        id: 'p3',
        name: 'D2A care home beds (pathway 3)',
        pathway: 3,
        unit: 'bed',
        capacity: 45,
        arrivals: { kind: 'poisson', perDay: 1 },
        lengthOfStay: { kind: 'lognormal', mean: 35, sd: 15 },
        onward: [
          { to: 'home', probability: 0.3 },
          { to: 'long-term care', probability: 0.7 },
        ],
        costPerPlaceDayPence: 18_000,
      },
    ],
    ...overrides,
  });
}

/** One service with Poisson arrivals (λ a day) and exponential stays (mean days): an M/M/c queue with c places. */
export function mmcScenario(
  c: number,
  lambda: number,
  meanStay: number,
  days: number,
  replications: number,
  seed: number,
): Scenario {
  return scenarioSchema.parse({
    name: `M/M/${c}`,
    startDate: '2026-01-01',
    days,
    warmupDays: 30,
    replications,
    seed,
    services: [
      {
        id: 'beds',
        name: 'Beds',
        pathway: 2,
        unit: 'bed',
        capacity: c,
        arrivals: { kind: 'poisson', perDay: lambda },
        lengthOfStay: { kind: 'exponential', mean: meanStay },
      },
    ],
  });
}
