// How people flow through the demo discharge hub's services: when they become ready to leave hospital (arrivals),
// and when each pathway's service can take them (first come, first served against the real number of reablement
// places, rehabilitation beds and D2A beds), how long they stay and where they go next. Times in epoch ms (UTC).
import type { Rng } from '../domain/core/random.js';
import type { D2aOutcome } from '../domain/discharge/d2a.js';
import type { Destination, Pathway, ServiceNeed } from '../domain/discharge/referral.js';

/** One day, in milliseconds. */
export const DAY = 86_400_000;
/** One hour, in milliseconds. */
export const HOUR = 3_600_000;

/** Yearly arrivals by pathway (people becoming medically optimised), before seasonality. */
export const DEMO_ANNUAL_ARRIVALS: Record<Pathway, number> = { 0: 1_760, 1: 2_700, 2: 800, 3: 500 };
/** Concurrent reablement packages the Home First service can hold. */
export const DEMO_REABLEMENT_SLOTS = 140;

/** Winter (December–March) brings about 15% more people ready to leave; weekends fewer declared. */
function arrivalRate(pathway: Pathway, date: Date): number {
  const month = date.getUTCMonth();
  const winter = month === 11 || month <= 2 ? 1.15 : month === 10 || month === 3 ? 1.05 : 0.93;
  const dow = date.getUTCDay();
  const weekday = dow === 0 || dow === 6 ? 0.62 : 1.15;
  return (DEMO_ANNUAL_ARRIVALS[pathway] / 365) * winter * weekday;
}

/** Next working-hours moment (08:00–19:00 UTC) at or after t: transfers and packages start in the day. */
function inWorkingHours(t: number, rng: Rng): number {
  const d = new Date(t);
  const h = d.getUTCHours() + d.getUTCMinutes() / 60;
  if (h >= 8 && h < 19) return t;
  const base = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + (h >= 19 ? DAY : 0);
  return base + (9 + rng.uniform(0, 6)) * HOUR;
}

/** Beds admit in the day: a bed free overnight is filled at 10:00 the next morning. */
function admissionTime(t: number): number {
  const d = new Date(t);
  const h = d.getUTCHours() + d.getUTCMinutes() / 60;
  if (h >= 9 && h < 18) return t;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + (h >= 18 ? DAY : 0) + 10 * HOUR;
}

/** A first-come-first-served pool of places: returns when the earliest place frees at or after `ready`. */
class Pool {
  private freeAt: number[];
  constructor(size: number, start: number) {
    this.freeAt = Array.from({ length: size }, () => start);
  }
  take(
    ready: number,
    lengthMs: (start: number) => number,
    available: (i: number, at: number) => number = (_i, at) => at,
  ): { index: number; start: number; end: number } {
    let bestI = -1;
    let bestStart = Infinity;
    for (let i = 0; i < this.freeAt.length; i++) {
      const s = available(i, Math.max(ready, this.freeAt[i]));
      if (s < bestStart) {
        bestStart = s;
        bestI = i;
      }
    }
    const end = bestStart + lengthMs(bestStart);
    this.freeAt[bestI] = end;
    return { index: bestI, start: bestStart, end };
  }
}

/** November to April (UTC months). */
function isWinter(t: number): boolean {
  const m = new Date(t).getUTCMonth();
  return m >= 10 || m <= 3; // November to April
}

/** Someone becoming ready to leave hospital (medically optimised) on a pathway, at `ready` (epoch ms). */
export interface Arrival {
  pathway: Pathway;
  ready: number;
}

/**
 * Arrivals from `start` to `asAt` (epoch ms): Poisson per day and pathway, at a time of day weighted to the
 * afternoon ward round; in time order.
 */
export function generateArrivals(arr: Rng, start: number, asAt: number): Arrival[] {
  const arrivals: Arrival[] = [];
  for (let t = start; t < asAt; t += DAY) {
    for (const p of [0, 1, 2, 3] as Pathway[]) {
      const n = arr.poisson(arrivalRate(p, new Date(t)));
      for (let k = 0; k < n; k++)
        arrivals.push({ pathway: p, ready: t + Math.min(23.5, Math.max(7, arr.normal(13, 2.5))) * HOUR });
    }
  }
  arrivals.sort((a, b) => a.ready - b.ready);
  return arrivals;
}

/** When someone's service starts (their discharge) and ends, with the bed they took and where they went next. */
export interface ServiceStart {
  dischargeAt: number;
  serviceEnd: number | null;
  bedId: string | null;
  stayOutcome: D2aOutcome | null;
  destination: Destination;
  nextPathway: number | null;
}

/** The hub's services with places: D2A beds, rehabilitation beds (some open in winter only) and reablement. */
export class DischargeServices {
  // Pools start part-full so the first weeks are not artificially empty.
  private readonly d2a: Pool;
  private readonly rehab: Pool;
  private readonly reablement: Pool;

  constructor(
    private readonly d2aBedIds: readonly string[],
    private readonly rehabBedIds: readonly { id: string; winterOnly: boolean }[],
    start: number,
  ) {
    this.d2a = new Pool(d2aBedIds.length, start - 10 * DAY);
    this.rehab = new Pool(rehabBedIds.length, start - 10 * DAY);
    this.reablement = new Pool(DEMO_REABLEMENT_SLOTS, start - 7 * DAY);
  }

  private rehabAvailable = (i: number, at: number) => {
    if (!this.rehabBedIds[i].winterOnly || isWinter(at)) return admissionTime(at);
    // A winter flex bed is only open November–April: wait for the next November.
    const d = new Date(at);
    return Date.UTC(d.getUTCMonth() >= 10 ? d.getUTCFullYear() + 1 : d.getUTCFullYear(), 10, 1, 10);
  };

  /**
   * Start `a`'s service for `need`: the place it takes (booked in its pool), the discharge time (in working hours,
   * rarely on a Sunday) and the service's end. Draws from `flow`.
   */
  start(a: Arrival, need: ServiceNeed, flow: Rng): ServiceStart {
    const { d2a, rehab, reablement, rehabAvailable } = this;
    let dischargeAt: number;
    let serviceEnd: number | null = null;
    let bedId: string | null = null;
    let stayOutcome: D2aOutcome | null = null;
    let destination: Destination;
    let nextPathway: number | null = null;
    if (a.pathway === 0) {
      dischargeAt = inWorkingHours(a.ready + flow.exponential(1 / 5) * HOUR, flow);
      destination = 'usual_residence';
    } else if (a.pathway === 1 && need === 'reablement') {
      const losDays = Math.min(42, flow.lognormal(Math.log(17), 0.45));
      const slot = reablement.take(a.ready + flow.lognormal(Math.log(10), 0.8) * HOUR, () => losDays * DAY);
      dischargeAt = inWorkingHours(slot.start, flow);
      serviceEnd = dischargeAt + losDays * DAY;
      destination = 'usual_residence';
    } else if (a.pathway === 1) {
      dischargeAt = inWorkingHours(a.ready + flow.lognormal(Math.log(40), 0.9) * HOUR, flow);
      destination = 'usual_residence';
    } else if (a.pathway === 2) {
      const losDays = Math.max(3, flow.lognormal(Math.log(20), 0.5));
      const bed = rehab.take(
        a.ready + flow.lognormal(Math.log(8), 0.7) * HOUR,
        () => losDays * DAY + 6 * HOUR,
        rehabAvailable,
      );
      dischargeAt = bed.start;
      serviceEnd = dischargeAt + losDays * DAY;
      bedId = this.rehabBedIds[bed.index].id;
      destination = 'rehab_bed';
      const after = flow.next();
      stayOutcome =
        after < 0.55
          ? 'usual_residence'
          : after < 0.62
            ? 'care_home'
            : after < 0.72
              ? 'hospital'
              : after < 0.76
                ? 'died'
                : 'usual_residence';
      if (after >= 0.76 || (after < 0.55 && flow.bernoulli(0.45))) nextPathway = 1; // home with reablement
    } else if (need === 'd2a_bed') {
      // Most assessments finish inside six weeks; about a third of those that would run over do.
      let losDays = Math.max(4, flow.lognormal(Math.log(19), 0.35));
      if (losDays > 42 && !flow.bernoulli(0.35)) losDays = 42 - flow.uniform(0, 2);
      const bed = d2a.take(
        a.ready + flow.lognormal(Math.log(14), 0.7) * HOUR,
        () => losDays * DAY + 8 * HOUR,
        (_i, at) => admissionTime(at),
      );
      dischargeAt = bed.start;
      serviceEnd = dischargeAt + losDays * DAY;
      bedId = this.d2aBedIds[bed.index].toString();
      destination = 'd2a_bed';
      stayOutcome = flow.weighted<D2aOutcome>(
        ['usual_residence', 'care_home', 'hospital', 'died'],
        [0.3, 0.55, 0.08, 0.07],
      );
      nextPathway = stayOutcome === 'care_home' ? 3 : null;
    } else {
      dischargeAt = inWorkingHours(a.ready + flow.lognormal(Math.log(4.2), 0.75) * DAY, flow);
      destination = 'care_home';
    }
    // Discharges rarely happen on Sundays: push to Monday (Havering: "not enough discharges on a Sunday").
    if (new Date(dischargeAt).getUTCDay() === 0 && a.pathway !== 2 && need !== 'd2a_bed' && flow.bernoulli(0.8))
      dischargeAt += DAY;
    return { dischargeAt, serviceEnd, bedId, stayOutcome, destination, nextPathway };
  }
}
