// Runs heavy pure computations (the flow metrics, the planner's fit) on worker threads, so that while one runs the
// server's event loop stays free to answer other requests (issue 14: /api/health within 100 ms meanwhile).
// Arguments and results cross by structured clone (plain data and Dates), so a result equals the one the calling
// thread would work out. This file and computeWorker.ts are the only parts that know about threads.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { Conflict, InputError, type FieldError } from '../../domain/core/errors.js';
import type { FlowMetricsRunner } from '../../db/discharge/flow.js';
import type { FitRunner } from '../../db/discharge/simulation.js';
import { flowMetrics } from '../../domain/discharge/metrics.js';
import type { ComputeTask, ComputeTasks } from './computeTasks.js';
import { buffersOf, packFlowRecords, packResponses } from './flowPacking.js';

type Args<K extends ComputeTask> = Parameters<ComputeTasks[K]>;
type Result<K extends ComputeTask> = ReturnType<ComputeTasks[K]>;

interface Pending {
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The job this thread is running, if any. */
  job: number | null;
}

interface WorkerError {
  message: string;
  status: number | null;
  errors: FieldError[];
}

/** The error a computation threw on its thread, as the same kind of error here (input and conflict kept). */
function errorFrom(e: WorkerError): Error {
  if (e.status === 400) return new InputError(e.errors, e.message);
  if (e.status === 409) return new Conflict(e.message, e.errors);
  return new Error(e.message);
}

/** A small pool of worker threads, each running one computation at a time; jobs wait their turn in order. */
export class ComputePool {
  private slots: Slot[] = [];
  private queue: { id: number; task: ComputeTask; args: unknown[]; transfer: ArrayBuffer[] }[] = [];
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  /** @param size worker threads, started on first use (default: the cores, at most 2, so the simulation has room) */
  constructor(readonly size = Math.max(1, Math.min(availableParallelism(), 2))) {}

  /**
   * Runs `task` (one of COMPUTE_TASKS) with `args` on a worker thread.
   * @returns what the task returns; rejects with the task's error (InputError and Conflict kept as such), or when
   *   the thread stops or the pool is closed
   */
  run<K extends ComputeTask>(task: K, ...args: Args<K>): Promise<Result<K>> {
    return this.runTransferring(task, [], ...args);
  }

  /**
   * As `run`, handing `transfer` (buffers of typed arrays among the arguments) to the thread without a copy:
   * they are unusable here afterwards.
   */
  runTransferring<K extends ComputeTask>(task: K, transfer: ArrayBuffer[], ...args: Args<K>): Promise<Result<K>> {
    if (this.closed) return Promise.reject(new Error('the compute pool is closed'));
    return new Promise<Result<K>>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.queue.push({ id, task, args, transfer });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job.id;
      slot.worker.postMessage({ id: job.id, task: job.task, args: job.args }, job.transfer);
    }
  }

  private spawn(): Slot {
    // From TypeScript sources (tsx, vitest) the worker first registers the tsx loader in its own thread.
    const fromSource = import.meta.url.endsWith('.ts');
    const worker = new Worker(new URL(fromSource ? './computeWorkerBoot.mjs' : './computeWorker.js', import.meta.url));
    const slot: Slot = { worker, job: null };
    worker.unref();
    worker.on('message', (msg: { id: number; result?: unknown; error?: WorkerError }) => {
      const pending = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      slot.job = null;
      if (pending) {
        if (msg.error !== undefined) pending.reject(errorFrom(msg.error));
        else pending.resolve(msg.result);
      }
      this.dispatch();
    });
    worker.on('error', (err) => this.fail(slot, err));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`compute worker stopped (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** A thread failed: its job fails with it, the others go on (a new thread is started when needed). */
  private fail(slot: Slot, err: Error): void {
    if (!this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    if (slot.job !== null) {
      this.pending.get(slot.job)?.reject(err);
      this.pending.delete(slot.job);
    }
    this.dispatch();
  }

  /** Stops the threads; computations not finished are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    this.queue = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
    for (const p of this.pending.values()) p.reject(new Error('the compute pool is closed'));
    this.pending.clear();
  }
}

let shared: ComputePool | null = null;

/** One pool per process, created on first use (its threads do not keep the process alive). */
export function sharedComputePool(): ComputePool {
  if (!shared) shared = new ComputePool();
  return shared;
}

/**
 * The flow metrics (flowMetrics, src/domain/discharge/metrics.ts) on the pool's threads, their inputs packed
 * (flowPacking.ts) so handing them over holds this thread only for the packing: a FlowMetricsRunner for loadMetrics.
 * @param inProcessBelow fewer records and responses than this (together) are worked out on this thread, where
 *   they take less time than the trip to a thread
 */
export function flowMetricsOn(pool: ComputePool, inProcessBelow = 2_000): FlowMetricsRunner {
  return (records, responses, opts) => {
    if (records.length + responses.length < inProcessBelow) return flowMetrics(records, responses, opts);
    const r = packFlowRecords(records);
    const q = packResponses(responses);
    return pool.runTransferring('flowMetrics', [...buffersOf(r), ...buffersOf(q)], r, q, opts);
  };
}

/**
 * The planner's fit (fitHistory, src/domain/discharge/simulation/fit.ts) on the pool's threads: a FitRunner for
 * fitFromHistory. Its input is a year of referrals as short strings, quick to copy.
 */
export function fitOn(pool: ComputePool): FitRunner {
  return (input) => pool.run('fitHistory', input);
}
