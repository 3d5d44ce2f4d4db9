import { quantileSorted } from '../../core/statistics.js';
import type { RunningSimulator } from './engineState.js';

/** Waiting-time histogram: bins of a quarter day up to 30 days, the last bin holds everything longer. */
export const WAIT_BIN_DAYS = 0.25;
export const WAIT_BINS = 121;

/** One service's figures from one replication, measured over the measured period only. */
export interface ServiceReplication {
  /** People referred from hospital in the measured period. */
  arrivals: number;
  /** People moving on from another service in the measured period. */
  transfersIn: number;
  /** People whose waits are below: referred (or moved) in the measured period, or waiting today, who started. */
  starts: number;
  waitMean: number;
  waitMedian: number;
  waitP90: number;
  waitP95: number;
  waitMax: number;
  /** Mean wait of referrals given priority (0 when none). */
  priorityWaitMean: number;
  /** Share who had to wait at all (Erlang C's probability of waiting). */
  shareWaiting: number;
  shareOver1: number;
  shareOver2: number;
  shareOver7: number;
  /**
   * Share getting a place within the scenario target (e.g. 2 days) once ready to take one (after handover, which
   * capacity cannot shorten); people still waiting past it at the end count as missing it.
   */
  shareWithinTarget: number;
  /** Mean wait for a place once ready to take one (the wait less handover). */
  placeWaitMean: number;
  /** Mean people in service (for a visit service: people receiving visits). */
  meanOccupancy: number;
  /** Mean places, or visits a day for a visit service. */
  meanCapacity: number;
  /** Occupancy ÷ capacity; for a visit service, visits made ÷ visits available. */
  utilisation: number;
  /** Mean visits made a day (visit services; 0 otherwise). */
  meanVisits: number;
  meanQueue: number;
  maxQueue: number;
  /** Acute bed-days used by people waiting in hospital for this service (handover included). */
  delayedBedDays: number;
  /** Place-days in this service held by people waiting to move on. */
  blockedPlaceDays: number;
  delayCostPence: number;
  serviceCostPence: number;
  /** People still waiting when the period ended (their waits are not in the statistics). */
  stillWaiting: number;
}

/** One service's measured days in one replication. */
export interface DailySeries {
  /** Time-average people in service each day. */
  occupancy: Float32Array;
  /** Time-average people waiting for a place (or a first visit) each day. */
  queue: Float32Array;
  /** People starting each day. */
  admissions: Float32Array;
  /** Sum of the waits, in days, of the people starting each day (÷ admissions for their mean). */
  waitSum: Float32Array;
  /** Cost each day in pence: places or visits (on the cost basis) plus delayed acute bed-days. */
  costPence: Float32Array;
  /** Time-average capacity each day (places, or visits a day), flex and per-replication changes included. */
  capacity: Float32Array;
  /** Visits made each day (visit services), else null. */
  visits: Float32Array | null;
}

export interface ReplicationResult {
  replication: number;
  events: number;
  services: ServiceReplication[];
  daily: DailySeries[];
  /** Time-average occupancy of every clock day, warm-up included, per service (for the MSER-5 check). */
  clockOccupancy: Float32Array[];
  waitHistogram: Float64Array[];
  /** People leaving the system in the measured period, by destination (model.exitNames order). */
  exits: number[];
}

/**
 * A finished replication's figures: per service the waits of people counted (see `People.counted`), the
 * time averages over the measured period, costs in pence, and the daily series (measured days) for bands.
 */
export function collectReplication(sim: RunningSimulator, replication: number): ReplicationResult {
  const m = sim.m;
  const T = sim.T;
  const days = T - m.warmup;
  const services: ServiceReplication[] = [];
  const daily: DailySeries[] = [];
  const clockOccupancy: Float32Array[] = [];
  const waitHistogram: Float64Array[] = [];
  const people = sim.people;
  for (let s = 0; s < sim.S; s++) {
    const base = s * T;
    const first = base + m.warmup;
    const isVisit = m.isVisit[s] === 1;
    const series: DailySeries = {
      occupancy: Float32Array.from(sim.busyArea.subarray(first, base + T)),
      queue: new Float32Array(days),
      admissions: new Float32Array(days),
      waitSum: new Float32Array(days),
      costPence: new Float32Array(days),
      capacity: new Float32Array(days),
      visits: isVisit ? new Float32Array(days) : null,
    };
    let busyTotal = 0;
    let queueTotal = 0;
    let acuteTotal = 0;
    let blockedTotal = 0;
    let capacityTotal = 0;
    let visitsTotal = 0;
    let serviceCost = 0;
    const unitCost = m.costPence[s];
    const acuteCost = m.costPerAcuteBedDayPence;
    for (let d = 0; d < days; d++) {
      const cell = first + d;
      const busy = sim.busyArea[cell];
      const capacity = sim.capacityArea[cell];
      const acute = sim.acuteArea[cell];
      const visits = isVisit ? sim.visitsByDay[cell] : 0;
      busyTotal += busy;
      queueTotal += sim.queueArea[cell];
      acuteTotal += acute;
      blockedTotal += sim.blockedArea[cell];
      capacityTotal += capacity;
      visitsTotal += visits;
      const used = m.costOnCapacity[s] ? capacity : isVisit ? visits : busy;
      const cost = used * unitCost;
      serviceCost += cost;
      series.queue[d] = sim.queueArea[cell];
      series.admissions[d] = sim.startsByDay[cell];
      series.waitSum[d] = sim.waitByDay[cell];
      series.capacity[d] = capacity;
      series.costPence[d] = cost + acute * acuteCost;
      if (series.visits) series.visits[d] = visits;
    }

    const n = sim.waitCount[s];
    const waits = sim.waits[s].subarray(0, n).sort();
    const histogram = new Float64Array(WAIT_BINS);
    let sum = 0;
    let waiting = 0;
    let over1 = 0;
    let over2 = 0;
    let over7 = 0;
    for (let i = 0; i < n; i++) {
      const w = waits[i];
      sum += w;
      if (w > 1e-9) waiting++;
      if (w > 1) over1++;
      if (w > 2) over2++;
      if (w > 7) over7++;
      const bin = Math.floor(w / WAIT_BIN_DAYS);
      histogram[bin < WAIT_BINS ? bin : WAIT_BINS - 1]++;
    }
    const share = (k: number): number => (n > 0 ? k / n : 0);
    // People still waiting at the end who have already waited longer than the target count as missing it.
    let overdue = 0;
    for (const q of [sim.queues[2 * s], sim.queues[2 * s + 1]]) {
      for (let i = 0; i < q.size; i++) {
        const p = q.at(i);
        if (people.counted[p] && m.endTime - people.readyAt[p] > m.targetWithinDays) overdue++;
      }
    }
    const meanOccupancy = busyTotal / days;
    const meanCapacity = capacityTotal / days;
    const meanVisits = visitsTotal / days;
    const used = isVisit ? meanVisits : meanOccupancy;
    services.push({
      arrivals: sim.arrivalsIn[s],
      transfersIn: sim.transfersIn[s],
      starts: n,
      waitMean: n > 0 ? sum / n : 0,
      waitMedian: quantileSorted(waits, 0.5) ?? 0,
      waitP90: quantileSorted(waits, 0.9) ?? 0,
      waitP95: quantileSorted(waits, 0.95) ?? 0,
      waitMax: n > 0 ? waits[n - 1] : 0,
      priorityWaitMean: sim.priorityStarts[s] > 0 ? sim.priorityWaitSum[s] / sim.priorityStarts[s] : 0,
      shareWaiting: share(waiting),
      shareOver1: share(over1),
      shareOver2: share(over2),
      shareOver7: share(over7),
      shareWithinTarget: n + overdue > 0 ? sim.withinTarget[s] / (n + overdue) : 1,
      placeWaitMean: n > 0 ? sim.placeWaitSum[s] / n : 0,
      meanOccupancy,
      meanCapacity,
      utilisation: meanCapacity > 0 ? used / meanCapacity : 0,
      meanVisits,
      meanQueue: queueTotal / days,
      maxQueue: sim.maxQueue[s],
      delayedBedDays: acuteTotal,
      blockedPlaceDays: blockedTotal,
      delayCostPence: acuteTotal * acuteCost,
      serviceCostPence: serviceCost,
      stillWaiting: sim.queues[2 * s].size + sim.queues[2 * s + 1].size,
    });
    daily.push(series);
    clockOccupancy.push(m.warmup > 0 ? Float32Array.from(sim.busyArea.subarray(base, base + T)) : series.occupancy);
    waitHistogram.push(histogram);
  }
  return {
    replication,
    events: sim.eventCount,
    services,
    daily,
    clockOccupancy,
    waitHistogram,
    exits: Array.from(sim.exits),
  };
}
