// Intermediate care demand and capacity: the BCF's monthly table, by place and service, of expected demand
// (people referred) against planned capacity (people the commissioned service can take), with the shortfall.
// Prefilled from the discharge hub's history (the same calendar month a year earlier, grown by a trend) and
// from a capacity planner scenario (places × days in the month ÷ mean length of stay); every cell is editable.
import { InputError, type FieldError } from '../core/errors.js';

export const DC_SERVICES = ['welfare', 'pathway_0', 'reablement', 'rehabilitation', 'short_term_residential'] as const;
export type DcService = (typeof DC_SERVICES)[number];

export const DC_SERVICE_LABELS: Record<DcService, string> = {
  welfare: 'Home Settle and Support style welfare service (pathway 0, VCS)',
  pathway_0: 'Other social support for simple discharges (pathway 0)',
  reablement: 'Reablement at home (pathway 1)',
  rehabilitation: 'Rehabilitation in a bedded setting (pathway 2)',
  short_term_residential: 'Short-term residential or nursing care (pathway 3)',
};

/** One cell pair of the table: a place's service in one month ('YYYY-MM'). Null: not yet given. */
export interface DcRow {
  placeId: string;
  service: DcService;
  month: string;
  demand: number | null;
  capacity: number | null;
  /** Where each figure came from: 'hub history', 'scenario <name>', 'entered', 'imported'. */
  demandSource: string;
  capacitySource: string;
}

/** demand − capacity when both are known and demand is higher; 0 when capacity covers demand; null otherwise. */
export function shortfall(row: Pick<DcRow, 'demand' | 'capacity'>): number | null {
  if (row.demand === null || row.capacity === null) return null;
  return Math.max(0, row.demand - row.capacity);
}

/** The hub service of an episode (src/db/discharge/history.ts `HistoryService`) as a D&C service. */
export function dcServiceOfHistory(service: string, pathway: number): DcService | null {
  if (pathway === 0 || service === 'none') return 'pathway_0';
  if (service === 'p1_home') return 'reablement';
  if (service === 'p2_bed') return 'rehabilitation';
  if (service === 'p3_d2a_bed' || service === 'p3_care_home') return 'short_term_residential';
  return null;
}

/** A capacity planner scenario's service, reduced to what the table needs. */
export interface ScenarioCapacity {
  pathway: number;
  /** bed | slot | visit. */
  unit: string;
  /** Places (beds, slots), or visits a day for a visit service. */
  capacity: number;
  /** Mean length of stay in days. */
  meanStayDays: number;
  /** Mean visits a person needs a day (visit services only). */
  visitsPerPersonDay?: number;
}

/** Scenario pathway → D&C service: P1 reablement, P2 rehabilitation, P3 short-term residential. */
export function dcServiceOfPathway(pathway: number): DcService | null {
  return pathway === 1
    ? 'reablement'
    : pathway === 2
      ? 'rehabilitation'
      : pathway === 3
        ? 'short_term_residential'
        : null;
}

function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * People a service can take in a month: places × days ÷ mean stay (Little's law), or for visits:
 * visits a day ÷ visits per person a day × days ÷ mean stay. Rounded down to whole people.
 */
export function monthlyCapacity(s: ScenarioCapacity, month: string): number {
  if (!(s.meanStayDays > 0)) return 0;
  const places = s.unit === 'visit' ? s.capacity / Math.max(1, s.visitsPerPersonDay ?? 1) : s.capacity;
  return Math.floor((places * daysInMonth(month)) / s.meanStayDays);
}

export interface PrefillInput {
  /** The plan year's months ('YYYY-MM'), April first. */
  months: readonly string[];
  places: readonly { id: string; share: number }[];
  /** Hub referrals by D&C service and month ('YYYY-MM'); the same calendar month of the latest earlier year is used. */
  history: readonly { service: DcService; month: string; referrals: number }[];
  /** Growth of demand a year (0.03 = 3%). */
  growth: number;
  /** The scenario's services and its name, or null for no capacity prefill. */
  scenario: { name: string; services: readonly ScenarioCapacity[] } | null;
}

function monthYearsBefore(month: string, years: number): string {
  const [y, m] = month.split('-');
  return `${Number(y) - years}-${m}`;
}

/**
 * Prefilled rows for every place, service the hub or the scenario knows, and month: demand = the hub's referrals
 * in the same calendar month of the latest year recorded (one, else two, else three years before) × (1 + growth)
 * for each year between × the place's share, rounded; capacity = the scenario's monthly
 * capacity for the service's pathway × the place's share, rounded down. Services the hub does not record (the
 * welfare service) are left for the user. @throws InputError when shares do not add up to 1.
 */
export function prefillDemandCapacity(input: PrefillInput): DcRow[] {
  const total = input.places.reduce((s, p) => s + p.share, 0);
  const errors: FieldError[] = [];
  if (Math.abs(total - 1) > 1e-6) errors.push({ field: 'places', message: `Place shares add up to ${total}, not 1` });
  if (!(input.growth > -1 && input.growth < 10))
    errors.push({ field: 'growth', message: 'Growth must be between -100% and 1000%' });
  if (errors.length) throw new InputError(errors);
  const hub = new Map<string, number>();
  for (const h of input.history)
    hub.set(`${h.service}|${h.month}`, (hub.get(`${h.service}|${h.month}`) ?? 0) + h.referrals);
  const capacityBy = new Map<DcService, ScenarioCapacity[]>();
  for (const s of input.scenario?.services ?? []) {
    const svc = dcServiceOfPathway(s.pathway);
    if (svc) capacityBy.set(svc, [...(capacityBy.get(svc) ?? []), s]);
  }
  const rows: DcRow[] = [];
  for (const place of input.places) {
    for (const service of DC_SERVICES) {
      if (service === 'welfare') continue;
      for (const month of input.months) {
        const back = [1, 2, 3].find((k) => hub.has(`${service}|${monthYearsBefore(month, k)}`));
        const before = back === undefined ? undefined : hub.get(`${service}|${monthYearsBefore(month, back)}`)!;
        const caps = capacityBy.get(service);
        if (before === undefined && !caps) continue;
        rows.push({
          placeId: place.id,
          service,
          month,
          demand: before === undefined ? null : Math.round(before * (1 + input.growth) ** back! * place.share),
          capacity: caps ? Math.floor(caps.reduce((s, c) => s + monthlyCapacity(c, month), 0) * place.share) : null,
          demandSource: before === undefined ? '' : 'hub history',
          capacitySource: caps ? `scenario ${input.scenario!.name}` : '',
        });
      }
    }
  }
  return rows;
}

/** Totals over a year by place and service: demand, capacity, shortfall (sum of monthly shortfalls). */
export function dcSummary(rows: readonly DcRow[]): {
  placeId: string;
  service: DcService;
  demand: number;
  /** null when no month of the year has planned capacity (then no shortfall either). */
  capacity: number | null;
  shortfall: number | null;
  monthsShort: number;
}[] {
  const by = new Map<
    string,
    {
      placeId: string;
      service: DcService;
      demand: number;
      capacity: number | null;
      shortfall: number | null;
      monthsShort: number;
    }
  >();
  for (const r of rows) {
    const k = `${r.placeId}|${r.service}`;
    const s = by.get(k) ?? {
      placeId: r.placeId,
      service: r.service,
      demand: 0,
      capacity: null,
      shortfall: null,
      monthsShort: 0,
    };
    s.demand += r.demand ?? 0;
    if (r.capacity !== null) s.capacity = (s.capacity ?? 0) + r.capacity;
    const gap = shortfall(r);
    if (gap !== null) s.shortfall = (s.shortfall ?? 0) + gap;
    if (gap !== null && gap > 0) s.monthsShort++;
    by.set(k, s);
  }
  return [...by.values()];
}

/** Check edited cells: whole numbers of people, 0 or more, months written YYYY-MM. @throws InputError */
export function validateDcCells(
  cells: readonly { service: string; month: string; demand: number | null; capacity: number | null }[],
): void {
  const errors: FieldError[] = [];
  cells.forEach((c, i) => {
    if (!(DC_SERVICES as readonly string[]).includes(c.service))
      errors.push({ field: `cells.${i}.service`, message: `${c.service} is not a demand and capacity service` });
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(c.month))
      errors.push({ field: `cells.${i}.month`, message: 'Write the month as YYYY-MM' });
    for (const k of ['demand', 'capacity'] as const) {
      const v = c[k];
      if (v !== null && !(Number.isInteger(v) && v >= 0))
        errors.push({
          field: `cells.${i}.${k}`,
          message: `${k === 'demand' ? 'Demand' : 'Capacity'} must be a whole number of people, 0 or more`,
        });
    }
  });
  if (errors.length) throw new InputError(errors, 'The demand and capacity figures have problems');
}
