import { describe, expect, it } from 'vitest';
import { mmc } from './queueingTheory.js';
import { runReplications, simulate } from './simulate.js';
import { boroughScenario, mmcScenario } from './examples.js';

/**
 * Validation against queueing theory. Each case simulates 1–2.6 million referrals, enough that the
 * simulation's own 95% confidence interval is about as narrow as the 2% tolerance (asserted too, so a
 * case cannot pass merely by being noisy). Time is scaled so a stay averages half a day.
 */
const CASES = [
  { c: 1, rho: 0.5, replications: 300 },
  { c: 2, rho: 0.6, replications: 150 },
  { c: 5, rho: 0.7, replications: 90 },
  { c: 10, rho: 0.7, replications: 60 },
];

describe('engine against M/M/c theory (Erlang C)', () => {
  for (const { c, rho, replications } of CASES) {
    it(`M/M/${c} at load ${rho}: mean wait and probability of waiting within 2%`, () => {
      const meanStay = 0.5;
      const lambda = (rho * c) / meanStay;
      const theory = mmc(lambda, 1 / meanStay, c);
      const m = simulate(mmcScenario(c, lambda, meanStay, 3650, replications, 2026)).services[0].metrics;

      expect(Math.abs(m.shareWaiting.mean / theory.probabilityOfWaiting - 1)).toBeLessThan(0.02);
      expect(Math.abs(m.waitMean.mean / theory.meanWait - 1)).toBeLessThan(0.02);
      expect(Math.abs(m.meanQueue.mean / theory.meanQueue - 1)).toBeLessThan(0.02);
      expect(Math.abs(m.meanOccupancy.mean / theory.meanOccupancy - 1)).toBeLessThan(0.01);
      // The confidence interval is about as tight as the tolerance, so the comparison means something…
      expect((m.waitMean.high - m.waitMean.low) / 2 / theory.meanWait).toBeLessThan(0.025);
      // …and covers the theoretical value.
      expect(theory.meanWait).toBeGreaterThan(m.waitMean.low);
      expect(theory.meanWait).toBeLessThan(m.waitMean.high);
    }, 120_000);
  }

  it('M/M/1: P(wait) equals the utilisation ρ and the wait is ρ/(μ − λ)', () => {
    // λ = 0.8 a day, 1-day stays: ρ = 0.8, Wq = 0.8 / 0.2 = 4 days.
    const m = simulate(mmcScenario(1, 0.8, 1, 3650, 60, 99)).services[0].metrics;
    expect(m.shareWaiting.mean).toBeGreaterThan(0.8 * 0.98);
    expect(m.shareWaiting.mean).toBeLessThan(0.8 * 1.02);
    expect(m.utilisation.mean).toBeGreaterThan(0.8 * 0.98);
    expect(m.utilisation.mean).toBeLessThan(0.8 * 1.02);
    expect(m.waitMean.low).toBeLessThan(4);
    expect(m.waitMean.high).toBeGreaterThan(4);
    expect(m.waitMean.mean).toBeGreaterThan(4 * 0.95);
    expect(m.waitMean.mean).toBeLessThan(4 * 1.05);
  }, 120_000);
});

describe("Little's law on simulated output", () => {
  it('mean number waiting = referral rate × mean wait, per service, in the three-pathway borough', () => {
    // Three measured years, so the edges (people already waiting when measuring starts, or still waiting at the
    // end, whose waits are not among the waits measured) are small against the whole.
    const scenario = boroughScenario({ replications: 40, days: 3 * 365 });
    const reps = runReplications(scenario);
    scenario.services.forEach((service, s) => {
      let queue = 0;
      let rateTimesWait = 0;
      for (const r of reps) {
        const x = r.services[s];
        queue += x.meanQueue;
        rateTimesWait += ((x.arrivals + x.transfersIn) / scenario.days) * x.waitMean;
      }
      // Small edge effects: people already waiting when the period starts or still waiting at its end.
      if (queue > 0.05 * reps.length) expect(Math.abs(rateTimesWait / queue - 1), service.id).toBeLessThan(0.03);
      else expect(Math.abs(rateTimesWait - queue) / reps.length, service.id).toBeLessThan(0.01);
    });
  }, 120_000);

  it('mean occupancy = admissions × mean stay when nobody waits', () => {
    const scenario = mmcScenario(1000, 30, 20, 3000, 2, 5);
    const [r] = runReplications(scenario, 0, 1);
    // 30 a day × 20 days = 600 places in use on average.
    expect(r.services[0].meanOccupancy / 600).toBeGreaterThan(0.98);
    expect(r.services[0].meanOccupancy / 600).toBeLessThan(1.02);
  });
});
