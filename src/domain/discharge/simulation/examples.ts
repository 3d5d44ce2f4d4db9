import { scenarioSchema, type Scenario, type ScenarioInput } from './scenario.js';

/** A borough-sized three-pathway scenario used by tests and the bench (about 4,000 referrals a year). */
export function boroughScenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  return scenarioSchema.parse({
    name: 'Borough baseline',
    startDate: '2026-04-01',
    days: 365,
    warmupDays: 60,
    replications: 200,
    seed: 2026,
    costPerAcuteBedDay: 345,
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
        costPerPlaceDay: 60,
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
        costPerPlaceDay: 250,
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
        costPerPlaceDay: 180,
      },
    ],
    ...overrides,
  });
}

/** One service with Poisson arrivals and exponential stays: an M/M/c queue. */
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
