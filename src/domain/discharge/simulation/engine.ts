import { visitDays, visitsOnDay } from './compile.js';
import {
  EV_ARRIVAL,
  EV_CAPACITY,
  EV_DEPARTURE,
  EV_FLEX,
  EV_READY,
  EV_VISIT,
  FLEX_CLOSED,
  FLEX_CLOSING,
} from './engineConstants.js';
import { checkFlex, onFlexEvent, setCapacity } from './engineFlex.js';
import { placeInitialState } from './engineInitial.js';
import { planVisitHead, serveVisits, visitsFit } from './engineVisits.js';
import { collectReplication, type ReplicationResult } from './collect.js';
import type { Rng } from './rng.js';
import { EngineState, type RunningSimulator } from './engineState.js';
import { drawStay } from './stays.js';

export type { ReplicationResult, ServiceReplication, DailySeries } from './collect.js';
export { WAIT_BIN_DAYS, WAIT_BINS } from './collect.js';
export { LOS_EMPIRICAL, LOS_EXPONENTIAL, LOS_FIXED, LOS_GAMMA, LOS_LOGNORMAL } from './stays.js';

/** Streams for today's position and per-replication capacity, apart from the arrival and move streams. */
const STATE_STREAM = 0x40000000;

/**
 * Discrete-event simulation of people queueing for discharge services: beds and slots held for a stay, or
 * reablement visits planned day by day. One Simulator is reused across replications so buffers are allocated
 * once; a replication's setup is a few fills of typed arrays, so short runs cost little more than their events.
 */
export class Simulator extends EngineState implements RunningSimulator {
  /**
   * Runs replication `replication` of seed `seed`; the same pair always gives the same result, whichever thread
   * or machine runs it. @returns the replication's figures over the measured period
   */
  run(seed: number, replication: number): ReplicationResult {
    this.reset(seed, replication);
    const events = this.events;
    const end = this.m.endTime;
    while (events.size > 0) {
      const t = events.peekTime();
      if (t >= end) break;
      const payload = events.pop();
      this.eventCount++;
      const type = payload & 7;
      const s = (payload >>> 3) & 31;
      const p = payload >>> 8;
      if (type === EV_ARRIVAL) this.onArrival(s, t);
      else if (type === EV_DEPARTURE) this.onDeparture(s, p, t);
      else if (type === EV_READY) this.onReady(s, p, t);
      else if (type === EV_VISIT) {
        if (p === (this.visitToken[s] & 0xffffff)) serveVisits(this, s, t);
      } else if (type === EV_FLEX) onFlexEvent(this, s, p, t);
      else this.onCapacityChange(s, p, t);
    }
    for (let s = 0; s < this.S; s++) this.advance(s, end);
    return collectReplication(this, replication);
  }

  reset(seed: number, replication: number): void {
    const m = this.m;
    this.events.clear();
    this.busyArea.fill(0);
    this.queueArea.fill(0);
    this.acuteArea.fill(0);
    this.blockedArea.fill(0);
    this.capacityArea.fill(0);
    this.startsByDay.fill(0);
    this.waitByDay.fill(0);
    this.visitsByDay.fill(0);
    this.exits.fill(0);
    this.people.reset();
    this.eventCount = 0;
    for (let s = 0; s < this.S; s++) {
      this.arrivalRng[s].reseed(seed, replication * 64 + 2 * s);
      this.transferRng[s].reseed(seed, replication * 64 + 2 * s + 1);
      this.stateRng[s].reseed(seed, STATE_STREAM + replication * 32 + s);
      const spread = m.capacityDown[s] + m.capacityUp[s];
      this.capacityOffset[s] = spread > 0 ? this.stateRng[s].int(spread + 1) - m.capacityDown[s] : 0;
      this.baseCapacity[s] = m.initialCapacity[s];
      this.flexState[s] = FLEX_CLOSED;
      setCapacity(this, s);
      this.busy[s] = 0;
      this.blocked[s] = 0;
      this.acuteWaiting[s] = 0;
      this.inHandover[s] = 0;
      this.lastTime[s] = 0;
      this.nextScheduled[s] = 0;
      this.queues[2 * s].clear();
      this.queues[2 * s + 1].clear();
      this.waitCount[s] = 0;
      this.arrivalsIn[s] = 0;
      this.transfersIn[s] = 0;
      this.maxQueue[s] = 0;
      this.priorityWaitSum[s] = 0;
      this.placeWaitSum[s] = 0;
      this.withinTarget[s] = 0;
      this.priorityStarts[s] = 0;
      this.scheduleArrival(s, 0);
      const times = m.capacityTimes[s];
      for (let k = 0; k < times.length; k++) this.events.push(times[k], (k << 8) | (s << 3) | EV_CAPACITY);
      const flips = m.flexWindowTimes[s];
      for (let k = 0; k < flips.length; k++) this.events.push(flips[k], (1 << 8) | (s << 3) | EV_FLEX);
    }
    if (m.hasInitialState) placeInitialState(this);
  }

  /** Next arrival of a non-homogeneous Poisson process with a rate constant within each day. */
  scheduleArrival(s: number, now: number): void {
    const schedule = this.m.schedules[s];
    if (schedule) {
      const k = this.nextScheduled[s];
      if (k < schedule.length) {
        this.nextScheduled[s] = k + 1;
        this.events.push(schedule[k], (s << 3) | EV_ARRIVAL);
      }
      return;
    }
    const rates = this.m.rates[s]!;
    const days = rates.length;
    let t = now;
    let day = Math.floor(t);
    // Unit-rate exponential spent against the integrated rate (time change), day by day.
    let e = -Math.log(this.arrivalRng[s].uniform());
    while (day < days) {
      const rate = rates[day];
      const left = day + 1 - t;
      if (rate > 0 && e <= rate * left) {
        this.events.push(t + e / rate, (s << 3) | EV_ARRIVAL);
        return;
      }
      e -= rate * left;
      day++;
      t = day;
    }
  }

  onArrival(s: number, t: number): void {
    this.scheduleArrival(s, t);
    const m = this.m;
    const people = this.people;
    const rng = this.arrivalRng[s];
    const p = people.add();
    people.arrivedAt[p] = t;
    people.readyAt[p] = t;
    people.fromAcute[p] = 1;
    people.blockedIn[p] = -1;
    people.counted[p] = t >= m.warmup ? 1 : 0;
    const priority = m.priorityShare[s] > 0 && rng.uniform() < m.priorityShare[s];
    people.stay[p] = drawStay(m, s, rng);
    this.drawRoute(s, p, rng);
    if (t >= m.warmup) this.arrivalsIn[s]++;
    const sigma = m.handoverSigma[s];
    if (sigma > 0) {
      // Still in hospital, not yet able to take a place even if one is free.
      this.advance(s, t);
      this.inHandover[s]++;
      people.isPriority[p] = priority ? 1 : 0;
      this.events.push(t + Math.exp(m.handoverMu[s] + sigma * rng.normal()), (p << 8) | (s << 3) | EV_READY);
      return;
    }
    this.offer(s, p, t, priority);
  }

  onReady(s: number, p: number, t: number): void {
    this.advance(s, t);
    this.inHandover[s]--;
    this.people.readyAt[p] = t;
    this.offer(s, p, t, this.people.isPriority[p] === 1);
  }

  onDeparture(s: number, p: number, t: number): void {
    const people = this.people;
    const target = people.route[p];
    if (target < 0) {
      if (t >= this.m.warmup) this.exits[-target - 1]++;
      people.release(p);
      this.vacate(s, t);
      return;
    }
    // Moving on to another service.
    const m = this.m;
    const rng = this.transferRng[target];
    people.arrivedAt[p] = t;
    people.readyAt[p] = t;
    people.fromAcute[p] = 0;
    people.counted[p] = t >= m.warmup ? 1 : 0;
    people.stay[p] = drawStay(m, target, rng);
    this.drawRoute(target, p, rng);
    const priority = m.priorityShare[target] > 0 && rng.uniform() < m.priorityShare[target];
    if (t >= m.warmup) this.transfersIn[target]++;
    if (m.blocking && !this.canStartNow(target, p, t)) {
      // Stays in this place until the next service can take them.
      this.advance(s, t);
      this.blocked[s]++;
      people.blockedIn[p] = s;
      this.offer(target, p, t, priority);
    } else {
      people.blockedIn[p] = -1;
      this.vacate(s, t);
      this.offer(target, p, t, priority);
    }
  }

  onCapacityChange(s: number, k: number, t: number): void {
    this.advance(s, t);
    this.baseCapacity[s] = this.m.capacityValues[s][k];
    setCapacity(this, s);
    this.serve(s, t);
  }

  drawRoute(s: number, p: number, rng: Rng): void {
    const cumulative = this.m.routeCumulative[s];
    let r = 0;
    if (cumulative.length > 1) {
      const u = rng.uniform();
      while (u >= cumulative[r]) r++;
    }
    this.people.route[p] = this.m.routeTarget[s][r];
  }

  queued(s: number): number {
    return this.queues[2 * s].size + this.queues[2 * s + 1].size;
  }

  /** True when a person could start in service s at time t without queueing. */
  canStartNow(s: number, p: number, t: number): boolean {
    if (this.queued(s) > 0) return false;
    if (this.m.isVisit[s]) return visitsFit(this, s, p, Math.floor(t));
    return this.busy[s] < this.capacity[s];
  }

  offer(s: number, p: number, t: number, priority: boolean): void {
    const people = this.people;
    people.isPriority[p] = priority ? 1 : 0;
    if (this.canStartNow(s, p, t)) {
      this.start(s, p, t);
      return;
    }
    this.advance(s, t);
    const queued = this.queued(s);
    const headBefore = queued > 0 ? this.head(s) : -1;
    this.queues[priority ? 2 * s : 2 * s + 1].push(p);
    if (people.fromAcute[p]) this.acuteWaiting[s]++;
    if (t >= this.m.warmup && queued + 1 > this.maxQueue[s]) this.maxQueue[s] = queued + 1;
    if (this.m.isVisit[s] && this.head(s) !== headBefore) planVisitHead(this, s, t);
    if (this.m.flexPlaces[s] > 0) checkFlex(this, s, t);
  }

  start(s: number, p: number, t: number): void {
    const m = this.m;
    const people = this.people;
    const arrived = people.arrivedAt[p];
    if (people.counted[p]) {
      let waits = this.waits[s];
      const n = this.waitCount[s];
      if (n === waits.length) {
        const grown = new Float64Array(n * 2);
        grown.set(waits);
        this.waits[s] = waits = grown;
      }
      waits[n] = t - arrived;
      this.waitCount[s] = n + 1;
      const placeWait = t - people.readyAt[p];
      this.placeWaitSum[s] += placeWait;
      if (placeWait <= m.targetWithinDays) this.withinTarget[s]++;
      if (people.isPriority[p]) {
        this.priorityWaitSum[s] += t - arrived;
        this.priorityStarts[s]++;
      }
    }
    const day = Math.floor(t);
    const cell = s * this.T + day;
    this.startsByDay[cell]++;
    this.waitByDay[cell] += t - arrived;
    this.advance(s, t);
    this.busy[s]++;
    const from = people.blockedIn[p];
    if (from >= 0) {
      people.blockedIn[p] = -1;
      this.advance(from, t);
      this.blocked[from]--;
      this.vacate(from, t);
    }
    if (m.isVisit[s]) {
      const n = visitDays(people.stay[p]);
      const end = Math.min(n, this.T - day);
      for (let k = 0; k < end; k++) this.visitsByDay[cell + k] += visitsOnDay(m.visitFirst[s], m.visitLast[s], n, k);
      this.events.push(day + n, (p << 8) | (s << 3) | EV_DEPARTURE);
    } else this.events.push(t + people.stay[p], (p << 8) | (s << 3) | EV_DEPARTURE);
  }

  /** Someone leaves service s: a bed or slot is free for the next person (visits were planned ahead). */
  vacate(s: number, t: number): void {
    this.advance(s, t);
    this.busy[s]--;
    if (this.flexState[s] === FLEX_CLOSING) setCapacity(this, s);
    if (!this.m.isVisit[s]) this.serve(s, t);
  }

  serve(s: number, t: number): void {
    if (this.m.isVisit[s]) {
      planVisitHead(this, s, t);
      return;
    }
    const high = this.queues[2 * s];
    const normal = this.queues[2 * s + 1];
    const people = this.people;
    let started = false;
    while (this.busy[s] < this.capacity[s] && high.size + normal.size > 0) {
      this.advance(s, t);
      const p = high.size > 0 ? high.shift() : normal.shift();
      if (people.fromAcute[p]) this.acuteWaiting[s]--;
      this.start(s, p, t);
      started = true;
    }
    if (started && this.m.flexPlaces[s] > 0) checkFlex(this, s, t);
  }

  head(s: number): number {
    const high = this.queues[2 * s];
    return high.size > 0 ? high.peek() : this.queues[2 * s + 1].peek();
  }

  /** Integrate occupancy, queue, acute waiting, blocked places and capacity of service s up to time t, by day. */
  advance(s: number, t: number): void {
    let from = this.lastTime[s];
    if (t <= from) return;
    const busy = this.busy[s];
    const queue = this.queues[2 * s].size + this.queues[2 * s + 1].size;
    const acute = this.acuteWaiting[s] + this.inHandover[s];
    const blocked = this.blocked[s];
    const capacity = this.capacity[s];
    const base = s * this.T;
    while (from < t) {
      const day = Math.floor(from);
      const to = day + 1 < t ? day + 1 : t;
      const dt = to - from;
      const cell = base + day;
      this.busyArea[cell] += busy * dt;
      this.capacityArea[cell] += capacity * dt;
      if (queue > 0) this.queueArea[cell] += queue * dt;
      if (acute > 0) this.acuteArea[cell] += acute * dt;
      if (blocked > 0) this.blockedArea[cell] += blocked * dt;
      from = to;
    }
    this.lastTime[s] = t;
  }
}
