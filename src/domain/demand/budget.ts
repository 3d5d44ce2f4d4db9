import { formatPence, formatPercent } from '../core/format.js';
import { type Service, SERVICE_LABELS } from './rates.js';

/** Weeks in a year for turning weekly prices into annual commitment (365 / 7). */
export const WEEKS_PER_YEAR = 365 / 7;

/**
 * A policy lever: divert a share of new admissions from one service (e.g. care homes) to another
 * (homecare, reablement) from a start year. Residents turn over every `meanStayYears` on average,
 * so the diverted share of the caseload builds up linearly and is complete after one mean stay.
 */
export interface PolicyLever {
  from: Service;
  to: Service;
  /** Share of new admissions diverted, 0…1. */
  share: number;
  startYear: number;
  meanStayYears: number;
  /** Clients of the target service per diverted client (1 = one for one). */
  ratio: number;
}

export interface ServiceSeries {
  service: Service;
  clients: number[];
}

/** The diverted share of the caseload in a year. */
export function divertedShare(lever: PolicyLever, year: number): number {
  if (year <= lever.startYear) return 0;
  return lever.share * Math.min(1, (year - lever.startYear) / lever.meanStayYears);
}

/** Applies a lever to client series (pure: returns new series, adding the target if absent). */
export function applyPolicyLever(
  years: readonly number[],
  series: readonly ServiceSeries[],
  lever: PolicyLever | null,
): ServiceSeries[] {
  const out = series.map((s) => ({ service: s.service, clients: [...s.clients] }));
  if (!lever || lever.share <= 0) return out;
  const from = out.find((s) => s.service === lever.from);
  if (!from) return out;
  let to = out.find((s) => s.service === lever.to);
  if (!to) {
    to = { service: lever.to, clients: years.map(() => 0) };
    out.push(to);
  }
  years.forEach((year, i) => {
    const moved = from.clients[i] * divertedShare(lever, year);
    from.clients[i] -= moved;
    to.clients[i] += moved * lever.ratio;
  });
  return out;
}

export interface BudgetInput {
  years: readonly number[];
  baseYear: number;
  series: readonly ServiceSeries[];
  /** Today's mean weekly cost per client by service, in pence. */
  weeklyCostPence: Partial<Record<Service, number>>;
  /** Annual price uplift (0 = the Thurrock method: no inflation). */
  upliftRate: number;
}

/** Money in pence, unrounded (fractional projected clients make fractional pence; the API view rounds). */
export interface BudgetServiceRow {
  service: Service;
  clients: number;
  /** Mean weekly cost per client, uplifted to the year, in pence. */
  weeklyCostPence: number;
  /** clients × weekly cost × 365/7, in pence a year. */
  annualCostPence: number;
}

export interface BudgetRow {
  year: number;
  services: BudgetServiceRow[];
  /** The year's cost of every costed service, in pence. */
  totalPence: number;
  /** total − base-year total, in pence */
  pressurePence: number;
  /** pressure ÷ base-year total */
  pressureShare: number;
}

export interface BudgetResult {
  rows: BudgetRow[];
  /** The base year's cost, in pence. */
  baseTotalPence: number;
  note: string;
}

/**
 * Budget pressure, the Thurrock way: projected clients × today's mean cost per client (weekly × 365/7),
 * against the base year's commitment; models of care unchanged. An optional uplift compounds yearly
 * from the base year.
 */
export function budgetPressure(input: BudgetInput): BudgetResult {
  const bi = input.years.indexOf(input.baseYear);
  if (bi < 0) throw new Error(`the base year ${input.baseYear} is not among the projected years`);
  const raw = input.years.map((year, i) => {
    const uplift = (1 + input.upliftRate) ** (year - input.baseYear);
    const services = input.series
      .filter((s) => input.weeklyCostPence[s.service] !== undefined)
      .map((s) => {
        const weekly = input.weeklyCostPence[s.service]! * uplift;
        return {
          service: s.service,
          clients: s.clients[i],
          weeklyCostPence: weekly,
          annualCostPence: s.clients[i] * weekly * WEEKS_PER_YEAR,
        };
      });
    return { year, services, totalPence: services.reduce((sum, s) => sum + s.annualCostPence, 0) };
  });
  const baseTotalPence = raw[bi].totalPence;
  const rows = raw.map((r) => ({
    ...r,
    pressurePence: r.totalPence - baseTotalPence,
    pressureShare: baseTotalPence > 0 ? (r.totalPence - baseTotalPence) / baseTotalPence : 0,
  }));
  const costed = input.series
    .filter((s) => input.weeklyCostPence[s.service] !== undefined)
    .map((s) => `${SERVICE_LABELS[s.service]} ${formatPence(Math.round(input.weeklyCostPence[s.service]!))}`);
  const note =
    `Projected clients × today's mean weekly cost per client × 365/7 weeks (${costed.join('; ')}), against the ${input.baseYear} commitment; models of care unchanged` +
    (input.upliftRate > 0 ? `; prices uplifted ${formatPercent(input.upliftRate * 100)} a year.` : '; no inflation.');
  return { rows, baseTotalPence, note };
}
