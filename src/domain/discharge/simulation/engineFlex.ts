// Capacity as it changes within a replication: the replication's offset, and flex places opened when the queue
// is long (after a lead time, within their months) and closed as their occupants leave once it is short.
import type { RunningSimulator } from './engineState.js';
import { EV_FLEX, FLEX_CLOSED, FLEX_CLOSING, FLEX_OPEN, FLEX_OPENING } from './engineConstants.js';

/**
 * Capacity now: the dated capacity with this replication's offset, plus the flex places when open, or, while
 * they close, those still occupied (the flex is closed once they are all empty).
 */
export function setCapacity(sim: RunningSimulator, s: number): void {
  const raw = sim.baseCapacity[s] + sim.capacityOffset[s];
  const base = raw > 0 ? raw : 0;
  const state = sim.flexState[s];
  if (state === FLEX_OPEN) sim.capacity[s] = base + sim.m.flexPlaces[s];
  else if (state === FLEX_CLOSING) {
    const occupied = sim.busy[s] - base;
    if (occupied <= 0) {
      sim.flexState[s] = FLEX_CLOSED;
      sim.capacity[s] = base;
    } else sim.capacity[s] = base + (occupied < sim.m.flexPlaces[s] ? occupied : sim.m.flexPlaces[s]);
  } else sim.capacity[s] = base;
}

/** True when the flex may be open at time t (within its months). */
export function flexAllowedAt(sim: RunningSimulator, s: number, t: number): boolean {
  const allowed = sim.m.flexAllowed[s];
  return allowed === null || allowed[Math.min(Math.floor(t), allowed.length - 1)] === 1;
}

/**
 * Opens flex places when the queue reaches the threshold (after the lead time; at once when some are still
 * open and closing); starts closing them when the queue is down to the closing threshold.
 */
export function checkFlex(sim: RunningSimulator, s: number, t: number): void {
  const m = sim.m;
  const q = sim.queued(s);
  const state = sim.flexState[s];
  if ((state === FLEX_CLOSED || state === FLEX_CLOSING) && q >= m.flexOpenAt[s] && flexAllowedAt(sim, s, t)) {
    if (m.flexLead[s] <= 0 || state === FLEX_CLOSING) openFlex(sim, s, t);
    else {
      sim.flexState[s] = FLEX_OPENING;
      const token = (sim.flexToken[s] = (sim.flexToken[s] + 1) & 0x7fffff);
      sim.events.push(t + m.flexLead[s], ((token * 2) << 8) | (s << 3) | EV_FLEX);
    }
  } else if ((state === FLEX_OPEN || state === FLEX_OPENING) && q <= m.flexCloseAt[s]) closeFlex(sim, s, t);
}

/** Opens the flex places and starts people waiting in them. */
export function openFlex(sim: RunningSimulator, s: number, t: number): void {
  sim.advance(s, t);
  sim.flexState[s] = FLEX_OPEN;
  setCapacity(sim, s);
  sim.serve(s, t);
}

/**
 * Closes the flex places: a pending opening is cancelled; open places close as their occupants leave (no stay
 * is cut short). Visits a day close at once (visits already planned are made).
 */
export function closeFlex(sim: RunningSimulator, s: number, t: number): void {
  sim.advance(s, t);
  sim.flexToken[s] = (sim.flexToken[s] + 1) & 0x7fffff;
  sim.flexState[s] = sim.flexState[s] === FLEX_OPEN && !sim.m.isVisit[s] ? FLEX_CLOSING : FLEX_CLOSED;
  setCapacity(sim, s);
}

/** A flex event: the places are ready after their lead time (even payload), or the flex window opens or closes (odd). */
export function onFlexEvent(sim: RunningSimulator, s: number, p: number, t: number): void {
  if (p & 1) {
    // The flex window opens or closes (e.g. the winter months begin or end).
    if (!flexAllowedAt(sim, s, t)) {
      if (sim.flexState[s] === FLEX_OPEN || sim.flexState[s] === FLEX_OPENING) closeFlex(sim, s, t);
    } else checkFlex(sim, s, t);
    return;
  }
  if (sim.flexState[s] === FLEX_OPENING && p >>> 1 === sim.flexToken[s]) {
    if (flexAllowedAt(sim, s, t)) openFlex(sim, s, t);
    else closeFlex(sim, s, t);
  }
}
