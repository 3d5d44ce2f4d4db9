// Runs simulation replications on worker threads (both cores), in chunks, results in replication order.
// The engine itself is pure (src/domain/discharge/simulation); this file is the only part that knows about threads.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReplicationResult } from '../../domain/discharge/simulation/engine.js';
import type { Scenario } from '../../domain/discharge/simulation/scenario.js';
import { compileScenario } from '../../domain/discharge/simulation/compile.js';
import { Simulator } from '../../domain/discharge/simulation/engine.js';
import { estimateEvents, runReplications, type ReplicationRunner } from '../../domain/discharge/simulation/simulate.js';

/** Events per chunk of work sent to a thread: large enough that messages and setup are a small share of it. */
const CHUNK_EVENTS = 400_000;

interface Pending {
  resolve: (results: ReplicationResult[]) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

/** A pool of worker threads running replications; `run` has the ReplicationRunner shape. */
export class SimulationPool {
  private slots: Slot[] = [];
  private queue: { key: string; scenario: Scenario; from: number; to: number; pending: Pending }[] = [];
  private nextKey = 1;
  private pending = new Map<number, Pending>();
  private jobSlot = new Map<number, Slot>();
  private nextId = 1;
  private closed = false;

  /**
   * @param size worker threads (default: the cores, at most 8)
   * @param inProcessEvents runs estimated at no more events than this are run on the calling thread, without
   *   waiting for threads to start (a server keeps this small, as the run blocks its event loop meanwhile)
   */
  constructor(
    readonly size = Math.max(1, Math.min(availableParallelism(), 8)),
    readonly inProcessEvents = 300_000,
  ) {}

  /**
   * Replications [0, scenario.replications) split into chunks across the workers: chunks of about
   * {@link CHUNK_EVENTS} events (so short runs are not dominated by messages), at least one per thread.
   */
  readonly run: ReplicationRunner = async (scenario, onProgress) => {
    const [results] = await this.runMany([scenario], onProgress);
    return results;
  };

  /**
   * Several scenarios at once (e.g. every scenario of an IPACS workbook), their chunks interleaved across the
   * threads. @returns each scenario's replications, in order; `onProgress` gets replications done in all
   */
  async runMany(scenarios: readonly Scenario[], onProgress?: (done: number) => void): Promise<ReplicationResult[][]> {
    let done = 0;
    if (this.runsInProcess(scenarios)) {
      if (this.closed) throw new Error('the simulation pool is closed');
      return scenarios.map((scenario) => {
        const model = compileScenario(scenario);
        return runReplications(
          scenario,
          0,
          scenario.replications,
          () => onProgress?.(++done),
          model,
          new Simulator(model),
        );
      });
    }
    return Promise.all(
      scenarios.map(async (scenario) => {
        const total = scenario.replications;
        const perReplication = Math.max(1, estimateEvents({ ...scenario, replications: 1 }));
        const byEvents = Math.ceil(CHUNK_EVENTS / perReplication);
        const chunk = Math.max(1, Math.min(byEvents, Math.ceil(total / this.size)));
        const key = String(this.nextKey++);
        const parts: Promise<ReplicationResult[]>[] = [];
        for (let from = 0; from < total; from += chunk) {
          const to = Math.min(total, from + chunk);
          parts.push(
            this.submit(key, scenario, from, to).then((results) => {
              done += results.length;
              onProgress?.(done);
              return results;
            }),
          );
        }
        return (await Promise.all(parts)).flat();
      }),
    );
  }

  /** True when these scenarios are small enough to run on the calling thread (see the constructor). */
  runsInProcess(scenarios: readonly Scenario[]): boolean {
    return scenarios.reduce((sum, s) => sum + estimateEvents(s), 0) <= this.inProcessEvents;
  }

  private submit(key: string, scenario: Scenario, from: number, to: number): Promise<ReplicationResult[]> {
    if (this.closed) return Promise.reject(new Error('the simulation pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ key, scenario, from, to, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      slot.busy = true;
      this.pending.set(id, job.pending);
      this.jobSlot.set(id, slot);
      slot.worker.postMessage({ id, key: job.key, scenario: job.scenario, from: job.from, to: job.to });
    }
  }

  private spawn(): Slot {
    // From TypeScript sources (tsx, vitest) the worker first registers the tsx loader in its own thread.
    const fromSource = import.meta.url.endsWith('.ts');
    const worker = new Worker(
      new URL(fromSource ? './simulationWorkerBoot.mjs' : './simulationWorker.js', import.meta.url),
    );
    const slot: Slot = { worker, busy: false };
    worker.unref();
    worker.on('message', (msg: { id: number; results?: ReplicationResult[]; error?: string }) => {
      const pending = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      this.jobSlot.delete(msg.id);
      slot.busy = false;
      if (pending) {
        if (msg.error !== undefined) pending.reject(new Error(msg.error));
        else pending.resolve(msg.results!);
      }
      this.dispatch();
    });
    worker.on('error', (err) => this.fail(slot, err));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`simulation worker stopped (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  private fail(slot: Slot, err: Error): void {
    this.slots = this.slots.filter((s) => s !== slot);
    for (const [id, s] of this.jobSlot) {
      if (s !== slot) continue;
      this.pending.get(id)?.reject(err);
      this.pending.delete(id);
      this.jobSlot.delete(id);
    }
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
    for (const p of this.pending.values()) p.reject(new Error('the simulation pool is closed'));
    this.pending.clear();
    for (const job of this.queue) job.pending.reject(new Error('the simulation pool is closed'));
    this.queue = [];
  }
}

let shared: SimulationPool | null = null;

/** One pool per process, created on first use (its threads do not keep the process alive). */
export function sharedSimulationPool(): SimulationPool {
  if (!shared) shared = new SimulationPool();
  return shared;
}
