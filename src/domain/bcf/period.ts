// Financial years and their quarters as the BCF uses them: years run April to March ('2025/26'), quarter 1 is
// April–June. A quarter is written '2025/26 Q1' in files and pages.
import {
  addMonths,
  financialQuarterOf,
  financialYearOf,
  financialYearStart,
  periodHasEnded,
  type IsoDate,
} from '../core/dates.js';

export type QuarterNumber = 1 | 2 | 3 | 4;

/** One financial-year quarter. */
export interface FyQuarter {
  year: string;
  quarter: QuarterNumber;
}

const LABEL = /^(\d{4}\/\d{2}) Q([1-4])$/;

/** '2025/26 Q1'. */
export function quarterLabel(q: FyQuarter): string {
  return `${q.year} Q${q.quarter}`;
}

/** Parse '2025/26 Q1'. @throws RangeError naming the label when it is not one. */
export function parseQuarterLabel(label: string): FyQuarter {
  const m = LABEL.exec(label.trim());
  if (!m) throw new RangeError(`Not a quarter written like 2025/26 Q1: ${label}`);
  financialYearStart(m[1]); // checks the year label itself
  return { year: m[1], quarter: Number(m[2]) as QuarterNumber };
}

/** First day of a financial-year quarter: 2025/26 Q1 → 2025-04-01, Q4 → 2026-01-01. */
export function quarterStartDate(q: FyQuarter): IsoDate {
  return addMonths(financialYearStart(q.year), (q.quarter - 1) * 3);
}

/** First day after the quarter (exclusive end). */
export function quarterEndDate(q: FyQuarter): IsoDate {
  return addMonths(quarterStartDate(q), 3);
}

/** The four quarters of each year, in order. */
export function quartersOf(years: readonly string[]): FyQuarter[] {
  return years.flatMap((year) => ([1, 2, 3, 4] as const).map((quarter) => ({ year, quarter })));
}

/** The quarter holding a date. */
export function quarterOfDate(date: IsoDate): FyQuarter {
  return financialQuarterOf(date);
}

/**
 * The year a BCF page opens on: the current financial year when the plan covers it, else the plan's first year.
 * Every BCF page and the home page's card use it, so they open on the same year.
 */
export function defaultPlanYear(years: readonly string[], today: IsoDate): string {
  const current = financialYearOf(today);
  return years.includes(current) ? current : years[0];
}

/** The financial year after '2025/26' → '2026/27'. */
export function nextFinancialYear(year: string): string {
  const start = Number(financialYearStart(year).slice(0, 4)) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Is quarter a before quarter b? */
export function quarterBefore(a: FyQuarter, b: FyQuarter): boolean {
  return a.year < b.year || (a.year === b.year && a.quarter < b.quarter);
}

/** The twelve months of a financial year as 'YYYY-MM', April first. */
export function monthsOfYear(year: string): string[] {
  const start = financialYearStart(year);
  return Array.from({ length: 12 }, (_, i) => addMonths(start, i).slice(0, 7));
}

/**
 * Has the quarter ended by `today` (London)? Actual spend and a quarter's return are only for quarters that have
 * ended: the same rule as KPI returns (`periodHasEnded`).
 */
export function quarterHasEnded(q: FyQuarter, today: IsoDate): boolean {
  return periodHasEnded(quarterEndDate(q), today);
}

/** The refusal of figures for a quarter still running or to come, in the KPI returns' words. */
export function quarterNotEndedMessage(q: FyQuarter): string {
  return `The quarter ${quarterLabel(q)} has not ended yet: actual figures can be given once it has`;
}

/** The quarters of `years` that have ended by `today`, latest first (the one a return is due for first). */
export function endedQuarters(years: readonly string[], today: IsoDate): FyQuarter[] {
  return quartersOf(years)
    .filter((q) => quarterHasEnded(q, today))
    .reverse();
}
