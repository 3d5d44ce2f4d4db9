import { bandOf, ratioBandOf, type Band } from './bands.js';
import { runWarnings, type RunWarning } from './checks.js';
import { WAIT_BIN_DAYS, WAIT_BINS, type ReplicationResult, type ServiceReplication } from './collect.js';
import { measuredDates, type CompiledModel } from './compile.js';
import type { Scenario } from './scenario.js';
import { estimate, type Estimate } from './statistics.js';

export type { Band } from './bands.js';
export type { RunWarning } from './checks.js';

/** The per-service figures reported, with the words a commissioner sees. */
export const SERVICE_METRICS = [
  { key: 'arrivals', label: 'Referrals from hospital', unit: 'people' },
  { key: 'transfersIn', label: 'Moves in from another service', unit: 'people' },
  { key: 'starts', label: 'People starting', unit: 'people' },
  { key: 'waitMean', label: 'Mean wait', unit: 'days' },
  { key: 'waitMedian', label: 'Median wait', unit: 'days' },
  { key: 'waitP90', label: '90th percentile wait', unit: 'days' },
  { key: 'waitP95', label: '95th percentile wait', unit: 'days' },
  { key: 'waitMax', label: 'Longest wait', unit: 'days' },
  { key: 'priorityWaitMean', label: 'Mean wait, priority referrals', unit: 'days' },
  { key: 'shareWaiting', label: 'Share who wait at all', unit: 'share' },
  { key: 'shareOver1', label: 'Share waiting over 1 day', unit: 'share' },
  { key: 'shareOver2', label: 'Share waiting over 2 days', unit: 'share' },
  { key: 'shareOver7', label: 'Share waiting over 7 days', unit: 'share' },
  { key: 'shareWithinTarget', label: 'Share getting a place within target (after handover)', unit: 'share' },
  { key: 'placeWaitMean', label: 'Mean wait for a place (after handover)', unit: 'days' },
  { key: 'meanOccupancy', label: 'Mean occupancy', unit: 'people' },
  { key: 'meanCapacity', label: 'Mean capacity', unit: 'places or visits a day' },
  { key: 'utilisation', label: 'Utilisation', unit: 'share' },
  { key: 'meanVisits', label: 'Mean visits a day', unit: 'visits' },
  { key: 'meanQueue', label: 'Mean number waiting', unit: 'people' },
  { key: 'maxQueue', label: 'Most waiting at once', unit: 'people' },
  { key: 'delayedBedDays', label: 'Delayed acute bed-days', unit: 'bed-days' },
  { key: 'blockedPlaceDays', label: 'Place-days held waiting to move on', unit: 'place-days' },
  { key: 'delayCostPence', label: 'Cost of delayed acute bed-days', unit: 'pence' },
  { key: 'serviceCostPence', label: 'Cost of service places or visits', unit: 'pence' },
  { key: 'stillWaiting', label: 'Still waiting at the end', unit: 'people' },
] as const satisfies readonly { key: keyof ServiceReplication; label: string; unit: string }[];

export type MetricKey = (typeof SERVICE_METRICS)[number]['key'];

/** Per day and service: the mean and 5–95% band over replications of each series. */
export interface DailyBands {
  /** People in service (time average over the day). */
  occupancy: Band;
  /** People waiting for a place or a first visit (time average). */
  queue: Band;
  /** People starting in the service that day. */
  admissions: Band;
  /** Mean wait, in days from being ready (or from moving on), of the people who started that day. */
  waitOfStarters: Band;
  /** Cost that day, pence: places or visits on the cost basis, plus delayed acute bed-days. */
  costPence: Band;
  /** Places, or visits a day, in force (flex and per-replication changes included). */
  capacity: Band;
  /** Visits made that day (visit services only). */
  visits: Band | null;
}

export interface ServiceResult {
  id: string;
  name: string;
  pathway: number;
  unit: 'slot' | 'bed' | 'visit';
  metrics: Record<MetricKey, Estimate>;
  /**
   * Share of people by wait from being referred (medically optimised, or moving on), handover included, pooled
   * over replications, in bins of `binDays`; the last bin is open.
   */
  waitDistribution: { binDays: number; share: number[] };
  /**
   * Share of people by wait for a place once ready to take one (after handover), the measure of the target: the
   * mean over replications of each replication's shares, people still waiting past the target at the end included
   * at the wait they had reached, so the shares of bins below the target's days add up to exactly
   * `metrics.shareWithinTarget.mean`. Bins of `binDays`; the last bin is open.
   */
  placeWaitDistribution: { binDays: number; share: number[] };
  daily: DailyBands;
  /** Today's position the run started from (null when it started empty). */
  initial: { inService: number; waiting: number } | null;
}

export interface SimulationResult {
  scenario: {
    name: string;
    startDate: string;
    days: number;
    /** The warm-up used, in days (resolved when the scenario said 'auto'). */
    warmupDays: number;
    warmupSource: 'stated' | 'auto' | 'initial state';
    /** True when the run started from today's position (people in service and waiting), not empty. */
    fromInitialState: boolean;
    replications: number;
    seed: number;
    target: { withinDays: number; share: number };
  };
  method: string;
  events: number;
  dates: string[];
  services: ServiceResult[];
  exits: { destination: string; people: Estimate }[];
  totals: { delayedBedDays: Estimate; delayCostPence: Estimate; serviceCostPence: Estimate; totalCostPence: Estimate };
  warnings: RunWarning[];
}

/**
 * What "within N days" means everywhere the planner shows it (results, chart, recommended capacity, comparison,
 * downloads): the one definition, computed once per replication in `collectReplication` (shareWithinTarget).
 */
export function withinTargetDefinition(withinDays: number): string {
  const days = withinDays === 1 ? '1 day' : `${withinDays} days`;
  return (
    `Place within ${days}: the share of people referred in the period who started in the service within ${days} of ` +
    'being ready to take a place, that is once handover (assessment, transport), which more places cannot shorten, ' +
    `is done; people still waiting longer than ${days} when the period ends count as not within. Waits from being ` +
    'medically optimised, handover included, are longer: see the mean, median and percentile waits.'
  );
}

export const METHOD = [
  'Discrete-event simulation. Referrals arrive as a Poisson process whose daily rate follows the stated pattern (day of week, month and trend, or a rate for each date);',
  'each service has places (or, for reablement visits, visits a day) that can change by date, by replication, or open as flex when the queue is long;',
  'people start in order of referral (priority first where set) when a place is free, or when every day of their visits fits in what is left of each day’s visits.',
  'Lengths of stay are drawn from the stated distribution; for people already in service today the rest of the stay is drawn given how long it has lasted.',
  'After a stay people move on with the stated probabilities and, when the next service is full, wait in their current place (bed blocking).',
  'A run that starts empty discards a warm-up, checked afterwards with MSER-5; a run from today’s position reports from today.',
  'Summary figures are the mean over independent replications with a 95% confidence interval (Student t); daily figures show the mean and the 5th to 95th percentile over replications.',
  'Delayed acute bed-days are the time people referred from hospital spend waiting. Costs are in pence.',
].join(' ');

/**
 * Summarises replications: each metric's mean with its 95% confidence interval, the daily bands, the pooled
 * waiting distribution, exits, whole-system totals, and the warnings from the run's checks.
 */
export function summarise(
  scenario: Scenario,
  model: CompiledModel,
  replications: ReplicationResult[],
): SimulationResult {
  const R = replications.length;
  const days = scenario.days;
  let events = 0;
  for (const r of replications) events += r.events;

  const services: ServiceResult[] = scenario.services.map((service, s) => {
    const metrics = {} as Record<MetricKey, Estimate>;
    const column = new Float64Array(R);
    for (const { key } of SERVICE_METRICS) {
      for (let r = 0; r < R; r++) column[r] = replications[r].services[s][key];
      metrics[key] = key.endsWith('Pence') ? wholePence(estimate(column)) : estimate(column);
    }
    const pooled = new Float64Array(WAIT_BINS);
    for (const r of replications) {
      const h = r.waitHistogram[s];
      for (let b = 0; b < WAIT_BINS; b++) pooled[b] += h[b];
    }
    const total = pooled.reduce((a, b) => a + b, 0);
    // Mean of each replication's shares (a replication with no one counted has everyone within: share 1 at 0).
    const placeShares = new Float64Array(WAIT_BINS);
    for (const r of replications) {
      const h = r.placeWaitHistogram[s];
      let n = 0;
      for (let b = 0; b < WAIT_BINS; b++) n += h[b];
      if (n === 0) placeShares[0] += 1 / R;
      else for (let b = 0; b < WAIT_BINS; b++) placeShares[b] += h[b] / n / R;
    }
    const series = replications.map((r) => r.daily[s]);
    const initial = service.initialState;
    return {
      id: service.id,
      name: service.name,
      pathway: service.pathway,
      unit: service.unit,
      metrics,
      waitDistribution: { binDays: WAIT_BIN_DAYS, share: Array.from(pooled, (c) => (total > 0 ? c / total : 0)) },
      placeWaitDistribution: { binDays: WAIT_BIN_DAYS, share: Array.from(placeShares) },
      daily: {
        occupancy: bandOf(R, days, (r, d) => series[r].occupancy[d]),
        queue: bandOf(R, days, (r, d) => series[r].queue[d]),
        admissions: bandOf(R, days, (r, d) => series[r].admissions[d]),
        waitOfStarters: ratioBandOf(
          R,
          days,
          (r, d) => series[r].waitSum[d],
          (r, d) => series[r].admissions[d],
        ),
        costPence: bandOf(R, days, (r, d) => series[r].costPence[d], 0),
        capacity: bandOf(R, days, (r, d) => series[r].capacity[d]),
        visits: service.unit === 'visit' ? bandOf(R, days, (r, d) => series[r].visits![d]) : null,
      },
      initial: initial
        ? {
            inService: initial.inService.length + initial.inServiceDaysUnknown,
            waiting: initial.waiting.length + initial.waitingDaysUnknown,
          }
        : null,
    };
  });

  const perRep = (f: (r: ReplicationResult) => number): Estimate => estimate(replications.map(f));
  const sumServices = (r: ReplicationResult, key: MetricKey): number => r.services.reduce((a, s) => a + s[key], 0);
  return {
    scenario: {
      name: scenario.name,
      startDate: scenario.startDate,
      days,
      warmupDays: model.warmup,
      warmupSource: model.warmupSource,
      fromInitialState: model.hasInitialState,
      replications: R,
      seed: scenario.seed,
      target: { withinDays: scenario.target.withinDays, share: scenario.target.share },
    },
    method: METHOD,
    events,
    dates: measuredDates(scenario),
    services,
    exits: model.exitNames.map((destination, k) => ({ destination, people: perRep((r) => r.exits[k]) })),
    totals: {
      delayedBedDays: perRep((r) => sumServices(r, 'delayedBedDays')),
      delayCostPence: wholePence(perRep((r) => sumServices(r, 'delayCostPence'))),
      serviceCostPence: wholePence(perRep((r) => sumServices(r, 'serviceCostPence'))),
      totalCostPence: wholePence(perRep((r) => sumServices(r, 'delayCostPence') + sumServices(r, 'serviceCostPence'))),
    },
    warnings: runWarnings(scenario, model, replications),
  };
}

/** An estimate of money rounded to whole pence (money is sent as integer pence). */
function wholePence(e: Estimate): Estimate {
  return { mean: Math.round(e.mean), low: Math.round(e.low), high: Math.round(e.high), sd: Math.round(e.sd) };
}
