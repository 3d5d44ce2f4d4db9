import { csvOfRows } from '../../core/csv.js';
import type { CapacityRecommendation } from './capacitySearch.js';
import { SERVICE_METRICS, type DailyBands, type SimulationResult } from './results.js';

/**
 * Rows as CSV text (the core CSV writer: RFC 4180, CRLF line ends, the formula guard), numbers kept to 4
 * decimal places and a number that is not finite written as an empty cell.
 */
export function csvLines(rows: (string | number | null)[][]): string {
  return csvOfRows(rows.map((r) => r.map((v) => (typeof v === 'number' ? (Number.isFinite(v) ? round(v) : null) : v))));
}

/** Summary: one row per scenario, service and metric, with the 95% confidence interval (costs in pence). */
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
  for (const [label, unit, e] of [
    ['Delayed acute bed-days', 'bed-days', result.totals.delayedBedDays],
    ['Total cost', 'pence', result.totals.totalCostPence],
  ] as const) {
    rows.push([
      result.scenario.name,
      'All services',
      '',
      label,
      unit,
      e.mean,
      e.low,
      e.high,
      result.scenario.replications,
    ]);
  }
  return rows;
}

/** The daily series, in the order and with the column names of the daily CSV and spreadsheet. */
export const DAILY_SERIES = [
  { key: 'capacity', column: 'capacity', label: 'Capacity (places, or visits a day)' },
  { key: 'occupancy', column: 'occupancy', label: 'People in service' },
  { key: 'visits', column: 'visits', label: 'Visits made' },
  { key: 'queue', column: 'waiting', label: 'People waiting' },
  { key: 'admissions', column: 'admissions', label: 'People starting' },
  { key: 'waitOfStarters', column: 'wait_of_starters_days', label: 'Mean wait of people starting (days)' },
  { key: 'costPence', column: 'cost_pence', label: 'Cost (pence)' },
] as const satisfies readonly { key: keyof DailyBands; column: string; label: string }[];

/**
 * Daily: per scenario, service and date, every series's mean with its 5th–95th percentile band over
 * replications (a visit series is empty for services that are not visit-based).
 */
export function dailyRows(result: SimulationResult): (string | number | null)[][] {
  const header: string[] = ['scenario', 'service', 'pathway', 'date'];
  for (const { column } of DAILY_SERIES) header.push(`${column}_mean`, `${column}_p5`, `${column}_p95`);
  const rows: (string | number | null)[][] = [header];
  for (const s of result.services) {
    result.dates.forEach((date, d) => {
      const row: (string | number | null)[] = [result.scenario.name, s.name, s.pathway, date];
      for (const { key } of DAILY_SERIES) {
        const band = s.daily[key];
        row.push(band ? band.mean[d] : null, band ? band.p5[d] : null, band ? band.p95[d] : null);
      }
      rows.push(row);
    });
  }
  return rows;
}

/** The capacity trade-off curves, one row per service and capacity tried (costs in pence). */
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
      'service_cost_pence',
      'delay_cost_pence',
      'total_cost_pence',
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
        p.serviceCostPence.mean,
        p.delayCostPence.mean,
        p.totalCostPence.mean,
      ]);
    }
  }
  return rows;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
