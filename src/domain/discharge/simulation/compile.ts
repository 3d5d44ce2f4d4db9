import { dayNumberToIso, dayOfWeekOf, isoToDayNumber, monthOf } from './calendar.js';
import type { LengthOfStay, Scenario } from './scenario.js';

import { SHARE_TOLERANCE } from '../../core/shares.js';
import { LOS_EMPIRICAL, LOS_EXPONENTIAL, LOS_FIXED, LOS_GAMMA, LOS_LOGNORMAL } from './engine.js';

/**
 * A scenario turned into flat arrays the engine reads in its inner loop.
 * Clock time is in days; time 0 is the start of the warm-up, `warmup` is the start of the measured period.
 */
export interface CompiledModel {
  serviceCount: number;
  serviceIds: string[];
  totalDays: number;
  warmup: number;
  endTime: number;
  /** Arrival rate per clock day, per service (null when the service has a fixed arrival schedule). */
  rates: (Float64Array | null)[];
  schedules: (Float64Array | null)[];
  initialCapacity: Int32Array;
  capacityTimes: Float64Array[];
  capacityValues: Int32Array[];
  /** Capacity on each measured day (for charts and the capacity cost). */
  dailyCapacity: Int32Array[];
  losKind: Uint8Array;
  losA: Float64Array;
  losB: Float64Array;
  losEmpirical: (Float64Array | null)[];
  /** Cumulative onward probabilities and their targets: ≥ 0 a service index, < 0 exit number -(k+1). */
  routeCumulative: Float64Array[];
  routeTarget: Int32Array[];
  exitNames: string[];
  priorityShare: Float64Array;
  /** Handover (lognormal μ, σ of log days); σ = 0 when there is none. */
  handoverMu: Float64Array;
  handoverSigma: Float64Array;
  costPerPlaceDay: Float64Array;
  costOnCapacity: Uint8Array;
  costPerAcuteBedDay: number;
  blocking: boolean;
  targetWithinDays: number;
}

/** The destination for people whose onward probabilities add up to less than 1. */
export const DEFAULT_EXIT = 'left service';

export function compileScenario(scenario: Scenario): CompiledModel {
  const S = scenario.services.length;
  const warmup = scenario.warmupDays;
  const totalDays = warmup + scenario.days;
  const clockStartDay = isoToDayNumber(scenario.startDate) - warmup;
  const index = new Map(scenario.services.map((s, i) => [s.id, i]));
  const exitNames: string[] = [];
  const exitIndex = (name: string): number => {
    let k = exitNames.indexOf(name);
    if (k < 0) k = exitNames.push(name) - 1;
    return -(k + 1);
  };

  const model: CompiledModel = {
    serviceCount: S,
    serviceIds: scenario.services.map((s) => s.id),
    totalDays,
    warmup,
    endTime: totalDays,
    rates: [],
    schedules: [],
    initialCapacity: new Int32Array(S),
    capacityTimes: [],
    capacityValues: [],
    dailyCapacity: [],
    losKind: new Uint8Array(S),
    losA: new Float64Array(S),
    losB: new Float64Array(S),
    losEmpirical: [],
    routeCumulative: [],
    routeTarget: [],
    exitNames,
    priorityShare: new Float64Array(S),
    handoverMu: new Float64Array(S),
    handoverSigma: new Float64Array(S),
    costPerPlaceDay: new Float64Array(S),
    costOnCapacity: new Uint8Array(S),
    costPerAcuteBedDay: scenario.costPerAcuteBedDay,
    blocking: scenario.blocking,
    targetWithinDays: scenario.target.withinDays,
  };

  scenario.services.forEach((service, s) => {
    if (service.arrivals.kind === 'poisson') {
      const { perDay, dayOfWeek, month } = service.arrivals;
      const rates = new Float64Array(totalDays);
      for (let d = 0; d < totalDays; d++) {
        const day = clockStartDay + d;
        rates[d] = perDay * (dayOfWeek ? dayOfWeek[dayOfWeekOf(day)] : 1) * (month ? month[monthOf(day)] : 1);
      }
      model.rates.push(rates);
      model.schedules.push(null);
    } else {
      model.rates.push(null);
      model.schedules.push(Float64Array.from(service.arrivals.times.map((t) => t + warmup)).sort());
    }

    // Capacity: the last change on or before the clock start applies from time 0; later ones are events.
    const changes = [...service.capacityChanges]
      .map((c) => ({ time: isoToDayNumber(c.from) - clockStartDay, capacity: c.capacity }))
      .sort((a, b) => a.time - b.time);
    let initial = service.capacity;
    const times: number[] = [];
    const values: number[] = [];
    for (const change of changes) {
      if (change.time <= 0) initial = change.capacity;
      else if (change.time < totalDays) {
        times.push(change.time);
        values.push(change.capacity);
      }
    }
    model.initialCapacity[s] = initial;
    model.capacityTimes.push(Float64Array.from(times));
    model.capacityValues.push(Int32Array.from(values));
    const daily = new Int32Array(scenario.days);
    let k = 0;
    let current = initial;
    for (let d = 0; d < scenario.days; d++) {
      const t = warmup + d;
      while (k < times.length && times[k] <= t) current = values[k++];
      daily[d] = current;
    }
    model.dailyCapacity.push(daily);

    setLengthOfStay(model, s, service.lengthOfStay);

    const cumulative: number[] = [];
    const targets: number[] = [];
    let sum = 0;
    for (const onward of service.onward) {
      if (onward.probability <= 0) continue;
      sum += onward.probability;
      cumulative.push(sum);
      const target = index.get(onward.to);
      targets.push(target !== undefined ? target : exitIndex(onward.to));
    }
    if (sum < 1 - SHARE_TOLERANCE) {
      cumulative.push(1);
      targets.push(exitIndex(DEFAULT_EXIT));
    } else {
      cumulative[cumulative.length - 1] = 1;
    }
    model.routeCumulative.push(Float64Array.from(cumulative));
    model.routeTarget.push(Int32Array.from(targets));

    model.priorityShare[s] = service.priorityShare;
    if (service.handover) {
      const sigma2 = Math.log(1 + (service.handover.sd / service.handover.mean) ** 2);
      model.handoverMu[s] = Math.log(service.handover.mean) - sigma2 / 2;
      model.handoverSigma[s] = Math.sqrt(sigma2);
    }
    model.costPerPlaceDay[s] = service.costPerPlaceDay;
    model.costOnCapacity[s] = service.costBasis === 'capacity' ? 1 : 0;
  });
  return model;
}

function setLengthOfStay(model: CompiledModel, s: number, los: LengthOfStay): void {
  model.losEmpirical[s] = null;
  switch (los.kind) {
    case 'exponential':
      model.losKind[s] = LOS_EXPONENTIAL;
      model.losA[s] = los.mean;
      break;
    case 'lognormal': {
      // Parameters of the underlying normal from the mean and standard deviation of the stay.
      const sigma2 = Math.log(1 + (los.sd * los.sd) / (los.mean * los.mean));
      model.losKind[s] = LOS_LOGNORMAL;
      model.losA[s] = Math.log(los.mean) - sigma2 / 2;
      model.losB[s] = Math.sqrt(sigma2);
      break;
    }
    case 'gamma':
      model.losKind[s] = LOS_GAMMA;
      model.losA[s] = (los.mean * los.mean) / (los.sd * los.sd); // shape
      model.losB[s] = (los.sd * los.sd) / los.mean; // scale
      break;
    case 'fixed':
      model.losKind[s] = LOS_FIXED;
      model.losA[s] = los.days;
      break;
    case 'empirical':
      model.losKind[s] = LOS_EMPIRICAL;
      model.losEmpirical[s] = Float64Array.from(los.days);
      break;
  }
}

/** ISO date of each measured day. */
export function measuredDates(scenario: Scenario): string[] {
  const start = isoToDayNumber(scenario.startDate);
  return Array.from({ length: scenario.days }, (_, d) => dayNumberToIso(start + d));
}
