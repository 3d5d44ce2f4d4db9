// Visit-based services (pathway 1 reablement as home visits): each day's visits are planned as people start,
// and the first in the queue starts on the first day every day of their stay fits in what is left.
import { visitDays, visitsOnDay } from './compile.js';
import type { RunningSimulator } from './engineState.js';
import { EV_VISIT, FLEX_OPEN } from './engineConstants.js';
import { checkFlex } from './engineFlex.js';

/** Visits a day service s can make on clock day d (dated capacity, this replication's offset, open flex). */
export function visitCapacity(sim: RunningSimulator, s: number, d: number): number {
  const base = sim.m.dailyCapacity[s][d] + sim.capacityOffset[s];
  return (base > 0 ? base : 0) + (sim.flexState[s] === FLEX_OPEN ? sim.m.flexPlaces[s] : 0);
}

/** Visits on each day of a stay of n days (service s), written into the simulator's scratch buffer. */
function profile(sim: RunningSimulator, s: number, n: number): Float64Array {
  if (sim.profileBuffer.length < n) sim.profileBuffer = new Float64Array(Math.max(n, 2 * sim.profileBuffer.length));
  const out = sim.profileBuffer;
  const first = sim.m.visitFirst[s];
  const last = sim.m.visitLast[s];
  for (let k = 0; k < n; k++) out[k] = visitsOnDay(first, last, n, k);
  return out;
}

/** True when each day's visits of a stay (profile `v`, n days) starting on clock day `day` fit in what is left. */
function fitsFrom(sim: RunningSimulator, s: number, v: Float64Array, n: number, day: number): boolean {
  const base = s * sim.T;
  const end = Math.min(n, sim.T - day);
  const planned = sim.visitsByDay;
  for (let k = 0; k < end; k++) if (planned[base + day + k] + v[k] > visitCapacity(sim, s, day + k)) return false;
  return true;
}

/** True when every day of p's stay, starting on clock day `day`, fits in what is left of that day's visits. */
export function visitsFit(sim: RunningSimulator, s: number, p: number, day: number): boolean {
  const n = visitDays(sim.people.stay[p]);
  return fitsFrom(sim, s, profile(sim, s, n), n, day);
}

/** Starts the first in the queue while their visits fit today; plans the next start for the first who cannot. */
export function serveVisits(sim: RunningSimulator, s: number, t: number): void {
  const today = Math.floor(t);
  const people = sim.people;
  let started = false;
  while (sim.queued(s) > 0) {
    const p = sim.head(s);
    if (!visitsFit(sim, s, p, today)) break;
    sim.advance(s, t);
    sim.queues[sim.queues[2 * s].size > 0 ? 2 * s : 2 * s + 1].shift();
    if (people.fromAcute[p]) sim.acuteWaiting[s]--;
    sim.start(s, p, t);
    started = true;
  }
  planVisitHead(sim, s, t, true);
  if (started && sim.m.flexPlaces[s] > 0) checkFlex(sim, s, t);
}

/**
 * Plans when the first in the queue can start: the first day from today on which their whole stay fits.
 * Any earlier plan is void (its token no longer matches). Starts them at once when that is today.
 */
export function planVisitHead(sim: RunningSimulator, s: number, t: number, afterServing = false): void {
  const token = (sim.visitToken[s] = (sim.visitToken[s] + 1) & 0xffffff);
  if (sim.queued(s) === 0) return;
  const p = sim.head(s);
  const today = Math.floor(t);
  const n = visitDays(sim.people.stay[p]);
  const v = profile(sim, s, n);
  for (let d = today; d < sim.T; d++) {
    if (fitsFrom(sim, s, v, n, d)) {
      if (d === today) {
        if (!afterServing) serveVisits(sim, s, t);
      } else sim.events.push(d, (token << 8) | (s << 3) | EV_VISIT);
      return;
    }
  }
}
