import { SHARE_TOLERANCE } from '../../core/shares.js';
import { meanRate, rateOn } from './arrivalRates.js';
import { dayNumberToIso, isoToDayNumber, monthOf } from './calendar.js';
import type { LengthOfStay, Scenario } from './scenario.js';
import { LOS_EMPIRICAL, LOS_EXPONENTIAL, LOS_FIXED, LOS_GAMMA, LOS_LOGNORMAL, type StayModel } from './stays.js';
import { meanVisitsPerDay } from './visitProfile.js';
import { autoWarmupDays, fillDays, staySurvivalByDay } from './warmup.js';

export { rateOn } from './arrivalRates.js';
export { meanVisitsPerDay, visitDays, visitsOnDay } from './visitProfile.js';

/**
 * A scenario turned into flat arrays the engine reads in its inner loop.
 * Clock time is in days; time 0 is the start of the warm-up, `warmup` is the start of the measured period.
 */
export interface CompiledModel extends StayModel {
  serviceCount: number;
  serviceIds: string[];
  totalDays: number;
  warmup: number;
  /** How the warm-up was chosen: stated, chosen from the model ('auto'), or none because the run starts from today. */
  warmupSource: 'stated' | 'auto' | 'initial state';
  endTime: number;
  /** Day number (days since 1970-01-01) of clock time 0. */
  clockStartDay: number;
  /** Arrival rate per clock day, per service (null when the service has a fixed arrival schedule). */
  rates: (Float64Array | null)[];
  schedules: (Float64Array | null)[];
  /** Mean referrals a day from hospital over the run, per service. */
  meanArrivals: Float64Array;
  /** Mean people a day moving in from other services (from the onward probabilities), per service. */
  meanTransfersIn: Float64Array;
  initialCapacity: Int32Array;
  /** Dated capacity changes after time 0 (clock time, may fall within a day) and their values. */
  capacityTimes: Float64Array[];
  capacityValues: Int32Array[];
  /** Dated capacity in force at the start of each clock day (visit services plan days ahead on it). */
  dailyCapacity: Int32Array[];
  /** Per-replication capacity offset range [−down, +up], per service. */
  capacityDown: Int32Array;
  capacityUp: Int32Array;
  /** Flex places (0 = none), the queue lengths that open and close them, and the days to open. */
  flexPlaces: Int32Array;
  flexOpenAt: Int32Array;
  flexCloseAt: Int32Array;
  flexLead: Float64Array;
  /** 1 on clock days the flex may be open (null: every day), and the clock times it becomes allowed or not. */
  flexAllowed: (Uint8Array | null)[];
  flexWindowTimes: Float64Array[];
  /** 1 for a visit service (pathway 1 reablement as visits). */
  isVisit: Uint8Array;
  /** Visits a day on a stay's first and last day (visit services). */
  visitFirst: Float64Array;
  visitLast: Float64Array;
  /** Cumulative onward probabilities and their targets: ≥ 0 a service index, < 0 exit number -(k+1). */
  routeCumulative: Float64Array[];
  routeTarget: Int32Array[];
  exitNames: string[];
  priorityShare: Float64Array;
  /** Handover (lognormal μ, σ of log days); σ = 0 when there is none. */
  handoverMu: Float64Array;
  handoverSigma: Float64Array;
  /** Pence per place-day, or per visit for a visit service. */
  costPence: Float64Array;
  costOnCapacity: Uint8Array;
  costPerAcuteBedDayPence: number;
  blocking: boolean;
  targetWithinDays: number;
  /** Today's position: days each person in service has spent, those with days unknown, and the same for waiting. */
  initialInService: Float64Array[];
  initialInServiceUnknown: Int32Array;
  /** Days each person has waited, longest first (they are served in that order). */
  initialWaiting: Float64Array[];
  initialWaitingUnknown: Int32Array;
  hasInitialState: boolean;
  /** P(stay > u + ½) by whole day u, per service (for the warm-up check). */
  survival: Float64Array[];
  /** Offered load per service: (referrals + moves in) × mean stay ÷ capacity (visits: × mean visits a day). */
  load: Float64Array;
}

/** The destination for people whose onward probabilities add up to less than 1. */
export const DEFAULT_EXIT = 'left service';

/**
 * Compiles a scenario for the engine: resolves the warm-up ('auto': long enough for the longest stays and chains
 * of services to fill, see `warmup.ts`; 0 when the run starts from an initial state), lays out daily arrival
 * rates and capacity on the clock, and the stay, route, visit, flex, cost and initial-state parameters.
 */
export function compileScenario(scenario: Scenario): CompiledModel {
  const S = scenario.services.length;
  const startDay = isoToDayNumber(scenario.startDate);
  const index = new Map(scenario.services.map((s, i) => [s.id, i]));
  const exitNames: string[] = [];
  const exitIndex = (name: string): number => {
    let k = exitNames.indexOf(name);
    if (k < 0) k = exitNames.push(name) - 1;
    return -(k + 1);
  };
  const hasInitialState = scenario.services.some((s) => s.initialState !== undefined);

  const m: CompiledModel = {
    serviceCount: S,
    serviceIds: scenario.services.map((s) => s.id),
    totalDays: 0,
    warmup: 0,
    warmupSource: 'stated',
    endTime: 0,
    clockStartDay: startDay,
    rates: [],
    schedules: [],
    meanArrivals: new Float64Array(S),
    meanTransfersIn: new Float64Array(S),
    initialCapacity: new Int32Array(S),
    capacityTimes: [],
    capacityValues: [],
    dailyCapacity: [],
    capacityDown: new Int32Array(S),
    capacityUp: new Int32Array(S),
    flexPlaces: new Int32Array(S),
    flexOpenAt: new Int32Array(S),
    flexCloseAt: new Int32Array(S),
    flexLead: new Float64Array(S),
    flexAllowed: [],
    flexWindowTimes: [],
    isVisit: new Uint8Array(S),
    visitFirst: new Float64Array(S),
    visitLast: new Float64Array(S),
    losKind: new Uint8Array(S),
    losA: new Float64Array(S),
    losB: new Float64Array(S),
    losMean: new Float64Array(S),
    losEmpirical: [],
    losEmpiricalCumulative: [],
    routeCumulative: [],
    routeTarget: [],
    exitNames,
    priorityShare: new Float64Array(S),
    handoverMu: new Float64Array(S),
    handoverSigma: new Float64Array(S),
    costPence: new Float64Array(S),
    costOnCapacity: new Uint8Array(S),
    costPerAcuteBedDayPence: scenario.costPerAcuteBedDayPence,
    blocking: scenario.blocking,
    targetWithinDays: scenario.target.withinDays,
    initialInService: [],
    initialInServiceUnknown: new Int32Array(S),
    initialWaiting: [],
    initialWaitingUnknown: new Int32Array(S),
    hasInitialState,
    survival: [],
    load: new Float64Array(S),
  };

  // Static per-service parameters.
  scenario.services.forEach((service, s) => {
    setLengthOfStay(m, s, service.lengthOfStay);
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
    m.routeCumulative.push(Float64Array.from(cumulative));
    m.routeTarget.push(Int32Array.from(targets));
    m.priorityShare[s] = service.priorityShare;
    if (service.handover) {
      const sigma2 = Math.log(1 + (service.handover.sd / service.handover.mean) ** 2);
      m.handoverMu[s] = Math.log(service.handover.mean) - sigma2 / 2;
      m.handoverSigma[s] = Math.sqrt(sigma2);
    }
    m.costOnCapacity[s] = service.costBasis === 'capacity' ? 1 : 0;
    if (service.unit === 'visit') {
      m.isVisit[s] = 1;
      m.visitFirst[s] = service.visits.firstDay;
      m.visitLast[s] = service.visits.lastDay;
      m.costPence[s] = service.costPerVisitPence;
    } else {
      m.costPence[s] = service.costPerPlaceDayPence;
    }
    m.capacityDown[s] = service.capacityVaries?.down ?? 0;
    m.capacityUp[s] = service.capacityVaries?.up ?? 0;
    if (service.flex) {
      m.flexPlaces[s] = service.flex.places;
      m.flexOpenAt[s] = service.flex.openWhenWaiting;
      m.flexCloseAt[s] = service.flex.closeWhenWaiting;
      m.flexLead[s] = service.flex.leadDays;
    }
    const initial = service.initialState;
    m.initialInService.push(Float64Array.from(initial?.inService ?? []));
    m.initialInServiceUnknown[s] = initial?.inServiceDaysUnknown ?? 0;
    m.initialWaiting.push(
      Float64Array.from(initial?.waiting ?? [])
        .sort()
        .reverse(),
    );
    m.initialWaitingUnknown[s] = initial?.waitingDaysUnknown ?? 0;
    m.survival.push(staySurvivalByDay(m, s));
  });

  // Traffic: referrals plus moves in from upstream services (routes have no loops, so S passes settle it).
  scenario.services.forEach((service, s) => {
    m.meanArrivals[s] = meanRate(service, startDay, scenario.days, scenario.days);
  });
  const flow = Float64Array.from(m.meanArrivals);
  for (let pass = 0; pass < S; pass++) {
    for (let s = 0; s < S; s++) {
      let inflow = m.meanArrivals[s];
      for (let u = 0; u < S; u++) inflow += flow[u] * routeShare(m, u, s);
      flow[s] = inflow;
    }
  }
  const upstream: number[][] = scenario.services.map(() => []);
  for (let s = 0; s < S; s++) {
    m.meanTransfersIn[s] = flow[s] - m.meanArrivals[s];
    for (let u = 0; u < S; u++) if (routeShare(m, u, s) > 0) upstream[s].push(u);
  }
  const rate: number[] = [];
  scenario.services.forEach((service, s) => {
    const visitsPerDay = m.isVisit[s] ? meanVisitsPerDay(m, s) : 1;
    // The capacity the service can bring to bear: its mean dated capacity over the run, plus flex places and the
    // mean per-replication offset.
    const capacity = Math.max(
      meanDatedCapacity(service, startDay, scenario.days) + m.flexPlaces[s] + (m.capacityUp[s] - m.capacityDown[s]) / 2,
      1e-9,
    );
    m.load[s] = (flow[s] * m.losMean[s] * visitsPerDay) / capacity;
    rate.push(capacity / (m.losMean[s] * visitsPerDay));
  });

  // Warm-up.
  if (scenario.warmupDays === 'auto') {
    m.warmup = hasInitialState
      ? 0
      : autoWarmupDays(
          m.survival.map((sv) => fillDays(sv)),
          upstream,
          Array.from(m.load),
          rate,
        );
    m.warmupSource = hasInitialState ? 'initial state' : 'auto';
  } else {
    m.warmup = scenario.warmupDays;
  }
  const warmup = m.warmup;
  const totalDays = warmup + scenario.days;
  const clockStartDay = startDay - warmup;
  m.totalDays = totalDays;
  m.endTime = totalDays;
  m.clockStartDay = clockStartDay;

  // Clock arrays: arrival rates, capacity, flex window.
  scenario.services.forEach((service, s) => {
    if (service.arrivals.kind === 'schedule') {
      m.rates.push(null);
      m.schedules.push(Float64Array.from(service.arrivals.times.map((t) => t + warmup)).sort());
    } else {
      const rates = new Float64Array(totalDays);
      for (let d = 0; d < totalDays; d++) rates[d] = rateOn(service, clockStartDay + d, startDay);
      m.rates.push(rates);
      m.schedules.push(null);
    }

    // Capacity: the last change on or before the clock start applies from time 0; later ones are events.
    const changes = [...service.capacityChanges]
      .map((c) => ({ time: isoToDayNumber(c.from) - clockStartDay + timeOfDay(c.time), capacity: c.capacity }))
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
    m.initialCapacity[s] = initial;
    m.capacityTimes.push(Float64Array.from(times));
    m.capacityValues.push(Int32Array.from(values));
    const daily = new Int32Array(totalDays);
    let k = 0;
    let current = initial;
    for (let d = 0; d < totalDays; d++) {
      while (k < times.length && times[k] <= d) current = values[k++];
      daily[d] = current;
    }
    m.dailyCapacity.push(daily);

    const months = service.flex?.months;
    if (months) {
      const allowed = new Uint8Array(totalDays);
      const flips: number[] = [];
      for (let d = 0; d < totalDays; d++) {
        allowed[d] = months.includes(monthOf(clockStartDay + d) + 1) ? 1 : 0;
        if (d > 0 && allowed[d] !== allowed[d - 1]) flips.push(d);
      }
      m.flexAllowed.push(allowed);
      m.flexWindowTimes.push(Float64Array.from(flips));
    } else {
      m.flexAllowed.push(null);
      m.flexWindowTimes.push(new Float64Array(0));
    }
  });
  return m;
}

/** Mean capacity by date over [startDay, startDay + days), from the base capacity and the dated changes. */
function meanDatedCapacity(service: Scenario['services'][number], startDay: number, days: number): number {
  const changes = service.capacityChanges
    .map((c) => ({ day: isoToDayNumber(c.from) - startDay, capacity: c.capacity }))
    .sort((a, b) => a.day - b.day);
  let current = service.capacity;
  let k = 0;
  let sum = 0;
  for (let d = 0; d < days; d++) {
    while (k < changes.length && changes[k].day <= d) current = changes[k++].capacity;
    sum += current;
  }
  return sum / Math.max(1, days);
}

function timeOfDay(time: string | undefined): number {
  if (!time) return 0;
  return (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) / 1440;
}

/** Probability that a person leaving service u moves on to service s. */
function routeShare(m: CompiledModel, u: number, s: number): number {
  let previous = 0;
  let share = 0;
  const cumulative = m.routeCumulative[u];
  for (let r = 0; r < cumulative.length; r++) {
    if (m.routeTarget[u][r] === s) share += cumulative[r] - previous;
    previous = cumulative[r];
  }
  return share;
}

function setLengthOfStay(model: CompiledModel, s: number, los: LengthOfStay): void {
  model.losEmpirical[s] = null;
  model.losEmpiricalCumulative[s] = null;
  switch (los.kind) {
    case 'exponential':
      model.losKind[s] = LOS_EXPONENTIAL;
      model.losA[s] = los.mean;
      model.losMean[s] = los.mean;
      break;
    case 'lognormal': {
      // Parameters of the underlying normal from the mean and standard deviation of the stay.
      const sigma2 = Math.log(1 + (los.sd * los.sd) / (los.mean * los.mean));
      model.losKind[s] = LOS_LOGNORMAL;
      model.losA[s] = Math.log(los.mean) - sigma2 / 2;
      model.losB[s] = Math.sqrt(sigma2);
      model.losMean[s] = los.mean;
      break;
    }
    case 'gamma':
      model.losKind[s] = LOS_GAMMA;
      model.losA[s] = (los.mean * los.mean) / (los.sd * los.sd); // shape
      model.losB[s] = (los.sd * los.sd) / los.mean; // scale
      model.losMean[s] = los.mean;
      break;
    case 'fixed':
      model.losKind[s] = LOS_FIXED;
      model.losA[s] = los.days;
      model.losMean[s] = los.days;
      break;
    case 'empirical': {
      model.losKind[s] = LOS_EMPIRICAL;
      const sorted = Float64Array.from(los.days).sort();
      const cumulative = new Float64Array(sorted.length);
      let sum = 0;
      for (let i = 0; i < sorted.length; i++) cumulative[i] = sum += sorted[i];
      model.losEmpirical[s] = sorted;
      model.losEmpiricalCumulative[s] = cumulative;
      model.losMean[s] = sum / sorted.length;
      break;
    }
  }
}

/** ISO date of each measured day. */
export function measuredDates(scenario: Scenario): string[] {
  const start = isoToDayNumber(scenario.startDate);
  return Array.from({ length: scenario.days }, (_, d) => dayNumberToIso(start + d));
}
