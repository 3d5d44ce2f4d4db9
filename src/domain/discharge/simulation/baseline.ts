/**
 * Scenarios built from the hub's own records: the baseline fitted from its history, and the forecast from
 * today's position on the hub board (who is in each service and for how long, who is waiting and for how long).
 */
import type { IsoDate } from '../../core/dates.js';
import type { HistoryFit } from './fit.js';
import { requireScenario, scenarioSchema, type Scenario, type ScenarioInput } from './scenario.js';

/**
 * Costs used when the hub's records carry no price, in whole pence; shown and editable on the planner.
 * - acute bed-day £346 and rehab bed-day £150, D2A bed-day £164: the IPACS input workbook's costs sheet
 *   (IPACS_20230214_fix.xlsx, `acute_dtoc` and `community_cost`, NHS BNSSG; MIT licence);
 * - reablement visit £24.26: one hour at the Redbridge domiciliary care cost-of-care rate (seed 001, BCF plan).
 * - reablement place-day £60 when pathway 1 is modelled as slots (about 2.5 visits a day at that rate).
 */
export const DEFAULT_COSTS_PENCE = {
  costPerAcuteBedDayPence: 34_600,
  costPerPlaceDayPence: { p1: 6_000, p2: 15_000, p3: 16_400 },
  costPerVisitPence: 2_426,
} as const;

export interface BaselineOptions {
  name?: string;
  startDate: IsoDate;
  days?: number;
  replications?: number;
  seed?: number;
  costPerAcuteBedDayPence: number;
  costPerPlaceDayPence: Record<'p1' | 'p2' | 'p3', number>;
  costPerVisitPence: number;
}

const NAMES = {
  1: 'Reablement and home-based support (pathway 1)',
  2: 'Step-down and rehabilitation beds (pathway 2)',
  3: 'D2A care home beds (pathway 3)',
} as const;

/**
 * A scenario from the fit: each pathway a service with the fitted rates (and trend), stays, onward moves and
 * capacity; pathway 1 as home visits when the records give visits a day, else as slots. Starts empty with an
 * 'auto' warm-up (see `warmup.ts`).
 */
export function baselineScenario(fit: HistoryFit, options: BaselineOptions): Scenario {
  const input: ScenarioInput = {
    name: options.name ?? 'Baseline (fitted from history)',
    startDate: options.startDate,
    days: options.days ?? 365,
    warmupDays: 'auto',
    replications: options.replications ?? 200,
    seed: options.seed ?? 1,
    costPerAcuteBedDayPence: options.costPerAcuteBedDayPence,
    target: { withinDays: 2, share: 0.95 },
    services: fit.pathways.map((p) => {
      const common = {
        id: p.serviceId,
        name: NAMES[p.pathway],
        pathway: p.pathway,
        capacityChanges: p.capacity.changes.filter((c) => c.from > options.startDate),
        arrivals: {
          kind: 'poisson' as const,
          perDay: p.arrivals.perDay,
          dayOfWeek: p.arrivals.dayOfWeek,
          month: p.arrivals.month,
          trendPerYear: p.arrivals.trendPerYear,
        },
        lengthOfStay: p.lengthOfStay.chosen,
        // Moves from step-down to reablement are new pathway 1 referrals in the hub's records, so already in its rate.
        onward: p.onward.map((o) =>
          o.to === 'p1' ? { to: 'home with reablement (in pathway 1 referrals)', probability: o.probability } : o,
        ),
        handover: p.handover ? { mean: p.handover.mean, sd: p.handover.sd } : undefined,
      };
      if (p.visits)
        return {
          ...common,
          unit: 'visit' as const,
          capacity: p.visits.capacityPerDay,
          capacityChanges: [],
          visits: { firstDay: p.visits.firstDay, lastDay: p.visits.lastDay },
          costPerVisitPence: options.costPerVisitPence,
          costBasis: 'occupied' as const,
        };
      return {
        ...common,
        unit: p.pathway === 1 ? ('slot' as const) : ('bed' as const),
        capacity: p.capacity.places,
        costPerPlaceDayPence: p.costPerPlaceDayPence?.value ?? options.costPerPlaceDayPence[p.serviceId],
        costBasis: p.pathway === 1 ? ('occupied' as const) : ('capacity' as const),
      };
    }),
  };
  return scenarioSchema.parse(input);
}

/** Today's position of one service: days each person in it has spent there, days each person waiting has waited. */
export interface ServicePosition {
  serviceId: string;
  inService: number[];
  waiting: number[];
}

/** Today's position of the hub, as read from its board and service records. */
export interface HubPosition {
  /** The instant read (ISO date-time). */
  asAt: string;
  /** Today in London: the forecast's first day. */
  date: IsoDate;
  services: ServicePosition[];
  /** Where it came from, e.g. "Hub board, 27 March 2026 09:12". */
  source: string;
}

/**
 * The scenario forecast from today, as unparsed input: `base` (e.g. the fitted baseline, with the planner's
 * changes) starting on `position.date` for `days` days, each service's people in service and waiting taken from
 * the position (services it does not cover start empty), and no warm-up. Parse it with `parseScenario` (the
 * planner page, to show field errors) or use {@link fromTodaysPosition}.
 */
export function todaysPositionInput(base: Scenario, position: HubPosition, days: number, name?: string): ScenarioInput {
  return {
    ...base,
    name: name ?? `Forecast from today (${position.date})`,
    startDate: position.date,
    days,
    warmupDays: 'auto',
    services: base.services.map((service) => {
      const here = position.services.find((p) => p.serviceId === service.id);
      return {
        ...service,
        initialState: {
          inService: here?.inService ?? [],
          inServiceDaysUnknown: 0,
          waiting: here?.waiting ?? [],
          waitingDaysUnknown: 0,
          source: here ? position.source.slice(0, 200) : 'not on the hub board: starts empty',
        },
      };
    }),
  };
}

/**
 * The scenario forecast from today (see {@link todaysPositionInput}).
 * @throws InputError naming each field at fault (e.g. a horizon over 3,660 days)
 */
export function fromTodaysPosition(base: Scenario, position: HubPosition, days: number, name?: string): Scenario {
  return requireScenario(todaysPositionInput(base, position, days, name));
}
