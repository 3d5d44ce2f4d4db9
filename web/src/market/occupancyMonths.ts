// Months and quarters of the market's series as the pages and downloads name them: the current one, which holds each
// home's latest return or the placements so far, is "to date" (issue 13, review 13 finding 13: a month one day old read as finished).
import { londonDate, periodEnded } from '../../../src/domain/core/dates';
import { formatMonth, formatQuarter } from '../../../src/domain/core/format';

/** Whether the month ("2026-12") has ended by the time the figures were read (`asAt`, an ISO timestamp). */
function monthEnded(month: string, asAt: string): boolean {
  return periodEnded(`${month}-01`, 'month', londonDate(new Date(asAt)));
}

/** "November 2026", or "December 2026 to date" for the month not yet ended. */
export function occupancyMonthText(asAt: string): (month: string) => string {
  return (month) => (monthEnded(month, asAt) ? formatMonth(month) : `${formatMonth(month)} to date`);
}

/** The download's month: "2026-11", or "2026-12 (to date)" for the month not yet ended. */
export function occupancyMonthCell(month: string, asAt: string): string {
  return monthEnded(month, asAt) ? month : `${month} (to date)`;
}

/** Whether the quarter ("2026-Q4", calendar quarters) has ended by the time the figures were read. */
function quarterEnded(quarter: string, asAt: string): boolean {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return true;
  const start = `${m[1]}-${String((+m[2] - 1) * 3 + 1).padStart(2, '0')}-01`;
  return periodEnded(start, 'quarter', londonDate(new Date(asAt)));
}

/** "Jul–Sep 2026", or "Oct–Dec 2026 to date" for the quarter not yet ended. */
export function quarterText(asAt: string): (quarter: string) => string {
  return (q) => (quarterEnded(q, asAt) ? formatQuarter(q) : `${formatQuarter(q)} to date`);
}

/** The download's quarter: "2026-Q3", or "2026-Q4 (to date)" for the quarter not yet ended. */
export function quarterCell(quarter: string, asAt: string): string {
  return quarterEnded(quarter, asAt) ? quarter : `${quarter} (to date)`;
}
