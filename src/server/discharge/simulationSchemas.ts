// Capacity planning by simulation: the request and response shapes of /api/discharge/simulation. The web app
// takes its types from here with z.infer; each response schema is checked against the engine's own types below.
import { z } from 'zod';
import type { HubPosition } from '../../domain/discharge/simulation/baseline.js';
import type { CapacityRecommendation } from '../../domain/discharge/simulation/capacitySearch.js';
import type { ComparisonRow } from '../../domain/discharge/simulation/compare.js';
import type { HistoryFit } from '../../domain/discharge/simulation/fit.js';
import { SERVICE_METRICS, type SimulationResult } from '../../domain/discharge/simulation/results.js';
import { lengthOfStaySchema, scenarioSchema } from '../../domain/discharge/simulation/scenario.js';

export { scenarioSchema };

export const estimateSchema = z.object({
  mean: z.number(),
  /** Ends of the 95% confidence interval of the mean over replications (Student t). */
  low: z.number(),
  high: z.number(),
  sd: z.number(),
});

/** A daily series: mean, 5th and 95th percentiles over replications, one value per day. */
export const bandSchema = z.object({ mean: z.array(z.number()), p5: z.array(z.number()), p95: z.array(z.number()) });

const metricKeys = SERVICE_METRICS.map((m) => m.key) as [
  (typeof SERVICE_METRICS)[number]['key'],
  ...(typeof SERVICE_METRICS)[number]['key'][],
];

export const runWarningSchema = z.object({
  code: z.enum(['warm-up-too-short', 'overloaded']),
  serviceId: z.string(),
  message: z.string(),
  neededWarmupDays: z.number().int().optional(),
});

export const serviceResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  pathway: z.number().int(),
  unit: z.enum(['slot', 'bed', 'visit']),
  metrics: z.record(z.enum(metricKeys), estimateSchema),
  waitDistribution: z.object({ binDays: z.number(), share: z.array(z.number()) }),
  placeWaitDistribution: z.object({ binDays: z.number(), share: z.array(z.number()) }),
  daily: z.object({
    occupancy: bandSchema,
    queue: bandSchema,
    admissions: bandSchema,
    waitOfStarters: bandSchema,
    costPence: bandSchema,
    capacity: bandSchema,
    visits: bandSchema.nullable(),
  }),
  initial: z.object({ inService: z.number().int(), waiting: z.number().int() }).nullable(),
});

export const simulationResultSchema = z.object({
  scenario: z.object({
    name: z.string(),
    startDate: z.string(),
    days: z.number().int(),
    warmupDays: z.number().int(),
    warmupSource: z.enum(['stated', 'auto', 'initial state']),
    fromInitialState: z.boolean(),
    replications: z.number().int(),
    seed: z.number().int(),
    target: z.object({ withinDays: z.number(), share: z.number() }),
  }),
  method: z.string(),
  events: z.number().int(),
  dates: z.array(z.string()),
  services: z.array(serviceResultSchema),
  exits: z.array(z.object({ destination: z.string(), people: estimateSchema })),
  totals: z.object({
    delayedBedDays: estimateSchema,
    delayCostPence: estimateSchema,
    serviceCostPence: estimateSchema,
    totalCostPence: estimateSchema,
  }),
  warnings: z.array(runWarningSchema),
});
export type SimulationResultResponse = z.infer<typeof simulationResultSchema>;

const observedSummarySchema = z.object({
  n: z.number().int(),
  mean: z.number(),
  median: z.number(),
  p90: z.number(),
  p95: z.number(),
});

export const pathwayFitSchema = z.object({
  pathway: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  serviceId: z.enum(['p1', 'p2', 'p3']),
  referrals: z.number(),
  arrivals: z.object({
    perDay: z.number(),
    dayOfWeek: z.array(z.number()),
    month: z.array(z.number()),
    monthsObserved: z.array(z.number().int()),
    trendPerYear: z.number(),
    source: z.string(),
  }),
  lengthOfStay: z.object({
    chosen: lengthOfStaySchema,
    candidates: z.array(
      z.object({
        kind: z.enum(['lognormal', 'gamma']),
        mean: z.number(),
        sd: z.number(),
        logLikelihood: z.number(),
        ksDistance: z.number(),
      }),
    ),
    observed: observedSummarySchema.nullable(),
    source: z.string(),
  }),
  waits: observedSummarySchema.extend({ shareOver2: z.number(), shareWithin2: z.number() }),
  capacity: z.object({
    places: z.number().int(),
    changes: z.array(z.object({ from: z.string(), capacity: z.number().int() })),
    source: z.string(),
  }),
  handover: z.object({ mean: z.number(), sd: z.number(), people: z.number().int(), source: z.string() }).nullable(),
  visits: z
    .object({ firstDay: z.number(), lastDay: z.number(), capacityPerDay: z.number().int(), source: z.string() })
    .nullable(),
  costPerPlaceDayPence: z.object({ value: z.number().int(), source: z.string() }).nullable(),
  onward: z.array(z.object({ to: z.string(), probability: z.number() })),
});

export const historyFitSchema = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  pathways: z.array(pathwayFitSchema),
  method: z.string(),
});

export const defaultCostsSchema = z.object({
  costPerAcuteBedDayPence: z.number().int(),
  costPerPlaceDayPence: z.object({ p1: z.number().int(), p2: z.number().int(), p3: z.number().int() }),
  costPerVisitPence: z.number().int(),
});

export const baselineResponseSchema = z.object({
  fit: historyFitSchema,
  baseline: scenarioSchema,
  variants: z.array(scenarioSchema),
  defaults: defaultCostsSchema,
});
export type BaselineResponse = z.infer<typeof baselineResponseSchema>;

export const hubPositionSchema = z.object({
  asAt: z.string(),
  date: z.string(),
  source: z.string(),
  services: z.array(z.object({ serviceId: z.string(), inService: z.array(z.number()), waiting: z.array(z.number()) })),
  /** People discharged into a service over a year ago with no end recorded (left out of the position). */
  unrecordedEnds: z.number().int(),
});
export type HubPositionResponse = z.infer<typeof hubPositionSchema>;

const capacityPointSchema = z.object({
  capacity: z.number().int(),
  delta: z.number().int(),
  shareWithinTarget: estimateSchema,
  waitMean: estimateSchema,
  waitP95: estimateSchema,
  meanQueue: estimateSchema,
  utilisation: estimateSchema,
  delayedBedDays: estimateSchema,
  delayCostPence: estimateSchema,
  serviceCostPence: estimateSchema,
  totalCostPence: estimateSchema,
  meetsTarget: z.boolean(),
});

export const capacityRecommendationSchema = z.object({
  serviceId: z.string(),
  serviceName: z.string(),
  target: z.object({ withinDays: z.number(), share: z.number() }),
  current: z.number().int(),
  recommended: z.number().int().nullable(),
  leastCost: z.number().int(),
  curve: z.array(capacityPointSchema),
  replications: z.number().int(),
  method: z.string(),
});
export type CapacityRecommendationResponse = z.infer<typeof capacityRecommendationSchema>;

export const recommendBodySchema = z.strictObject({
  scenario: scenarioSchema,
  serviceIds: z.array(z.string()).min(1).optional(),
  replications: z
    .number()
    .int()
    .min(10)
    .max(500)
    .default(60)
    .describe(
      "Runs per capacity while narrowing the search down; the answer and its curve use the scenario's own replications",
    ),
});

export const recommendResponseSchema = z.object({ recommendations: z.array(capacityRecommendationSchema) });

export const comparisonRowSchema = z.object({
  serviceId: z.string(),
  serviceName: z.string(),
  metric: z.string(),
  label: z.string(),
  unit: z.string(),
  values: z.array(estimateSchema.nullable()),
});

export const compareBodySchema = z.strictObject({ scenarios: z.array(scenarioSchema).min(1).max(6) });

export const compareResponseSchema = z.object({
  comparison: z.object({ scenarios: z.array(z.string()), rows: z.array(comparisonRowSchema) }),
  results: z.array(simulationResultSchema),
});
export type CompareResponse = z.infer<typeof compareResponseSchema>;

export const savedBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(''),
  scenario: z.unknown(),
});

export const savedScenarioSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  scenario: scenarioSchema,
  updatedAt: z.string(),
});
export type SavedScenarioResponse = z.infer<typeof savedScenarioSchema>;

// The engine's types must fit the response schemas (a compile-time check: a field added to one and not the other fails here).
export const typeChecks = {
  result: (x: SimulationResult): SimulationResultResponse => x,
  fit: (x: HistoryFit): z.infer<typeof historyFitSchema> => x,
  position: (x: HubPosition & { unrecordedEnds: number }): HubPositionResponse => x,
  recommendation: (x: CapacityRecommendation): CapacityRecommendationResponse => x,
  comparisonRow: (x: ComparisonRow): z.infer<typeof comparisonRowSchema> => x,
};
