// The state of one simulator: per-service counters, queues, per-day integrals on the whole clock and the people,
// allocated once per compiled model and reset (filled) for each replication. The event handling is in engine.ts.
import type { CompiledModel } from './compile.js';
import { EventQueue } from './eventQueue.js';
import { IntQueue } from './intQueue.js';
import { People } from './people.js';
import { Rng } from './rng.js';

/** Typed arrays of a simulator, indexed by service (or service × clock day), allocated once per model. */
export class EngineState {
  readonly m: CompiledModel;
  readonly S: number;
  readonly T: number;
  readonly events = new EventQueue(4096);
  readonly arrivalRng: Rng[] = [];
  readonly transferRng: Rng[] = [];
  readonly stateRng: Rng[] = [];
  readonly people = new People();

  // Per-service state.
  readonly capacity: Int32Array;
  readonly baseCapacity: Int32Array;
  readonly capacityOffset: Int32Array;
  readonly flexState: Uint8Array;
  readonly flexToken: Int32Array;
  readonly visitToken: Int32Array;
  readonly busy: Int32Array;
  readonly blocked: Int32Array;
  readonly acuteWaiting: Int32Array;
  readonly inHandover: Int32Array;
  readonly lastTime: Float64Array;
  readonly nextScheduled: Int32Array;
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
  /** Scratch: visits on each day of the stay being planned (visit services). */
  profileBuffer = new Float64Array(64);

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
}

/**
 * The running simulator as its helpers see it (capacity changes, visit planning, today's position, the
 * replication's figures): the engine's state plus the steps they call back into. The Simulator class
 * (engine.ts) implements it; the helpers depend on this and not on the class, so no module imports back the
 * engine that imports it.
 */
export interface RunningSimulator extends EngineState {
  /** Starts waiting people at service `s` while there is room at time `t` (days). */
  advance(s: number, t: number): void;
  /** People waiting at service `s`. */
  queued(s: number): number;
  /** Fills free capacity at service `s` at time `t` (days). */
  serve(s: number, t: number): void;
  /** Chooses person `p`'s route out of service `s`. */
  drawRoute(s: number, p: number, rng: Rng): void;
  /** Offers person `p` to service `s` at time `t` (days), at the head of the queue when `priority`. */
  offer(s: number, p: number, t: number, priority: boolean): void;
  /** The person at the head of service `s`'s queue. */
  head(s: number): number;
  /** Starts person `p`'s service at `s` at time `t` (days). */
  start(s: number, p: number, t: number): void;
}
