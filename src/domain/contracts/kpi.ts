// Contract KPIs and providers' returns: which periods a return is due for, when it is late, and when the
// figure is off target. Periods follow the English financial year (April–March).
import { BOUNDS } from '../core/bounds.js';
import { addDays, addMonths, daysBetween, periodHasEnded, type IsoDate } from '../core/dates.js';
import { numberFormat } from '../core/format.js';

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

/**
 * How a KPI is measured, which types its target, tolerance and every return's value:
 * - `percent`: percentage points, 0 to 100 (unit '%');
 * - `count`: whole numbers of something the commissioner names in `unit` (people, visits, carers), 0 or more;
 * - `days`, `hours`: durations, 0 or more, decimals allowed (unit 'days' / 'hours');
 * - `pence`: money in whole pence, 0 or more (unit '£'; shown in pounds);
 * - `number`: any other figure (a score, a rate), named in `unit`; may be negative (a change).
 */
export const KPI_MEASURES = ['percent', 'count', 'days', 'hours', 'pence', 'number'] as const;
export type KpiMeasure = (typeof KPI_MEASURES)[number];
export const KPI_MEASURE_LABELS: Record<KpiMeasure, string> = {
  percent: 'Percentage',
  count: 'Count (people, visits…)',
  days: 'Days',
  hours: 'Hours',
  pence: 'Money (£)',
  number: 'Other number (a score or rate)',
};
/** The unit a measure implies; null where the commissioner names it (what is counted, or what the number is). */
export const KPI_MEASURE_UNITS: Record<KpiMeasure, string | null> = {
  percent: '%',
  count: null,
  days: 'days',
  hours: 'hours',
  pence: '£',
  number: null,
};

export interface Kpi {
  name: string;
  /** How the KPI is measured: the type of its target, tolerance and return values (KPI_MEASURES). */
  measure: KpiMeasure;
  /** The unit shown with each figure: '%', 'days', 'hours', '£', or what is counted ('people', 'visits'). */
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

/** A figure a return held before it was amended. */
export interface KpiReturnVersion {
  value: number;
  comment: string | null;
  /** Name of who gave that figure (null when unknown: an import, or an account since removed). */
  by: string | null;
  enteredByStaff: boolean;
  /** The day it was replaced, by whom, and why. */
  amendedOn: IsoDate;
  amendedBy: string | null;
  reason: string;
}

export interface KpiReturnInput {
  periodStart: IsoDate;
  value: number;
  /** Date the provider submitted it (first submission: an amendment does not make a return late). */
  submittedOn: IsoDate;
  comment?: string | null;
  /** Name of who gave the current figure. */
  by?: string | null;
  /** True when council staff entered it on the provider's behalf. */
  enteredByStaff?: boolean;
  /** The day of the last amendment, or null. */
  amendedOn?: IsoDate | null;
  /** Earlier figures, oldest first. */
  history?: KpiReturnVersion[];
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
  comment: string | null;
  by: string | null;
  enteredByStaff: boolean;
  amendedOn: IsoDate | null;
  history: KpiReturnVersion[];
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
        comment: null,
        by: null,
        enteredByStaff: false,
        amendedOn: null,
        history: [],
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
      comment: r.comment ?? null,
      by: r.by ?? null,
      enteredByStaff: r.enteredByStaff ?? false,
      amendedOn: r.amendedOn ?? null,
      history: r.history ?? [],
    };
  });
}

/**
 * The period a return form should offer first: the latest ended period still without a return (the one just
 * due), or null when every return is in. After a submission it moves to the next outstanding period, never to
 * the one just submitted.
 */
export function nextReturnPeriod(statuses: readonly ReturnStatus[]): ReturnStatus | null {
  const open = statuses.filter((r) => r.state === 'overdue' || r.state === 'awaited');
  return open.length ? open[open.length - 1] : null;
}

/** What is wrong with an amendment's reason, or null: a submitted figure is changed only with a reason. */
export function amendmentReasonProblem(reason: string | null | undefined): string | null {
  if (!reason?.trim()) return 'Enter why the figure is being amended';
  if (reason.trim().length > 2000) return 'Enter the reason in 2,000 characters or fewer';
  return null;
}

/** Is `periodStart` a real period start for this frequency? Returns a message when not. */
export function periodProblem(frequency: KpiFrequency, periodStart: IsoDate, asAt: IsoDate): string | null {
  if (periodStartFor(frequency, periodStart) !== periodStart) {
    return `Not the start of a ${KPI_FREQUENCY_LABELS[frequency].toLowerCase()} period: use ${periodStartFor(frequency, periodStart)}`;
  }
  if (!periodHasEnded(addMonths(periodStart, PERIOD_MONTHS[frequency]), asAt))
    return `The period ${periodLabel(frequency, periodStart)} has not ended yet`;
  return null;
}

/** Units counted in whole numbers (used to read a measure from a unit written as free text: imports, old records). */
const WHOLE_UNITS = /^(people|carers|visits|staff|placements|referrals|contacts|beds|clients|complaints)$/i;

/**
 * The measure a unit written as free text implies: '%' → percent; 'days'/'hours' → days/hours; '£', 'GBP' or
 * 'pence' → pence; a counted noun (people, carers, visits, staff, placements…) → count; anything else → number.
 */
export function kpiMeasureFromUnit(unit: string): KpiMeasure {
  const u = unit.trim().toLowerCase();
  if (u === '%' || u === 'percent' || u === 'per cent') return 'percent';
  if (u === 'days' || u === 'day') return 'days';
  if (u === 'hours' || u === 'hour') return 'hours';
  if (u === '£' || u === 'gbp' || u === 'pence' || u === 'p') return 'pence';
  if (WHOLE_UNITS.test(u)) return 'count';
  return 'number';
}

/**
 * The unit to store for a KPI: the one its measure implies ('%', 'days', 'hours', '£'), else the commissioner's own
 * (trimmed), or null when the measure needs one and none was given.
 */
export function kpiUnitFor(measure: KpiMeasure, unit: string | null | undefined): string | null {
  const fixed = KPI_MEASURE_UNITS[measure];
  if (fixed) return fixed;
  const own = unit?.trim();
  return own ? own : null;
}

/**
 * What is wrong with a figure typed by this KPI's measure, or null. `what` says which figure: a return's value,
 * named by the KPI ('Block bed occupancy must be a percentage from 0 to 100'), or the KPI's target or tolerance ('The target must be …'). A percentage is
 * 0 to 100 (BOUNDS.percent); a count is a whole number, 0 or more; days and hours are 0 or more; money is whole
 * pence, 0 or more; any other number may be negative (a change). Every figure lies within BOUNDS.kpiValue
 * (±1,000,000,000; for money, £10m).
 */
export function kpiFigureProblem(
  kpi: Pick<Kpi, 'measure' | 'unit'> & { name?: string },
  value: number,
  what: 'value' | 'target' | 'tolerance' = 'value',
): string | null {
  // A return's value is named by its KPI ("Block bed occupancy must be a percentage from 0 to 100"), so a page of
  // several KPIs says which figure is wrong.
  const subject = what === 'value' ? (kpi.name?.trim() ? capitalise(kpi.name.trim()) : 'The value') : `The ${what}`;
  const fix = (rule: string) => `${subject} must be ${rule}`;
  if (!Number.isFinite(value)) return `${subject} must be a number`;
  const { min, max } = BOUNDS.kpiValue;
  switch (kpi.measure) {
    case 'percent':
      return value < BOUNDS.percent.min || value > BOUNDS.percent.max ? fix('a percentage from 0 to 100') : null;
    case 'count':
    case 'days':
    case 'hours':
      if (value < 0) return fix(`a number of ${kpi.unit}, 0 or more`);
      if (value > max) return fix(`a number of ${kpi.unit} up to 1,000,000,000`);
      if (kpi.measure === 'count' && !Number.isInteger(value)) return fix(`a whole number of ${kpi.unit}`);
      return null;
    case 'pence':
      return !Number.isInteger(value) || value < 0 || value > max
        ? fix('an amount from £0 to £10,000,000 in pounds and pence')
        : null;
    case 'number':
      return value < min || value > max ? fix('a number from -1,000,000,000 to 1,000,000,000') : null;
  }
}

/** What is wrong with a return's value for this KPI, or null (kpiFigureProblem of the value). */
export function kpiValueProblem(kpi: Pick<Kpi, 'measure' | 'unit'> & { name?: string }, value: number): string | null {
  return kpiFigureProblem(kpi, value, 'value');
}

/**
 * Every problem with a KPI's definition at once, each naming its field: a unit where the measure needs one, a
 * target and a tolerance of the measure's type (the tolerance 0 or more).
 */
export function kpiDefinitionProblems(kpi: {
  measure: KpiMeasure;
  unit?: string | null;
  target: number;
  tolerance: number;
}): { field: 'unit' | 'target' | 'tolerance'; message: string }[] {
  const problems: { field: 'unit' | 'target' | 'tolerance'; message: string }[] = [];
  const unit = kpiUnitFor(kpi.measure, kpi.unit);
  if (!unit) problems.push({ field: 'unit', message: 'Enter the unit, like % or hours' });
  const typed = { measure: kpi.measure, unit: unit ?? 'units' };
  const target = kpiFigureProblem(typed, kpi.target, 'target');
  if (target) problems.push({ field: 'target', message: target });
  const tolerance =
    kpi.tolerance < 0 ? 'The tolerance must be 0 or more' : kpiFigureProblem(typed, kpi.tolerance, 'tolerance');
  if (tolerance) problems.push({ field: 'tolerance', message: tolerance });
  return problems;
}

/**
 * A KPI figure as the user reads it: '87.5%', '12 people', '3.5 days', '£1,234.56' (from pence), '4.2 score'.
 * Counts and money are grouped by thousands (en-GB).
 */
export function formatKpiFigure(kpi: Pick<Kpi, 'measure' | 'unit'>, value: number): string {
  const n = (v: number, digits = 2) => numberFormat(0, digits).format(v);
  switch (kpi.measure) {
    case 'percent':
      return `${n(value, 1)}%`;
    case 'pence':
      return `£${numberFormat(value % 100 === 0 ? 0 : 2, 2).format(value / 100)}`;
    default:
      return `${n(value)} ${kpi.unit}`;
  }
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
