// Bounded requests: a date range asked of the API is checked (from before to, no longer than the endpoint
// allows) before any query runs, so one request cannot hold the database or the event loop.
import { daysBetween } from '../domain/core/dates.js';
import { invalid } from './problem.js';

/** Longest range for reports over time (metrics, history, D2A, acceptance records): five years. */
export const MAX_REPORT_DAYS = 5 * 366;

/**
 * Throws a 400 naming `from` or `to` when `to` is not after `from`, or the range is longer than `maxDays`.
 * Dates are ISO YYYY-MM-DD (already checked as real dates by the input guard).
 */
export function assertDateRange(
  range: { from: string; to: string },
  maxDays: number = MAX_REPORT_DAYS,
  fields: { from: string; to: string } = { from: 'from', to: 'to' },
): void {
  const days = daysBetween(range.from.slice(0, 10), range.to.slice(0, 10));
  if (!(days > 0)) {
    throw invalid([
      { field: fields.to, message: `Enter a ${fields.to} date after the ${fields.from} date`, in: 'querystring' },
    ]);
  }
  if (days > maxDays) {
    const years = Math.floor(maxDays / 366);
    throw invalid([
      {
        field: fields.from,
        message: `Ask for ${years > 0 ? `${years} years` : `${maxDays} days`} or less: ${range.from} to ${range.to} is ${days} days`,
        in: 'querystring',
      },
    ]);
  }
}
