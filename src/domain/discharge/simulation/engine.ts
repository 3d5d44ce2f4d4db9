import { visitDays, visitsOnDay, type CompiledModel } from './compile.js';
import { collectReplication, type ReplicationResult } from './collect.js';
import { EventQueue } from './eventQueue.js';
import { IntQueue } from './intQueue.js';
import { People } from './people.js';
import { Rng } from './rng.js';
import { drawStay, drawStayGiven, drawStaySeenNow } from './stays.js';

export type { ReplicationResult, ServiceReplication, DailySeries } from './collect.js';
export { WAIT_BIN_DAYS, WAIT_BINS } from './collect.js';
export { LOS_EMPIRICAL, LOS_EXPONENTIAL, LOS_FIXED, LOS_GAMMA, LOS_LOGNORMAL } from './stays.js';

const EV_ARRIVAL = 1;
const EV_DEPARTURE = 2;
const EV_CAPACITY = 3;
const EV_READY = 4;
/** A visit service's first-in-queue person can start (payload: the plan's token; stale plans are skipped). */
const EV_VISIT = 5;
/** Flex: places ready after their lead time (payload: token × 2), or the flex window opening or closing (1). */
const EV_FLEX = 6;

const FLEX_CLOSED = 0;
const FLEX_OPENING = 1;
const FLEX_OPEN = 2;

/** Streams for today's position and per-replication capacity, apart from the arrival and move streams. */
const STATE_STREAM = 0x40000000;

/**
 * Discrete-event simulation of people queueing for discharge services: beds and slots held for a stay, or
 * reablement visits planned day by day. One Simulator is reused across replications so buffers are allocated
 * once; a replication's setup is a few fills of typed arrays, so short runs cost little more than their events.
 */
export class Simulator {
  readonly m: CompiledModel;
  readonly S: number;
  readonly T: number;
  private readonly events = new EventQueue(4096);
  private readonly arrivalRng: Rng[] = [];
  private readonly transferRng: Rng[] = [];
  private readonly stateRng: Rng[] = [];
  readonly people = new People();

  // Per-service state.
  readonly capacity: Int32Array;
  private readonly baseCapacity: Int32Array;
  private readonly capacityOffset: Int32Array;
  private readonly flexState: Uint8Array;
  private readonly flexToken: Int32Array;
  private readonly visitToken: Int32Array;
  readonly busy: Int32Array;
  private readonly blocked: Int32Array;
  private readonly acuteWaiting: Int32Array;
  private readonly inHandover: Int32Array;
  private readonly lastTime: Float64Array;
  private readonly nextScheduled: Int32Array;
  readonly queues: IntQueue[] = [];
  readonly waits: Float64Array[] = [];
  readonly waitCount: Int32Array;
  readonly arrivalsIn: Float64Array;
  readonly transfersIn: Float64Array;
  readonly maxQueue: Int32Array;
  readonly priorityWaitSum: Float64Array;
  readonly placeWaitSum: Float64Array;
  readonly withinTarget: Float64Array;
  readonly priorityStarts: Float64Array;
  readonly exits: Float64Array;

  // Per-day figures on the whole clock, service-major (s * T + day).
  readonly busyArea: Float64Array;
  readonly queueArea: Float64Array;
  readonly acuteArea: Float64Array;
  readonly blockedArea: Float64Array;
  readonly capacityArea: Float64Array;
  readonly startsByDay: Float64Array;
  readonly waitByDay: Float64Array;
  /** Visits planned for each day (visit services): the day's visits once the run is over. */
  readonly visitsByDay: Float64Array;
  eventCount = 0;

  constructor(model: CompiledModel) {
    this.m = model;
    const S = (this.S = model.serviceCount);
    const T = (this.T = model.totalDays);
    this.capacity = new Int32Array(S);
    this.baseCapacity = new Int32Array(S);
    this.capacityOffset = new Int32Array(S);
    this.flexState = new Uint8Array(S);
    this.flexToken = new Int32Array(S);
    this.visitToken = new Int32Array(S);
    this.busy = new Int32Array(S);
    this.blocked = new Int32Array(S);
    this.acuteWaiting = new Int32Array(S);
    this.inHandover = new Int32Array(S);
    this.lastTime = new Float64Array(S);
    this.nextScheduled = new Int32Array(S);
    this.waitCount = new Int32Array(S);
    this.arrivalsIn = new Float64Array(S);
    this.transfersIn = new Float64Array(S);
    this.maxQueue = new Int32Array(S);
    this.priorityWaitSum = new Float64Array(S);
    this.placeWaitSum = new Float64Array(S);
    this.withinTarget = new Float64Array(S);
    this.priorityStarts = new Float64Array(S);
    this.exits = new Float64Array(model.exitNames.length);
    const cells = S * T;
    this.busyArea = new Float64Array(cells);
    this.queueArea = new Float64Array(cells);
    this.acuteArea = new Float64Array(cells);
    this.blockedArea = new Float64Array(cells);
    this.capacityArea = new Float64Array(cells);
    this.startsByDay = new Float64Array(cells);
    this.waitByDay = new Float64Array(cells);
    this.visitsByDay = new Float64Array(cells);
    for (let s = 0; s < S; s++) {
      this.arrivalRng.push(new Rng(0));
      this.transferRng.push(new Rng(0));
      this.stateRng.push(new Rng(0));
      // Two queues per service: 2s for priority, 2s+1 for everyone else.
      this.queues.push(new IntQueue(), new IntQueue());
      this.waits.push(new Float64Array(256));
    }
  }

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
        if (p === (this.visitToken[s] & 0xffffff)) this.serveVisits(s, t);
      } else if (type === EV_FLEX) this.onFlexEvent(s, p, t);
      else this.onCapacityChange(s, p, t);
    }
    for (let s = 0; s < this.S; s++) this.advance(s, end);
    return collectReplication(this, replication);
  }

  private reset(seed: number, replication: number): void {
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
      this.setCapacity(s);
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
    if (m.hasInitialState) this.placeInitialState();
  }

  /** Today's position: people in service (remaining stays drawn given their time so far), then those waiting. */
  private placeInitialState(): void {
    const m = this.m;
    const people = this.people;
    for (let s = 0; s < this.S; s++) {
      const rng = this.stateRng[s];
      const known = m.initialInService[s];
      const occupants = known.length + m.initialInServiceUnknown[s];
      for (let i = 0; i < occupants; i++) {
        let total: number;
        let elapsed: number;
        if (i < known.length) {
          elapsed = known[i];
          total = drawStayGiven(m, s, rng, elapsed);
        } else [total, elapsed] = drawStaySeenNow(m, s, rng);
        const p = people.add();
        people.arrivedAt[p] = -elapsed;
        people.readyAt[p] = -elapsed;
        people.blockedIn[p] = -1;
        people.fromAcute[p] = 0;
        people.counted[p] = 0;
        people.stay[p] = total;
        this.drawRoute(s, p, rng);
        this.busy[s]++;
        if (m.isVisit[s]) {
          // Visits still to come: the rest of the profile of a stay of `total` days, from today.
          const n = visitDays(total);
          const done = Math.min(Math.floor(elapsed), n - 1);
          const base = s * this.T;
          for (let k = done; k < n && k - done < this.T; k++)
            this.visitsByDay[base + k - done] += visitsOnDay(m.visitFirst[s], m.visitLast[s], n, k);
          this.events.push(n - done, (p << 8) | (s << 3) | EV_DEPARTURE);
        } else this.events.push(total - elapsed, (p << 8) | (s << 3) | EV_DEPARTURE);
      }
    }
    for (let s = 0; s < this.S; s++) {
      const rng = this.stateRng[s];
      const known = m.initialWaiting[s];
      const waiting = known.length + m.initialWaitingUnknown[s];
      for (let i = 0; i < waiting; i++) {
        const waited = i < known.length ? known[i] : 0;
        const p = people.add();
        people.arrivedAt[p] = -waited;
        people.readyAt[p] = -waited;
        people.fromAcute[p] = 1;
        people.blockedIn[p] = -1;
        people.counted[p] = 1;
        const priority = m.priorityShare[s] > 0 && rng.uniform() < m.priorityShare[s];
        people.stay[p] = drawStay(m, s, rng);
        this.drawRoute(s, p, rng);
        this.offer(s, p, 0, priority);
      }
    }
  }

  /** Next arrival of a non-homogeneous Poisson process with a rate constant within each day. */
  private scheduleArrival(s: number, now: number): void {
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

  private onArrival(s: number, t: number): void {
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

  private onReady(s: number, p: number, t: number): void {
    this.advance(s, t);
    this.inHandover[s]--;
    this.people.readyAt[p] = t;
    this.offer(s, p, t, this.people.isPriority[p] === 1);
  }

  private onDeparture(s: number, p: number, t: number): void {
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

  private onCapacityChange(s: number, k: number, t: number): void {
    this.advance(s, t);
    this.baseCapacity[s] = this.m.capacityValues[s][k];
    this.setCapacity(s);
    this.serve(s, t);
  }

  private drawRoute(s: number, p: number, rng: Rng): void {
    const cumulative = this.m.routeCumulative[s];
    let r = 0;
    if (cumulative.length > 1) {
      const u = rng.uniform();
      while (u >= cumulative[r]) r++;
    }
    this.people.route[p] = this.m.routeTarget[s][r];
  }

  private queued(s: number): number {
    return this.queues[2 * s].size + this.queues[2 * s + 1].size;
  }

  /** True when a person could start in service s at time t without queueing. */
  private canStartNow(s: number, p: number, t: number): boolean {
    if (this.queued(s) > 0) return false;
    if (this.m.isVisit[s]) return this.visitsFit(s, p, Math.floor(t));
    return this.busy[s] < this.capacity[s];
  }

  private offer(s: number, p: number, t: number, priority: boolean): void {
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
    if (this.m.isVisit[s] && this.head(s) !== headBefore) this.planVisitHead(s, t);
    if (this.m.flexPlaces[s] > 0) this.checkFlex(s, t);
  }

  private start(s: number, p: number, t: number): void {
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
  private vacate(s: number, t: number): void {
    this.advance(s, t);
    this.busy[s]--;
    if (!this.m.isVisit[s]) this.serve(s, t);
  }

  private serve(s: number, t: number): void {
    if (this.m.isVisit[s]) {
      this.planVisitHead(s, t);
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
    if (started && this.m.flexPlaces[s] > 0) this.checkFlex(s, t);
  }

  private head(s: number): number {
    const high = this.queues[2 * s];
    return high.size > 0 ? high.peek() : this.queues[2 * s + 1].peek();
  }

  // ---------------------------------------------------------------- visits

  /** Visits a day service s can make on clock day d. */
  private visitCapacity(s: number, d: number): number {
    const base = this.m.dailyCapacity[s][d] + this.capacityOffset[s];
    return (base > 0 ? base : 0) + (this.flexState[s] === FLEX_OPEN ? this.m.flexPlaces[s] : 0);
  }

  /** True when every day of p's stay, starting on clock day `day`, fits in what is left of that day's visits. */
  private visitsFit(s: number, p: number, day: number): boolean {
    const m = this.m;
    const n = visitDays(this.people.stay[p]);
    const base = s * this.T;
    const end = Math.min(n, this.T - day);
    for (let k = 0; k < end; k++) {
      if (
        this.visitsByDay[base + day + k] + visitsOnDay(m.visitFirst[s], m.visitLast[s], n, k) >
        this.visitCapacity(s, day + k)
      )
        return false;
    }
    return true;
  }

  /** Starts the first in the queue while their visits fit today; plans the next start for the first who cannot. */
  private serveVisits(s: number, t: number): void {
    const today = Math.floor(t);
    const people = this.people;
    let started = false;
    while (this.queued(s) > 0) {
      const p = this.head(s);
      if (!this.visitsFit(s, p, today)) break;
      this.advance(s, t);
      this.queues[this.queues[2 * s].size > 0 ? 2 * s : 2 * s + 1].shift();
      if (people.fromAcute[p]) this.acuteWaiting[s]--;
      this.start(s, p, t);
      started = true;
    }
    this.planVisitHead(s, t, true);
    if (started && this.m.flexPlaces[s] > 0) this.checkFlex(s, t);
  }

  /**
   * Plans when the first in the queue can start: the first day from today on which their whole stay fits.
   * Any earlier plan is void (its token no longer matches). Starts them at once when that is today.
   */
  private planVisitHead(s: number, t: number, afterServing = false): void {
    const token = (this.visitToken[s] = (this.visitToken[s] + 1) & 0xffffff);
    if (this.queued(s) === 0) return;
    const p = this.head(s);
    const today = Math.floor(t);
    for (let d = today; d < this.T; d++) {
      if (this.visitsFit(s, p, d)) {
        if (d === today) {
          if (!afterServing) this.serveVisits(s, t);
        } else this.events.push(d, (token << 8) | (s << 3) | EV_VISIT);
        return;
      }
    }
  }

  // ---------------------------------------------------------------- capacity and flex

  private setCapacity(s: number): void {
    const base = this.baseCapacity[s] + this.capacityOffset[s];
    this.capacity[s] = (base > 0 ? base : 0) + (this.flexState[s] === FLEX_OPEN ? this.m.flexPlaces[s] : 0);
  }

  private flexAllowedAt(s: number, t: number): boolean {
    const allowed = this.m.flexAllowed[s];
    return allowed === null || allowed[Math.min(Math.floor(t), allowed.length - 1)] === 1;
  }

  /** Opens flex places when the queue reaches the threshold (after the lead time); closes them when it is short. */
  private checkFlex(s: number, t: number): void {
    const m = this.m;
    const q = this.queued(s);
    const state = this.flexState[s];
    if (state === FLEX_CLOSED && q >= m.flexOpenAt[s] && this.flexAllowedAt(s, t)) {
      if (m.flexLead[s] <= 0) this.openFlex(s, t);
      else {
        this.flexState[s] = FLEX_OPENING;
        const token = (this.flexToken[s] = (this.flexToken[s] + 1) & 0x7fffff);
        this.events.push(t + m.flexLead[s], ((token * 2) << 8) | (s << 3) | EV_FLEX);
      }
    } else if (state !== FLEX_CLOSED && q <= m.flexCloseAt[s]) this.closeFlex(s, t);
  }

  private openFlex(s: number, t: number): void {
    this.advance(s, t);
    this.flexState[s] = FLEX_OPEN;
    this.setCapacity(s);
    this.serve(s, t);
  }

  /** Closes the flex places: they close as people leave (no stay is cut short); a pending opening is cancelled. */
  private closeFlex(s: number, t: number): void {
    this.advance(s, t);
    this.flexToken[s] = (this.flexToken[s] + 1) & 0x7fffff;
    this.flexState[s] = FLEX_CLOSED;
    this.setCapacity(s);
  }

  private onFlexEvent(s: number, p: number, t: number): void {
    if (p & 1) {
      // The flex window opens or closes (e.g. the winter months begin or end).
      if (!this.flexAllowedAt(s, t)) {
        if (this.flexState[s] !== FLEX_CLOSED) this.closeFlex(s, t);
      } else this.checkFlex(s, t);
      return;
    }
    if (this.flexState[s] === FLEX_OPENING && p >>> 1 === this.flexToken[s]) {
      if (this.flexAllowedAt(s, t)) this.openFlex(s, t);
      else this.closeFlex(s, t);
    }
  }

  /** Integrate occupancy, queue, acute waiting, blocked places and capacity of service s up to time t, by day. */
  private advance(s: number, t: number): void {
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

/** Quantile of sorted values by linear interpolation (Hyndman & Fan type 7, as R and Excel use). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
