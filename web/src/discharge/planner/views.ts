// Plain-data views of simulation results for the planner's tables, charts and downloads (no React here).
import type { DownloadColumn } from '../../components/downloads';
import type {
  CapacityRecommendation,
  ComparisonRow,
  HistoryFit,
  HubPosition,
  Scenario,
  SimulationResult,
} from './types';

export interface ServiceRow {
  id: string;
  service: string;
  unit: 'slot' | 'bed' | 'visit';
  waitMean: number;
  waitLow: number;
  waitHigh: number;
  waitMedian: number;
  waitP90: number;
  waitP95: number;
  withinTarget: number;
  over7: number;
  occupancy: number;
  capacity: number;
  visits: number;
  utilisation: number;
  meanWaiting: number;
  delayedBedDays: number;
  delayCostPence: number;
  serviceCostPence: number;
}

/** One row per service: the headline figures (means over replications; costs in pence). */
export function serviceRows(result: SimulationResult): ServiceRow[] {
  return result.services.map((s) => {
    const m = s.metrics;
    return {
      id: s.id,
      service: s.name,
      unit: s.unit,
      waitMean: m.waitMean.mean,
      waitLow: m.waitMean.low,
      waitHigh: m.waitMean.high,
      waitMedian: m.waitMedian.mean,
      waitP90: m.waitP90.mean,
      waitP95: m.waitP95.mean,
      withinTarget: m.shareWithinTarget.mean,
      over7: m.shareOver7.mean,
      occupancy: m.meanOccupancy.mean,
      capacity: m.meanCapacity.mean,
      visits: m.meanVisits.mean,
      utilisation: m.utilisation.mean,
      meanWaiting: m.meanQueue.mean,
      delayedBedDays: m.delayedBedDays.mean,
      delayCostPence: m.delayCostPence.mean,
      serviceCostPence: m.serviceCostPence.mean,
    };
  });
}

/**
 * Share of people getting a place within each number of days (0–21) of being ready to take one (after handover),
 * per service: the distribution of the target's measure, so at the target's days it reads the same share as the
 * results table (`metrics.shareWithinTarget`, see `withinTargetDefinition`).
 */
export function cumulativeWaits(
  result: SimulationResult,
  maxDays = 21,
): { service: string; days: number; share: number }[] {
  const out: { service: string; days: number; share: number }[] = [];
  for (const s of result.services) {
    const { binDays, share } = s.placeWaitDistribution;
    let cum = 0;
    let bin = 0;
    for (let day = 0; day <= maxDays; day += binDays) {
      // Bin b holds waits in [b·binDays, (b+1)·binDays): "within `day`" sums the bins below it.
      while (bin < share.length - 1 && (bin + 1) * binDays <= day + 1e-9) cum += share[bin++];
      out.push({ service: s.name, days: day, share: Math.min(1, cum) });
    }
  }
  return out;
}

/** One service-day: every daily series's mean and 5th–95th percentile band over replications. */
export interface DailyRow {
  service: string;
  /** Facet label: "Pathway 2", or the service id when a pathway has more than one service. */
  pathway: string;
  date: string;
  capacity: number;
  occupancy: number;
  occupancyLow: number;
  occupancyHigh: number;
  visits: number | null;
  visitsLow: number | null;
  visitsHigh: number | null;
  waiting: number;
  waitingLow: number;
  waitingHigh: number;
  admissions: number;
  admissionsLow: number;
  admissionsHigh: number;
  waitOfStarters: number;
  waitOfStartersLow: number;
  waitOfStartersHigh: number;
  costPence: number;
  costLowPence: number;
  costHighPence: number;
}

/**
 * Columns of the daily download: every series, with its 5th and 95th percentiles. People, visits and capacity are
 * whole, as the page's charts and sentences give them (issue 13: 115.8 people in the 5th percentile); days to one
 * decimal place; costs in whole pounds.
 */
export const DAILY_DOWNLOAD_COLUMNS: DownloadColumn<DailyRow>[] = [
  { key: 'service', header: 'Service' },
  { key: 'date', header: 'Date' },
  { key: 'capacity', header: 'Capacity (places, or visits a day)', numFmt: '#,##0' },
  { key: 'occupancy', header: 'People in service (mean)', numFmt: '#,##0' },
  { key: 'occupancyLow', header: 'People in service (5th percentile)', numFmt: '#,##0' },
  { key: 'occupancyHigh', header: 'People in service (95th percentile)', numFmt: '#,##0' },
  { key: 'visits', header: 'Visits made (mean)', numFmt: '#,##0' },
  { key: 'visitsLow', header: 'Visits made (5th percentile)', numFmt: '#,##0' },
  { key: 'visitsHigh', header: 'Visits made (95th percentile)', numFmt: '#,##0' },
  { key: 'waiting', header: 'People waiting (mean)', numFmt: '#,##0' },
  { key: 'waitingLow', header: 'People waiting (5th percentile)', numFmt: '#,##0' },
  { key: 'waitingHigh', header: 'People waiting (95th percentile)', numFmt: '#,##0' },
  { key: 'admissions', header: 'People starting (mean)', numFmt: '#,##0' },
  { key: 'admissionsLow', header: 'People starting (5th percentile)', numFmt: '#,##0' },
  { key: 'admissionsHigh', header: 'People starting (95th percentile)', numFmt: '#,##0' },
  { key: 'waitOfStarters', header: 'Days waited by people starting (mean)', numFmt: '0.0' },
  { key: 'waitOfStartersLow', header: 'Days waited by people starting (5th percentile)', numFmt: '0.0' },
  { key: 'waitOfStartersHigh', header: 'Days waited by people starting (95th percentile)', numFmt: '0.0' },
  { key: 'cost', header: 'Cost, £ (mean)', value: (r) => r.costPence / 100, numFmt: '£#,##0' },
  { key: 'costLow', header: 'Cost, £ (5th percentile)', value: (r) => r.costLowPence / 100, numFmt: '£#,##0' },
  { key: 'costHigh', header: 'Cost, £ (95th percentile)', value: (r) => r.costHighPence / 100, numFmt: '£#,##0' },
];

/**
 * The results download's columns, in the table's units: waits to two decimal places, shares as percentages,
 * people, visits and places whole as the table shows them, money in whole pounds. Visits apply to visit-based
 * services only: the cell is blank for a bed or slot service, not 0.
 */
export function resultsDownloadColumns(withinDays: number): DownloadColumn<ServiceRow>[] {
  return [
    { key: 'service', header: 'Service' },
    { key: 'waitMean', header: 'Mean wait (days)', numFmt: '0.00' },
    { key: 'waitLow', header: 'Mean wait, 95% CI low', numFmt: '0.00' },
    { key: 'waitHigh', header: 'Mean wait, 95% CI high', numFmt: '0.00' },
    { key: 'waitMedian', header: 'Median wait (days)', numFmt: '0.00' },
    { key: 'waitP90', header: '90th percentile wait (days)', numFmt: '0.00' },
    { key: 'waitP95', header: '95th percentile wait (days)', numFmt: '0.00' },
    {
      key: 'withinTarget',
      header: `Share getting a place within ${withinDays} days of being ready`,
      numFmt: '0.0%',
    },
    { key: 'over7', header: 'Share waiting over 7 days', numFmt: '0.0%' },
    { key: 'occupancy', header: 'Mean people in service', numFmt: '#,##0' },
    {
      key: 'visits',
      header: 'Mean visits a day',
      value: (r) => (r.unit === 'visit' ? r.visits : null),
      numFmt: '#,##0',
    },
    { key: 'capacity', header: 'Mean capacity (places, or visits a day)', numFmt: '#,##0' },
    { key: 'meanWaiting', header: 'Mean number waiting', numFmt: '#,##0' },
    { key: 'delayedBedDays', header: 'Delayed acute bed-days', numFmt: '#,##0' },
    { key: 'delayCost', header: 'Cost of delays (£)', value: (r) => r.delayCostPence / 100, numFmt: '£#,##0' },
    {
      key: 'serviceCost',
      header: 'Cost of places and visits (£)',
      value: (r) => r.serviceCostPence / 100,
      numFmt: '£#,##0',
    },
  ];
}

/** Every daily series of every service, one row per service and date. */
export function dailyRows(result: SimulationResult): DailyRow[] {
  const sharedPathway = (n: number) => result.services.filter((x) => x.pathway === n).length > 1;
  return result.services.flatMap((s) => {
    const d = s.daily;
    return result.dates.map((date, i) => ({
      service: s.name,
      pathway: sharedPathway(s.pathway) ? s.id : `Pathway ${s.pathway}`,
      date,
      capacity: d.capacity.mean[i],
      occupancy: d.occupancy.mean[i],
      occupancyLow: d.occupancy.p5[i],
      occupancyHigh: d.occupancy.p95[i],
      visits: d.visits ? d.visits.mean[i] : null,
      visitsLow: d.visits ? d.visits.p5[i] : null,
      visitsHigh: d.visits ? d.visits.p95[i] : null,
      waiting: d.queue.mean[i],
      waitingLow: d.queue.p5[i],
      waitingHigh: d.queue.p95[i],
      admissions: d.admissions.mean[i],
      admissionsLow: d.admissions.p5[i],
      admissionsHigh: d.admissions.p95[i],
      waitOfStarters: d.waitOfStarters.mean[i],
      waitOfStartersLow: d.waitOfStarters.p5[i],
      waitOfStartersHigh: d.waitOfStarters.p95[i],
      costPence: d.costPence.mean[i],
      costLowPence: d.costPence.p5[i],
      costHighPence: d.costPence.p95[i],
    }));
  });
}

export interface PositionRow {
  id: string;
  service: string;
  inService: number;
  waiting: number;
  longestWait: number | null;
  longestStay: number | null;
}

/** Today's position per service of the scenario (services not on the board show none). */
export function positionRows(position: HubPosition, scenario: Scenario): PositionRow[] {
  return scenario.services.map((s) => {
    const here = position.services.find((p) => p.serviceId === s.id);
    return {
      id: s.id,
      service: s.name,
      inService: here?.inService.length ?? 0,
      waiting: here?.waiting.length ?? 0,
      longestWait: here?.waiting.length ? Math.max(...here.waiting) : null,
      longestStay: here?.inService.length ? Math.max(...here.inService) : null,
    };
  });
}

export interface HistoryCheckRow {
  service: string;
  observedMean: number | null;
  simulatedMean: number;
  observedMedian: number | null;
  simulatedMedian: number;
  observedP90: number | null;
  simulatedP90: number;
  people: number;
}

/**
 * Today's waits from the hub's records beside the baseline's simulated waits (to check the model reproduces them):
 * both from being medically optimised to starting, handover included, as the records measure them. No "within N
 * days" here: the records cannot tell handover from waiting for a place, and the target counts after handover.
 */
export function historyCheck(fit: HistoryFit, result: SimulationResult): HistoryCheckRow[] {
  return fit.pathways.map((p) => {
    const s = result.services.find((x) => x.id === p.serviceId);
    const m = s?.metrics;
    return {
      service: s?.name ?? `Pathway ${p.pathway}`,
      observedMean: p.waits.n ? p.waits.mean : null,
      simulatedMean: m?.waitMean.mean ?? 0,
      observedMedian: p.waits.n ? p.waits.median : null,
      simulatedMedian: m?.waitMedian.mean ?? 0,
      observedP90: p.waits.n ? p.waits.p90 : null,
      simulatedP90: m?.waitP90.mean ?? 0,
      people: p.waits.n,
    };
  });
}

export interface CurveRow {
  service: string;
  capacity: number;
  recommended: boolean;
  withinTarget: number;
  waitMean: number;
  waitP95: number;
  delayedBedDays: number;
  serviceCostPence: number;
  delayCostPence: number;
  totalCostPence: number;
}

/** The capacity trade-off curves, one row per service and capacity tried. */
export function curveRows(recommendations: CapacityRecommendation[]): CurveRow[] {
  return recommendations.flatMap((r) =>
    r.curve.map((p) => ({
      service: r.serviceName,
      capacity: p.capacity,
      recommended: p.capacity === r.recommended,
      withinTarget: p.shareWithinTarget.mean,
      waitMean: p.waitMean.mean,
      waitP95: p.waitP95.mean,
      delayedBedDays: p.delayedBedDays.mean,
      serviceCostPence: p.serviceCostPence.mean,
      delayCostPence: p.delayCostPence.mean,
      totalCostPence: p.totalCostPence.mean,
    })),
  );
}

/**
 * The trade-off curve's download columns: "Yes"/"No" for the recommended capacity, shares as percentages, money in
 * whole pounds, waits to two decimal places.
 */
export function curveDownloadColumns(withinDays: number | undefined): DownloadColumn<CurveRow>[] {
  return [
    { key: 'service', header: 'Service' },
    { key: 'capacity', header: 'Places', numFmt: '#,##0' },
    { key: 'recommended', header: 'Recommended' },
    {
      key: 'withinTarget',
      header: `Share getting a place within ${withinDays ?? ''} days of being ready`,
      numFmt: '0.0%',
    },
    { key: 'waitMean', header: 'Mean wait (days)', numFmt: '0.00' },
    { key: 'waitP95', header: '95th percentile wait (days)', numFmt: '0.00' },
    { key: 'delayedBedDays', header: 'Delayed acute bed-days', numFmt: '#,##0' },
    { key: 'serviceCost', header: 'Cost of places (£)', value: (r) => r.serviceCostPence / 100, numFmt: '£#,##0' },
    { key: 'delayCost', header: 'Cost of delays (£)', value: (r) => r.delayCostPence / 100, numFmt: '£#,##0' },
    { key: 'totalCost', header: 'Total cost (£)', value: (r) => r.totalCostPence / 100, numFmt: '£#,##0' },
  ];
}

/** A comparison row's unit in words, as its figures are written in the download (pence as pounds, shares as %). */
const COMPARISON_UNITS: Readonly<Record<string, string>> = {
  share: '%',
  pence: '£',
  days: 'Days',
  people: 'People',
  visits: 'Visits a day',
  'bed-days': 'Bed-days',
  'places or visits a day': 'Places, or visits a day',
};

/**
 * One scenario's figure for a comparison row as the table shows it: a share as a percentage (0 to 100, one
 * decimal place), pence as whole pounds, days to one decimal place, counts whole; null when the scenario has no
 * such service.
 */
export function comparisonFigure(row: ComparisonRow, scenario: number): number | null {
  const v = row.values[scenario]?.mean;
  if (v === undefined || v === null || !Number.isFinite(v)) return null;
  if (row.unit === 'share') return Math.round(v * 1000) / 10;
  if (row.unit === 'pence') return Math.round(v / 100);
  if (row.unit === 'days') return Math.round(v * 10) / 10;
  return Math.round(v);
}

/** The scenarios-compared download's columns: service, measure, its unit in words, then one column per scenario. */
export function comparisonDownloadColumns(scenarios: readonly string[]): DownloadColumn<ComparisonRow>[] {
  return [
    { key: 'service', header: 'Service', value: (r) => r.serviceName },
    { key: 'measure', header: 'Measure', value: (r) => r.label },
    { key: 'unit', header: 'Unit', value: (r) => COMPARISON_UNITS[r.unit] ?? r.unit },
    ...scenarios.map((name, i) => ({
      key: `s${i}`,
      header: name,
      value: (r: ComparisonRow) => comparisonFigure(r, i),
    })),
  ];
}
