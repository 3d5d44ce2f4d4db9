// Which periods of the flow and delay metrics have ended: the page's headline figures are the last ended period,
// and the current one is marked "so far" in the download (issue 13, review 13 finding 12).
import { addDays, londonDate, minDate, periodEnded } from '../../../src/domain/core/dates';

/** Whether each period of a report has ended: its last day before today and within the report's window. */
export function periodEndedIn(
  report: { to: string; asAt: string },
  kind: 'week' | 'month',
): (periodStart: string) => boolean {
  const endBy = minDate(londonDate(new Date(report.asAt)), addDays(report.to, 1));
  return (periodStart) => periodEnded(periodStart, kind, endBy);
}

/** The last period that has ended and the one before it, for the headline figures (undefined when none has). */
export function lastEndedPeriods<R extends { period: string }>(
  rows: readonly R[],
  ended: (periodStart: string) => boolean,
): { last?: R; prev?: R } {
  const done = rows.filter((r) => ended(r.period));
  return { last: done[done.length - 1], prev: done[done.length - 2] };
}
