// Contract KPIs and providers' returns: which periods a return is due for, when it is late, and when the
// figure is off target. Periods follow the English financial year (April–March).
import { BOUNDS } from '../core/bounds.js';
import { addDays, addMonths, daysBetween, type IsoDate } from '../core/dates.js';

export const KPI_FREQUENCIES = ['monthly', 'quarterly', 'six_monthly', 'annual'] as const;
export type KpiFrequency = (typeof KPI_FREQUENCIES)[number];
export const KPI_FREQUENCY_LABELS: Record<KpiFrequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  six_monthly: 'Six-monthly',
  annual: 'Annual',
};
const PERIOD_MONTHS: Record<KpiFrequency, number> = { monthly: 1, quarterly: 3, six_monthly: 6, annual: 12 };

/** Default days after the period end by which the return is due (contract monitoring policy; a KPI may override). */
export const DEFAULT_DUE_DAYS: Record<KpiFrequency, number> = {
  monthly: 10,
  quarterly: 15,
  six_monthly: 20,
  annual: 30,
};

export type KpiDirection = 'higher_is_better' | 'lower_is_better';

export interface Kpi {
  name: string;
  unit: string;
  target: number;
  direction: KpiDirection;
  frequency: KpiFrequency;
  /** Distance from target still counted amber rather than red, in the KPI's unit. */
  tolerance: number;
  dueDays: number | null;
}

export interface ReportingPeriod {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  dueDate: IsoDate;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A reporting period's label: 'Apr 2026' (monthly), '2026/27 Q1', '2026/27 H1' or '2026/27' (financial year, April to March).
 */
export function periodLabel(frequency: KpiFrequency, periodStart: IsoDate): string {
  const [y, m] = periodStart.split('-').map(Number);
  const fyStart = m >= 4 ? y : y - 1;
  const fy = `${fyStart}/${String((fyStart + 1) % 100).padStart(2, '0')}`;
  const monthIndex = (m + 8) % 12; // April = 0
  switch (frequency) {
    case 'monthly':
      return `${MONTHS[m - 1]} ${y}`;
    case 'quarterly':
      return `${fy} Q${Math.floor(monthIndex / 3) + 1}`;
    case 'six_monthly':
      return `${fy} H${Math.floor(monthIndex / 6) + 1}`;
    case 'annual':
      return fy;
  }
}

/** The first period boundary on or before the date: month start, or the quarter/half/year of the financial year. */
export function periodStartFor(frequency: KpiFrequency, date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number);
  const months = PERIOD_MONTHS[frequency];
  const fromApril = (m + 8) % 12;
  const back = fromApril % months;
  return addMonths(`${y}-${String(m).padStart(2, '0')}-01`, -back);
}

/**
 * The date a return is due: the KPI's own days after the period end, or the default for its frequency (`DEFAULT_DUE_DAYS`).
 */
export function dueDateFor(kpi: Pick<Kpi, 'frequency' | 'dueDays'>, periodEnd: IsoDate): IsoDate {
  return addDays(periodEnd, kpi.dueDays ?? DEFAULT_DUE_DAYS[kpi.frequency]);
}

/** Every reporting period that has ended by asAt, from the one containing `from` (the KPI's start). */
export function periodsDue(
  kpi: Pick<Kpi, 'frequency' | 'dueDays'>,
  from: IsoDate,
  asAt: IsoDate,
  until?: IsoDate,
): ReportingPeriod[] {
  const out: ReportingPeriod[] = [];
  const months = PERIOD_MONTHS[kpi.frequency];
  for (let start = periodStartFor(kpi.frequency, from); ; start = addMonths(start, months)) {
    const end = addDays(addMonths(start, months), -1);
    if (end >= asAt || (until && start > until)) break;
    out.push({
      periodStart: start,
      periodEnd: end,
      dueDate: dueDateFor(kpi, end),
      label: periodLabel(kpi.frequency, start),
    });
  }
  return out;
}

export type KpiRag = 'green' | 'amber' | 'red';

/** Green on or better than target; amber within tolerance of it; red beyond. */
export function kpiRag(kpi: Pick<Kpi, 'target' | 'direction' | 'tolerance'>, value: number): KpiRag {
  const shortfall = kpi.direction === 'higher_is_better' ? kpi.target - value : value - kpi.target;
  if (shortfall <= 0) return 'green';
  return shortfall <= kpi.tolerance ? 'amber' : 'red';
}

export interface KpiReturnInput {
  periodStart: IsoDate;
  value: number;
  /** Date the provider submitted it. */
  submittedOn: IsoDate;
}

export type ReturnState = 'on_time' | 'late' | 'overdue' | 'awaited';

export interface ReturnStatus extends ReportingPeriod {
  state: ReturnState;
  value: number | null;
  submittedOn: IsoDate | null;
  /** Days after the due date it arrived (late) or has been outstanding (overdue). */
  daysLate: number;
  rag: KpiRag | null;
  offTarget: boolean;
}

/**
 * One row per period ended by asAt. A return is late when submitted after its due date, overdue when
 * still missing after it, awaited when missing but not yet due.
 */
export function returnStatuses(
  kpi: Kpi,
  from: IsoDate,
  returns: KpiReturnInput[],
  asAt: IsoDate,
  until?: IsoDate,
): ReturnStatus[] {
  const byStart = new Map(returns.map((r) => [r.periodStart, r]));
  return periodsDue(kpi, from, asAt, until).map((p) => {
    const r = byStart.get(p.periodStart);
    if (!r) {
      const overdue = asAt > p.dueDate;
      return {
        ...p,
        state: overdue ? 'overdue' : 'awaited',
        value: null,
        submittedOn: null,
        daysLate: overdue ? daysBetween(p.dueDate, asAt) : 0,
        rag: null,
        offTarget: false,
      };
    }
    const late = r.submittedOn > p.dueDate;
    const rag = kpiRag(kpi, r.value);
    return {
      ...p,
      state: late ? 'late' : 'on_time',
      value: r.value,
      submittedOn: r.submittedOn,
      daysLate: late ? daysBetween(p.dueDate, r.submittedOn) : 0,
      rag,
      offTarget: rag !== 'green',
    };
  });
}

/** Is `periodStart` a real period start for this frequency? Returns a message when not. */
export function periodProblem(frequency: KpiFrequency, periodStart: IsoDate, asAt: IsoDate): string | null {
  if (periodStartFor(frequency, periodStart) !== periodStart) {
    return `Not the start of a ${KPI_FREQUENCY_LABELS[frequency].toLowerCase()} period: use ${periodStartFor(frequency, periodStart)}`;
  }
  const end = addDays(addMonths(periodStart, PERIOD_MONTHS[frequency]), -1);
  if (end >= asAt) return `The period ${periodLabel(frequency, periodStart)} has not ended yet`;
  return null;
}

/** Units counted in whole numbers. */
const WHOLE_UNITS = /^(people|carers|visits|staff|placements|referrals|contacts|beds|clients|complaints)$/i;

/**
 * What is wrong with a return's value for this KPI, or null: a percentage KPI takes 0 to 100 (BOUNDS.percent);
 * counts (people, carers, visits...) are whole numbers, 0 or more; any other unit is 0 or more.
 */
export function kpiValueProblem(kpi: Pick<Kpi, 'unit'>, value: number): string | null {
  if (!Number.isFinite(value)) return 'Enter the value as a number';
  if (kpi.unit.trim() === '%') {
    if (value < BOUNDS.percent.min || value > BOUNDS.percent.max) return 'Enter a percentage from 0 to 100';
    return null;
  }
  if (value < 0) return `Enter a number of ${kpi.unit}, 0 or more`;
  if (WHOLE_UNITS.test(kpi.unit.trim()) && !Number.isInteger(value)) return `Enter a whole number of ${kpi.unit}`;
  return null;
}
