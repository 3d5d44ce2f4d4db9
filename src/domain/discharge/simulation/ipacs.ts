/**
 * IPACS workbooks in, IPACS-style daily outputs out. IPACS (Improving Patient flow between Acute, Community and
 * Social care; NHS Bristol, North Somerset and South Gloucestershire; AliHarp/IPACS_MODEL, MIT licence) reads an
 * input workbook with sheets `arrivals`, `initial conditions`, `capacity`, `los` and `costs`, and runs every
 * combination of a node's capacity, length-of-stay and arrival scenarios. This module turns the rows of those
 * sheets (read by the CLI) into Steward scenarios, one per combination, named as IPACS names its output columns
 * (`P2_B_BCap_Blos_S1Arr`), and writes the daily results in the layout of IPACS's bed and visit output files.
 * How the results differ from the published IPACS outputs, and why, is in README.md ("IPACS workbooks").
 */
import { InputError, type FieldError } from '../../core/errors.js';
import { addDays, isIsoDate } from '../../core/dates.js';
import type { SimulationResult } from './results.js';
import { scenarioSchema, type Scenario } from './scenario.js';
import { userMessage } from '../../core/messages.js';

/** One row of a sheet, with its row number in the workbook (1 = the header). */
export interface SheetRow {
  row: number;
  values: Record<string, unknown>;
}

/** The five input sheets of an IPACS workbook, as rows keyed by their header. */
export interface IpacsWorkbook {
  arrivals: SheetRow[];
  initialConditions: SheetRow[];
  capacity: SheetRow[];
  los: SheetRow[];
  costs: SheetRow[];
}

/** The sheets and the columns each must have (IPACS's functions/set_up.R reads these). */
export const IPACS_SHEETS = {
  arrivals: { sheet: 'arrivals', columns: ['node', 'arrivals', 'scenario', 'date'] },
  initialConditions: { sheet: 'initial conditions', columns: ['node', 'measure', 'value'] },
  capacity: { sheet: 'capacity', columns: ['node', 'scenario', 'capacity'] },
  los: { sheet: 'los', columns: ['node', 'median', 'IVR', 'FVR', 'scenario', 'mean_los', 'los_dist', 'los_params'] },
  costs: { sheet: 'costs', columns: ['node', 'community_cost', 'acute_dtoc'] },
} as const satisfies Record<keyof IpacsWorkbook, { sheet: string; columns: readonly string[] }>;

/** One IPACS scenario as a Steward scenario. */
export interface IpacsScenario {
  /** IPACS's name for it: node, capacity, length-of-stay and arrival scenario, e.g. `P2_B_BCap_Blos_S1Arr`. */
  name: string;
  node: string;
  /** 'visit' for pathway 1 (IPACS's visit-based model), 'bed' for pathways 2 and 3. */
  model: 'visit' | 'bed';
  scenario: Scenario;
}

export interface IpacsOptions {
  replications: number;
  seed: number;
}

class Problems {
  list: FieldError[] = [];
  add(sheet: string, row: number, column: string, message: string): void {
    this.list.push({ field: `${sheet} row ${row}, ${column}`, message, in: 'workbook' });
  }
  throwIfAny(): void {
    if (this.list.length)
      throw new InputError(
        this.list,
        `The IPACS workbook has ${this.list.length} problem${this.list.length === 1 ? '' : 's'}: ${this.list
          .slice(0, 5)
          .map((e) => `${e.field}: ${e.message}`)
          .join('; ')}${this.list.length > 5 ? '; …' : ''}`,
      );
  }
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function num(problems: Problems, sheet: string, r: SheetRow, column: string, opts: { min?: number } = {}): number {
  const raw = r.values[column];
  const value = typeof raw === 'number' ? raw : Number(text(raw));
  if (text(raw) === '' || !Number.isFinite(value)) {
    problems.add(sheet, r.row, column, `"${text(raw)}" is not a number`);
    return NaN;
  }
  if (opts.min !== undefined && value < opts.min) problems.add(sheet, r.row, column, `must be ${opts.min} or more`);
  return value;
}

/** A date cell: an Excel date (read as a JavaScript Date at UTC midnight) or text `YYYY-MM-DD`. */
function date(problems: Problems, sheet: string, r: SheetRow, column: string): string {
  const raw = r.values[column];
  const iso = raw instanceof Date ? raw.toISOString().slice(0, 10) : text(raw).slice(0, 10);
  if (!isIsoDate(iso)) problems.add(sheet, r.row, column, `"${text(raw)}" is not a date`);
  return iso;
}

const NODE = /^P([123])_[A-Za-z0-9]+$/;

/**
 * Every scenario an IPACS workbook defines: for each node (e.g. `P2_B`, pathway 2 in Bristol), every capacity
 * scenario × length-of-stay scenario × arrival scenario, as IPACS's set_up.R combines them. Each starts on the
 * first arrival date from the node's initial conditions (`occ` people in service, days so far unknown; `dtoc`
 * people waiting, waits so far unknown) and runs for as many days as the arrivals sheet has dates.
 * - Beds (pathways 2 and 3): capacity in beds; lognormal stays with IPACS's μ and σ (`los_params`); costs per
 *   occupied bed-day (`community_cost`) and per person waiting a day (`acute_dtoc`).
 * - Visits (pathway 1): capacity in visits a day = places × the mean of the initial and final visit rates over
 *   the workbook's pathway 1 rows (as IPACS's visit_model.R sets `n_slots`); visits fall from `IVR` to `FVR`
 *   over a stay; cost per visit made (`community_cost`).
 * @throws InputError naming each sheet, row and column at fault
 */
export function ipacsScenarios(workbook: IpacsWorkbook, options: IpacsOptions): IpacsScenario[] {
  const problems = new Problems();
  const S = IPACS_SHEETS;

  // Arrivals: per node and arrival scenario, a rate for each date.
  const arrivals = new Map<string, Map<string, Map<string, number>>>();
  const dates = new Set<string>();
  for (const r of workbook.arrivals) {
    const node = text(r.values.node);
    if (!NODE.test(node)) problems.add(S.arrivals.sheet, r.row, 'node', `"${node}" is not a node such as P2_B`);
    const scenario = text(r.values.scenario);
    if (!scenario) problems.add(S.arrivals.sheet, r.row, 'scenario', 'is empty');
    const rate = num(problems, S.arrivals.sheet, r, 'arrivals', { min: 0 });
    const day = date(problems, S.arrivals.sheet, r, 'date');
    dates.add(day);
    const byScenario = arrivals.get(node) ?? new Map<string, Map<string, number>>();
    const series = byScenario.get(scenario) ?? new Map<string, number>();
    if (series.has(day))
      problems.add(S.arrivals.sheet, r.row, 'date', `${node} ${scenario} already has a rate for ${day}`);
    series.set(day, rate);
    byScenario.set(scenario, series);
    arrivals.set(node, byScenario);
  }
  const sortedDates = [...dates].filter(isIsoDate).sort();
  if (sortedDates.length === 0) problems.add(S.arrivals.sheet, 1, 'date', 'the sheet has no arrival rates');

  const initial = new Map<string, { occ?: number; dtoc?: number }>();
  for (const r of workbook.initialConditions) {
    const node = text(r.values.node);
    const measure = text(r.values.measure);
    const value = num(problems, S.initialConditions.sheet, r, 'value', { min: 0 });
    if (measure !== 'occ' && measure !== 'dtoc')
      problems.add(S.initialConditions.sheet, r.row, 'measure', `"${measure}" is not occ or dtoc`);
    else if (!Number.isInteger(value))
      problems.add(S.initialConditions.sheet, r.row, 'value', 'must be a whole number of people');
    else initial.set(node, { ...initial.get(node), [measure]: value });
  }

  const capacity = new Map<string, { scenario: string; capacity: number }[]>();
  for (const r of workbook.capacity) {
    const node = text(r.values.node);
    const value = num(problems, S.capacity.sheet, r, 'capacity', { min: 0 });
    if (Number.isFinite(value) && !Number.isInteger(value))
      problems.add(S.capacity.sheet, r.row, 'capacity', 'must be a whole number');
    capacity.set(node, [...(capacity.get(node) ?? []), { scenario: text(r.values.scenario), capacity: value }]);
  }

  interface Los {
    scenario: string;
    mu: number;
    sigma: number;
    ivr: number;
    fvr: number;
    row: number;
  }
  const los = new Map<string, Los[]>();
  const visitRates: number[] = [];
  for (const r of workbook.los) {
    const node = text(r.values.node);
    const dist = text(r.values.los_dist);
    if (dist !== 'lnorm')
      problems.add(
        S.los.sheet,
        r.row,
        'los_dist',
        `"${dist}": only lognormal stays (lnorm) are read from IPACS workbooks`,
      );
    const params = text(r.values.los_params).split(',').map(Number);
    if (params.length !== 2 || !params.every(Number.isFinite) || !(params[1] > 0))
      problems.add(S.los.sheet, r.row, 'los_params', `"${text(r.values.los_params)}" is not "μ , σ" with σ above 0`);
    let ivr = NaN;
    let fvr = NaN;
    if (node.startsWith('P1')) {
      ivr = num(problems, S.los.sheet, r, 'IVR', { min: 0 });
      fvr = num(problems, S.los.sheet, r, 'FVR', { min: 0 });
      if (ivr === 0) problems.add(S.los.sheet, r.row, 'IVR', 'must be more than 0 visits a day');
      if (fvr === 0) problems.add(S.los.sheet, r.row, 'FVR', 'must be more than 0 visits a day');
      visitRates.push(ivr, fvr);
    }
    los.set(node, [
      ...(los.get(node) ?? []),
      { scenario: text(r.values.scenario), mu: params[0], sigma: params[1], ivr, fvr, row: r.row },
    ]);
  }

  const costs = new Map<string, { community: number; acute: number }>();
  for (const r of workbook.costs) {
    costs.set(text(r.values.node), {
      community: num(problems, S.costs.sheet, r, 'community_cost', { min: 0 }),
      acute: num(problems, S.costs.sheet, r, 'acute_dtoc', { min: 0 }),
    });
  }
  problems.throwIfAny();

  const start = sortedDates[0];
  const days = sortedDates.length;
  for (let k = 0; k < days; k++)
    if (sortedDates[k] !== addDays(start, k))
      problems.add(
        S.arrivals.sheet,
        1,
        'date',
        `dates must run day by day from ${start}: ${addDays(start, k)} is missing`,
      );
  // IPACS: n_slots <- cap_visit * mean(c(isr, end_sr)), over every visit scenario.
  const meanVisitRate = visitRates.length ? visitRates.reduce((a, b) => a + b, 0) / visitRates.length : 0;

  const out: IpacsScenario[] = [];
  for (const [node, byScenario] of arrivals) {
    const pathway = Number(node[1]);
    const model = pathway === 1 ? ('visit' as const) : ('bed' as const);
    const start0 = initial.get(node);
    const cost = costs.get(node);
    if (!start0 || start0.occ === undefined || start0.dtoc === undefined)
      problems.add(S.initialConditions.sheet, 1, 'node', `${node} needs an occ and a dtoc row`);
    if (!cost) problems.add(S.costs.sheet, 1, 'node', `${node} has no costs row`);
    const caps = capacity.get(node) ?? [];
    const stays = los.get(node) ?? [];
    if (!caps.length) problems.add(S.capacity.sheet, 1, 'node', `${node} has no capacity rows`);
    if (!stays.length) problems.add(S.los.sheet, 1, 'node', `${node} has no los rows`);
    if (!start0 || start0.occ === undefined || start0.dtoc === undefined || !cost) continue;
    for (const cap of caps) {
      for (const stay of stays) {
        for (const [arrivalScenario, series] of byScenario) {
          const perDay = sortedDates.map((d) => series.get(d) ?? NaN);
          const missing = perDay.findIndex((x) => Number.isNaN(x));
          if (missing >= 0) {
            problems.add(
              S.arrivals.sheet,
              1,
              'date',
              `${node} ${arrivalScenario} has no rate for ${sortedDates[missing]}`,
            );
            continue;
          }
          const name = `${node}_${cap.scenario}_${stay.scenario}_${arrivalScenario}`;
          const mean = Math.exp(stay.mu + (stay.sigma * stay.sigma) / 2);
          const sd = mean * Math.sqrt(Math.exp(stay.sigma * stay.sigma) - 1);
          const common = {
            id: node.toLowerCase().replace(/_/g, '-'),
            name,
            pathway,
            arrivals: { kind: 'series' as const, start, perDay },
            lengthOfStay: { kind: 'lognormal' as const, mean, sd },
            costBasis: 'occupied' as const,
            initialState: {
              inService: [],
              inServiceDaysUnknown: start0.occ,
              waiting: [],
              waitingDaysUnknown: start0.dtoc,
              source: `IPACS initial conditions for ${node}: occ ${start0.occ}, dtoc ${start0.dtoc}`,
            },
          };
          const service =
            model === 'visit'
              ? {
                  ...common,
                  unit: 'visit' as const,
                  capacity: Math.round(cap.capacity * meanVisitRate),
                  visits: { firstDay: stay.ivr, lastDay: stay.fvr },
                  costPerVisitPence: Math.round(cost.community * 100),
                }
              : {
                  ...common,
                  unit: 'bed' as const,
                  capacity: cap.capacity,
                  costPerPlaceDayPence: Math.round(cost.community * 100),
                };
          const parsed = scenarioSchema.safeParse({
            name,
            startDate: start,
            days,
            warmupDays: 'auto',
            replications: options.replications,
            seed: options.seed,
            costPerAcuteBedDayPence: Math.round(cost.acute * 100),
            services: [service],
          });
          if (!parsed.success) {
            for (const issue of parsed.error.issues)
              problems.add(S.los.sheet, stay.row, issue.path.join('.') || 'row', userMessage(issue));
            continue;
          }
          out.push({ name, node, model, scenario: parsed.data });
        }
      }
    }
  }
  problems.throwIfAny();
  return out;
}

/** Metrics in IPACS's output files, in the order each file lists them (bed: occ, niq, wait, cost; visit: niq, occ, wait, cost). */
export const IPACS_OUTPUT_METRICS = {
  bed: ['occ', 'niq', 'wait', 'cost'],
  visit: ['niq', 'occ', 'wait', 'cost'],
} as const;

/**
 * Daily outputs in IPACS's layout: a `date` column, then for each metric every scenario's column
 * `<name>__<metric>` (occupancy, number in queue, mean wait of the people starting that day, cost in pounds as
 * IPACS writes it), each the mean over replications.
 * @returns rows for a CSV, header first; one file's worth (all bed or all visit scenarios)
 */
export function ipacsOutputRows(
  model: 'visit' | 'bed',
  runs: readonly { name: string; result: SimulationResult }[],
): (string | number)[][] {
  if (runs.length === 0) return [['date']];
  const metrics = IPACS_OUTPUT_METRICS[model];
  const header = ['date', ...metrics.flatMap((m) => runs.map((r) => `${r.name}__${m}`))];
  const dates = runs[0].result.dates;
  const rows: (string | number)[][] = [header];
  dates.forEach((day, d) => {
    const row: (string | number)[] = [day];
    for (const metric of metrics) {
      for (const { result } of runs) {
        const daily = result.services[0].daily;
        const value =
          metric === 'occ'
            ? daily.occupancy.mean[d]
            : metric === 'niq'
              ? daily.queue.mean[d]
              : metric === 'wait'
                ? daily.waitOfStarters.mean[d]
                : daily.costPence.mean[d] / 100;
        row.push(Math.round(value * 100) / 100);
      }
    }
    rows.push(row);
  });
  return rows;
}
