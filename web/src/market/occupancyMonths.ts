// Months of the occupancy trend as the page and its download name them: the current month, which holds each
// home's latest return so far, is "to date" (issue 13, review 13 finding 13: a month one day old read as finished).
import { londonDate, periodEnded } from '../../../src/domain/core/dates';
import { formatMonth } from '../../../src/domain/core/format';

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
