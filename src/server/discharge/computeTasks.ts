// The pure computations the compute worker runs off the event loop (see computePool.ts), by name. Each takes and
// returns plain data (structured clone: objects, arrays, typed arrays, strings, numbers, Dates), so the thread
// gives exactly what the calling thread would.
import { flowMetrics, type MetricsOptions, type PeriodMetrics } from '../../domain/discharge/metrics.js';
import { fitHistory } from '../../domain/discharge/simulation/fit.js';
import { unpackFlowRecords, unpackResponses, type PackedFlowRecords, type PackedResponses } from './flowPacking.js';

export const COMPUTE_TASKS = {
  /** Flow and delay metrics per week or month (src/domain/discharge/metrics.ts), from packed inputs (flowPacking.ts). */
  flowMetrics: (records: PackedFlowRecords, responses: PackedResponses, opts: MetricsOptions): PeriodMetrics[] =>
    flowMetrics(unpackFlowRecords(records), unpackResponses(responses), opts),
  /** The planner's model fitted to a year of hub history (src/domain/discharge/simulation/fit.ts). */
  fitHistory,
};

export type ComputeTasks = typeof COMPUTE_TASKS;
export type ComputeTask = keyof ComputeTasks;
