import { SERVICE_METRICS, type MetricKey, type SimulationResult } from './results.js';
import type { Estimate } from './statistics.js';

export interface ComparisonRow {
  serviceId: string;
  serviceName: string;
  metric: MetricKey | 'totalCostPence' | 'totalDelayedBedDays';
  label: string;
  unit: string;
  /** One estimate per scenario, in the order given (null when that scenario has no such service). */
  values: (Estimate | null)[];
}

/**
 * Named scenarios side by side: every service metric, matched by service id, then the system totals (costs in
 * pence). @returns the scenario names and one row per service and metric
 */
export function compareScenarios(results: SimulationResult[]): { scenarios: string[]; rows: ComparisonRow[] } {
  const services = new Map<string, string>();
  for (const r of results) for (const s of r.services) if (!services.has(s.id)) services.set(s.id, s.name);
  const rows: ComparisonRow[] = [];
  for (const [serviceId, serviceName] of services) {
    for (const { key, label, unit } of SERVICE_METRICS) {
      rows.push({
        serviceId,
        serviceName,
        metric: key,
        label,
        unit,
        values: results.map((r) => r.services.find((s) => s.id === serviceId)?.metrics[key] ?? null),
      });
    }
  }
  rows.push({
    serviceId: '',
    serviceName: 'All services',
    metric: 'totalDelayedBedDays',
    label: 'Delayed acute bed-days',
    unit: 'bed-days',
    values: results.map((r) => r.totals.delayedBedDays),
  });
  rows.push({
    serviceId: '',
    serviceName: 'All services',
    metric: 'totalCostPence',
    label: 'Total cost (places and delays)',
    unit: 'pence',
    values: results.map((r) => r.totals.totalCostPence),
  });
  return { scenarios: results.map((r) => r.scenario.name), rows };
}
