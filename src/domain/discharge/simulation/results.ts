import { measuredDates, type CompiledModel } from './compile.js';
import { WAIT_BIN_DAYS, WAIT_BINS, quantileSorted, type ReplicationResult, type ServiceReplication } from './engine.js';
import type { Scenario } from './scenario.js';
import { estimate, type Estimate } from './statistics.js';

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
  { key: 'meanOccupancy', label: 'Mean occupancy', unit: 'places' },
  { key: 'meanCapacity', label: 'Mean capacity', unit: 'places' },
  { key: 'utilisation', label: 'Utilisation', unit: 'share' },
  { key: 'meanQueue', label: 'Mean number waiting', unit: 'people' },
  { key: 'maxQueue', label: 'Most waiting at once', unit: 'people' },
  { key: 'delayedBedDays', label: 'Delayed acute bed-days', unit: 'bed-days' },
  { key: 'blockedPlaceDays', label: 'Place-days held waiting to move on', unit: 'place-days' },
  { key: 'delayCost', label: 'Cost of delayed acute bed-days', unit: '£' },
  { key: 'serviceCost', label: 'Cost of service places', unit: '£' },
  { key: 'stillWaiting', label: 'Still waiting at the end', unit: 'people' },
] as const satisfies readonly { key: keyof ServiceReplication; label: string; unit: string }[];

export type MetricKey = (typeof SERVICE_METRICS)[number]['key'];

export interface Band {
  mean: number[];
  p10: number[];
  p90: number[];
}

export interface ServiceResult {
  id: string;
  name: string;
  pathway: number;
  unit: 'slot' | 'bed';
  metrics: Record<MetricKey, Estimate>;
  /** Share of people by waiting time, pooled over replications, in bins of `binDays`; the last bin is open. */
  waitDistribution: { binDays: number; share: number[] };
  occupancy: Band;
  queue: Band;
  capacity: number[];
}

export interface SimulationResult {
  scenario: {
    name: string;
    startDate: string;
    days: number;
    warmupDays: number;
    replications: number;
    seed: number;
    target: { withinDays: number; share: number };
  };
  method: string;
  events: number;
  dates: string[];
  services: ServiceResult[];
  exits: { destination: string; people: Estimate }[];
  totals: { delayedBedDays: Estimate; delayCost: Estimate; serviceCost: Estimate; totalCost: Estimate };
}

export const METHOD = [
  'Discrete-event simulation: referrals arrive as a Poisson process whose daily rate varies by day of week and month (or at the given times);',
  'each service has a number of places that can change by date; people start in order of referral (priority first where set) when a place is free;',
  'lengths of stay are drawn from the stated distribution; after a stay people move on with the stated probabilities and, when the next service is full,',
  'wait in their current place (bed blocking). Figures cover the measured period after a warm-up; each is the mean over independent replications',
  'with a 95% confidence interval (Student t). Delayed acute bed-days are the time people referred from hospital spend waiting.',
].join(' ');

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
      metrics[key] = estimate(column);
    }
    const pooled = new Float64Array(WAIT_BINS);
    for (const r of replications) {
      const h = r.waitHistogram[s];
      for (let b = 0; b < WAIT_BINS; b++) pooled[b] += h[b];
    }
    const total = pooled.reduce((a, b) => a + b, 0);
    return {
      id: service.id,
      name: service.name,
      pathway: service.pathway,
      unit: service.unit,
      metrics,
      waitDistribution: { binDays: WAIT_BIN_DAYS, share: Array.from(pooled, (c) => (total > 0 ? c / total : 0)) },
      occupancy: band(
        replications.map((r) => r.dailyOccupancy[s]),
        days,
      ),
      queue: band(
        replications.map((r) => r.dailyQueue[s]),
        days,
      ),
      capacity: Array.from(model.dailyCapacity[s]),
    };
  });

  const perRep = (f: (r: ReplicationResult) => number): Estimate => estimate(replications.map(f));
  const sumServices = (r: ReplicationResult, key: MetricKey): number => r.services.reduce((a, s) => a + s[key], 0);
  return {
    scenario: {
      name: scenario.name,
      startDate: scenario.startDate,
      days,
      warmupDays: scenario.warmupDays,
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
      delayCost: perRep((r) => sumServices(r, 'delayCost')),
      serviceCost: perRep((r) => sumServices(r, 'serviceCost')),
      totalCost: perRep((r) => sumServices(r, 'delayCost') + sumServices(r, 'serviceCost')),
    },
  };
}

function band(series: Float32Array[], days: number): Band {
  const R = series.length;
  const mean: number[] = new Array(days);
  const p10: number[] = new Array(days);
  const p90: number[] = new Array(days);
  const column = new Float64Array(R);
  for (let d = 0; d < days; d++) {
    let sum = 0;
    for (let r = 0; r < R; r++) {
      column[r] = series[r][d];
      sum += column[r];
    }
    column.sort();
    mean[d] = round(sum / R);
    p10[d] = round(quantileSorted(column, 0.1));
    p90[d] = round(quantileSorted(column, 0.9));
  }
  return { mean, p10, p90 };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
