/**
 * Checks on a finished run, reported as warnings beside its figures: a warm-up too short for the run to have
 * settled (MSER-5 on the occupancy series), and services whose referrals need more than their capacity.
 */
import { meanVisitsPerDay, type CompiledModel } from './compile.js';
import type { ReplicationResult } from './collect.js';
import type { Scenario } from './scenario.js';
import { expectedOccupancy, mser5 } from './warmup.js';

export interface RunWarning {
  code: 'warm-up-too-short' | 'overloaded';
  serviceId: string;
  message: string;
  /** For 'warm-up-too-short': the warm-up, in days, MSER-5 says the run needed. */
  neededWarmupDays?: number;
}

/**
 * Warnings for a run: for each service loaded to 100% or more, that it has no steady state; for a run that
 * started empty, each service whose occupancy (divided by what its arrival pattern alone would give, so the
 * weekly and seasonal pattern is not mistaken for a transient) was still settling after the warm-up, by
 * MSER-5 on the replication-mean series from the start of the warm-up.
 * @returns warnings in service order
 */
export function runWarnings(
  scenario: Scenario,
  m: CompiledModel,
  replications: readonly ReplicationResult[],
): RunWarning[] {
  const warnings: RunWarning[] = [];
  const R = replications.length;
  scenario.services.forEach((service, s) => {
    const load = m.load[s];
    if (load >= 1) {
      warnings.push({
        code: 'overloaded',
        serviceId: service.id,
        message: `${service.name}: referrals and moves in need about ${Math.round(load * 100)}% of its ${
          service.unit === 'visit' ? 'visits' : 'places'
        }, so the queue grows for as long as the run lasts: there is no steady state, and results depend on the length of the run.`,
      });
      return;
    }
    if (m.hasInitialState || R === 0 || !m.rates[s]) return;
    const T = m.totalDays;
    const occupancy = new Float64Array(T);
    for (const r of replications) {
      const series = r.clockOccupancy[s];
      for (let d = 0; d < T; d++) occupancy[d] += series[d] / R;
    }
    const perPerson = m.isVisit[s] ? meanVisitsPerDay(m, s) : 1;
    const capacity = Int32Array.from(m.dailyCapacity[s], (c) =>
      Math.floor((c + m.flexPlaces[s] + m.capacityUp[s]) / perPerson),
    );
    const expected = expectedOccupancy(m.rates[s]!, m.meanTransfersIn[s], m.survival[s], capacity);
    const ratio = new Float64Array(T);
    let positive = 0;
    for (let d = 0; d < T; d++) {
      ratio[d] = expected[d] > 1e-6 ? occupancy[d] / expected[d] : 1;
      if (occupancy[d] > 0.05) positive++;
    }
    if (positive < T / 2) return;
    const truncate = mser5(ratio);
    if (truncate > m.warmup) {
      const needed = Math.ceil(truncate / 10) * 10;
      warnings.push({
        code: 'warm-up-too-short',
        serviceId: service.id,
        neededWarmupDays: needed,
        message: `${service.name}: the run had not settled when measuring began. Occupancy was still rising until about day ${truncate} of the run (MSER-5), after a warm-up of ${m.warmup} days, so waits and occupancy are understated. Use a warm-up of at least ${needed} days ("auto" chooses one from the stays), or start from today's position.`,
      });
    }
  });
  return warnings;
}
