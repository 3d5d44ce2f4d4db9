import type { CompiledModel } from './compile.js';
import { EventQueue } from './eventQueue.js';
import { Rng } from './rng.js';

// Length-of-stay distribution codes (declared here, where the hot loop reads them, so they stay plain constants).
export const LOS_EXPONENTIAL = 0;
export const LOS_LOGNORMAL = 1;
export const LOS_GAMMA = 2;
export const LOS_FIXED = 3;
export const LOS_EMPIRICAL = 4;

const EV_ARRIVAL = 1;
const EV_DEPARTURE = 2;
const EV_CAPACITY = 3;
const EV_READY = 4;

/** Waiting-time histogram: bins of a quarter day up to 30 days, the last bin holds everything longer. */
export const WAIT_BIN_DAYS = 0.25;
export const WAIT_BINS = 121;

/** One service's figures from one replication, measured over the measured period only. */
export interface ServiceReplication {
  /** People referred from hospital in the measured period. */
  arrivals: number;
  /** People moving on from another service in the measured period. */
  transfersIn: number;
  /** People who started in the measured period after joining the queue in it (their waits are below). */
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
  meanOccupancy: number;
  meanCapacity: number;
  utilisation: number;
  meanQueue: number;
  maxQueue: number;
  /** Acute bed-days used by people waiting in hospital for this service (handover included). */
  delayedBedDays: number;
  /** Place-days in this service held by people waiting to move on. */
  blockedPlaceDays: number;
  delayCost: number;
  serviceCost: number;
  /** People still waiting when the period ended (their waits are not in the statistics). */
  stillWaiting: number;
}

export interface ReplicationResult {
  replication: number;
  events: number;
  services: ServiceReplication[];
  /** Mean occupancy and queue length of each measured day, per service. */
  dailyOccupancy: Float32Array[];
  dailyQueue: Float32Array[];
  waitHistogram: Float64Array[];
  /** People leaving the system in the measured period, by destination (model.exitNames order). */
  exits: number[];
}

class IntQueue {
  buf = new Int32Array(64);
  head = 0;
  size = 0;
  push(v: number): void {
    if (this.size === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) % this.buf.length];
      this.buf = next;
      this.head = 0;
    }
    this.buf[(this.head + this.size) % this.buf.length] = v;
    this.size++;
  }
  shift(): number {
    const v = this.buf[this.head];
    this.head = (this.head + 1) % this.buf.length;
    this.size--;
    return v;
  }
  clear(): void {
    this.head = 0;
    this.size = 0;
  }
}

/**
 * Discrete-event simulation of people queueing for discharge services.
 * One Simulator is reused across replications so buffers are allocated once.
 */
export class Simulator {
  private readonly m: CompiledModel;
  private readonly S: number;
  private readonly events = new EventQueue(4096);
  private readonly arrivalRng: Rng[] = [];
  private readonly transferRng: Rng[] = [];

  // Per-service state.
  private readonly capacity: Int32Array;
  private readonly busy: Int32Array;
  private readonly blocked: Int32Array;
  private readonly acuteWaiting: Int32Array;
  private readonly inHandover: Int32Array;
  private readonly lastTime: Float64Array;
  private readonly nextScheduled: Int32Array;
  private readonly capacityCursor: Int32Array;
  private readonly queues: IntQueue[] = [];
  private readonly waits: Float64Array[] = [];
  private readonly waitCount: Int32Array;
  private readonly arrivalsIn: Float64Array;
  private readonly transfersIn: Float64Array;
  private readonly maxQueue: Int32Array;
  private readonly priorityWaitSum: Float64Array;
  private readonly placeWaitSum: Float64Array;
  private readonly withinTarget: Float64Array;
  private readonly priorityStarts: Float64Array;
  private readonly exits: Float64Array;

  // Per-day integrals, service-major (s * totalDays + day).
  private readonly busyArea: Float64Array;
  private readonly queueArea: Float64Array;
  private readonly acuteArea: Float64Array;
  private readonly blockedArea: Float64Array;

  // People (ids are recycled through a free list).
  private arrivedAt = new Float64Array(1024);
  private readyAt = new Float64Array(1024);
  private stay = new Float64Array(1024);
  private route = new Int32Array(1024);
  private blockedIn = new Int32Array(1024);
  private fromAcute = new Uint8Array(1024);
  private isPriority = new Uint8Array(1024);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private personCount = 0;
  private eventCount = 0;

  constructor(model: CompiledModel) {
    this.m = model;
    const S = (this.S = model.serviceCount);
    this.capacity = new Int32Array(S);
    this.busy = new Int32Array(S);
    this.blocked = new Int32Array(S);
    this.acuteWaiting = new Int32Array(S);
    this.inHandover = new Int32Array(S);
    this.lastTime = new Float64Array(S);
    this.nextScheduled = new Int32Array(S);
    this.capacityCursor = new Int32Array(S);
    this.waitCount = new Int32Array(S);
    this.arrivalsIn = new Float64Array(S);
    this.transfersIn = new Float64Array(S);
    this.maxQueue = new Int32Array(S);
    this.priorityWaitSum = new Float64Array(S);
    this.placeWaitSum = new Float64Array(S);
    this.withinTarget = new Float64Array(S);
    this.priorityStarts = new Float64Array(S);
    this.exits = new Float64Array(model.exitNames.length);
    const cells = S * model.totalDays;
    this.busyArea = new Float64Array(cells);
    this.queueArea = new Float64Array(cells);
    this.acuteArea = new Float64Array(cells);
    this.blockedArea = new Float64Array(cells);
    for (let s = 0; s < S; s++) {
      this.arrivalRng.push(new Rng(0));
      this.transferRng.push(new Rng(0));
      // Two queues per service: 2s for priority, 2s+1 for everyone else.
      this.queues.push(new IntQueue(), new IntQueue());
      this.waits.push(new Float64Array(256));
    }
  }

  /** Run replication `replication` of seed `seed`; the same pair always gives the same result. */
  run(seed: number, replication: number): ReplicationResult {
    this.reset(seed, replication);
    const m = this.m;
    const events = this.events;
    const end = m.endTime;
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
      else this.onCapacityChange(s, p, t);
    }
    for (let s = 0; s < this.S; s++) this.advance(s, end);
    return this.collect(replication);
  }

  private reset(seed: number, replication: number): void {
    const m = this.m;
    this.events.clear();
    this.busyArea.fill(0);
    this.queueArea.fill(0);
    this.acuteArea.fill(0);
    this.blockedArea.fill(0);
    this.exits.fill(0);
    this.freeCount = 0;
    this.personCount = 0;
    this.eventCount = 0;
    for (let s = 0; s < this.S; s++) {
      this.arrivalRng[s].reseed(seed, replication * 64 + 2 * s);
      this.transferRng[s].reseed(seed, replication * 64 + 2 * s + 1);
      this.capacity[s] = m.initialCapacity[s];
      this.busy[s] = 0;
      this.blocked[s] = 0;
      this.acuteWaiting[s] = 0;
      this.inHandover[s] = 0;
      this.lastTime[s] = 0;
      this.nextScheduled[s] = 0;
      this.capacityCursor[s] = 0;
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
    const rng = this.arrivalRng[s];
    const p = this.newPerson();
    this.arrivedAt[p] = t;
    this.readyAt[p] = t;
    this.fromAcute[p] = 1;
    this.blockedIn[p] = -1;
    const priority = this.m.priorityShare[s] > 0 && rng.uniform() < this.m.priorityShare[s];
    this.drawStay(s, p, rng);
    if (t >= this.m.warmup) this.arrivalsIn[s]++;
    const sigma = this.m.handoverSigma[s];
    if (sigma > 0) {
      // Still in hospital, not yet able to take a place even if one is free.
      this.advance(s, t);
      this.inHandover[s]++;
      this.isPriority[p] = priority ? 1 : 0;
      this.events.push(t + Math.exp(this.m.handoverMu[s] + sigma * rng.normal()), (p << 8) | (s << 3) | EV_READY);
      return;
    }
    this.offer(s, p, t, priority);
  }

  private onReady(s: number, p: number, t: number): void {
    this.advance(s, t);
    this.inHandover[s]--;
    this.readyAt[p] = t;
    this.offer(s, p, t, this.isPriority[p] === 1);
  }

  private onDeparture(s: number, p: number, t: number): void {
    const target = this.route[p];
    if (target < 0) {
      if (t >= this.m.warmup) this.exits[-target - 1]++;
      this.releasePerson(p);
      this.vacate(s, t);
      return;
    }
    // Moving on to another service.
    const rng = this.transferRng[target];
    this.arrivedAt[p] = t;
    this.readyAt[p] = t;
    this.fromAcute[p] = 0;
    this.drawStay(target, p, rng);
    const priority = this.m.priorityShare[target] > 0 && rng.uniform() < this.m.priorityShare[target];
    if (t >= this.m.warmup) this.transfersIn[target]++;
    const full = this.busy[target] >= this.capacity[target];
    if (this.m.blocking && full) {
      // Stays in this place until the next service can take them.
      this.advance(s, t);
      this.blocked[s]++;
      this.blockedIn[p] = s;
      this.offer(target, p, t, priority);
    } else {
      this.blockedIn[p] = -1;
      this.vacate(s, t);
      this.offer(target, p, t, priority);
    }
  }

  private onCapacityChange(s: number, k: number, t: number): void {
    this.capacity[s] = this.m.capacityValues[s][k];
    this.serveQueue(s, t);
  }

  private drawStay(s: number, p: number, rng: Rng): void {
    const m = this.m;
    let los: number;
    switch (m.losKind[s]) {
      case LOS_EXPONENTIAL:
        los = -m.losA[s] * Math.log(rng.uniform());
        break;
      case LOS_LOGNORMAL:
        los = Math.exp(m.losA[s] + m.losB[s] * rng.normal());
        break;
      case LOS_GAMMA:
        los = rng.gamma(m.losA[s], m.losB[s]);
        break;
      case LOS_FIXED:
        los = m.losA[s];
        break;
      case LOS_EMPIRICAL: {
        const values = m.losEmpirical[s]!;
        los = values[rng.int(values.length)];
        break;
      }
      default:
        los = 1;
    }
    this.stay[p] = los;
    const cumulative = m.routeCumulative[s];
    let r = 0;
    if (cumulative.length > 1) {
      const u = rng.uniform();
      while (u >= cumulative[r]) r++;
    }
    this.route[p] = m.routeTarget[s][r];
  }

  private offer(s: number, p: number, t: number, priority: boolean): void {
    const queued = this.queues[2 * s].size + this.queues[2 * s + 1].size;
    if (queued === 0 && this.busy[s] < this.capacity[s]) {
      this.isPriority[p] = priority ? 1 : 0;
      this.start(s, p, t);
      return;
    }
    this.advance(s, t);
    this.queues[priority ? 2 * s : 2 * s + 1].push(p);
    this.isPriority[p] = priority ? 1 : 0;
    if (this.fromAcute[p]) this.acuteWaiting[s]++;
    if (t >= this.m.warmup && queued + 1 > this.maxQueue[s]) this.maxQueue[s] = queued + 1;
  }

  private start(s: number, p: number, t: number): void {
    const arrived = this.arrivedAt[p];
    if (arrived >= this.m.warmup) {
      let waits = this.waits[s];
      const n = this.waitCount[s];
      if (n === waits.length) {
        const grown = new Float64Array(n * 2);
        grown.set(waits);
        this.waits[s] = waits = grown;
      }
      waits[n] = t - arrived;
      this.waitCount[s] = n + 1;
      const placeWait = t - this.readyAt[p];
      this.placeWaitSum[s] += placeWait;
      if (placeWait <= this.m.targetWithinDays) this.withinTarget[s]++;
      if (this.isPriority[p]) {
        this.priorityWaitSum[s] += t - arrived;
        this.priorityStarts[s]++;
      }
    }
    this.advance(s, t);
    this.busy[s]++;
    const from = this.blockedIn[p];
    if (from >= 0) {
      this.blockedIn[p] = -1;
      this.advance(from, t);
      this.blocked[from]--;
      this.vacate(from, t);
    }
    this.events.push(t + this.stay[p], (p << 8) | (s << 3) | EV_DEPARTURE);
  }

  /** A place in service s becomes free: the next person in the queue (priority first) takes it. */
  private vacate(s: number, t: number): void {
    this.advance(s, t);
    this.busy[s]--;
    this.serveQueue(s, t);
  }

  private serveQueue(s: number, t: number): void {
    const high = this.queues[2 * s];
    const normal = this.queues[2 * s + 1];
    while (this.busy[s] < this.capacity[s] && high.size + normal.size > 0) {
      this.advance(s, t);
      const p = high.size > 0 ? high.shift() : normal.shift();
      if (this.fromAcute[p]) this.acuteWaiting[s]--;
      this.start(s, p, t);
    }
  }

  /** Integrate occupancy, queue, acute waiting and blocked places of service s up to time t, day by day. */
  private advance(s: number, t: number): void {
    let from = this.lastTime[s];
    if (t <= from) return;
    const busy = this.busy[s];
    const queue = this.queues[2 * s].size + this.queues[2 * s + 1].size;
    const acute = this.acuteWaiting[s] + this.inHandover[s];
    const blocked = this.blocked[s];
    const base = s * this.m.totalDays;
    while (from < t) {
      const day = Math.floor(from);
      const to = day + 1 < t ? day + 1 : t;
      const dt = to - from;
      const cell = base + day;
      this.busyArea[cell] += busy * dt;
      if (queue > 0) this.queueArea[cell] += queue * dt;
      if (acute > 0) this.acuteArea[cell] += acute * dt;
      if (blocked > 0) this.blockedArea[cell] += blocked * dt;
      from = to;
    }
    this.lastTime[s] = t;
  }

  private newPerson(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount];
    const p = this.personCount++;
    if (p === this.arrivedAt.length) this.growPeople();
    return p;
  }

  private releasePerson(p: number): void {
    if (this.freeCount === this.free.length) {
      const grown = new Int32Array(this.free.length * 2);
      grown.set(this.free);
      this.free = grown;
    }
    this.free[this.freeCount++] = p;
  }

  private growPeople(): void {
    const n = this.arrivedAt.length * 2;
    if (n > 1 << 23) throw new Error('more than 8 million people in the system at once: check the arrival rates');
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.arrivedAt = grow(this.arrivedAt, (k) => new Float64Array(k));
    this.readyAt = grow(this.readyAt, (k) => new Float64Array(k));
    this.stay = grow(this.stay, (k) => new Float64Array(k));
    this.route = grow(this.route, (k) => new Int32Array(k));
    this.blockedIn = grow(this.blockedIn, (k) => new Int32Array(k));
    this.fromAcute = grow(this.fromAcute, (k) => new Uint8Array(k));
    this.isPriority = grow(this.isPriority, (k) => new Uint8Array(k));
  }

  private collect(replication: number): ReplicationResult {
    const m = this.m;
    const days = m.totalDays - m.warmup;
    const services: ServiceReplication[] = [];
    const dailyOccupancy: Float32Array[] = [];
    const dailyQueue: Float32Array[] = [];
    const waitHistogram: Float64Array[] = [];
    for (let s = 0; s < this.S; s++) {
      const base = s * m.totalDays + m.warmup;
      const occupancy = new Float32Array(days);
      const queue = new Float32Array(days);
      let busyTotal = 0;
      let queueTotal = 0;
      let acuteTotal = 0;
      let blockedTotal = 0;
      for (let d = 0; d < days; d++) {
        occupancy[d] = this.busyArea[base + d];
        queue[d] = this.queueArea[base + d];
        busyTotal += this.busyArea[base + d];
        queueTotal += this.queueArea[base + d];
        acuteTotal += this.acuteArea[base + d];
        blockedTotal += this.blockedArea[base + d];
      }
      let capacityDays = 0;
      const dailyCapacity = m.dailyCapacity[s];
      for (let d = 0; d < days; d++) capacityDays += dailyCapacity[d];

      const n = this.waitCount[s];
      const waits = this.waits[s].subarray(0, n).sort();
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
      for (const q of [this.queues[2 * s], this.queues[2 * s + 1]]) {
        for (let i = 0; i < q.size; i++) {
          const p = q.buf[(q.head + i) % q.buf.length];
          if (this.arrivedAt[p] >= m.warmup && m.endTime - this.readyAt[p] > m.targetWithinDays) overdue++;
        }
      }
      const meanOccupancy = busyTotal / days;
      const meanCapacity = capacityDays / days;
      const placeDays = m.costOnCapacity[s] ? capacityDays : busyTotal;
      services.push({
        arrivals: this.arrivalsIn[s],
        transfersIn: this.transfersIn[s],
        starts: n,
        waitMean: n > 0 ? sum / n : 0,
        waitMedian: quantileSorted(waits, 0.5),
        waitP90: quantileSorted(waits, 0.9),
        waitP95: quantileSorted(waits, 0.95),
        waitMax: n > 0 ? waits[n - 1] : 0,
        priorityWaitMean: this.priorityStarts[s] > 0 ? this.priorityWaitSum[s] / this.priorityStarts[s] : 0,
        shareWaiting: share(waiting),
        shareOver1: share(over1),
        shareOver2: share(over2),
        shareOver7: share(over7),
        shareWithinTarget: n + overdue > 0 ? this.withinTarget[s] / (n + overdue) : 1,
        placeWaitMean: n > 0 ? this.placeWaitSum[s] / n : 0,
        meanOccupancy,
        meanCapacity,
        utilisation: meanCapacity > 0 ? meanOccupancy / meanCapacity : 0,
        meanQueue: queueTotal / days,
        maxQueue: this.maxQueue[s],
        delayedBedDays: acuteTotal,
        blockedPlaceDays: blockedTotal,
        delayCost: acuteTotal * m.costPerAcuteBedDay,
        serviceCost: placeDays * m.costPerPlaceDay[s],
        stillWaiting: this.queues[2 * s].size + this.queues[2 * s + 1].size,
      });
      dailyOccupancy.push(occupancy);
      dailyQueue.push(queue);
      waitHistogram.push(histogram);
    }
    return {
      replication,
      events: this.eventCount,
      services,
      dailyOccupancy,
      dailyQueue,
      waitHistogram,
      exits: Array.from(this.exits),
    };
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
