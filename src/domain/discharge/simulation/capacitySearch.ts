import { InputError } from '../../core/errors.js';
import { summarise } from './results.js';
import { compileScenario } from './compile.js';
import type { ReplicationRunner } from './simulate.js';
import type { Scenario } from './scenario.js';
import type { Estimate } from './statistics.js';

/** One point of the trade-off curve: a capacity for the service and what it gives. */
export interface CapacityPoint {
  /** Places at the start of the measured period (changes by date move by the same amount). */
  capacity: number;
  delta: number;
  shareWithinTarget: Estimate;
  waitMean: Estimate;
  waitP95: Estimate;
  meanQueue: Estimate;
  utilisation: Estimate;
  delayedBedDays: Estimate;
  /** Whole-system costs (this service's capacity changes waits elsewhere too, through onward moves). */
  delayCostPence: Estimate;
  serviceCostPence: Estimate;
  totalCostPence: Estimate;
  meetsTarget: boolean;
}

export interface CapacityRecommendation {
  serviceId: string;
  serviceName: string;
  target: { withinDays: number; share: number };
  current: number;
  /** Least capacity whose mean share starting within the target meets it; null if none up to the search limit. */
  recommended: number | null;
  /** Capacity with the lowest total cost (service places plus delayed acute bed-days) on the curve. */
  leastCost: number;
  curve: CapacityPoint[];
  replications: number;
  method: string;
}

export const SEARCH_METHOD =
  'Each capacity is simulated with the same random numbers (common random numbers), so differences come from capacity, not chance. ' +
  'A quick search with fewer runs per capacity narrows it down; the recommended capacity is then the least for which the mean share of people getting a place within the target, over the scenario’s full runs (the same runs as “Run simulation”), meets the target share, and every figure shown is from those full runs; ' +
  'capacity changes by date (e.g. winter flex) move by the same number of places. Costs are for the whole system over the measured period.';

/**
 * The scenario with a service's capacity (and every dated change) moved by `delta` places (or visits a day),
 * never below 0. Flex places, when set, stay as they are on top.
 */
export function withCapacityDelta(scenario: Scenario, serviceId: string, delta: number): Scenario {
  return {
    ...scenario,
    services: scenario.services.map((s) =>
      s.id !== serviceId
        ? s
        : {
            ...s,
            capacity: Math.max(0, s.capacity + delta),
            capacityChanges: s.capacityChanges.map((c) => ({ ...c, capacity: Math.max(0, c.capacity + delta) })),
          },
    ),
  };
}

export interface SearchOptions {
  /**
   * Replications per capacity tried while searching (fewer than a full run: the search tries many capacities).
   * The answer and every point of the curve are then evaluated with the scenario's own replications.
   */
  replications?: number;
  /** Points either side of the recommendation on the curve. */
  curveSpan?: number;
  onProgress?: (message: string) => void;
}

/**
 * Finds the least capacity of one service meeting the scenario's target, and the curve around it (waits,
 * delayed bed-days and whole-system costs in pence for each capacity tried).
 *
 * A quick search (`options.replications` runs per capacity) brackets and bisects; the answer is then confirmed,
 * and the curve evaluated, with the scenario's own replications and seed, so every figure returned, today's
 * capacity included, is the one a full run of the same scenario gives (`simulate` → `shareWithinTarget`): one
 * figure for one question, whichever part of the planner shows it.
 * @throws InputError when the scenario has no service `serviceId`
 */
export async function recommendCapacity(
  scenario: Scenario,
  serviceId: string,
  run: ReplicationRunner,
  options: SearchOptions = {},
): Promise<CapacityRecommendation> {
  const index = scenario.services.findIndex((s) => s.id === serviceId);
  if (index < 0) throw InputError.field('serviceIds', `There is no service "${serviceId}" in the scenario`);
  const service = scenario.services[index];
  const full = scenario.replications;
  const quick = Math.min(options.replications ?? 60, full);
  const compiled = compileScenario(scenario);
  const current = compiled.dailyCapacity[index][compiled.warmup];
  const caches = new Map<number, Map<number, CapacityPoint>>();

  const evaluateWith = async (replications: number, delta: number): Promise<CapacityPoint> => {
    let cache = caches.get(replications);
    if (!cache) caches.set(replications, (cache = new Map()));
    const known = cache.get(delta);
    if (known) return known;
    const variant = withCapacityDelta({ ...scenario, replications }, serviceId, delta);
    const result = summarise(variant, compileScenario(variant), await run(variant));
    const m = result.services[index].metrics;
    const point: CapacityPoint = {
      capacity: current + delta,
      delta,
      shareWithinTarget: m.shareWithinTarget,
      waitMean: m.waitMean,
      waitP95: m.waitP95,
      meanQueue: m.meanQueue,
      utilisation: m.utilisation,
      delayedBedDays: m.delayedBedDays,
      delayCostPence: result.totals.delayCostPence,
      serviceCostPence: result.totals.serviceCostPence,
      totalCostPence: result.totals.totalCostPence,
      meetsTarget: m.shareWithinTarget.mean >= scenario.target.share,
    };
    cache.set(delta, point);
    options.onProgress?.(
      `${service.name}: ${point.capacity} places → ${(100 * point.shareWithinTarget.mean).toFixed(1)}% within ${scenario.target.withinDays} days (${replications} runs)`,
    );
    return point;
  };
  const evaluate = (delta: number) => evaluateWith(quick, delta);
  const evaluateFull = (delta: number) => evaluateWith(full, delta);

  // Bracket: find a failing lower and a meeting upper capacity by doubling steps, then bisect.
  const limit = Math.max(50, current * 4);
  let recommended: number | null = null;
  const atCurrent = await evaluate(0);
  let low: number; // fails
  let high: number; // meets
  if (atCurrent.meetsTarget) {
    high = 0;
    let step = 1;
    low = -1;
    for (;;) {
      low = Math.max(-current, high - step);
      if (!(await evaluate(low)).meetsTarget) break;
      high = low;
      if (low === -current) break;
      step *= 2;
    }
    if (high === -current) low = high - 1; // even no places meets it (no demand)
  } else {
    low = 0;
    let step = 1;
    high = 1;
    for (;;) {
      high = low + step;
      if (current + high > limit) break;
      if ((await evaluate(high)).meetsTarget) break;
      low = high;
      step *= 2;
    }
  }
  if (current + high <= limit) {
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if ((await evaluate(mid)).meetsTarget) high = mid;
      else low = mid;
    }
    recommended = current + high;
  }

  // Confirm with the full replications: the least capacity meeting the target there (the quick search's answer
  // moves by a place or two at most, as both share the first runs' random numbers).
  if (recommended !== null) {
    let delta = recommended - current;
    if ((await evaluateFull(delta)).meetsTarget) {
      while (current + delta > 0 && (await evaluateFull(delta - 1)).meetsTarget) delta--;
      recommended = current + delta;
    } else {
      while (current + delta < limit && !(await evaluateFull(delta + 1)).meetsTarget) delta++;
      recommended = current + delta < limit ? current + delta + 1 : null;
    }
  }

  // The curve, with the full replications: around the recommendation (or the current capacity), plus the current.
  const centre = recommended !== null ? recommended - current : 0;
  const span = options.curveSpan ?? 2;
  await evaluateFull(0);
  for (let d = centre - span; d <= centre + span; d++) {
    if (current + d >= 0 && current + d <= limit) await evaluateFull(d);
  }
  const curve = [...caches.get(full)!.values()].sort((a, b) => a.capacity - b.capacity);
  const leastCost = curve.reduce(
    (best, p) => (p.totalCostPence.mean < best.totalCostPence.mean ? p : best),
    curve[0],
  ).capacity;
  return {
    serviceId,
    serviceName: service.name,
    target: { withinDays: scenario.target.withinDays, share: scenario.target.share },
    current,
    recommended,
    leastCost,
    curve,
    replications: full,
    method: SEARCH_METHOD,
  };
}
