// Plain-data views of simulation results for the planner's tables, charts and downloads (no React here).
import type { CapacityRecommendation } from '../../../../src/domain/discharge/simulation/capacitySearch.js';
import type { HistoryFit } from '../../../../src/domain/discharge/simulation/fit.js';
import type { SimulationResult } from '../../../../src/domain/discharge/simulation/results.js';

export interface ServiceRow {
  id: string;
  service: string;
  waitMean: number;
  waitLow: number;
  waitHigh: number;
  waitMedian: number;
  waitP90: number;
  waitP95: number;
  withinTarget: number;
  over7: number;
  occupancy: number;
  capacity: number;
  utilisation: number;
  meanWaiting: number;
  delayedBedDays: number;
  delayCost: number;
  serviceCost: number;
}

export function serviceRows(result: SimulationResult): ServiceRow[] {
  return result.services.map((s) => {
    const m = s.metrics;
    return {
      id: s.id,
      service: s.name,
      waitMean: m.waitMean.mean,
      waitLow: m.waitMean.low,
      waitHigh: m.waitMean.high,
      waitMedian: m.waitMedian.mean,
      waitP90: m.waitP90.mean,
      waitP95: m.waitP95.mean,
      withinTarget: m.shareWithinTarget.mean,
      over7: m.shareOver7.mean,
      occupancy: m.meanOccupancy.mean,
      capacity: m.meanCapacity.mean,
      utilisation: m.utilisation.mean,
      meanWaiting: m.meanQueue.mean,
      delayedBedDays: m.delayedBedDays.mean,
      delayCost: m.delayCost.mean,
      serviceCost: m.serviceCost.mean,
    };
  });
}

/** Share of people started within each number of days (0–21), per service: the waiting distribution. */
export function cumulativeWaits(
  result: SimulationResult,
  maxDays = 21,
): { service: string; days: number; share: number }[] {
  const out: { service: string; days: number; share: number }[] = [];
  for (const s of result.services) {
    const { binDays, share } = s.waitDistribution;
    let cum = 0;
    let bin = 0;
    for (let day = 0; day <= maxDays; day += binDays) {
      // Bin b holds waits in [b·binDays, (b+1)·binDays); "started within `day`" sums bins below it, plus waits of exactly 0.
      while (bin < share.length - 1 && (bin + 1) * binDays <= day + 1e-9) cum += share[bin++];
      out.push({ service: s.name, days: day, share: day === 0 ? 1 - s.metrics.shareWaiting.mean : cum });
    }
  }
  return out;
}

export interface DailyRow {
  service: string;
  pathway: string;
  date: string;
  capacity: number;
  occupancy: number;
  occupancyLow: number;
  occupancyHigh: number;
  waiting: number;
  waitingLow: number;
  waitingHigh: number;
}

export function dailyRows(result: SimulationResult): DailyRow[] {
  const sharedPathway = (n: number) => result.services.filter((x) => x.pathway === n).length > 1;
  return result.services.flatMap((s) =>
    result.dates.map((date, d) => ({
      service: s.name,
      pathway: sharedPathway(s.pathway) ? s.id : `Pathway ${s.pathway}`,
      date,
      capacity: s.capacity[d],
      occupancy: s.occupancy.mean[d],
      occupancyLow: s.occupancy.p10[d],
      occupancyHigh: s.occupancy.p90[d],
      waiting: s.queue.mean[d],
      waitingLow: s.queue.p10[d],
      waitingHigh: s.queue.p90[d],
    })),
  );
}

export interface HistoryCheckRow {
  service: string;
  observedMean: number | null;
  simulatedMean: number;
  observedMedian: number | null;
  simulatedMedian: number;
  observedWithin2: number | null;
  simulatedWithin2: number;
  people: number;
}

/** Today's waits from the hub's records beside the baseline's simulated waits (to check the model reproduces them). */
export function historyCheck(fit: HistoryFit, result: SimulationResult): HistoryCheckRow[] {
  return fit.pathways.map((p) => {
    const s = result.services.find((x) => x.id === p.serviceId);
    const m = s?.metrics;
    return {
      service: s?.name ?? `Pathway ${p.pathway}`,
      observedMean: p.waits.n ? p.waits.mean : null,
      simulatedMean: m?.waitMean.mean ?? 0,
      observedMedian: p.waits.n ? p.waits.median : null,
      simulatedMedian: m?.waitMedian.mean ?? 0,
      observedWithin2: p.waits.n ? p.waits.shareWithin2 : null,
      simulatedWithin2: m ? 1 - m.shareOver2.mean : 0,
      people: p.waits.n,
    };
  });
}

export interface CurveRow {
  service: string;
  capacity: number;
  recommended: boolean;
  withinTarget: number;
  waitMean: number;
  waitP95: number;
  delayedBedDays: number;
  serviceCost: number;
  delayCost: number;
  totalCost: number;
}

export function curveRows(recommendations: CapacityRecommendation[]): CurveRow[] {
  return recommendations.flatMap((r) =>
    r.curve.map((p) => ({
      service: r.serviceName,
      capacity: p.capacity,
      recommended: p.capacity === r.recommended,
      withinTarget: p.shareWithinTarget.mean,
      waitMean: p.waitMean.mean,
      waitP95: p.waitP95.mean,
      delayedBedDays: p.delayedBedDays.mean,
      serviceCost: p.serviceCost.mean,
      delayCost: p.delayCost.mean,
      totalCost: p.totalCost.mean,
    })),
  );
}
