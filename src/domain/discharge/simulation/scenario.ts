import { z } from 'zod';
import { exceedsOne, sumOfShares } from '../../core/shares.js';

/**
 * A capacity-planning scenario: the discharge services (pathway 1 slots, pathway 2 beds, pathway 3 D2A
 * beds, ...), their arrivals, capacity by date, lengths of stay, onward moves and costs.
 * Money is in pounds here (inputs to a model, never stored as a ledger amount).
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const time = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s;
  }, 'is not a real date');

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();

export const lengthOfStaySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exponential'), mean: positive }),
  z.object({ kind: z.literal('lognormal'), mean: positive, sd: positive }),
  z.object({ kind: z.literal('gamma'), mean: positive, sd: positive }),
  z.object({ kind: z.literal('fixed'), days: positive }),
  z.object({
    kind: z.literal('empirical'),
    days: z.array(positive).min(1, 'needs at least one recorded length of stay'),
  }),
]);
export type LengthOfStay = z.infer<typeof lengthOfStaySchema>;

export const arrivalsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('poisson'),
    /** Mean referrals per day before the day-of-week and month factors. */
    perDay: nonNegative,
    /** Multipliers Monday…Sunday (1 = average day). */
    dayOfWeek: z.array(nonNegative).length(7, 'needs 7 values, Monday to Sunday').optional(),
    /** Multipliers January…December (1 = average month). */
    month: z.array(nonNegative).length(12, 'needs 12 values, January to December').optional(),
  }),
  z.object({
    kind: z.literal('schedule'),
    /** Exact arrival times in days from the start of the measured period (negative: during the warm-up). */
    times: z.array(z.number().finite()),
  }),
]);
export type Arrivals = z.infer<typeof arrivalsSchema>;

export const capacityChangeSchema = z.object({ from: isoDate, capacity: z.number().int().nonnegative() });

export const onwardSchema = z.object({
  /** A service id (the person then queues for that service) or the name of a destination (e.g. "home"). */
  to: z.string().min(1),
  probability: z.number().min(0).max(1),
});

export const serviceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  pathway: z.number().int().min(0).max(3),
  unit: z.enum(['slot', 'bed']),
  capacity: z.number().int().nonnegative(),
  /** Capacity from a date onwards (e.g. winter flex 57 → 61 on 1 December, back to 57 on 1 April). */
  capacityChanges: z.array(capacityChangeSchema).default([]),
  arrivals: arrivalsSchema,
  lengthOfStay: lengthOfStaySchema,
  /**
   * Handover: time from being medically optimised until a free place could be used (assessment, transport,
   * equipment), lognormal. Counted in the wait and in delayed acute bed-days, but not a queue for a place.
   */
  handover: z.object({ mean: positive, sd: positive }).optional(),
  /** Share of arrivals given priority in the queue (0 = first come, first served). */
  priorityShare: z.number().min(0).max(1).default(0),
  onward: z.array(onwardSchema).default([]),
  costPerPlaceDay: nonNegative.default(0),
  /** 'capacity': every commissioned place is paid (block contract); 'occupied': only used places. */
  costBasis: z.enum(['capacity', 'occupied']).default('capacity'),
});
export type Service = z.infer<typeof serviceSchema>;

export const targetSchema = z.object({
  withinDays: positive.default(2),
  share: z.number().gt(0).lt(1).default(0.95),
});
export type Target = z.infer<typeof targetSchema>;

export const scenarioSchema = z
  .object({
    name: z.string().min(1).default('Scenario'),
    /** First day of the measured period; the warm-up runs before it. */
    startDate: isoDate,
    days: z.number().int().min(1).max(3660).default(365),
    warmupDays: z.number().int().min(0).max(3660).default(60),
    replications: z.number().int().min(1).max(100_000).default(200),
    seed: z.number().int().default(1),
    costPerAcuteBedDay: nonNegative.default(0),
    /** A person moving on waits in their current place (bed blocking) rather than elsewhere. */
    blocking: z.boolean().default(true),
    target: targetSchema.default({ withinDays: 2, share: 0.95 }),
    services: z.array(serviceSchema).min(1, 'needs at least one service').max(32, 'at most 32 services'),
  })
  .superRefine((scenario, ctx) => {
    const ids = new Set<string>();
    scenario.services.forEach((service, i) => {
      if (ids.has(service.id))
        ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `duplicate service id "${service.id}"` });
      ids.add(service.id);
    });
    scenario.services.forEach((service, i) => {
      const total = sumOfShares(service.onward.map((o) => o.probability));
      if (exceedsOne(total)) {
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'onward'],
          message: `onward probabilities add up to ${round(total)}, more than 1`,
        });
      }
      if (service.arrivals.kind === 'schedule') {
        const k = service.arrivals.times.findIndex((t) => t < -scenario.warmupDays);
        if (k >= 0)
          ctx.addIssue({
            code: 'custom',
            path: ['services', i, 'arrivals', 'times', k],
            message: `is before the warm-up starts (day -${scenario.warmupDays})`,
          });
      }
      service.onward.forEach((o, j) => {
        if (o.to === service.id)
          ctx.addIssue({
            code: 'custom',
            path: ['services', i, 'onward', j, 'to'],
            message: 'a service cannot send people back to itself',
          });
      });
    });
    const cycle = findCycle(scenario.services);
    if (cycle)
      ctx.addIssue({
        code: 'custom',
        path: ['services'],
        message: `onward moves form a loop (${cycle.join(' → ')}); people could block each other forever`,
      });
  });
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

export interface FieldIssue {
  field: string;
  message: string;
}

/** Parse an untrusted scenario; errors name the field (e.g. `services.2.lengthOfStay.mean`). */
export function parseScenario(input: unknown): { ok: true; scenario: Scenario } | { ok: false; issues: FieldIssue[] } {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return { ok: true, scenario: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      field: issue.path.join('.') || '(scenario)',
      message: issue.message,
    })),
  };
}

function findCycle(services: Service[]): string[] | null {
  const ids = new Set(services.map((s) => s.id));
  const edges = new Map(
    services.map((s) => [s.id, s.onward.filter((o) => ids.has(o.to) && o.probability > 0).map((o) => o.to)]),
  );
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 1);
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      if (state.get(next) === 1) return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const id of ids) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return null;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
