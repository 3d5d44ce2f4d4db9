import { BOUNDS } from '../../core/bounds.js';
import { rangeMessage } from '../../core/messages.js';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { isoDateSchema } from '../../core/dates.js';
import { exceedsOne, sumOfShares } from '../../core/shares.js';
import { parseStrict, type FieldIssue } from './strict.js';

/** Places (or visits a day) of one service: a borough's whole service is at most a few thousand. */
const PLACES_MESSAGE = rangeMessage('places', BOUNDS.plannerPlaces, { whole: true });

/**
 * The planner's assumptions a person edits (the web form's fields) with the range a domain expert would allow and
 * how the message says it: the scenario schema below and the web form (web/src/discharge/planner/assumptions.ts)
 * both check these, so the API and the form refuse the same values with the same words. Money in pence.
 */
export const PLANNER_ASSUMPTIONS = {
  capacity: { range: BOUNDS.plannerPlaces, whole: true },
  referralsPerDay: { range: BOUNDS.plannerArrivalsPerDay },
  stayDays: { range: BOUNDS.plannerStayDays, unit: 'days', aboveMin: true },
  visitsPerDay: { range: BOUNDS.visitsPerDay, aboveMin: true },
  acuteBedDayPence: { range: BOUNDS.acuteBedDayPence, pence: true },
  placeDayPence: { range: BOUNDS.placeDayPence, pence: true },
  visitPence: { range: BOUNDS.visitPence, pence: true },
  targetDays: { range: BOUNDS.plannerTargetDays, unit: 'days', aboveMin: true },
  flexPlaces: { range: BOUNDS.plannerPlaces, whole: true },
  peopleWaiting: { range: { min: 1, max: BOUNDS.plannerPeople.max }, whole: true },
} as const;

/** The message for an assumption of `kind` outside its range, naming it by `label`. */
export function assumptionMessage(kind: keyof typeof PLANNER_ASSUMPTIONS, label: string): string {
  const a: {
    range: { min: number; max: number };
    whole?: boolean;
    unit?: string;
    pence?: boolean;
    aboveMin?: boolean;
  } = PLANNER_ASSUMPTIONS[kind];
  return rangeMessage(label, a.range, a);
}

/** A cost in whole pence within the range of `kind`. */
const costOf = (kind: 'acuteBedDayPence' | 'placeDayPence' | 'visitPence', label: string) =>
  z
    .number()
    .int('must be whole pence')
    .min(PLANNER_ASSUMPTIONS[kind].range.min, assumptionMessage(kind, label))
    .max(PLANNER_ASSUMPTIONS[kind].range.max, assumptionMessage(kind, label));
/** A length of stay (mean, spread or fixed), more than 0 days up to BOUNDS.plannerStayDays. */
const stay = (label: string) =>
  z
    .number()
    .finite()
    .positive(assumptionMessage('stayDays', label))
    .max(BOUNDS.plannerStayDays.max, assumptionMessage('stayDays', label));

export type { FieldIssue } from './strict.js';

/**
 * A capacity-planning scenario: the discharge services (pathway 1 reablement as slots or as visits, pathway 2
 * beds, pathway 3 D2A beds, ...), who is in them and waiting for them today, their referrals, capacity by date
 * and by queue, lengths of stay, onward moves and costs. Money is in whole pence (`…Pence`). Every object is
 * strict: a field the engine does not know is refused with its path and the nearest known name
 * (see `strict.ts`), so a misspelt assumption is never silently ignored.
 */

/** Days in the planner (lengths of stay, waits, lead times): more than 0, up to BOUNDS.plannerDays. */
const positive = z.number().finite().positive().max(BOUNDS.plannerDays.max);
/** Days already spent or waited, 0 up to BOUNDS.plannerDays. */
const nonNegative = z.number().finite().nonnegative().max(BOUNDS.plannerDays.max);
/** Referrals a day, or a multiplier of that rate: 0 up to BOUNDS.plannerArrivalsPerDay. */
const rate = z
  .number()
  .finite()
  .nonnegative(assumptionMessage('referralsPerDay', 'referrals a day'))
  .max(BOUNDS.plannerArrivalsPerDay.max, assumptionMessage('referralsPerDay', 'referrals a day'));
/** People counted in one service (thresholds, capacity variation): BOUNDS.plannerPeople. */
const people = z.number().int().min(BOUNDS.plannerPeople.min).max(BOUNDS.plannerPeople.max);

export const lengthOfStaySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exponential'), mean: stay('mean length of stay') }),
  z.strictObject({
    kind: z.literal('lognormal'),
    mean: stay('mean length of stay'),
    sd: stay('spread of length of stay'),
  }),
  z.strictObject({ kind: z.literal('gamma'), mean: stay('mean length of stay'), sd: stay('spread of length of stay') }),
  z.strictObject({ kind: z.literal('fixed'), days: stay('length of stay') }),
  z.strictObject({
    kind: z.literal('empirical'),
    days: z.array(positive).min(1, 'needs at least one recorded length of stay'),
  }),
]);
export type LengthOfStay = z.infer<typeof lengthOfStaySchema>;

export const arrivalsSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('poisson'),
    /** Mean referrals per day on the scenario's start date, before the day-of-week and month factors. */
    perDay: rate,
    /** Multipliers Monday…Sunday (1 = average day). */
    dayOfWeek: z.array(rate).length(7, 'needs 7 values, Monday to Sunday').optional(),
    /** Multipliers January…December (1 = average month). */
    month: z.array(rate).length(12, 'needs 12 values, January to December').optional(),
    /** Growth of the rate per year from the start date (0.04 = 4% more referrals a year), compounded daily. */
    trendPerYear: z.number().finite().gt(-1).lt(10).default(0),
  }),
  z.strictObject({
    kind: z.literal('series'),
    /** Date of the first rate. */
    start: isoDateSchema,
    /**
     * Mean referrals on each date from `start` (e.g. the IPACS arrivals sheet, or a forecast). Days before the
     * series use the mean of its first 28 days, days after it the mean of its last 28.
     */
    perDay: z.array(rate).min(1, 'needs at least one daily rate').max(3660),
  }),
  z.strictObject({
    kind: z.literal('schedule'),
    /** Exact arrival times in days from the start of the measured period (negative: during the warm-up). */
    times: z.array(z.number().finite().min(-BOUNDS.plannerDays.max).max(BOUNDS.plannerDays.max)),
  }),
]);
export type Arrivals = z.infer<typeof arrivalsSchema>;

export const capacityChangeSchema = z.strictObject({
  from: isoDateSchema,
  /** Time of day the change takes effect (24-hour clock, default midnight). */
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time of day as HH:MM, for example 14:00')
    .optional(),
  capacity: z.number().int().nonnegative().max(BOUNDS.plannerPlaces.max, PLACES_MESSAGE),
});
export type CapacityChange = z.infer<typeof capacityChangeSchema>;

/**
 * Flex capacity opened only when the queue is long: e.g. the seed BCF plan's community rehab beds, 52 in the
 * baseline contract with a flex to 61 (`places: 9`), opened when `openWhenWaiting` people are waiting and closed
 * (as people leave: no stay is cut short) when the queue is down to `closeWhenWaiting`.
 */
export const flexSchema = z
  .strictObject({
    places: z.number().int().min(1).max(BOUNDS.plannerPlaces.max, PLACES_MESSAGE),
    openWhenWaiting: people.min(1),
    closeWhenWaiting: people.default(0),
    /** Days from the decision to open until the places can take people (staffing, cleaning). */
    leadDays: nonNegative.default(0),
    /** Months (1 = January) in which the flex may be open, e.g. [11, 12, 1, 2, 3, 4] for the winter; default all. */
    months: z.array(z.number().int().min(1).max(12)).min(1).optional(),
  })
  .refine((f) => f.closeWhenWaiting < f.openWhenWaiting, {
    path: ['closeWhenWaiting'],
    message: 'must be fewer than openWhenWaiting, or the flex would open and close at once',
  });
export type Flex = z.infer<typeof flexSchema>;

/** Today's position of a service: who is already in it and who is already waiting for it. */
export const initialStateSchema = z.strictObject({
  /** Days each person now in the service has already spent in it (their remaining stay is drawn given that). */
  inService: z.array(nonNegative).max(100_000).default([]),
  /** People in the service whose days so far are not known (remaining stays drawn from the steady-state residual). */
  inServiceDaysUnknown: z.number().int().nonnegative().max(100_000).default(0),
  /** Days each person now waiting has already waited since being medically optimised. */
  waiting: z.array(nonNegative).max(100_000).default([]),
  /** People waiting whose wait so far is not known (their waits are counted from the start). */
  waitingDaysUnknown: z.number().int().nonnegative().max(100_000).default(0),
  /** Where the position came from, e.g. "Hub board, 2026-03-27 09:12". */
  source: z.string().max(200).optional(),
});
export type InitialState = z.infer<typeof initialStateSchema>;

export const onwardSchema = z.strictObject({
  /** A service id (the person then queues for that service) or the name of a destination (e.g. "home"). */
  to: z.string().min(1),
  probability: z.number().min(0).max(1),
});

const serviceFields = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  pathway: z.number().int().min(0).max(3),
  /** Places (beds or slots), or for a visit service the visits that can be made each day. */
  capacity: z.number().int().nonnegative().max(BOUNDS.plannerPlaces.max, PLACES_MESSAGE),
  /** Capacity from a date (and time) onwards (e.g. winter flex 57 → 61 on 1 December, back to 57 on 1 April). */
  capacityChanges: z.array(capacityChangeSchema).default([]),
  /** Capacity that differs between replications (e.g. staff sickness): each draws a whole offset in [−down, +up]. */
  capacityVaries: z
    .strictObject({
      down: z.number().int().min(0).max(BOUNDS.plannerPlaces.max),
      up: z.number().int().min(0).max(BOUNDS.plannerPlaces.max),
    })
    .optional(),
  flex: flexSchema.optional(),
  arrivals: arrivalsSchema,
  lengthOfStay: lengthOfStaySchema,
  /**
   * Handover: time from being medically optimised until a free place could be used (assessment, transport,
   * equipment), lognormal. Counted in the wait and in delayed acute bed-days, but not a queue for a place.
   */
  handover: z.strictObject({ mean: positive, sd: positive }).optional(),
  /** Share of arrivals given priority in the queue (0 = first come, first served). */
  priorityShare: z.number().min(0).max(1).default(0),
  onward: z.array(onwardSchema).default([]),
  /** 'capacity': every commissioned place or visit is paid (block contract); 'occupied': only those used. */
  costBasis: z.enum(['capacity', 'occupied']).default('capacity'),
  initialState: initialStateSchema.optional(),
};

/** A service people hold a place in for their whole stay: beds, or reablement slots. */
export const placeServiceSchema = z.strictObject({
  ...serviceFields,
  unit: z.enum(['slot', 'bed']),
  costPerPlaceDayPence: costOf('placeDayPence', 'cost per place a day').default(0),
});

/**
 * Reablement delivered as home visits (pathway 1): each person needs `visits.firstDay` visits a day at the
 * start of their stay, falling in a straight line to `visits.lastDay` on the last day (rounded to whole visits,
 * at least one); `capacity` is the visits the service can make in a day. A person starts when every day of
 * their stay fits in what is left of each day's visits (the queue is for a first visit, first come first served).
 */
export const visitServiceSchema = z.strictObject({
  ...serviceFields,
  unit: z.literal('visit'),
  visits: z.strictObject({
    firstDay: z
      .number()
      .finite()
      .positive(assumptionMessage('visitsPerDay', 'visits a day at the start'))
      .max(BOUNDS.visitsPerDay.max, assumptionMessage('visitsPerDay', 'visits a day at the start')),
    lastDay: z
      .number()
      .finite()
      .positive(assumptionMessage('visitsPerDay', 'visits a day at the end'))
      .max(BOUNDS.visitsPerDay.max, assumptionMessage('visitsPerDay', 'visits a day at the end')),
  }),
  costPerVisitPence: costOf('visitPence', 'cost per visit').default(0),
});

export const serviceSchema = z.discriminatedUnion('unit', [placeServiceSchema, visitServiceSchema]);
export type Service = z.infer<typeof serviceSchema>;
export type PlaceService = z.infer<typeof placeServiceSchema>;
export type VisitService = z.infer<typeof visitServiceSchema>;

export const targetSchema = z.strictObject({
  withinDays: z
    .number()
    .finite()
    .positive(assumptionMessage('targetDays', 'target wait'))
    .max(BOUNDS.plannerTargetDays.max, assumptionMessage('targetDays', 'target wait'))
    .default(2),
  share: z.number().gt(0).lt(1).default(0.95),
});
export type Target = z.infer<typeof targetSchema>;

export const scenarioObjectSchema = z.strictObject({
  name: z.string().min(1).max(200).default('Scenario'),
  /** First day of the measured period ("today" when the services carry an initial state). */
  startDate: isoDateSchema,
  days: z.number().int().min(1).max(3660).default(365),
  /**
   * Days simulated before the measured period, starting empty. 'auto' (the default) chooses enough for the
   * longest stays to settle (0 when an initial state is given); the run then checks it with MSER-5.
   */
  warmupDays: z.union([z.number().int().min(0).max(3660), z.literal('auto')]).default('auto'),
  replications: z.number().int().min(1).max(100_000).default(200),
  seed: z.number().int().min(BOUNDS.seed.min).max(BOUNDS.seed.max).default(1),
  costPerAcuteBedDayPence: costOf('acuteBedDayPence', 'cost of an acute bed-day').default(0),
  /** A person moving on waits in their current place (bed blocking) rather than elsewhere. */
  blocking: z.boolean().default(true),
  target: targetSchema.default({ withinDays: 2, share: 0.95 }),
  services: z.array(serviceSchema).min(1, 'needs at least one service').max(32, 'at most 32 services'),
});

export const scenarioSchema = scenarioObjectSchema.superRefine((scenario, ctx) => {
  const ids = new Set<string>();
  const hasInitial = scenario.services.some((s) => s.initialState !== undefined);
  if (hasInitial && typeof scenario.warmupDays === 'number' && scenario.warmupDays > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['warmupDays'],
      message:
        'must be 0 or "auto" when services carry an initial state: the run starts from that state on the start date',
    });
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
    if (service.arrivals.kind === 'schedule' && typeof scenario.warmupDays === 'number') {
      const warmup = scenario.warmupDays;
      const k = service.arrivals.times.findIndex((t) => t < -warmup);
      if (k >= 0)
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'arrivals', 'times', k],
          message: `is before the warm-up starts (day -${warmup})`,
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

/**
 * Parse an untrusted scenario (CLI file, API body, planner page: the same schema).
 * @returns the scenario with defaults filled, or every field at fault, e.g. `services.2.lengthOfStay.mean`, and
 *   for an unknown field its path and the nearest known name (`warmUpDays` → did you mean "warmupDays"?)
 */
export function parseScenario(
  input: unknown,
  prefix = '',
): { ok: true; scenario: Scenario } | { ok: false; issues: FieldIssue[] } {
  const parsed = parseStrict(scenarioSchema, input, prefix);
  return parsed.ok ? { ok: true, scenario: parsed.value } : parsed;
}

/**
 * Parse an untrusted scenario, throwing when it is wrong.
 * @throws InputError listing every field at fault (paths prefixed with `prefix`, e.g. `scenario.services.0.id`)
 */
export function requireScenario(input: unknown, prefix = ''): Scenario {
  const parsed = parseScenario(input, prefix);
  if (!parsed.ok) throw new InputError(parsed.issues, 'The scenario has problems: see each field');
  return parsed.scenario;
}

/** True when any service of the scenario starts from a stated position (people in service or waiting). */
export function hasInitialState(scenario: Scenario): boolean {
  return scenario.services.some((s) => s.initialState !== undefined);
}

function findCycle(services: readonly Service[]): string[] | null {
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

/**
 * A scenario saved before money was kept in pence (`costPerAcuteBedDay`, `services[].costPerPlaceDay` in
 * pounds), brought to today's shape; anything else is returned as it is. Only for stored rows: input from
 * people is held to the strict schema.
 */
export function upgradeStoredScenario(stored: unknown): unknown {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return stored;
  const { costPerAcuteBedDay, services, ...rest } = stored as Record<string, unknown>;
  const out: Record<string, unknown> = { ...rest };
  if (typeof costPerAcuteBedDay === 'number' && out.costPerAcuteBedDayPence === undefined)
    out.costPerAcuteBedDayPence = Math.round(costPerAcuteBedDay * 100);
  out.services = Array.isArray(services)
    ? services.map((s: unknown) => {
        if (!s || typeof s !== 'object') return s;
        const { costPerPlaceDay, ...service } = s as Record<string, unknown>;
        if (typeof costPerPlaceDay === 'number' && service.costPerPlaceDayPence === undefined)
          service.costPerPlaceDayPence = Math.round(costPerPlaceDay * 100);
        return service;
      })
    : services;
  return out;
}
