import type { CapacityRecommendation } from './capacitySearch.js';
import { SERVICE_METRICS, type SimulationResult } from './results.js';

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(round(value)) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLines(rows: (string | number | null)[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Summary: one row per scenario, service and metric, with the 95% confidence interval. */
export function summaryRows(result: SimulationResult): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['scenario', 'service', 'pathway', 'metric', 'unit', 'mean', 'ci_low', 'ci_high', 'replications'],
  ];
  for (const s of result.services) {
    for (const { key, label, unit } of SERVICE_METRICS) {
      const e = s.metrics[key];
      rows.push([
        result.scenario.name,
        s.name,
        s.pathway,
        label,
        unit,
        e.mean,
        e.low,
        e.high,
        result.scenario.replications,
      ]);
    }
  }
  for (const [label, e] of [
    ['Delayed acute bed-days', result.totals.delayedBedDays],
    ['Total cost', result.totals.totalCost],
  ] as const) {
    rows.push([
      result.scenario.name,
      'All services',
      '',
      label,
      label.includes('cost') ? '£' : 'bed-days',
      e.mean,
      e.low,
      e.high,
      result.scenario.replications,
    ]);
  }
  return rows;
}

/** Daily: capacity, mean occupancy and number waiting (with the 10th–90th percentile band over replications). */
export function dailyRows(result: SimulationResult): (string | number)[][] {
  const rows: (string | number)[][] = [
    [
      'scenario',
      'service',
      'date',
      'capacity',
      'occupancy_mean',
      'occupancy_p10',
      'occupancy_p90',
      'waiting_mean',
      'waiting_p10',
      'waiting_p90',
    ],
  ];
  for (const s of result.services) {
    result.dates.forEach((date, d) => {
      rows.push([
        result.scenario.name,
        s.name,
        date,
        s.capacity[d],
        s.occupancy.mean[d],
        s.occupancy.p10[d],
        s.occupancy.p90[d],
        s.queue.mean[d],
        s.queue.p10[d],
        s.queue.p90[d],
      ]);
    });
  }
  return rows;
}

export function curveRows(recommendations: CapacityRecommendation[]): (string | number)[][] {
  const rows: (string | number)[][] = [
    [
      'service',
      'capacity',
      'recommended',
      'share_within_target',
      'mean_wait_days',
      'p95_wait_days',
      'delayed_bed_days',
      'service_cost',
      'delay_cost',
      'total_cost',
    ],
  ];
  for (const r of recommendations) {
    for (const p of r.curve) {
      rows.push([
        r.serviceName,
        p.capacity,
        p.capacity === r.recommended ? 'yes' : '',
        p.shareWithinTarget.mean,
        p.waitMean.mean,
        p.waitP95.mean,
        p.delayedBedDays.mean,
        p.serviceCost.mean,
        p.delayCost.mean,
        p.totalCost.mean,
      ]);
    }
  }
  return rows;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
